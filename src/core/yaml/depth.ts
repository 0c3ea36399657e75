import type { CST } from 'yaml';

/** Collections nested deeper than this are refused by default (a journey needs about seven levels). */
export const DEFAULT_MAX_DEPTH = 64;
/** The least `limits.maxDepth` may ask for (the schema's minimum): a journey needs about seven levels. */
export const MIN_DEPTH_LIMIT = 8;
/** The most `limits.maxDepth` may allow: deeper trees would overflow the stack of the code that walks them. */
export const MAX_DEPTH_LIMIT = 256;

/**
 * The offset of the first collection nested deeper than `maxDepth` in yaml's concrete syntax tree,
 * or undefined. Runs before the tree is composed into nodes: composing (and every later walk of the
 * nodes) recurses once per level, and a thousand levels overflow the stack. The walk here keeps its
 * own stack. The top-level mapping of a document is level 1.
 */
export function tooDeep(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  stack.reverse();
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > maxDepth) return token.type === 'flow-collection' ? token.start.offset : token.offset;
        // Later items are pushed first so that the first place over the limit is the one reported.
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i]! as { key?: CST.Token | null; value?: CST.Token };
          stack.push([item.value, d]);
          if ('key' in item) stack.push([item.key, d]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
