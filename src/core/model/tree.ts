import { isMap, isPair, isScalar, type Node } from 'yaml';
import { itemsOf, numberOf, pairOf, span, stringOf, valueOf } from '../yaml/nodes';

/**
 * How the extractor reads a document: as yaml nodes, with their places, or as the plain data a
 * quick read gave (every place then the file's start). Both read a valid document alike.
 */
export interface Tree {
  /** The value under a key of a mapping; undefined when absent or not a mapping (an empty value is present). */
  get(map: unknown, key: string): unknown;
  /** A key's pair in a mapping: its key node (for its place) and value. */
  pair(map: unknown, key: string): { key: unknown; value: unknown } | undefined;
  /** A mapping's entries whose key is a scalar, with the key as text. */
  entries(map: unknown): { name: string; key: unknown; value: unknown }[];
  /** Calls `each` for the entries `entries` lists, in order, without making the list; returns how many. */
  eachEntry(map: unknown, each: (name: string, key: unknown, value: unknown) => void): number;
  items(node: unknown): readonly unknown[];
  string(node: unknown): string | undefined;
  /** A finite number. */
  number(node: unknown): number | undefined;
  /** An ID: text, or a number written as one. */
  id(node: unknown): string | undefined;
  isMap(node: unknown): boolean;
  isTrue(node: unknown): boolean;
  /** A node's own span in the text; undefined without places. */
  span(node: unknown): [number, number] | undefined;
  /** Read without places: the extractor's places are all the file's start. */
  readonly plain: boolean;
}

/** yaml nodes, as parsed (or as built from data without places: then every place is the start). */
export function yamlTree(text: string): Tree {
  return {
    plain: false,
    get: valueOf,
    pair: (map, key) => (isMap(map) ? pairOf(map, key) : undefined),
    entries: (map) =>
      isMap(map)
        ? map.items.filter((p) => isPair(p) && isScalar(p.key)).map((p) => ({ name: String((p.key as { value: unknown }).value), key: p.key, value: p.value }))
        : [],
    eachEntry: (map, each) => {
      let n = 0;
      if (isMap(map)) {
        for (const p of map.items) {
          if (!isPair(p) || !isScalar(p.key)) continue;
          each(String((p.key as { value: unknown }).value), p.key, p.value);
          n++;
        }
      }
      return n;
    },
    items: itemsOf,
    string: stringOf,
    number: numberOf,
    id: (node) => stringOf(node) ?? (isScalar(node) && typeof node.value === 'number' ? String(node.value) : undefined),
    isMap: (node) => isMap(node),
    isTrue: (node) => isScalar(node) && node.value === true,
    span: (node) => span(node as Node, text),
  };
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NO_ITEMS: readonly unknown[] = [];

/** Plain data (a quick read's), read as the yaml tree built from it would be. */
export const PLAIN_TREE: Tree = {
  plain: true,
  get: (map, key) => (isPlainMap(map) && Object.hasOwn(map, key) ? map[key] : undefined),
  pair: (map, key) => (isPlainMap(map) && Object.hasOwn(map, key) ? { key: undefined, value: map[key] } : undefined),
  entries: (map) => (isPlainMap(map) ? Object.keys(map).map((name) => ({ name, key: undefined, value: map[name] })) : []),
  eachEntry: (map, each) => {
    if (!isPlainMap(map)) return 0;
    const names = Object.keys(map);
    for (const name of names) each(name, undefined, map[name]);
    return names.length;
  },
  items: (node) => (Array.isArray(node) ? node : NO_ITEMS),
  string: (node) => (typeof node === 'string' ? node : undefined),
  number: (node) => (typeof node === 'number' && Number.isFinite(node) ? node : undefined),
  id: (node) => (typeof node === 'string' ? node : typeof node === 'number' ? String(node) : undefined),
  isMap: isPlainMap,
  isTrue: (node) => node === true,
  span: () => undefined,
};
