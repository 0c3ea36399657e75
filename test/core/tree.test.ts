import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PLAIN_TREE, yamlTree, type Tree } from '../../src/core/model/tree';

// The extractor reads a valid document's plain data (the quick path) as it reads its yaml nodes:
// every question it asks of a node has the same answer on the data.

/** Asks both trees everything about a node and its data, and then about its children. */
function same(plain: unknown, node: unknown, y: Tree, path = '$'): void {
  const p = PLAIN_TREE;
  expect([p.isMap(plain), p.string(plain), p.number(plain), p.id(plain), p.isTrue(plain)], path).toEqual([y.isMap(node), y.string(node), y.number(node), y.id(node), y.isTrue(node)]);
  expect(p.items(plain).length, path).toBe(y.items(node).length);
  p.items(plain).forEach((item, i) => same(item, y.items(node)[i], y, `${path}[${i}]`));
  const entries = p.entries(plain);
  expect(entries.map((e) => e.name), path).toEqual(y.entries(node).map((e) => e.name));
  entries.forEach((e, i) => same(e.value, y.entries(node)[i]!.value, y, `${path}.${e.name}`));
  for (const key of [...entries.map((e) => e.name), 'absent']) {
    expect(p.get(plain, key) === undefined, `${path}.${key}`).toBe(y.get(node, key) === undefined);
    expect(p.pair(plain, key) === undefined, `${path}.${key}`).toBe(y.pair(node, key) === undefined);
    if (p.get(plain, key) !== undefined) same(p.get(plain, key), y.get(node, key), y, `${path}.${key}`);
    if (p.pair(plain, key)) same(p.pair(plain, key)!.value, y.pair(node, key)!.value, y, `${path}.${key}`);
  }
  expect(p.span(plain)).toBeUndefined();
}

const scalar = fc.oneof(fc.string(), fc.constantFrom('id', '旅程', 'true', '1', ''), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('id', 'title', 'emotions', 'steps'), fc.string({ minLength: 1 })), tie('value'), { maxKeys: 4 }),
  ),
}));

describe('the plain tree reads data as the yaml tree reads its nodes', () => {
  it('on any data, written as YAML and parsed', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = stringify(v);
        const doc = parseDocument(text);
        same(doc.toJS(), doc.contents, yamlTree(text));
      }),
      { numRuns: 500 },
    );
  });

  it('on a step as the extractor reads it: IDs written as numbers, flags, scores', () => {
    const text = 'id: 12\ntitle: 来电\nmomentOfTruth: true\nemotions: { owner: -2, tenant: .inf }\ncritical: yes\ndescription:\n';
    const doc = parseDocument(text);
    same(doc.toJS(), doc.contents, yamlTree(text));
    expect(PLAIN_TREE.id(12)).toBe('12');
    expect(PLAIN_TREE.number(Infinity)).toBeUndefined();
    // An empty value is there (a scale written as "scale:" has a place), an absent one is not.
    expect(PLAIN_TREE.get({ scale: null }, 'scale')).toBeNull();
    expect(PLAIN_TREE.get({}, 'scale')).toBeUndefined();
  });
});
