import { isMap, isPair, isScalar, isSeq, parseDocument, Parser, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FileReporter } from '../../src/core/report';
import { LineIndex } from '../../src/core/text/lineIndex';
import { tooDeep } from '../../src/core/yaml/depth';
import { locate } from '../../src/core/yaml/nodes';
import { parseYaml, withoutScalarLines } from '../../src/core/yaml/parseYaml';
import { plainNodes } from '../../src/core/yaml/plainNodes';
import { yamlScalar } from '../../src/core/yaml/scalar';

describe('plainNodes', () => {
  it('turns data into yaml nodes of the right kinds, every range at the file start', () => {
    const root = plainNodes({ a: [1, [null, 'x']], b: { c: true }, d: 'text' }) as YAMLMap<Scalar, Node>;
    expect(isMap(root)).toBe(true);
    expect(isSeq(root) || isScalar(root) || isPair(root)).toBe(false);
    expect(root.range).toEqual([0, 0, 0]);
    expect(root.items).toHaveLength(3);
    const [a, b, d] = root.items as Pair<Scalar, Node>[];
    expect(isPair(a)).toBe(true);
    expect(isMap(a) || isSeq(a) || isScalar(a)).toBe(false);
    expect(isScalar(a!.key)).toBe(true);
    expect(a!.key.value).toBe('a');
    expect(a!.key.range).toEqual([0, 0, 0]);
    const seq = a!.value as YAMLSeq<Node>;
    expect(isSeq(seq)).toBe(true);
    expect(isMap(seq)).toBe(false);
    expect(seq.range).toEqual([0, 0, 0]);
    expect(seq.items).toHaveLength(2);
    expect((seq.items[0] as Scalar).value).toBe(1);
    const inner = seq.items[1] as YAMLSeq<Scalar>;
    expect(isSeq(inner)).toBe(true);
    expect(inner.items.map((s) => [isScalar(s), s.value, s.range])).toEqual([
      [true, null, [0, 0, 0]],
      [true, 'x', [0, 0, 0]],
    ]);
    expect(isMap(b!.value)).toBe(true);
    expect(((b!.value as YAMLMap<Scalar, Scalar>).items[0]!.value as Scalar).value).toBe(true);
    expect(isScalar(d!.value)).toBe(true);
    expect((d!.value as Scalar).value).toBe('text');
    // yaml's own methods work on them.
    expect(root.toJSON()).toEqual({ a: [1, [null, 'x']], b: { c: true }, d: 'text' });
    expect(isScalar(plainNodes(null))).toBe(true);
    expect(isSeq(plainNodes([]))).toBe(true);
    expect((plainNodes([]) as YAMLSeq).items).toEqual([]);
    expect((plainNodes({}) as YAMLMap).items).toEqual([]);
  });
});

describe('tooDeep', () => {
  const deep = (text: string, limit: number) => tooDeep(Array.from(new Parser().parse(text)), limit);

  it('gives the offset of the first collection past the limit: a flow one at its bracket, a block one at its first entry', () => {
    expect(deep('a: [[x]]\n', 3)).toBeUndefined();
    expect(deep('a: [[x]]\n', 2)).toBe(4);
    expect(deep('a: [[x]]\n', 1)).toBe(3);
    expect(deep('a: {b: {c: 1}}\n', 2)).toBe(7);
    expect(deep('a:\n  b:\n    - x\n', 3)).toBeUndefined();
    expect(deep('a:\n  b:\n    - x\n', 2)).toBe(12);
    expect(deep('a:\n  b:\n    - x\n', 1)).toBe(5);
  });

  it('looks into keys, every document, and reports the first place in the file', () => {
    expect(deep('? [[x]]\n: 1\n', 2)).toBe(3);
    expect(deep('? [[x]]\n: 1\n', 3)).toBeUndefined();
    expect(deep('a: [[x]]\nb: [[y]]\n', 2)).toBe(4);
    expect(deep('a: 1\n---\nb: [[y]]\n', 2)).toBe(13);
    expect(deep('a: [[x]]\n---\nb: [[y]]\n', 2)).toBe(4);
    expect(deep('# only a comment\n', 1)).toBeUndefined();
  });

  it('is reported by parseYaml at that place, with the limit', () => {
    const text = 'a:\n  - [[x]]\n';
    const report = new FileReporter('/w/x.yaml', new LineIndex(text));
    const parsed = parseYaml(text, report, 3);
    expect(parsed.value).toBeNull();
    expect(report.findings.map((f) => [f.ruleId, f.range.start, f.range.end, f.args])).toEqual([
      ['yaml-too-deep', { line: 1, character: 5 }, { line: 1, character: 6 }, { limit: 3 }],
    ]);
  });
});

describe('parseYaml on documents without usable contents', () => {
  const parse = (text: string) => {
    const report = new FileReporter('/w/x.yaml', new LineIndex(text));
    const parsed = parseYaml(text, report);
    return { parsed, findings: report.findings.map((f) => [f.ruleId, f.range.start.character, f.range.end.character, f.args]) };
  };

  it('calls a document that is one alias unresolved, at the alias', () => {
    const alias = parse('*top\n');
    expect(alias.findings).toEqual([['yaml-unresolved-alias', 0, 4, { alias: 'top' }]]);
    expect(alias.parsed.doc).toBeUndefined();
    expect(alias.parsed.value).toBeNull();
  });

  it('never takes two not-a-number keys for the same key', () => {
    const nan = parse('.nan: 1\n.NaN: 2\n.nan: 3\n');
    expect(nan.findings).toEqual([]);
    expect(parse('1: a\n1: b\n').findings).toEqual([['yaml-duplicate-key', 0, 1, { key: '1' }]]);
  });
});

describe('directives inside block text', () => {
  it('are text: dropped, while one after the block still counts', () => {
    const text = 'a: |\n  # peakend-disable-next-line\n  text\nb: 1\n# peakend-disable-next-line\nc: 2\n';
    const report = new FileReporter('/w/x.yaml', new LineIndex(text));
    const { doc } = parseYaml(text, report);
    const directives = new Map([
      [2, new Set<string>()],
      [5, new Set<string>()],
    ]);
    expect([...withoutScalarLines(directives, doc!, new LineIndex(text)).keys()]).toEqual([5]);
    const none = new Map<number, Set<string>>();
    expect(withoutScalarLines(none, doc!, new LineIndex(text))).toBe(none);
  });
});

describe('locate', () => {
  it('follows keys and indices, and finds nothing through a scalar or a missing key', () => {
    const text = 'a:\n  - x\n  - { b: 1 }\nc: text\n';
    const { doc } = parseYaml(text, new FileReporter('/w/x.yaml', new LineIndex(text)));
    const at = (path: (string | number)[]) => {
      const r = locate(doc!, path);
      return [r.node?.range?.[0], r.pair ? String((r.pair.key as Scalar).value) : undefined];
    };
    expect(at(['a', 1, 'b'])).toEqual([18, 'b']);
    expect(at(['a', 0])).toEqual([7, undefined]);
    expect(at(['c', 'd'])).toEqual([undefined, undefined]);
    expect(at(['a', 5, 'b'])).toEqual([undefined, undefined]);
    expect(at(['z'])).toEqual([undefined, undefined]);
  });
});

describe('yamlScalar', () => {
  it('writes text plain when YAML reads it back as the same string, else double-quoted', () => {
    const cases: [string, string][] = [
      ['owner', 'owner'],
      ['服务 热线', '服务 热线'],
      ['123', '"123"'],
      ['true', '"true"'],
      ['null', '"null"'],
      ['a: b', '"a: b"'],
      ['a,b', '"a,b"'],
      ['[x]', '"[x]"'],
      ['x}', '"x}"'],
      ['line\nbreak', '"line\\nbreak"'],
      ['a\rb', '"a\\rb"'],
    ];
    for (const [text, written] of cases) expect(yamlScalar(text), JSON.stringify(text)).toBe(written);
    const long = 'word '.repeat(40).trim();
    expect(yamlScalar(long)).toBe(long);
  });

  it('keeps indicators inside the text plain, quotes them at the start, and escapes control characters as YAML does', () => {
    const cases: [string, string][] = [
      ['a|b', 'a|b'],
      ['x>y', 'x>y'],
      ["it's", "it's"],
      ['服务，热线', '服务，热线'],
      ['|x', '"|x"'],
      ['>x', '">x"'],
      ['- x', '"- x"'],
      ['#x', '"#x"'],
      ['a #b', '"a #b"'],
      [' x', '" x"'],
      ['', '""'],
      ['"q"', `'"q"'`],
      // YAML's own escape (\a), not JSON's \u0007, with or without a comma that forces the quotes.
      ['a\u0007b', '"a\\ab"'],
      ['a,\u0007', '"a,\\a"'],
      // Text that yaml would write as a block scalar ("|-", "|1") stays on one line.
      ['  a\n b\n', '"  a\\n b\\n"'],
    ];
    for (const [text, written] of cases) expect(yamlScalar(text), JSON.stringify(text)).toBe(written);
  });

  it('reads back as the same text in a block mapping and in a flow sequence', () => {
    for (const text of ['owner', '123', 'a: b', 'a,b', '[x]', '{y}', 'line\nbreak', '|x', '>x', 'a|b', '- x', '#x', 'a #b', ' x', 'x ', '', 'a\u0007b', '"q"', "it's", '服务 热线', '&a', '*a', '!t', '%d', '@x', '`x', '?', ':']) {
      const s = yamlScalar(text);
      expect(s, JSON.stringify(text)).not.toMatch(/[\n\r]/);
      expect(parseDocument(`k: ${s}\n`).toJS(), JSON.stringify(text)).toEqual({ k: text });
      expect(parseDocument(`[${s}, z]\n`).toJS(), JSON.stringify(text)).toEqual([text, 'z']);
    }
  });
});
