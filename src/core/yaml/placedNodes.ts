import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

// yaml tells node types apart by a registered symbol (`isMap` and friends). Its constructors set it
// with Object.defineProperty on each node, which costs more than reading the whole file did; these
// light nodes carry it on their prototype, which also gives them yaml's methods.
const NODE_TYPE = Symbol.for('yaml.node.type');
function light<T extends object>(cls: { prototype: T }, type: string, base: object): void {
  Object.setPrototypeOf(cls.prototype, base);
  Object.defineProperty(cls.prototype, NODE_TYPE, { value: Symbol.for(type) });
}

type Place = [number, number, number];

class LightMap {
  constructor(
    readonly items: Pair[],
    readonly range: Place,
    readonly flow?: true,
  ) {}
}
class LightSeq {
  constructor(
    readonly items: unknown[],
    readonly range: Place,
    readonly flow?: true,
  ) {}
}
class LightPair {
  constructor(
    readonly key: unknown,
    readonly value: unknown,
  ) {}
}
class LightScalar {
  constructor(
    readonly value: unknown,
    readonly range: Place,
  ) {}
}
light(LightMap, 'yaml.map', YAMLMap.prototype);
light(LightSeq, 'yaml.seq', YAMLSeq.prototype);
light(LightPair, 'yaml.pair', Pair.prototype);
light(LightScalar, 'yaml.scalar', Scalar.prototype);

/**
 * yaml nodes, with yaml's own ranges, for data read with its places (`simpleLoadPlaced`): the same
 * tree and places as `yaml` parses from the same text, without parsing it again.
 */
export function placedNodes(value: Record<string, unknown>, spans: readonly number[]): Node {
  let at = 0;
  const place = (): Place => {
    const r: Place = [spans[at]!, spans[at + 1]!, spans[at + 2]!];
    at += 4;
    return r;
  };
  const flow = (): true | undefined => (spans[at + 3] === 1 ? true : undefined);
  const node = (v: unknown): Node => {
    if (Array.isArray(v)) {
      const items: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) items[i] = node(v[i]);
      const isFlow = flow();
      return new LightSeq(items, place(), isFlow) as unknown as Node;
    }
    if (typeof v === 'object' && v !== null) {
      const items: Pair[] = [];
      for (const key of Object.keys(v)) {
        const k = new LightScalar(key, place());
        items.push(new LightPair(k, node((v as Record<string, unknown>)[key])) as unknown as Pair);
      }
      const isFlow = flow();
      return new LightMap(items, place(), isFlow) as unknown as Node;
    }
    return new LightScalar(v, place()) as unknown as Node;
  };
  const root = node(value);
  if (at !== spans.length) throw new Error('placedNodes: places do not match the data');
  return root;
}
