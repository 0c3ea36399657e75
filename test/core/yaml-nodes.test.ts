import { parseDocument, type Node, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { itemsOf, locate, numberOf, pairOf, span, stringOf, valueOf } from '../../src/core/yaml/nodes';

const root = (text: string) => parseDocument(text).contents as YAMLMap<Node, Node>;

describe('span', () => {
  it('ends a block collection at the end of its last value, not after the comments and blank lines it takes in', () => {
    // "a:" 0-2, "  - x" 3-8, "  - y" 9-14, blank 15, "# c" 16-19, "b: 1" 20-24, its line break 25.
    const text = 'a:\n  - x\n  - y\n\n# c\nb: 1\n';
    const map = root(text);
    expect(map.range).toEqual([0, 25, 25]);
    expect(span(map, text)).toEqual([0, 24]);
    expect(span(map)).toEqual([0, 24]);
    const seq = map.items[0]!.value!;
    expect(seq.range).toEqual([5, 15, 15]);
    expect(span(seq, text)).toEqual([5, 14]);
  });

  it('follows the last item down through nested block collections, and a key without a value', () => {
    // "- x" 0-3, "- - y" 4-9, "  - z" 10-15 (z at 14), blank line 16.
    const text = '- x\n- - y\n  - z\n\n';
    expect(parseDocument(text).contents!.range).toEqual([0, 16, 16]);
    expect(span(parseDocument(text).contents, text)).toEqual([0, 15]);
    // The key "a" at 2-3 is the last thing of the mapping.
    expect(span(parseDocument('? a\n').contents, '? a\n')).toEqual([0, 3]);
    // A block mapping whose last value is empty ends at that key's colon (13, end 14).
    expect(span(parseDocument('a:\n  b: 1\n  c:\n# z\n').contents, 'a:\n  b: 1\n  c:\n# z\n')).toEqual([0, 14]);
  });

  it('keeps a flow collection\'s own range, and trims trailing line breaks only when given the text', () => {
    // "a: [x, y]" 0-9, spaces 9-12, "# c" 12-15, "b:" 16, "  c: 1" 19-25, "  d: .inf" 26-35.
    const text = 'a: [x, y]   # c\nb:\n  c: 1\n  d: .inf\n\n';
    const map = root(text);
    expect(span(map.items[0]!.value, text)).toEqual([3, 9]);
    expect(span(map.items[1]!.value, text)).toEqual([21, 35]);
    // A kept block scalar ("|+" at 11) runs to the end of its blank lines (20); its text ends at 17.
    const block = 'x: "a "\ny: |+\n  k\n\n\n';
    const m = root(block);
    expect(m.items[1]!.value!.range).toEqual([11, 20, 20]);
    expect(span(m.items[1]!.value, block)).toEqual([11, 17]);
    expect(span(m.items[1]!.value)).toEqual([11, 20]);
    expect(span(m, block)).toEqual([0, 17]);
    expect(span(m)).toEqual([0, 20]);
    // Inside quotes a space is text.
    expect(span(m.items[0]!.value, block)).toEqual([3, 7]);
  });

  it('never ends before the node starts, nor reads what comes before it', () => {
    // The empty value of "a:" sits at 5, after three spaces.
    const text = 'a:   \nb: 1\n';
    const empty = root(text).items[0]!.value!;
    expect(empty.range).toEqual([5, 5, 5]);
    expect(span(empty, text)).toEqual([5, 5]);
    expect(span(undefined, text)).toBeUndefined();
    expect(span(null)).toBeUndefined();
  });
});

describe('reading values', () => {
  const map = root('name: 热线\ncount: 3\nlist: [a, b]\nempty:\n1: one\nbig: .inf\nnan: .nan\n');

  it('finds a pair by its key written as text, numbers included', () => {
    expect(pairOf(map, 'count')!.value).toMatchObject({ value: 3 });
    expect(pairOf(map, '1')!.value).toMatchObject({ value: 'one' });
    expect(pairOf(map, 'missing')).toBeUndefined();
    // A key that is a collection is no key written as text.
    expect(pairOf(root('? [a]\n: 1\n'), 'undefined')).toBeUndefined();
    expect(pairOf(root('? [a]\n: 1\n'), 'a')).toBeUndefined();
    expect(valueOf(map, 'name')).toMatchObject({ value: '热线' });
    // A key without a value has a null scalar; a missing key and a non-mapping have none.
    expect(valueOf(map, 'empty')).toMatchObject({ value: null });
    expect(valueOf(map, 'missing')).toBeUndefined();
    expect(valueOf(map.items[2]!.value, 'a')).toBeUndefined();
    expect(valueOf(undefined, 'a')).toBeUndefined();
  });

  it('reads strings, finite numbers and sequence items, and nothing of another type', () => {
    expect(stringOf(valueOf(map, 'name'))).toBe('热线');
    expect(stringOf(valueOf(map, 'count'))).toBeUndefined();
    expect(stringOf(valueOf(map, 'list'))).toBeUndefined();
    expect(numberOf(valueOf(map, 'count'))).toBe(3);
    expect(numberOf(valueOf(map, 'name'))).toBeUndefined();
    expect(numberOf(valueOf(map, 'big'))).toBeUndefined();
    expect(numberOf(valueOf(map, 'nan'))).toBeUndefined();
    expect(numberOf(map)).toBeUndefined();
    expect(itemsOf(valueOf(map, 'list')).map((n) => (n as { value: string }).value)).toEqual(['a', 'b']);
    expect(itemsOf(map)).toEqual([]);
    expect(itemsOf(valueOf(map, 'name'))).toEqual([]);
  });
});

describe('locate', () => {
  it('gives the pair of a key without a value, and no node', () => {
    const doc = parseDocument('? a\nb: 1\n');
    const { node, pair } = locate(doc, ['a']);
    expect(node).toBeUndefined();
    expect((pair!.key as { value: string }).value).toBe('a');
    expect(locate(doc, ['a', 'c'])).toEqual({ node: undefined, pair: undefined });
    expect(locate(doc, [])).toEqual({ node: doc.contents, pair: undefined });
  });
});
