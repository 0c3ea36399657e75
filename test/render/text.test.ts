/** The shared text helpers: folding, what may be shown, number formatting, display width, truncation. */
import { describe, expect, it } from 'vitest';
import { displayWidth, foldLines, formatNumber, plainText, truncate } from '../../src/core/render/text';

const cp = (n: number) => String.fromCodePoint(n);

describe('foldLines', () => {
  it('turns each line break, CRLF counted once, into one space', () => {
    expect(foldLines('a\r\nb')).toBe('a b');
    expect(foldLines('a\rb\nc\u2028d\u2029e\u0085f')).toBe('a b c d e f');
    expect(foldLines('a\n\nb')).toBe('a  b');
    expect(foldLines('a\tb')).toBe('a\tb');
  });
});

describe('plainText', () => {
  it('replaces control characters, keeps tab, no-break space and the folded NEL', () => {
    const controls = [0x00, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f, 0x84, 0x86, 0x9f].map(cp).join('');
    expect(plainText(`x${controls}y`)).toBe(`x${'\ufffd'.repeat(10)}y`);
    expect(plainText('a\tb\u00a0c\u0085d ~')).toBe('a\tb\u00a0c d ~');
  });
  it('replaces lone surrogates and keeps pairs', () => {
    expect(plainText('😀')).toBe('😀');
    expect(plainText('a\ud83d')).toBe('a\ufffd');
    expect(plainText('\ude00b')).toBe('\ufffdb');
    expect(plainText('\ud83d\ud83d\ude00')).toBe('\ufffd😀');
    expect(plainText('\ude00\ud83d')).toBe('\ufffd\ufffd');
  });
});

describe('formatNumber', () => {
  it('writes integers plain and fractions to two decimals', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(0.125)).toBe('0.13');
    expect(formatNumber(-1.5)).toBe('-1.5');
    expect(formatNumber(-0.001)).toBe('0');
  });
  it('adds a plus sign to positive values only when asked', () => {
    expect(formatNumber(2, { sign: true })).toBe('+2');
    expect(formatNumber(0.5, { sign: true })).toBe('+0.5');
    expect(formatNumber(0, { sign: true })).toBe('0');
    expect(formatNumber(0.001, { sign: true })).toBe('0');
    expect(formatNumber(-0.001, { sign: true })).toBe('0');
    expect(formatNumber(-2, { sign: true })).toBe('-2');
    expect(formatNumber(2, { sign: false })).toBe('2');
  });
});

describe('displayWidth', () => {
  it('counts East Asian wide characters and emoji as two columns, at each range edge', () => {
    const wide = [0x1100, 0x115f, 0x2e80, 0x303e, 0x3040, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x1f300, 0x1f600, 0x1faff, 0x20000, 0x3fffd];
    const narrow = [0x41, 0x10ff, 0x1160, 0x2e7f, 0x303f, 0xa4d0, 0xabff, 0xd7a4, 0xf8ff, 0xfb00, 0xfe2f, 0xfe50, 0xfeff, 0xff61, 0xffdf, 0xffe7, 0x1f2ff, 0x1fb00, 0x1ffff, 0x3fffe];
    expect(wide.map((c) => displayWidth(cp(c)))).toEqual(wide.map(() => 2));
    expect(narrow.map((c) => displayWidth(cp(c)))).toEqual(narrow.map(() => 1));
    expect(displayWidth('交房 ok')).toBe(7);
    expect(displayWidth('')).toBe(0);
  });
});

describe('truncate', () => {
  it('leaves text that fits, including text exactly as wide as the limit', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('中文', 4)).toBe('中文');
  });
  it('cuts to the limit with the ellipsis counted, never splitting a wide character', () => {
    expect(truncate('abcd', 3)).toBe('ab…');
    expect(truncate('中文字', 4)).toBe('中…');
    expect(truncate('中文字', 5)).toBe('中文…');
    expect(truncate('😀😀😀', 5)).toBe('😀😀…');
  });
  it('drops spaces before the ellipsis', () => {
    expect(truncate('ab cd', 4)).toBe('ab…');
    expect(truncate(' ab cd', 4)).toBe(' ab…');
  });
});
