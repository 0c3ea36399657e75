import { isMap, isPair, isScalar, isSeq, parseDocument, Parser, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FileReporter } from '../../src/core/report';
import { LineIndex } from '../../src/core/text/lineIndex';
import { tooDeep } from '../../src/core/yaml/depth';
import { locate } from '../../src/core/yaml/nodes';
import { parseYaml, withoutScalarLines } from '../../src/core/yaml/parseYaml';
import { placedNodes } from '../../src/core/yaml/placedNodes';
import { yamlScalar } from '../../src/core/yaml/scalar';

describe('placedNodes', () => {
  it('turns data and its places into yaml nodes of the right kinds, flow or block, with their ranges', () => {
    // a: [1, ~] then b: { c: true }: key, value (its items first), collection, as simpleLoadPlaced writes them.
    const spans = [0, 1, 1, 0, 4, 5, 5, 0, 7, 8, 8, 0, 3, 9, 10, 1, 10, 11, 11, 0, 15, 16, 16, 0, 18, 22, 23, 0, 13, 24, 25, 1, 0, 25, 25, 0];
    const root = placedNodes({ a: [1, null], b: { c: true } }, spans) as YAMLMap<Scalar, Node>;
    expect(isMap(root)).toBe(true);
    expect(isSeq(root) || isScalar(root) || isPair(root)).toBe(false);
    expect(root.range).toEqual([0, 25, 25]);
    expect(root.flow).toBeFalsy();
    const [a, b] = root.items as Pair<Scalar, Node>[];
    expect(isPair(a)).toBe(true);
    expect(isMap(a) || isSeq(a) || isScalar(a)).toBe(false);
    expect([isScalar(a!.key), a!.key.value, a!.key.range]).toEqual([true, 'a', [0, 1, 1]]);
    const seq = a!.value as YAMLSeq<Scalar>;
    expect([isSeq(seq), isMap(seq), seq.flow, seq.range]).toEqual([true, false, true, [3, 9, 10]]);
    expect(seq.items.map((s) => [isScalar(s), s.value, s.range])).toEqual([
      [true, 1, [4, 5, 5]],
      [true, null, [7, 8, 8]],
    ]);
    expect(b!.key.range).toEqual([10, 11, 11]);
    const map = b!.value as YAMLMap<Scalar, Scalar>;
    expect([isMap(map), map.flow, map.range]).toEqual([true, true, [13, 24, 25]]);
    expect([map.items[0]!.key.value, map.items[0]!.key.range, map.items[0]!.value!.value, map.items[0]!.value!.range]).toEqual(['c', [15, 16, 16], true, [18, 22, 23]]);
    // yaml's own methods work on them.
    expect(root.toJSON()).toEqual({ a: [1, null], b: { c: true } });
  });

  it('refuses places that do not match the data', () => {
    expect(() => placedNodes({ a: 1 }, [0, 1, 1, 0])).toThrow(/do not match/);
    expect(() => placedNodes({ a: 1 }, [0, 1, 1, 0, 3, 4, 5, 0, 0, 5, 5, 0, 9, 9, 9, 0])).toThrow(/do not match/);
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
    expect(report.findings.map((f) => [f.ruleId, f.messageId, f.range.start, f.range.end, f.args])).toEqual([
      ['yaml-too-deep', 'yaml.tooDeep', { line: 1, character: 5 }, { line: 1, character: 6 }, { limit: 3 }],
    ]);
  });
});

describe('parseYaml on documents without usable contents', () => {
  const parse = (text: string) => {
    const report = new FileReporter('/w/x.yaml', new LineIndex(text));
    const parsed = parseYaml(text, report);
    return { parsed, findings: report.findings.map((f) => [f.ruleId, f.messageId, f.range.start.character, f.range.end.character, f.args]) };
  };

  it('calls a document that is one alias unresolved, at the alias', () => {
    const alias = parse('*top\n');
    expect(alias.findings).toEqual([['yaml-unresolved-alias', 'yaml.unresolvedAlias', 0, 4, { alias: 'top' }]]);
    expect(alias.parsed.doc).toBeUndefined();
    expect(alias.parsed.value).toBeNull();
  });

  it('never takes two not-a-number keys for the same key', () => {
    const nan = parse('.nan: 1\n.NaN: 2\n.nan: 3\n');
    expect(nan.findings).toEqual([]);
    expect(parse('1: a\n1: b\n').findings).toEqual([['yaml-duplicate-key', 'yaml.duplicateKey', 0, 1, { key: '1' }]]);
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
    // Quoted text is never folded onto more lines either.
    const listed = `热线, ${long}`;
    expect(yamlScalar(listed)).toBe(`"${listed}"`);
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

describe('parseYaml findings, each at its place', () => {
  const parse = (text: string, depth?: number) => {
    const report = new FileReporter('/w/x.yaml', new LineIndex(text));
    const parsed = parseYaml(text, report, depth);
    const at = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
    return { parsed, findings: report.findings.map((f) => [f.ruleId, f.messageId, `${at(f.range.start)}-${at(f.range.end)}`, f.args]) };
  };

  it('reports a second document at its "---" (or where it starts after "..."), with the count, and keeps the first', () => {
    const two = parse('a: 1\n---\nb: 2\n');
    expect(two.findings).toEqual([['yaml-multiple-documents', 'yaml.multipleDocuments', '1:0-1:3', { count: 2 }]]);
    expect(two.parsed.value).toEqual({ a: 1 });
    expect(parse('a: 1\n...\nb: 2\n').findings).toEqual([['yaml-multiple-documents', 'yaml.multipleDocuments', '2:0-2:3', { count: 2 }]]);
    const three = parse('--- a\n--- b\n--- c\n');
    expect(three.findings).toEqual([['yaml-multiple-documents', 'yaml.multipleDocuments', '1:0-1:3', { count: 3 }]]);
    expect(three.parsed.value).toBe('a');
    // After "...", never at a "---" of the first document or inside its text ("x---y" at 4).
    expect(parse('--- a\n...\nb: 2\n').findings).toEqual([['yaml-multiple-documents', 'yaml.multipleDocuments', '2:0-2:3', { count: 2 }]]);
    expect(parse('a: x---y\n...\nb: 2\n').findings).toEqual([['yaml-multiple-documents', 'yaml.multipleDocuments', '2:0-2:3', { count: 2 }]]);
  });

  it('reports nothing for what yaml only warns about besides tags (a YAML version it does not know)', () => {
    const r = parse('%YAML 1.3\n---\na: 1\n');
    expect(r.findings).toEqual([]);
    expect(r.parsed.value).toEqual({ a: 1 });
  });

  it('names an unsupported tag as written, at the tag, and keeps the text', () => {
    for (const [text, tag, end] of [['a: !foo x\n', '!foo', 7], ['a: !!binary x\n', '!!binary', 11], ['a: !<tag:x> y\n', '!<tag:x>', 11]] as const) {
      const r = parse(text);
      expect(r.findings, text).toEqual([['yaml-unsupported-tag', 'yaml.tag', `0:3-0:${end}`, { tag }]]);
      expect(r.parsed.value, text).toEqual({ a: text.endsWith('y\n') ? 'y' : 'x' });
    }
  });

  it('gives syntax errors yaml\'s words without its position, and a tab its own message', () => {
    expect(parse('a: [\n').findings).toEqual([
      ['yaml-syntax', 'yaml.syntax', '1:0-1:0', { detail: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }],
    ]);
    expect(parse('a: "x\n').findings).toEqual([['yaml-syntax', 'yaml.syntax', '1:0-1:0', { detail: 'Missing closing "quote' }]]);
    expect(parse('a:\n\t- x\n').findings).toEqual([['yaml-syntax', 'yaml.tab', '1:0-1:1', {}]]);
  });

  it('calls a stream without a document, or a document of nothing, empty', () => {
    for (const text of ['', '# only a comment\n', '---\n', '--- # only a comment\n...\n']) {
      const r = parse(text);
      expect(r.findings, text).toEqual([['file-empty', 'file.empty', '0:0-0:0', {}]]);
      expect(r.parsed).toEqual({ doc: undefined, value: null });
    }
    // A null written out, an empty string, an anchor or a tag is something.
    for (const text of ['~\n', "''\n", '--- &a\n', '--- !!null\n']) {
      const r = parse(text);
      expect(r.findings, text).toEqual([]);
      expect(r.parsed.doc, text).toBeDefined();
    }
  });

  it('drops a key that is a collection, reporting it, and keeps the other keys', () => {
    const r = parse('? [a]\n: 1\nb: 2\n');
    expect(r.findings).toEqual([['yaml-collection-key', 'yaml.collectionKey', '0:2-0:5', {}]]);
    expect(r.parsed.value).toEqual({ b: 2 });
    expect(parse('? {a: 1}\n: 1\n').findings).toEqual([['yaml-collection-key', 'yaml.collectionKey', '0:2-0:8', {}]]);
  });

  it('takes keys of the same type and value for the same key, however written', () => {
    expect(parse('a: 1\na: 2\n').findings).toEqual([['yaml-duplicate-key', 'yaml.duplicateKey', '1:0-1:1', { key: 'a' }]]);
    expect(parse('null: 1\n~: 2\n').findings).toEqual([['yaml-duplicate-key', 'yaml.duplicateKey', '1:0-1:1', { key: '~' }]]);
    expect(parse('true: a\nTrue: b\n').findings).toEqual([['yaml-duplicate-key', 'yaml.duplicateKey', '1:0-1:4', { key: 'True' }]]);
    // A number and a string are different keys.
    expect(parse("1: a\n'1': b\n").findings).toEqual([]);
    // Each mapping has its own keys.
    expect(parse('a: { k: 1 }\nb: { k: 2 }\n').findings).toEqual([]);
    // Two empty keys: the second (at 7, of no width) is marked one character wide.
    expect(parse('{ : a, : b }\n').findings).toEqual([['yaml-duplicate-key', 'yaml.duplicateKey', '0:7-0:8', { key: '' }]]);
  });

  it('replaces an alias without an anchor, or inside what it names, by null', () => {
    const missing = parse('a: *x\nb: 1\n');
    expect(missing.findings).toEqual([['yaml-unresolved-alias', 'yaml.unresolvedAlias', '0:3-0:5', { alias: 'x' }]]);
    expect(missing.parsed.value).toEqual({ a: null, b: 1 });
    const cycle = parse('a: &x\n  b: *x\n');
    expect(cycle.findings).toEqual([['yaml-unresolved-alias', 'yaml.aliasCycle', '1:5-1:7', { alias: 'x' }]]);
    expect(cycle.parsed.value).toEqual({ a: { b: null } });
    const inSeq = parse('&a [1, *a]\n');
    expect(inSeq.findings).toEqual([['yaml-unresolved-alias', 'yaml.aliasCycle', '0:7-0:9', { alias: 'a' }]]);
    expect(inSeq.parsed.value).toEqual([1, null]);
  });

  it('resolves each alias to the last anchor of its name before it', () => {
    const r = parse('a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    expect(r.findings).toEqual([]);
    expect(r.parsed.value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
    const targets = [...r.parsed.aliases!].map(([alias, node]) => [alias.range![0], (node as Scalar).value]);
    expect(targets).toEqual([
      [11, 1],
      [25, 2],
    ]);
  });

  it('gives nothing of a document whose aliases expand past the limit, reported at the first alias', () => {
    // "a: &v 1" is 0-7; "x: [" puts the first "*v" at 12-14.
    const r = parse(`a: &v 1\nx: [${Array(1000).fill('*v').join(', ')}]\n`);
    expect(r.findings).toEqual([['yaml-alias-limit', 'yaml.aliasLimit', '1:4-1:6', { limit: 1000 }]]);
    expect(r.parsed).toEqual({ doc: undefined, value: null });
    expect(Object.keys(r.parsed)).toEqual(['doc', 'value']);
  });

  it('counts what an alias brings in toward the nesting limit', () => {
    // The anchored value is two sequences high; the alias sits at level 3 in "b: [*x]", at level 2 in "b: *x".
    const text = 'a: &x [[1]]\nb: [*x]\n';
    const over = parse(text, 3);
    expect(over.findings).toEqual([['yaml-too-deep', 'yaml.tooDeep', '1:4-1:6', { limit: 3 }]]);
    expect(over.parsed.value).toEqual({ a: [[1]], b: [null] });
    expect(parse(text, 4).findings).toEqual([]);
    expect(parse(text, 4).parsed.value).toEqual({ a: [[1]], b: [[[1]]] });
    expect(parse('a: &x [[1]]\nb: *x\n', 3).findings).toEqual([]);
    // A scalar adds no level: the alias at level 4 brings in nothing deeper than the limit.
    expect(parse('a: &x 1\nb: [[*x]]\n', 3).findings).toEqual([]);
    expect(parse('a: &x 1\nb: [[*x]]\n', 3).parsed.value).toEqual({ a: 1, b: [[1]] });
    // A mapping's height counts too: {k: [1]} is two high.
    expect(parse('a: &x { k: [1] }\nb: [*x]\n', 3).findings).toEqual([['yaml-too-deep', 'yaml.tooDeep', '1:4-1:6', { limit: 3 }]]);
    expect(parse('a: &x { k: [1] }\nb: [*x]\n', 4).findings).toEqual([]);
  });
});
