import fc from 'fast-check';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basename, dirname, isInside, join, normalize, relative } from '../../src/core/util/paths';
import { editDistance, similar } from '../../src/core/util/similar';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/core/text/decode';
import { contains } from '../../src/core/language/targets';
import { renderMessage, localizeFinding, toLanguage } from '../../src/core/messages/render';
import { compareFindings, type Finding } from '../../src/core/finding';
import { isValidId } from '../../src/core/model/ids';
import { fillTemplate, templateFileName } from '../../src/core/templates';
import { analyzeFile, defaultConfig } from '../../src/core';

describe('POSIX paths', () => {
  it('split into folder and name', () => {
    expect([dirname('/a/b.yaml'), dirname('/a'), dirname('b.yaml'), dirname('/')]).toEqual(['/a', '/', '.', '/']);
    expect([basename('/a/b.yaml'), basename('b'), basename('/a/')]).toEqual(['b.yaml', 'b', '']);
  });

  it('normalize relative and absolute paths, never above the root', () => {
    expect(normalize('/../a/../../b')).toBe('/b');
    expect(normalize('../a/../../b/./c')).toBe('../../b/c');
    expect(normalize('a/..')).toBe('.');
    expect(normalize('/')).toBe('/');
    expect(normalize('')).toBe('.');
    expect(normalize('./a//b/')).toBe('a/b');
    expect(join('/ws', '', 'a', '../b.yaml')).toBe('/ws/b.yaml');
  });

  it('relate folders to files both ways, and to themselves', () => {
    expect(relative('/ws', '/ws')).toBe('.');
    expect(relative('/ws/a/b', '/ws')).toBe('../..');
    expect(relative('/', '/x/y')).toBe('x/y');
    expect(relative('/ws/./a/', '/ws/a/c')).toBe('c');
    expect(isInside('/ws', '/ws')).toBe(true);
    expect(isInside('/', '/anything')).toBe(true);
    expect(isInside('/ws/', '/ws/a/../b')).toBe(true);
    expect(isInside('/ws/a', '/ws/a/../b')).toBe(false);
  });

  // Paths already normal take a shortcut; every path, normal or not, agrees with Node's own.
  const segment = fc.constantFrom('a', 'b', '.', '..', '', '.a', 'a.', '...', '中文', 'x y');
  const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 })).map(([abs, segs]) => (abs ? '/' : '') + segs.join('/'));
  const absolute = fc.array(segment, { maxLength: 6 }).map((segs) => '/' + segs.join('/'));
  /** Node's answer, without the trailing slash it keeps. */
  const nodeNormalize = (p: string) => {
    const n = posix.normalize(p);
    return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
  };

  it('normalize every path as Node does, minus a trailing slash', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(normalize(p)).toBe(nodeNormalize(p));
      }),
      { numRuns: 2000 },
    );
    for (const p of ['/ws/a.yaml', 'a/b', '/', '/ws/.', '/ws/..', '/ws/a/', 'a//b', './a', '..a/b', 'a/.b']) expect(normalize(p)).toBe(nodeNormalize(p));
  });

  it('relate absolute paths as Node does', () => {
    fc.assert(
      fc.property(absolute, absolute, (from, to) => {
        expect(relative(from, to)).toBe(posix.relative(from, to) || '.');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(absolute, fc.array(segment, { maxLength: 4 }), (from, below) => {
        const to = `${from}/${below.join('/')}`;
        expect(relative(from, to)).toBe(posix.relative(from, to) || '.');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('similar IDs', () => {
  it('stops early past the allowed distance, and counts code points', () => {
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('😀a', '😀b')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abcd', 'badc')).toBe(2);
  });

  it('allows more edits for longer words, at most 4, and ranks by distance, then length, then name', () => {
    // len 1-2: 1 edit; 3-5: 2; 6-8: 3; 9+: 4.
    expect(similar('ab', ['xy', 'ax'])).toEqual(['ax']);
    expect(similar('abc', ['xyc', 'xyz'])).toEqual(['xyc']);
    expect(similar('abcdef', ['xyzdef', 'xyzwef'])).toEqual(['xyzdef']);
    expect(similar('abcdefghijkl', ['wxyzefghijkl', 'vwxyzfghijkl'])).toEqual(['wxyzefghijkl']);
    expect(similar('Owner', ['owner', 'owners'])).toEqual(['owner', 'owners']);
    expect(similar('tenant', ['tenant', 'tenants'])).toEqual(['tenants']);
    expect(similar('abcd', ['abce', 'abxd', 'abcde', 'ab'], 3)).toEqual(['abce', 'abxd', 'abcde']);
    expect(similar('abcd', ['zbcd', 'abcd-long-suffix'], 1)).toEqual(['zbcd']);
    // A word of 4 or more characters contained in a candidate (or containing it) is a candidate too.
    expect(similar('hotline', ['service-hotline-24h'])).toEqual(['service-hotline-24h']);
    expect(similar('hot', ['service-hotline-24h'])).toEqual([]);
    expect(similar('service-hotline-24h', ['line'])).toEqual(['line']);
    expect(similar('a', ['b', 'c'], 0)).toEqual([]);
  });
});

describe('UTF-8 decoding', () => {
  const b = (...x: number[]) => new Uint8Array(x);
  it('refuses UTF-16 in either byte order, and reports bad bytes by offset, line and column', () => {
    expect(decodeUtf8(b(0xff, 0xfe, 0x61, 0))).toEqual({ ok: false, reason: 'utf16', byteOffset: 0, line: 0, column: 0 });
    expect(decodeUtf8(b(0xfe, 0xff, 0, 0x61))).toEqual({ ok: false, reason: 'utf16', byteOffset: 0, line: 0, column: 0 });
    expect(decodeUtf8(b(0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63, 0xc3))).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 6, line: 2, column: 1 });
    expect(decodeUtf8(b(0xef, 0xbb, 0xbf, 0x61, 0xff))).toEqual({ ok: false, reason: 'invalid-utf8', byteOffset: 4, line: 0, column: 1 });
    expect(decodeUtf8(b())).toEqual({ ok: true, text: '', hadBom: false });
    expect(decodeUtf8(b(0x61))).toEqual({ ok: true, text: 'a', hadBom: false });
  });

  it('finds the first byte that breaks a sequence: lead bytes, continuations, overlongs, range', () => {
    expect(firstInvalidUtf8(b(0xc2, 0x80))).toBe(2);
    expect(firstInvalidUtf8(b(0xc1, 0x80))).toBe(0);
    expect(firstInvalidUtf8(b(0xdf, 0xbf, 0xe0, 0xa0, 0x80))).toBe(5);
    expect(firstInvalidUtf8(b(0xe0, 0x9f, 0xbf))).toBe(0);
    expect(firstInvalidUtf8(b(0xef, 0xbf, 0xbf))).toBe(3);
    expect(firstInvalidUtf8(b(0xf0, 0x90, 0x80, 0x80))).toBe(4);
    expect(firstInvalidUtf8(b(0xf0, 0x8f, 0xbf, 0xbf))).toBe(0);
    expect(firstInvalidUtf8(b(0xf4, 0x8f, 0xbf, 0xbf))).toBe(4);
    expect(firstInvalidUtf8(b(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(b(0xf5, 0x80, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(b(0x61, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidUtf8(b(0x61, 0xe2, 0x82, 0x61))).toBe(1);
    expect(firstInvalidUtf8(b(0xed, 0x9f, 0xbf))).toBe(3);
    expect(firstInvalidUtf8(b(0xee, 0x80, 0x80))).toBe(3);
    expect(firstInvalidUtf8(b(0x7f, 0x00))).toBe(2);
  });

  it('points a finding at the bad byte of a file', () => {
    const [f] = analyzeFile('/ws/a.journey.yaml', { bytes: b(0x61, 0x3a, 0x0a, 0x20, 0xe6, 0x97, 0x85, 0xff) }, defaultConfig('/ws')).findings;
    expect(f).toMatchObject({ ruleId: 'file-encoding', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } }, args: { offset: 7 } });
    expect(f!.message).toBe('The file is not valid UTF-8 (byte 7 cannot be decoded). Save it as UTF-8.');
    const [u] = analyzeFile('/ws/a.journey.yaml', { bytes: b(0xff, 0xfe, 0x61, 0) }, defaultConfig('/ws')).findings;
    expect(u).toMatchObject({ ruleId: 'file-encoding', messageId: 'file.utf16', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  });
});

describe('ranges and findings', () => {
  const r = { start: { line: 1, character: 4 }, end: { line: 3, character: 2 } };
  it('contain their ends and everything between', () => {
    expect([contains(r, { line: 1, character: 4 }), contains(r, { line: 1, character: 3 }), contains(r, { line: 3, character: 2 }), contains(r, { line: 3, character: 3 })]).toEqual([true, false, true, false]);
    expect([contains(r, { line: 2, character: 0 }), contains(r, { line: 0, character: 9 }), contains(r, { line: 4, character: 0 })]).toEqual([true, false, false]);
  });

  it('sort by file, line, column, then rule', () => {
    const f = (file: string, line: number, character: number, ruleId: string) => ({ file, ruleId, range: { start: { line, character }, end: { line, character } } }) as Finding;
    const list = [f('b', 0, 0, 'a'), f('a', 2, 0, 'a'), f('a', 1, 5, 'a'), f('a', 1, 2, 'z'), f('a', 1, 2, 'b'), f('a', 1, 2, 'b')];
    expect([...list].sort(compareFindings).map((x) => `${x.file}${x.range.start.line}${x.range.start.character}${x.ruleId}`)).toEqual(['a12b', 'a12b', 'a12z', 'a15a', 'a20a', 'b00a']);
  });
});

describe('messages', () => {
  it('fill arguments, entity names and catalog references in the language asked for, and leave unknown ones', () => {
    expect(renderMessage('reference.unknown', { kind: 'touchpoint', id: '电梯' })).toBe('Unknown touchpoint "电梯".');
    expect(renderMessage('reference.unknown', { kind: 'touchpoint', id: '电梯' }, 'zh-cn')).toBe('未知的接触点“电梯”。');
    expect(renderMessage('reference.unknown', { kind: 'gadget', id: 'x' })).toBe('Unknown gadget "x".');
    expect(renderMessage('reference.unknown', { id: 'x' })).toBe('Unknown {kind|entity} "x".');
    const [typeError] = analyzeFile('/ws/p.personas.yaml', { text: 'peakend: 1\nkind: personas\npersonas:\n  - { id: a, name: [x] }\n' }, defaultConfig('/ws')).findings;
    expect(typeError!.message).toBe('Expected text, found a list.');
    expect(localizeFinding(typeError!, 'zh-cn').message).toBe('应为文本，实际为列表。');
    expect(renderMessage('schema.minimum', { value: '-1', limit: 0 })).toBe('The value -1 is below the minimum 0.');
  });

  it('localize a finding, its related locations and its fixes, and leave English as it is', () => {
    const f: Finding = {
      ruleId: 'r',
      severity: 'error',
      message: 'Unknown persona "x".',
      messageId: 'reference.unknown',
      args: { kind: 'persona', id: 'x' },
      file: '/a',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      related: [{ file: '/a', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'kept' }],
      fixes: [{ title: 'Change to "y"', messageId: 'fix.replace', args: { id: 'y' }, edits: [] }, { title: 'own title', edits: [] }],
    };
    expect(localizeFinding(f, 'en')).toBe(f);
    const zh = localizeFinding(f, 'zh-cn');
    expect(zh.message).toBe(renderMessage('reference.unknown', { kind: 'persona', id: 'x' }, 'zh-cn'));
    expect(zh.message).not.toBe(f.message);
    expect(zh.related![0]!.message).toBe('kept');
    expect(zh.fixes!.map((x) => x.title)).toEqual([renderMessage('fix.replace', { id: 'y' }, 'zh-cn'), 'own title']);
    expect(toLanguage('ZH_cn')).toBe('zh-cn');
  });
});

describe('IDs and templates', () => {
  it('accept Latin and Chinese slugs up to 64 characters, nothing that could leave a folder', () => {
    expect(['a', 'A-1_b', '电梯', '9', 'x'.repeat(64)].map(isValidId)).toEqual([true, true, true, true, true]);
    expect(['', '-a', '_a', 'a.b', 'a/b', 'a b', 'x'.repeat(65), '😀', 'a\n'].map(isValidId)).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  it('fill a template with a quoted one-line title and refuse invalid IDs', () => {
    expect(fillTemplate('id: ${id}\ntitle: ${title}\np: ${persona} ${id}\n', { id: 'j', title: ' a: "b"\r\n# c ', persona: 'owner' })).toBe('id: j\ntitle: "a: \\"b\\" # c"\np: owner j\n');
    expect(fillTemplate('${title}', { id: 'j', title: '  ', persona: 'p' })).toBe('"j"');
    expect(() => fillTemplate('', { id: 'a b', title: '', persona: 'p' })).toThrow('"a b" is not a valid ID.');
    // A persona that is not an ID is never written: the template falls back to "customer".
    expect(fillTemplate('${persona}', { id: 'a', title: '', persona: 'p/q' })).toBe('customer');
    expect(templateFileName('standards', '门店')).toBe('门店.standards.yaml');
  });
});
