import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/core/text/decode';
import { LineIndex } from '../../src/core/text/lineIndex';
import { scanSuppressions } from '../../src/core/text/suppressions';
import { basename, dirname, isInside, join, normalize, relative } from '../../src/core/util/paths';

describe('LineIndex', () => {
  // Lines: "ab" at 0 (CRLF), "cd" at 4 (CR), "e" at 7 (LF), "f" at 9; 10 characters.
  const mixed = new LineIndex('ab\r\ncd\re\nf');

  it('maps offsets across CRLF, CR and LF; inside a CRLF is the end of its line', () => {
    const at = (o: number) => mixed.position(o);
    expect(mixed.lineCount).toBe(4);
    expect([0, 2, 3, 4, 6, 7, 8, 9, 10].map((o) => [o, at(o).line, at(o).character])).toEqual([
      [0, 0, 0],
      [2, 0, 2],
      [3, 0, 2],
      [4, 1, 0],
      [6, 1, 2],
      [7, 2, 0],
      [8, 2, 1],
      [9, 3, 0],
      [10, 3, 1],
    ]);
    expect(at(99)).toEqual({ line: 3, character: 1 });
    expect(at(-5)).toEqual({ line: 0, character: 0 });
    expect(mixed.range(4, 2)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    expect(mixed.range(4, 8)).toEqual({ start: { line: 1, character: 0 }, end: { line: 2, character: 1 } });
  });

  it('gives offsets, line starts and line texts, clamped to the text', () => {
    expect(mixed.offset({ line: 1, character: 1 })).toBe(5);
    expect(mixed.offset({ line: 9, character: 0 })).toBe(9);
    expect(mixed.offset({ line: 3, character: 99 })).toBe(10);
    expect([0, 1, 2, 3, 10].map((l) => mixed.lineStart(l))).toEqual([0, 4, 7, 9, 9]);
    expect([0, 1, 2, 3].map((l) => mixed.lineText(l))).toEqual(['ab', 'cd', 'e', 'f']);
    const lf = new LineIndex('x\ny\n');
    expect([lf.lineCount, lf.lineText(0), lf.lineText(1), lf.lineText(2)]).toEqual([3, 'x', 'y', '']);
    expect(new LineIndex('a\r').lineText(0)).toBe('a');
    expect(new LineIndex('a\r\r\nb').lineText(1)).toBe('');
  });

  it('answers in any order, far jumps and short steps alike', () => {
    const lines = new LineIndex('x\n'.repeat(30));
    const line = (o: number) => lines.position(o).line;
    expect([41, 6, 10, 50, 52, 2, 60, 0, 17, 59].map(line)).toEqual([20, 3, 5, 25, 26, 1, 30, 0, 8, 29]);
    expect(lines.position(41)).toEqual({ line: 20, character: 1 });
    expect(lines.lineCount).toBe(31);
  });

  it('uses line starts given to it', () => {
    const given = new LineIndex('a\nb', [0, 2]);
    expect(given.position(2)).toEqual({ line: 1, character: 0 });
    expect(given.lineCount).toBe(2);
  });
});

describe('disable comments', () => {
  it('end at CRLF, CR or LF alike', () => {
    const text = 'a: 1\r\n# peakend-disable-next-line schema\r\nb: 2\r# peakend-disable-next-line\rc: 3\n#peakend-disable-next-line duplicate-id\nd: 4\n';
    expect(scanSuppressions(text)).toEqual(
      new Map([
        [2, new Set(['schema'])],
        [4, new Set()],
        [6, new Set(['duplicate-id'])],
      ]),
    );
  });

  it('read rule IDs in any case, up to a reason after "--"', () => {
    expect(scanSuppressions('# peakend-disable-next-line Schema,YAML-Syntax -- checked by hand\n')).toEqual(new Map([[1, new Set(['schema', 'yaml-syntax'])]]));
    expect(scanSuppressions('  #  peakend-disable-next-line   a  b --\n')).toEqual(new Map([[1, new Set(['a', 'b'])]]));
    expect(scanSuppressions('# peakend-disable-next-line a--b\n')).toEqual(new Map([[1, new Set(['a--b'])]]));
  });

  it('need the directive as a word of its own, at the start of a comment line', () => {
    expect(scanSuppressions('# peakend-disable-next-lines schema\n')).toEqual(new Map());
    expect(scanSuppressions('# peakend-disable-next-line-x\n')).toEqual(new Map());
    expect(scanSuppressions('# see peakend-disable-next-line\n')).toEqual(new Map());
    expect(scanSuppressions('# peakend-disable\n')).toEqual(new Map());
    expect(scanSuppressions('a\n# peakend-disable-next-line\tschema')).toEqual(new Map([[2, new Set(['schema'])]]));
  });
});

describe('POSIX paths', () => {
  it('split into folder and name', () => {
    expect([dirname('a'), dirname('/a'), dirname('/a/b'), dirname('a/b/c')]).toEqual(['.', '/', '/a', 'a/b']);
    expect([basename('/a/b'), basename('b'), basename('/a/')]).toEqual(['b', 'b', '']);
  });

  it('normalize and join', () => {
    expect([normalize(''), normalize('/'), normalize('.'), normalize('a/..'), normalize('../a/../..'), normalize('/../a'), normalize('a//b/./c/')]).toEqual([
      '.', '/', '.', '.', '../..', '/a', 'a/b/c',
    ]);
    expect([join('a', '', '../b'), join('/x', '..', '..'), join('旅程', '地图.yaml'), join()]).toEqual(['b', '/', '旅程/地图.yaml', '.']);
  });

  it('relate and contain', () => {
    expect([relative('/a/b', '/a/b'), relative('/a/b', '/a/c/d'), relative('/', '/x'), relative('/x/y', '/'), relative('/a/', '/a/b/')]).toEqual(['.', '../c/d', 'x', '../..', 'b']);
    expect([isInside('/', '/x'), isInside('/a', '/ab'), isInside('/a', '/a'), isInside('/a/', '/a/b'), isInside('/a/b', '/a'), isInside('/a', '/a/../b'), isInside('/', 'x')]).toEqual([
      true, false, true, true, false, false, false,
    ]);
  });
});

describe('UTF-8 decoding edges', () => {
  const b = (...x: number[]) => new Uint8Array(x);

  it('takes only FF FE and FE FF as UTF-16 byte order marks', () => {
    expect(decodeUtf8(b(0xff, 0x41))).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 0, line: 0, column: 0 });
    expect(decodeUtf8(b(0x41, 0xfe))).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 1, line: 0, column: 1 });
    expect(decodeUtf8(b(0xfe, 0x41))).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 0, line: 0, column: 0 });
    expect(decodeUtf8(b(0x41, 0xff))).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 1, line: 0, column: 1 });
  });

  it('checks each lead byte range and its continuation bytes', () => {
    // F0–F4 lead four bytes, E0–EF three; a four-byte lead read as a three-byte one would end early.
    expect(firstInvalidUtf8(b(0xf0, 0x9f, 0x98, 0x80, 0x61))).toBe(5);
    expect(firstInvalidUtf8(b(0xf3, 0xbf, 0xbf, 0xbf))).toBe(4);
    expect(firstInvalidUtf8(b(0xe0, 0xa0, 0x80, 0x61))).toBe(4);
    expect(firstInvalidUtf8(b(0xdf, 0xbf, 0x61))).toBe(3);
    // Truncated at the end, by one byte or more.
    expect(firstInvalidUtf8(b(0x61, 0xf0, 0x9f, 0x98))).toBe(1);
    expect(firstInvalidUtf8(b(0x61, 0xdf))).toBe(1);
    // A continuation byte that is not one, at each place.
    expect(firstInvalidUtf8(b(0xe6, 0x61, 0x85))).toBe(0);
    expect(firstInvalidUtf8(b(0xe6, 0x97, 0x61))).toBe(0);
    expect(firstInvalidUtf8(b(0xf0, 0x9f, 0x98, 0xc0))).toBe(0);
    // The last surrogate, ED BF BF, is refused; EF BF BF (U+FFFF) is not.
    expect(firstInvalidUtf8(b(0xed, 0xbf, 0xbf))).toBe(0);
    expect(firstInvalidUtf8(b(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(b(0xef, 0xbf, 0xbf, 0x61))).toBe(4);
    expect(firstInvalidUtf8(b(0x7f))).toBe(1);
    expect(firstInvalidUtf8(b())).toBe(0);
  });
});
