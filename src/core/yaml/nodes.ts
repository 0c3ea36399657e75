import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type Document } from 'yaml';

/**
 * A YAML node's own span: from its first character to the end of its value, without the comments,
 * line breaks and indentation that a block collection's range takes in after its last item.
 */
export function span(node: Node | null | undefined, text?: string): [number, number] | undefined {
  const r = node?.range;
  if (!r) return undefined;
  let end = r[1];
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1];
    const inner = isPair(last) ? span((last.value ?? last.key) as Node, text) : span(last as Node, text);
    if (inner) end = inner[1];
  }
  if (text) while (end > r[0] && /\s/.test(text[end - 1]!)) end--;
  return [r[0], end];
}

export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

export function valueOf(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const v = pairOf(map, key)?.value;
  return v ?? undefined;
}

export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export function numberOf(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}

export function itemsOf(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

export type PathSegment = string | number;

/** The pair and node at a JSON path, following mappings by key and sequences by index. */
export function locate(doc: Document, path: readonly PathSegment[]): { node: Node | undefined; pair: Pair | undefined } {
  let node: Node | undefined = (doc.contents as Node | null) ?? undefined;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      pair = pairOf(node, String(seg));
      node = (pair?.value as Node | null) ?? undefined;
    } else if (isSeq(node)) {
      pair = undefined;
      node = node.items[Number(seg)] as Node | undefined;
    } else {
      return { node: undefined, pair: undefined };
    }
    if (!node && !pair) return { node: undefined, pair: undefined };
  }
  return { node, pair };
}

/** Decodes an ajv instancePath ("/stages/0/steps/1") into segments. */
export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
