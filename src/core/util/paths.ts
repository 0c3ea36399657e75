/** POSIX path helpers, so that the core runs without Node's `path` module. */

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function join(...parts: string[]): string {
  return normalize(parts.filter(Boolean).join('/'));
}

/** A path with an empty, "." or ".." segment, or a trailing slash: one `normalize` changes. */
const NOT_NORMAL = /\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

export function normalize(p: string): string {
  // A workspace walk normalizes every path it makes; nearly all are normal already.
  if (p !== '' && !NOT_NORMAL.test(p)) return p;
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}

/** `to` relative to the folder `from`; both absolute. */
export function relative(from: string, to: string): string {
  // The common case: a normal path below a normal folder.
  if (to.length > from.length + 1 && to.charCodeAt(from.length) === 47 && to.startsWith(from) && !NOT_NORMAL.test(from) && !NOT_NORMAL.test(to)) {
    return to.slice(from.length + 1);
  }
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/') || '.';
}

export function isInside(folder: string, p: string): boolean {
  const f = normalize(folder);
  const n = normalize(p);
  return n === f || n.startsWith(f === '/' ? '/' : f + '/');
}
