import { describe, expect, it } from 'vitest';
import { jsonSafe, terminalSafe } from '../../src/core';

describe('terminalSafe', () => {
  it('turns runs of line breaks and tabs into one space and every other control into U+FFFD', () => {
    expect(terminalSafe('a\r\n\tb\u2028c')).toBe('a b c');
    expect(terminalSafe('\u001b]8;;https:x\u0007link\u001b]8;;\u0007')).toBe('\ufffd]8;;https:x\ufffdlink\ufffd]8;;\ufffd');
    expect(terminalSafe('\u009b2J\u007f\u0000')).toBe('\ufffd2J\ufffd\ufffd');
    expect(terminalSafe('abc\u202edcba\u2066x\u2069')).toBe('abc\ufffddcba\ufffdx\ufffd');
  });

  it('leaves ordinary text alone, Chinese and emoji included', () => {
    expect(terminalSafe('服务热线 “绿化养护” 😀 é')).toBe('服务热线 “绿化养护” 😀 é');
  });

  it('keeps CR, LF and tab when asked (for a caller that escapes them)', () => {
    expect(terminalSafe('a\r\n\tb\u001bc', true)).toBe('a\r\n\tb\ufffdc');
  });
});

describe('jsonSafe', () => {
  it('escapes what JSON.stringify leaves raw, so the parsed value is unchanged', () => {
    const value = { s: 'x\u009b31m\u202e\u2028\u007f 服务' };
    const text = jsonSafe(JSON.stringify(value));
    expect(text).toBe('{"s":"x\\u009b31m\\u202e\\u2028\\u007f 服务"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
