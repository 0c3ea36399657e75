import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text/lineIndex';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/core/text/decode';
import { editDistance, similar } from '../../src/core/util/similar';
import { normalize, relative, isInside } from '../../src/core/util/paths';
import { scanSuppressions } from '../../src/core/text/suppressions';

describe('LineIndex', () => {
  it('maps offsets across LF, CRLF and lone CR, in UTF-16 columns', () => {
    const idx = new LineIndex('a\r\nbc\rd\n旅程😀x');
    expect(idx.lineCount).toBe(4);
    expect(idx.position(0)).toEqual({ line: 0, character: 0 });
    expect(idx.position(3)).toEqual({ line: 1, character: 0 });
    expect(idx.position(6)).toEqual({ line: 2, character: 0 });
    expect(idx.position(8 + 4)).toEqual({ line: 3, character: 4 });
    expect(idx.lineText(1)).toBe('bc');
    expect(idx.lineText(3)).toBe('旅程😀x');
    expect(idx.offset({ line: 3, character: 2 })).toBe(10);
  });
});

describe('decodeUtf8', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('drops a BOM and keeps CJK text', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('旅程')]))).toEqual({ ok: true, text: '旅程', hadBom: true });
  });
  it('finds the first bad byte: overlong, surrogate, truncated, stray continuation', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([...enc('ab'), 0xe6, 0x97]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0x80]))).toBe(0);
    expect(firstInvalidUtf8(enc('完全有效 ✓ 😀'))).toBe(enc('完全有效 ✓ 😀').length);
  });
  it('reports the line and column of the bad byte', () => {
    const r = decodeUtf8(new Uint8Array([...enc('a: 1\nb: 旅'), 0xff]));
    expect(r).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 11, line: 1, column: 4 });
  });
});

describe('similar', () => {
  it('measures CJK by character and suggests close or containing IDs', () => {
    expect(editDistance('维修上门', '维修回访')).toBe(2);
    expect(similar('hotline', ['service-hotline', 'service-center'])).toEqual(['service-hotline']);
    expect(similar('tenent', ['tenant', 'owner'])).toEqual(['tenant']);
    expect(similar('报修热线', ['报修热線', '物业前台'])).toEqual(['报修热線']);
    expect(similar('x', ['completely-different'])).toEqual([]);
  });
});

describe('paths', () => {
  it('normalizes and relates POSIX paths', () => {
    expect(normalize('/a/./b/../c//d/')).toBe('/a/c/d');
    expect(relative('/ws/examples', '/ws/examples/a/b.yaml')).toBe('a/b.yaml');
    expect(relative('/ws/a', '/ws/b/c')).toBe('../b/c');
    expect(isInside('/ws/a', '/ws/ab')).toBe(false);
    expect(isInside('/ws/a', '/ws/a/b')).toBe(true);
  });
});

describe('suppressions', () => {
  it('reads whole-line directives with or without rule IDs', () => {
    const s = scanSuppressions('a: 1\n  # peakend-disable-next-line unknown-touchpoint, duplicate-id\nb: 2\n# peakend-disable-next-line\nc: 3\nd: "# peakend-disable-next-line"\n');
    expect([...s.keys()]).toEqual([2, 4]);
    expect([...s.get(2)!]).toEqual(['unknown-touchpoint', 'duplicate-id']);
    expect(s.get(4)!.size).toBe(0);
  });
});

describe('toLanguage', () => {
  it('reads BCP 47 and POSIX locales, and keeps traditional Chinese in English', async () => {
    const { toLanguage } = await import('../../src/core');
    expect(['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh'].map(toLanguage)).toEqual(['zh-cn', 'zh-cn', 'zh-cn', 'zh-cn', 'zh-cn']);
    expect(['zh_TW.UTF-8', 'zh-HK', 'zh-Hant-TW', 'en-US', '', undefined].map(toLanguage)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', async () => {
    const { editDistance: d, similar: sim } = await import('../../src/core/util/similar');
    expect(d('=>', '>=')).toBe(1);
    expect(d('recieve', 'receive')).toBe(1);
    expect(d('报修热线', '修报热线')).toBe(1);
    expect(sim('=>', ['<=', '<', '>=', '>', '='], 1)).toEqual(['>=']);
  });
});
