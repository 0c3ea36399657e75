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
    try {
      if (lstatSync(at).isSymbolicLink()) return at;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
