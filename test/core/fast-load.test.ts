import { describe, expect, it } from 'vitest';
import { FileReporter } from '../../src/core/report';
import { LineIndex } from '../../src/core/text/lineIndex';
import { fastLoad } from '../../src/core/yaml/fastLoad';
import { parseYaml } from '../../src/core/yaml/parseYaml';

/**
 * fastLoad, value by value: each plain scalar below is read on the quick path (never given up on)
 * and turned into the value YAML 1.2's core schema gives it, worked out by hand and checked against
 * the full `yaml` path.
 */

function fullValue(text: string): unknown {
  const report = new FileReporter('/w/x.yaml', new LineIndex(text));
  const { value } = parseYaml(text, report);
  expect(report.findings, text).toEqual([]);
  return value;
}

/** Reads `a: <scalar>` on the quick path, which must take it, and checks yaml reads the same. */
function quick(scalar: string): unknown {
  const text = `a: ${scalar}\n`;
  const data = fastLoad(text, 64);
  expect(data, text).toBeDefined();
  expect(data, text).toEqual(fullValue(text));
  return data!.a;
}

describe('fastLoad reads plain scalars as the core schema does', () => {
  it('null: empty, ~ and null in three spellings; anything else that starts like them is text', () => {
    expect(fastLoad('a:\n', 64)).toEqual({ a: null });
    for (const s of ['~', 'null', 'Null', 'NULL']) expect(quick(s), s).toBeNull();
    for (const s of ['nULL', 'nul', 'nulls', 'none', 'Nil', '~x', 'n', '~~']) expect(quick(s), s).toBe(s);
  });

  it('booleans: true and false in three spellings each, nothing else', () => {
    for (const s of ['true', 'True', 'TRUE']) expect(quick(s), s).toBe(true);
    for (const s of ['false', 'False', 'FALSE']) expect(quick(s), s).toBe(false);
    for (const s of ['tRUE', 'fALSE', 'truex', 'falsey', 'tru', 'yes', 'on', 'fals', 'T', 'trueish', 'ftrue', 'Ttrue', 'tfals']) expect(quick(s), s).toBe(s);
  });

  it('integers: decimal with a sign, 0o octal and 0x hexadecimal', () => {
    const cases: [string, number][] = [
      ['0', 0], ['7', 7], ['9', 9], ['42', 42], ['-12', -12], ['+5', 5], ['017', 17], ['0o17', 15], ['0o7', 7], ['0x1F', 31], ['0xff', 255], ['0xA', 10],
    ];
    for (const [s, n] of cases) expect(quick(s), s).toBe(n);
    for (const s of ['0o8', '0o', '0x', '0xg', '10o17', '1x1F', '12a', '1_0', '0b1', '+-1', '0o17x', '0x1Fg']) expect(quick(s), s).toBe(s);
  });

  it('floats: decimals, exponents, infinities and not-a-number', () => {
    const cases: [string, number][] = [
      ['1.5', 1.5], ['-1.25', -1.25], ['+2.5', 2.5], ['.5', 0.5], ['-.5', -0.5], ['1.', 1], ['3.0', 3],
      ['1e3', 1000], ['1E3', 1000], ['2e+2', 200], ['-2.5E-1', -0.25], ['.5e1', 5], ['+1.e2', 100],
      ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity], ['+.inf', Infinity], ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity],
    ];
    for (const [s, n] of cases) expect(quick(s), s).toBe(n);
    for (const s of ['.nan', '.NaN', '.NAN']) expect(quick(s), s).toBeNaN();
    for (const s of ['1.2.3', '1e', 'e3', '1e3x', '.', '+', '.e1', '1.inf', '.infinity', '.nanx', 'x.inf', '-.nan', '+.nan', '.iNf', '.nAn', '1.5x', '.5.', '1ee3'])
      expect(quick(s), s).toBe(s);
  });

  it('text that begins with a digit, a sign or a dot stays text', () => {
    for (const s of ['9 lives', '3rd call', '-x', '+x', '.x', '0 days', '2026-01-02']) expect(quick(s), s).toBe(s);
  });
});

describe('fastLoad takes what is safe', () => {
  it('reads Windows line ends, brackets, quotes and question marks that close on their line', () => {
    expect(fastLoad('a: 1\r\nb: [x, y]\r\n', 64)).toEqual({ a: 1, b: ['x', 'y'] });
    const text = 'q: is it ?ok\nr: what?\ns: a&b, c!d, e*f\nt: "x: y"\nu: \'it\'\'s\'\nv: [a, {b: c}]\nw: {k: [1, 2]}\nx: a - y\n';
    expect(fastLoad(text, 64)).toEqual({
      q: 'is it ?ok', r: 'what?', s: 'a&b, c!d, e*f', t: 'x: y', u: "it's", v: ['a', { b: 'c' }], w: { k: [1, 2] }, x: 'a - y',
    });
    expect(fastLoad(text, 64)).toEqual(fullValue(text));
  });

  it('reads block sequences and mappings, empty entries included, and text with brackets or quotes inside', () => {
    const text = 'a:\n  - x\n  - - y\n    - z\n  - k: v\n    l:\n      - m\nb: it\'s [not] a "flow"\nc: x # comment with "quote\nd: [a, b] # [open\n';
    expect(fastLoad(text, 64)).toEqual({ a: ['x', ['y', 'z'], { k: 'v', l: ['m'] }], b: 'it\'s [not] a "flow"', c: 'x', d: ['a', 'b'] });
    expect(fastLoad(text, 64)).toEqual(fullValue(text));
  });

  it('reads quoted keys, escapes and a colon inside flow', () => {
    const text = '"k 1": "a\\"b"\n\'k 2\': [\'x, y\', "z]"]\nm: {a: 1, "b": \'c\'}\nn: [x:y, "q"]\n';
    expect(fastLoad(text, 64)).toEqual({ 'k 1': 'a"b', 'k 2': ['x, y', 'z]'], m: { a: 1, b: 'c' }, n: ['x:y', 'q'] });
    expect(fastLoad(text, 64)).toEqual(fullValue(text));
  });

  it('takes keys up to 256 characters, and nesting up to the limit', () => {
    const key = 'k'.repeat(256);
    expect(fastLoad(`${key}: 1\n`, 64)).toEqual({ [key]: 1 });
    expect(fastLoad(`${'k'.repeat(257)}: 1\n`, 64)).toBeUndefined();
    // Levels: the top mapping is 1, each nested collection one more; scalars add none.
    const nested = 'a:\n  b:\n    - [x]\n';
    expect(fastLoad(nested, 4)).toEqual({ a: { b: [['x']] } });
    expect(fastLoad(nested, 3)).toBeUndefined();
    expect(fastLoad('a: [[[x]]]\n', 4)).toEqual({ a: [[['x']]] });
    expect(fastLoad('a: [[[x]]]\n', 3)).toBeUndefined();
    expect(fastLoad('a: {b: {c: 1}}\n', 3)).toEqual({ a: { b: { c: 1 } } });
    expect(fastLoad('a: {b: {c: 1}}\n', 2)).toBeUndefined();
    expect(fastLoad('a: 1\n', 1)).toEqual({ a: 1 });
    // A key "null" is "" for yaml: given up on at any depth.
    expect(fastLoad('a:\n  - null: 1\n', 64)).toBeUndefined();
    expect(fastLoad('a:\n  b:\n    null: 1\n', 64)).toBeUndefined();
  });

  it('gives up on documents that are not a mapping', () => {
    for (const text of ['- a\n', '[a]\n', 'text\n', '1\n', '~\n']) expect(fastLoad(text, 64), text).toBeUndefined();
  });

  it('gives up on what may read otherwise: lone surrogates, anchors, tags and questions after a flow opener', () => {
    for (const text of [
      'a: x\ud800y\n', 'a: x\udc00y\n', 'a: [&x 1]\n', 'a: [*x]\n', 'a: {!t b}\n', 'a: [? b]\n', 'a: ,&x\n', 'a: x ?\n', 'a: x ?', '&a b: 1\n', '!t a: 1\n',
      'a: 1\n? b\n', 'a: [b]\n]: 1\n', 'a: {b: 1} : 2\n', 'a: 1\n- b\n', 'a:\n  - \n', 'a:\n  - # c\n', 'a: "b\\"\nc: d\n', "a: 'b''\nc'\n", 'a: "x\\\\" [y\n',
      'a: [b, [c]\n', 'a: {b: [c}\n',
    ]) {
      expect(fastLoad(text, 64), JSON.stringify(text)).toBeUndefined();
    }
    // A well-formed pair of surrogates is an ordinary character.
    expect(fastLoad('a: x😀y\n', 64)).toEqual({ a: 'x😀y' });
  });

  it('gives up on a quote left open at the end of its line, though both parsers would read the document', () => {
    const open = [
      'a: "b\n  c"\n', "a: 'b\n  c'\n", "a: 'it''s\n  x'\n", 'a: "b\\"\n  c"\n', 'a: [b, "c\n  d"]\n', 'a: {b: "c\n  d"}\n', 'a:\n  - "b\n    c"\n',
    ];
    for (const text of open) expect(fastLoad(text, 64), JSON.stringify(text)).toBeUndefined();
  });

  it('reads a flow collection broken between its entries as yaml does', () => {
    const broken = ['a: [b,\n  c]\n', 'a: {b: 1,\n  c: 2}\n', 'a: [b, {c: d},\n  e]\n', 'a:\n  - {\n      b: 1,\n      c: [d,\n        e]\n    }\n', 'a: [\n  b\n]\n'];
    for (const text of broken) {
      expect(fastLoad(text, 64), JSON.stringify(text)).toBeDefined();
      expect(fastLoad(text, 64), JSON.stringify(text)).toEqual(fullValue(text));
    }
  });

  it('reads lines whose quotes and brackets close, or are text, comments or escapes', () => {
    const closed: [string, unknown][] = [
      ['a: x"y\n', 'x"y'], ["a: x'y\n", "x'y"], ['a: x [y\n', 'x [y'], ['a: x {y\n', 'x {y'], ['a: x, "y\n', 'x, "y'], ['a: x]\n', 'x]'],
      ['a: b #"c\n', 'b'], ['a: b#"c\n', 'b#"c'], ['a: -"x\n', '-"x'], ['a: b:"c\n', 'b:"c'], ['a: "x\\\\"\n', 'x\\'], ["a: 'x''y'\n", "x'y"],
      ["a: 'x\\'\n", 'x\\'], ['a: [b, c] # [\n', ['b', 'c']], ['a: ["b]", c]\n', ['b]', 'c']], ['a: ["[", b]\n', ['[', 'b']], ['a: [b, "["]\n', ['b', '[']],
      ['a: {b: "{"}\n', { b: '{' }], ['a:\n  - "["\n', ['[']], ['a: [[b], [c]]\n', [['b'], ['c']]], ['a: {b: [c], d: {e: f}}\n', { b: ['c'], d: { e: 'f' } }],
    ];
    for (const [text, value] of closed) {
      expect(fastLoad(text, 64), JSON.stringify(text)).toEqual({ a: value });
      expect(fullValue(text), JSON.stringify(text)).toEqual({ a: value });
    }
    // A comment ends the line, at its start or after a space: a ": " and a quote inside it open nothing.
    expect(fastLoad('# x: "y\na: 1\n', 64)).toEqual({ a: 1 });
    expect(fastLoad('a: 1\n# x: "y\n', 64)).toEqual({ a: 1 });
    expect(fastLoad('a: b # x: "y\nc: d\n', 64)).toEqual({ a: 'b', c: 'd' });
    expect(fastLoad('a: b #x: "y\nc: d\n', 64)).toEqual({ a: 'b', c: 'd' });
  });
});
