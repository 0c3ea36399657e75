import { lstatSync } from 'node:fs';

/**
 * The first symbolic link on the way from `root` (not itself) down to `path` (included), if any: a
 * write through it would land wherever the link points, possibly outside the folder.
 */
export function linkBelow(root: string, path: string): string | undefined {
  const base = root.replace(/\/+$/, '');
  if (!path.startsWith(`${base}/`)) return undefined;
  let at = base;
  for (const part of path.slice(base.length + 1).split('/')) {
    at = `${at}/${part}`;
    let st;
    try {
      // Nothing there yet is the usual answer: asked for without the cost of an exception.
      st = lstatSync(at, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!st) return undefined;
    if (st.isSymbolicLink()) return at;
  }
  return undefined;
}
