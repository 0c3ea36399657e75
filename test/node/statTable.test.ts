import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeStats, encodeStats, RACY_MS, statEntry, unchangedSince } from '../../src/node/statTable';

const T = 1_790_000_000_000.123;
const stats = (over: Partial<Stats> = {}) => ({ size: 120, mtimeMs: T, ctimeMs: T, ino: 42, dev: 7, ...over }) as Stats;

describe("the table of files' sizes and times", () => {
  it('takes a file as unchanged only when size, times and identity are all the same', () => {
    const entry = statEntry(stats(), 'h', T + RACY_MS);
    expect(unchangedSince(entry, stats())).toBe(true);
    for (const change of [{ size: 121 }, { mtimeMs: T + 0.001 }, { ctimeMs: T + 1 }, { ino: 43 }, { dev: 8 }]) {
      expect(unchangedSince(entry, stats(change))).toBe(false);
    }
  });

  it('does not trust an entry seen within the time-stamp granularity of its last change', () => {
    expect(unchangedSince(statEntry(stats(), 'h', T + RACY_MS - 1), stats())).toBe(false);
    // A change of metadata (ctime) as recent counts too.
    expect(unchangedSince(statEntry(stats({ ctimeMs: T + 10 }), 'h', T + RACY_MS), stats({ ctimeMs: T + 10 }))).toBe(false);
    // A clock set back: a time stamp after the moment it was seen.
    expect(unchangedSince(statEntry(stats(), 'h', T - 5000), stats())).toBe(false);
  });

  it('reads back what it wrote, Chinese paths and fractional times included, and nothing else', () => {
    const table = new Map([
      ['/ws/旅程/a.journey.yaml', statEntry(stats(), 'a'.repeat(64), T + 3000)],
      ['/ws/b "quoted".yaml', statEntry(stats({ ino: 2 ** 40, mtimeMs: 0.5 }), 'b'.repeat(64), T)],
    ]);
    expect(decodeStats(encodeStats(table))).toEqual(table);
    expect(decodeStats('')).toEqual(new Map());
    for (const bad of ['{}', '["/a","h",1,2,3,4,5]', '["/a",1,1,2,3,4,5,6]', '["/a","h",1,2,3,4,5,"6"]', '["/a","h",1,2,3,4,5,null]', 'not json']) {
      expect(decodeStats(`${bad}\n`)).toBeUndefined();
    }
  });
});
