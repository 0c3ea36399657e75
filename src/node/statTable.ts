import type { Stats } from 'node:fs';

/**
 * What a run saw of a file before reading it (size, times, identity), and the SHA-256 of what it
 * read. A later run that sees the same takes the file to be the same, as git does for its index,
 * and does not read it. A file modified shortly before it was seen may be modified again within
 * the same tick of the file system's clock, unseen: such an entry is not trusted until a run sees
 * the file again well after its last change.
 */
export interface StatEntry {
  hash: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  /** When the run saw it (ms since the epoch). */
  seenAt: number;
}

/** Time-stamp granularity to allow for: two seconds (FAT, some network file systems). */
export const RACY_MS = 2000;

export function statEntry(st: Stats, hash: string, seenAt: number): StatEntry {
  return { hash, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, dev: st.dev, seenAt };
}

/** Whether a file stat'ed now is the one an entry describes, and that entry can be trusted. */
export function unchangedSince(entry: StatEntry, st: Stats): boolean {
  return (
    entry.size === st.size &&
    entry.mtimeMs === st.mtimeMs &&
    entry.ctimeMs === st.ctimeMs &&
    entry.ino === st.ino &&
    entry.dev === st.dev &&
    entry.seenAt - Math.max(entry.mtimeMs, entry.ctimeMs) >= RACY_MS
  );
}

/** The table as a record's body: one JSON array per file. */
export function encodeStats(table: ReadonlyMap<string, StatEntry>): string {
  let out = '';
  for (const [file, e] of table) out += `${JSON.stringify([file, e.hash, e.size, e.mtimeMs, e.ctimeMs, e.ino, e.dev, e.seenAt])}\n`;
  return out;
}

/** The table back from `encodeStats`; undefined for anything else. */
export function decodeStats(body: string): Map<string, StatEntry> | undefined {
  const table = new Map<string, StatEntry>();
  try {
    for (const line of body.split('\n')) {
      if (line === '') continue;
      const row = JSON.parse(line) as unknown;
      if (!Array.isArray(row) || row.length !== 8) return undefined;
      const [file, hash, ...numbers] = row as [unknown, unknown, ...unknown[]];
      if (typeof file !== 'string' || typeof hash !== 'string' || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
      const [size, mtimeMs, ctimeMs, ino, dev, seenAt] = numbers as number[];
      table.set(file, { hash, size: size!, mtimeMs: mtimeMs!, ctimeMs: ctimeMs!, ino: ino!, dev: dev!, seenAt: seenAt! });
    }
  } catch {
    return undefined;
  }
  return table;
}
