/** The Mermaid encoders' exact output, character by character (mermaid-encode.test.ts checks it parses back). */
import { describe, expect, it } from 'vitest';
import { initDirective, mermaidLine, mermaidNumber, mermaidString, quadrantCoordinate } from '../../src/core/render/mermaid';

describe('mermaidString and mermaidLine', () => {
  it('write the backslash and Mermaid placeholder characters as entities', () => {
    expect(mermaidString('a\\b¶cﬂd')).toBe('"a#92;b#182;c#64258;d"');
    expect(mermaidLine('#35;')).toBe('#35;35#59;');
  });
  it('keep inner spaces and write spaces at either end, tabs too, one entity each', () => {
    expect(mermaidLine('a  b')).toBe('a  b');
    expect(mermaidLine('\t x y \t')).toBe('#9;#32;x y#32;#9;');
    expect(mermaidString('  ')).toBe('"#32;#32;"');
    expect(mermaidString('\u3000中\u3000')).toBe('"#12288;中#12288;"');
  });
  it('fold lines and replace control characters before encoding', () => {
    expect(mermaidString('a\nb\u0001')).toBe('"a b\ufffd"');
    expect(mermaidLine('a\n')).toBe('a#32;');
  });
  it('leave an empty string empty', () => {
    expect(mermaidString('')).toBe('""');
    expect(mermaidLine('')).toBe('');
  });
});

describe('mermaidNumber', () => {
  it('rounds to three decimals', () => {
    expect(mermaidNumber(1.0005)).toBe('1.001');
    expect(mermaidNumber(-2.5)).toBe('-2.5');
    expect(mermaidNumber(-0.0004)).toBe('0');
    expect(mermaidNumber(12)).toBe('12');
  });
});

describe('quadrantCoordinate', () => {
  it('clamps into 0–1 and rounds to three decimals', () => {
    expect(quadrantCoordinate(0.5004)).toBe('0.5');
    expect(quadrantCoordinate(0.0005)).toBe('0.001');
    expect(quadrantCoordinate(0.9994)).toBe('0.999');
    expect(quadrantCoordinate(0.9995)).toBe('1');
    expect(quadrantCoordinate(1.5)).toBe('1');
    expect(quadrantCoordinate(-0.5)).toBe('0');
    expect(quadrantCoordinate(0.25)).toBe('0.25');
  });
});

describe('initDirective', () => {
  it('writes the config as JSON inside %%{init: …}%%', () => {
    expect(initDirective({ theme: 'base', themeVariables: { xyChart: { plotColorPalette: '#2563eb, #dc2626' } } })).toBe(
      '%%{init: {"theme":"base","themeVariables":{"xyChart":{"plotColorPalette":"#2563eb, #dc2626"}}}}%%',
    );
    expect(initDirective({})).toBe('%%{init: {}}%%');
  });
  it('refuses a value with a semicolon, which Mermaid would rewrite', () => {
    expect(() => initDirective({ a: 'x;y' })).toThrow('Mermaid init directive must not contain ";" or newlines');
  });
});
