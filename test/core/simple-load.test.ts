import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReporter } from '../../src/core/report';
import { LineIndex } from '../../src/core/text/lineIndex';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { placedNodes } from '../../src/core/yaml/placedNodes';
import { simpleLoad, simpleLoadPlaced } from '../../src/core/yaml/simpleLoad';
import { yamlFiles } from '../helpers/yamlFiles';
import { DAMAGE, damage, DEEP, DOCUMENTS, writeYaml, type Kind } from '../helpers/yamlDocuments';

/**
 * simpleLoad reads the plain block YAML most files are written in, and gives up on everything else.
 * Whatever it reads must be exactly what the full `yaml` path reads, without a single finding.
 */

/** The full path's data, or undefined when it reports anything about the text. */
function fullValue(text: string, maxDepth = 64): unknown {
  const report = new FileReporter('/w/x.yaml', new LineIndex(text));
  const { value } = parseYaml(text, report, maxDepth);
  return report.findings.length ? undefined : value;
}

/** A tree of nodes as the analysis reads it: kinds, places, flow or block, keys and values. */
function shape(node: unknown): unknown {
  if (isMap(node)) return { map: node.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair')), range: node.range, flow: Boolean(node.flow) };
  if (isSeq(node)) return { seq: node.items.map(shape), range: node.range, flow: Boolean(node.flow) };
  if (isScalar(node)) return { scalar: node.value, range: node.range };
  return { other: String(node) };
}

/** The full path's tree of nodes. */
function fullShape(text: string, maxDepth = 64): unknown {
  const { doc } = parseYaml(text, new FileReporter('/w/x.yaml', new LineIndex(text)), maxDepth);
  return shape(doc?.contents);
}

/**
 * The placed read of a text simpleLoad takes: undefined (given up on), or the same data and the
 * same tree of nodes, every place included, as the full path.
 */
function placedRead(text: string, data: unknown): boolean {
  const placed = simpleLoadPlaced(text, 64);
  if (!placed) return false;
  expect(placed.value, JSON.stringify(text)).toEqual(data);
  expect(shape(placedNodes(placed.value, placed.spans)), JSON.stringify(text)).toEqual(fullShape(text));
  return true;
}

/** Reads `text`, which simpleLoad must take, and checks the full path reads the same, places and all. */
function read(text: string): unknown {
  const data = simpleLoad(text, 64);
  expect(data, JSON.stringify(text)).toBeDefined();
  expect(data, JSON.stringify(text)).toEqual(fullValue(text));
  expect(placedRead(text, data), JSON.stringify(text)).toBe(true);
  return data;
}

const repo = join(__dirname, '..', '..');

describe('simpleLoad reads plain block YAML as yaml does', () => {
  it('takes every file of the example workspaces, with the data yaml reads', () => {
    const files = yamlFiles(join(repo, 'examples'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) read(readFileSync(f, 'utf8'));
  });

  it('reads mappings, sequences at and below their key, compact mappings in entries, comments and blank lines', () => {
    const text = [
      '# 旅程',
      'id: rental-0666',
      'title: Rental journey — Pearl Tower, 武汉',
      '',
      'personas: [upgrader, shop-tenant]',
      'scale: { min: -5, max: 5, neutral: 0 }',
      'stages:',
      '  - id: renew   # trailing comment',
      '    title: 续约续费',
      '    steps:',
      '    - id: water-outage',
      '      emotions:',
      '        upgrader: 0',
      '        shop-tenant: -1',
      '      quotes:',
      '        -   text: App 上报修很方便，半小时就有人联系我了。',
      '            persona: upgrader',
      '        - 签完字那一刻觉得终于有自己的家了。',
      '  # between entries',
      '  - id: buy',
      'owner:',
      'done: true',
      '',
    ].join('\n');
    expect(read(text)).toEqual({
      id: 'rental-0666',
      title: 'Rental journey — Pearl Tower, 武汉',
      personas: ['upgrader', 'shop-tenant'],
      scale: { min: -5, max: 5, neutral: 0 },
      stages: [
        {
          id: 'renew',
          title: '续约续费',
          steps: [{ id: 'water-outage', emotions: { upgrader: 0, 'shop-tenant': -1 }, quotes: [{ text: 'App 上报修很方便，半小时就有人联系我了。', persona: 'upgrader' }, '签完字那一刻觉得终于有自己的家了。'] }],
        },
        { id: 'buy' },
      ],
      owner: null,
      done: true,
    });
  });

  it('reads quoted scalars, text with colons, hashes, dashes and quotes inside, and Windows line ends', () => {
    const text = 'a: "x: y # z"\r\nb: \'it\'\'s\'\r\nc: http://example.com/a#b\r\nd: -x\r\ne: -3.5\r\nf: say "hi"\r\n"g h": [\'p, q\', "r]", s]\r\ni: a - b\r\nj: ""\r\nk: \'\'';
    expect(read(text)).toEqual({ a: 'x: y # z', b: "it's", c: 'http://example.com/a#b', d: '-x', e: -3.5, f: 'say "hi"', 'g h': ['p, q', 'r]', 's'], i: 'a - b', j: '', k: '' });
  });

  it('reads the corners of the subset: a comment after a colon, a sequence at its key, keys and text with signs inside', () => {
    expect(read('a: # c\n  b: 1\n')).toEqual({ a: { b: 1 } });
    expect(read('a:\n- x\n- y\nb: 1\n')).toEqual({ a: ['x', 'y'], b: 1 });
    expect(read('a#b: 1\nc: x ?y\nd: b<c <d\ne: x&y\n')).toEqual({ 'a#b': 1, c: 'x ?y', d: 'b<c <d', e: 'x&y' });
    expect(read('a:\n  - "q": v\n    r: [ ]\n  - \'s\'\n')).toEqual({ a: [{ q: 'v', r: [] }, 's'] });
    expect(read('a: {"b c": 1, \'d\': [e], f: "<<"}\n"<<": quoted\n')).toEqual({ a: { 'b c': 1, d: ['e'], f: '<<' }, '<<': 'quoted' });
    // No-break and private-use characters and surrogate pairs at the ends of their ranges are ordinary text.
    expect(read('a: x\u00a0y\nb: \ue000\nc: \ud800\udc00\ud83d\ude00\udbff\udfff\n')).toEqual({ a: 'x\u00a0y', b: '\ue000', c: '\ud800\udc00😀\udbff\udfff' });
  });

  it('reads scalars by the core schema: null, booleans, numbers, else text', () => {
    expect(read('a: ~\nb: Null\nc: TRUE\nd: false\ne: 0x1F\nf: 0o17\ng: 017\nh: .inf\ni: 1e3\nj: yes\nk: 2026-01-02\nl: "1"\nm: 1.\n')).toEqual({
      a: null, b: null, c: true, d: false, e: 31, f: 15, g: 17, h: Infinity, i: 1000, j: 'yes', k: '2026-01-02', l: '1', m: 1,
    });
  });

  it('reads flow collections broken between their entries, as yaml and Prettier write long ones, places and all', () => {
    const text = [
      'metrics:',
      '  - {',
      '      type: csat,',
      '      value: 4.7,',
      '      scale: { min: 1, max: 5 },',
      '      date: 2026-03',
      '    }',
      '  - [ a,',
      '    "b" ]  # c',
      'personas: [',
      '  海外业主, shop-tenant',
      ']',
      'id:',
      ' - x: [',
      '     [],',
      '     { k: v }',
      '   ]',
      '',
    ];
    for (const eol of ['\n', '\r\n']) {
      expect(read(text.join(eol))).toEqual({
        metrics: [{ type: 'csat', value: 4.7, scale: { min: 1, max: 5 }, date: '2026-03' }, ['a', 'b']],
        personas: ['海外业主', 'shop-tenant'],
        id: [{ x: [[], { k: 'v' }] }],
      });
    }
    // A line not indented past the collection holding the brackets (the closing one may stand at its column).
    expect(simpleLoad('id:\n - x: [\n  ]\n', 64)).toBeUndefined();
    expect(simpleLoad('id:\n - x: [\n   ]\n', 64)).toEqual({ id: [{ x: [] }] });
  });

  it('reads keys it has read before, in other files too, as written, even where their hashes collide', () => {
    // "Aa" and "BB" have the same hash of their characters; so have "AaAa", "AaBB", "BBAa" and "BBBB".
    expect(read('Aa: 1\nBB: 2\n')).toEqual({ Aa: 1, BB: 2 });
    expect(read('BB: 1\nAa: 2\nAaBB: 3\nBBAa: 4\n')).toEqual({ BB: 1, Aa: 2, AaBB: 3, BBAa: 4 });
    expect(read('a:\n  Aa: x\n  BBBB: y\n  AaAa: z\n')).toEqual({ a: { Aa: 'x', BBBB: 'y', AaAa: 'z' } });
    // A key given up on is never taken as read before.
    expect(simpleLoad('a&b: 1\n', 64)).toEqual({ 'a&b': 1 });
    expect(simpleLoad('a &b: 1\n', 64)).toBeUndefined();
    expect(simpleLoad('1: a\n', 64)).toBeUndefined();
    expect(simpleLoad('1: a\n', 64)).toBeUndefined();
  });

  it('reads nesting up to the limit and gives up beyond it', () => {
    expect(simpleLoad('a:\n  b:\n    - [x]\n', 4)).toEqual({ a: { b: [['x']] } });
    expect(simpleLoad('a:\n  b:\n    - [x]\n', 3)).toBeUndefined();
    expect(simpleLoad('a: {b: {c: 1}}\n', 3)).toEqual({ a: { b: { c: 1 } } });
    expect(simpleLoad('a: {b: {c: 1}}\n', 2)).toBeUndefined();
    expect(simpleLoad('a:\n  - b: 1\n', 3)).toEqual({ a: [{ b: 1 }] });
    expect(simpleLoad('a:\n  - b: 1\n', 2)).toBeUndefined();
    expect(simpleLoad('a:\n  b:\n    c: 1\n', 3)).toEqual({ a: { b: { c: 1 } } });
    expect(simpleLoad('a:\n  b:\n    c: 1\n', 2)).toBeUndefined();
  });

  it('gives up on what it does not read: block scalars, text over lines, escapes, anchors, tags, odd keys and odd characters', () => {
    const given = [
      '', '# only a comment\n', '- a\n', 'text\n', '  a: 1\n', 'a: |\n  x\n', 'a: >-\n  x\n', 'a: x\n  y\n', 'a:\n  x\n', 'a: "x\\ty"\n', 'a: "x\n  y"\n',
      "a: 'x\n  y'\n", 'a: [x\n  , y]\n', 'a: [x\n  y]\n', 'a: [x,\n\n  y]\n', 'a: [x,\n  # c\n  y]\n', 'a: [x, # c\n  y]\n', 'a: [x,\ny]\n', 'a:\n  - [x,\n  y]\n',
      'a: [x,\n', 'a: [x,\n---\n]\n', 'a: {b:\n  c}\n', 'a: {b: [x,\n  y], c\n  : d}\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: x &y\n', 'a: [b, &c d]\n', 'a: x ?\n', '? a\n: 1\n', '[a]: 1\n', '<<: {a: 1}\n',
      'a: 1\na: 2\n', 'a: 1\n"a": 2\n', '__proto__: 1\n', '1: a\n', 'true: a\n', 'null: a\n', '"1": a\n', 'a : 1\n', 'a: b: c\n', 'a: b:\n', 'a:b\n',
      'a: 1\n- b\n', 'a:\n  - \n', 'a:\n  - # c\n', 'a:\n  - - b\n', 'a: [b, , c]\n', 'a: [b,]\n', 'a: {b}\n', 'a: {b: }\n', 'a: [b: c]\n', 'a: {b:c}\n',
      'a: [x:y]\n', 'a: {"b":1}\n', 'a: [b] c\n', 'a: "b" c\n', 'a: "b"# c\n', 'a: x\tb\n', 'a: x\u0007\n', 'a: x\u0085\n', 'a: x\u2028y\n', 'a: \ufeffx\n',
      'a: x\ud800\n', 'a: x\udc00y\n', 'a: \uffff\n', 'a: 1\rb: 2\n', '---\na: 1\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n', 'a: |x\n', 'a: @x\n', 'a: `x\n',
      'a: %x\n', 'a: - b\n', 'a: -\n', 'a: [-]\n', `${'k'.repeat(257)}: 1\n`, 'a:\n    b: 1\n  c: 2\n', 'a:\n  - b: 1\n   c: 2\n', 'a: x << y\n',
      'a: x\u007f\n', 'a: x\u009f\n', '...: 1\n', '---x: 1\n', 'a: x,&y\n', 'a: x !y\n', 'a: x *y\n', 'a: [b c[d]]\n', 'a: [b {c}]\n', 'a: {<<: b}\n',
      'a: {__proto__: b}\n', 'a: {1: b}\n', 'a: {"1": b}\n', 'a: {b: 1, b: 2}\n', 'a: {b c: 1}\n', 'a: {true: 1}\n', 'a: {b#c: 1}\n', 'a: {&b: 1}\n',
      'a: [b, c\n', 'a: [b]x\n', "a: 'b\n", 'a: "b\n', '- a\nb: 1\n', 'a:\n  -\n', 'a:\n  - b\n  -\n',
    ];
    for (const text of given) expect(simpleLoad(text, 64), JSON.stringify(text)).toBeUndefined();
    // A well-formed pair of surrogates is an ordinary character; so is a key of 256 characters.
    expect(read('a: x😀y\n')).toEqual({ a: 'x😀y' });
    expect(read(`${'k'.repeat(256)}: 1\n`)).toEqual({ ['k'.repeat(256)]: 1 });
  });
});

describe('whatever simpleLoad reads, yaml reads the same, without a finding', () => {
  /** simpleLoad's data is yaml's; counts the documents it took. */
  const check = (text: string, taken: { n: number; placed?: number }) => {
    const data = simpleLoad(text, 64);
    if (data === undefined) return;
    taken.n++;
    expect(data, JSON.stringify(text)).toEqual(fullValue(text));
    if (placedRead(text, data)) taken.placed = (taken.placed ?? 0) + 1;
  };

  it('on documents of every kind, written in any style and damaged', () => {
    const taken = { n: 0 };
    const kinds = Object.keys(DOCUMENTS) as Kind[];
    const doc = fc
      .constantFrom(...kinds)
      .chain((kind) => fc.tuple(DOCUMENTS[kind], fc.integer(), DAMAGE, fc.option(DEEP, { freq: 8 })))
      .map(([value, seed, d, deep]) => damage(writeYaml(value, seed) + (deep ? `${deep.key}:${deep.body}\n` : ''), d));
    fc.assert(fc.property(doc, (text) => check(text, taken)), { numRuns: 1000 });
    // Not vacuous: a fair share of the documents is plain enough to be taken.
    expect(taken.n).toBeGreaterThan(15);
  });

  // Lines made of the pieces where readers go wrong: indentation, dashes, colons, quotes, brackets, hashes.
  const PIECES = ['a', 'b', 'id', '键', '旅程 一', 'x y', '1', '-1', '~', 'true', ':', ': ', '- ', '-', '#', ' #', '"', "'", "''", '[', ']', '{', '}', ', ', ',', ' ', '  ', '?', '&', '*', '!', '<<', '|', '>', '\\', 'http://h/p', '\u3000'];
  const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 7 })).map(([indent, parts]) => ' '.repeat(indent) + parts.join(''));

  it('on lines made of tricky pieces, most of them after a key', () => {
    const taken = { n: 0 };
    const keyed = fc.tuple(fc.nat(), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 })).map(([i, parts]) => `k${i}: ${parts.join('')}`);
    const lines = fc.array(fc.oneof({ weight: 4, arbitrary: keyed }, { weight: 1, arbitrary: line }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(lines, fc.boolean(), (ls, crlf) => check(ls.join(crlf ? '\r\n' : '\n') + '\n', taken)), { numRuns: 3000 });
    expect(taken.n).toBeGreaterThan(100);
  });

  // Block documents in the shapes it reads, their scalars made of the same pieces.
  const scalarText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
  const written = fc.oneof(scalarText, scalarText.map((t) => `'${t.replace(/'/g, "''")}'`), scalarText.map((t) => `"${t}"`));
  const keyText = fc.oneof(fc.constantFrom('id', 'title', '键', 'a b', 'x:y', 'a#b', 'k-1', '"q k"', "'s k'"), scalarText);
  /** A flow collection over several lines: its brackets, its entries, and where the lines break. */
  type Lines = { open: string; close: string; entries: string[]; style: number; shift: number };
  type Tree = { map: [string, Tree][] } | { seq: Tree[] } | { flow: string } | { lines: Lines } | { scalar: string };
  const entry = fc.oneof(written, fc.array(written, { maxLength: 2 }).map((xs) => `[${xs.join(', ')}]`), fc.tuple(keyText, written).map(([k, v]) => `{ ${k}: ${v} }`));
  const lines = fc.record({
    map: fc.boolean(),
    entries: fc.array(fc.tuple(keyText, entry), { maxLength: 4 }),
    style: fc.nat(3),
    shift: fc.integer({ min: -1, max: 4 }),
  }).map(({ map, entries, style, shift }): Tree => ({
    lines: { open: map ? '{' : '[', close: map ? '}' : ']', entries: entries.map(([k, v]) => (map ? `${k}: ${v}` : v)), style, shift },
  }));
  /**
   * A flow collection broken over lines, its own line at `indent`: each entry on a line of its own
   * (the brackets on lines of their own, or the first and last entries beside them), or all entries
   * on one line after the opening bracket. `shift` moves the inner lines and the closing bracket.
   */
  function printLines(l: Lines, indent: number): string[] {
    const inner = ' '.repeat(Math.max(0, indent + 2 + l.shift));
    const end = ' '.repeat(Math.max(0, indent + Math.min(l.shift, 2)));
    const items = l.entries.map((e, i) => (i < l.entries.length - 1 ? `${e},` : e));
    if (l.style === 0) return [l.open, ...items.map((e) => inner + e), end + l.close];
    if (l.style === 1) return [`${l.open} ${items[0] ?? ''}`, ...items.slice(1, -1).map((e) => inner + e), ...(items.length > 1 ? [`${inner}${items.at(-1)} ${l.close}`] : [`${end}${l.close}`])];
    if (l.style === 2) return [l.open, inner + l.entries.join(', '), end + l.close];
    return [`${l.open}${items.join(' ')}`, end + l.close];
  }
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      written.map((scalar): Tree => ({ scalar })),
      fc.array(written, { maxLength: 3 }).map((xs): Tree => ({ flow: `[${xs.join(', ')}]` })),
      fc.array(fc.tuple(keyText, written), { maxLength: 3 }).map((xs): Tree => ({ flow: `{${xs.map(([k, v]) => `${k}: ${v}`).join(', ')}}` })),
      lines,
      fc.array(fc.tuple(keyText, tie('tree')), { minLength: 1, maxLength: 4 }).map((map): Tree => ({ map })),
      fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((seq): Tree => ({ seq })),
    ),
  }));
  /** Writes a tree in block style: entries' mappings compact or not, sequences at or below their key. */
  function print(t: Tree, indent: number, step: number, sameIndentSeq: boolean): string[] {
    const pad = ' '.repeat(indent);
    if ('map' in t)
      return t.map.flatMap(([k, v]) => {
        if ('scalar' in v || 'flow' in v) return [`${pad}${k}: ${'scalar' in v ? v.scalar : v.flow}`];
        if ('lines' in v) {
          const [first, ...rest] = printLines(v.lines, indent);
          return [`${pad}${k}: ${first}`, ...rest];
        }
        const inner = 'seq' in v && sameIndentSeq ? indent : indent + step;
        return [`${pad}${k}:`, ...print(v, inner, step, sameIndentSeq)];
      });
    if ('seq' in t)
      return t.seq.flatMap((v) => {
        if ('scalar' in v || 'flow' in v) return [`${pad}- ${'scalar' in v ? v.scalar : v.flow}`];
        if ('lines' in v) {
          const [first, ...rest] = printLines(v.lines, indent);
          return [`${pad}- ${first}`, ...rest];
        }
        const lines = print(v, indent + 2, step, sameIndentSeq);
        return 'map' in v ? [`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1)] : [`${pad}-`, ...lines];
      });
    if ('lines' in t) return printLines(t.lines, indent).map((l) => pad + l);
    return [`${pad}${'scalar' in t ? t.scalar : t.flow}`];
  }

  it('on block documents in the shapes it reads, made of tricky scalars and keys', () => {
    const taken = { n: 0 };
    const doc = fc.tuple(fc.array(fc.tuple(keyText, tree), { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2, 4), fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(doc, ([top, step, same, crlf]) => check(print({ map: top }, 0, step, same).join(crlf ? '\r\n' : '\n') + '\n', taken)),
      { numRuns: 2000 },
    );
    expect(taken.n).toBeGreaterThan(100);
  });
});
