import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** Every node of a tree built from data sits here: the whole file's start, until exact positions are needed. */
const NOWHERE: [number, number, number] = [0, 0, 0];

// yaml tells node types apart by a registered symbol (`isMap` and friends). Its constructors set it
// with Object.defineProperty on each node, which costs more than reading the whole file did; these
// light nodes carry it on their prototype, which also gives them yaml's methods.
const NODE_TYPE = Symbol.for('yaml.node.type');
function light<T extends object>(cls: { prototype: T }, type: string, base: object): void {
  Object.setPrototypeOf(cls.prototype, base);
  Object.defineProperty(cls.prototype, NODE_TYPE, { value: Symbol.for(type) });
}

class LightMap {
  range = NOWHERE;
  constructor(readonly items: Pair[]) {}
}
class LightSeq {
  range = NOWHERE;
  constructor(readonly items: unknown[]) {}
}
class LightPair {
  constructor(
    readonly key: unknown,
    readonly value: unknown,
  ) {}
}
class LightScalar {
  range = NOWHERE;
  constructor(readonly value: unknown) {}
}
light(LightMap, 'yaml.map', YAMLMap.prototype);
light(LightSeq, 'yaml.seq', YAMLSeq.prototype);
light(LightPair, 'yaml.pair', Pair.prototype);
light(LightScalar, 'yaml.scalar', Scalar.prototype);

/**
 * yaml nodes for data read without positions (fastLoad), so that the kind check, the schema, the
 * extractor and the file rules run on them as on parsed nodes. Every range is the file's start: a
 * model built from them is re-analysed with positions before any of its places is shown.
 */
export function plainNodes(value: unknown): Node {
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) items[i] = plainNodes(value[i]);
    return new LightSeq(items) as unknown as Node;
  }
  if (typeof value === 'object' && value !== null) {
    const items: Pair[] = [];
    for (const key of Object.keys(value)) {
      items.push(new LightPair(new LightScalar(key), plainNodes((value as Record<string, unknown>)[key])) as unknown as Pair);
    }
    return new LightMap(items) as unknown as Node;
  }
  return new LightScalar(value) as unknown as Node;
}
