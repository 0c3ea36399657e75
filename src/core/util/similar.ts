/** "Did you mean": edit distance over code points, so CJK IDs compare by character, not by UTF-16 unit. */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours ("=>" → ">="). */
export function editDistance(a: string, b: string, max = Infinity): number {
  return distance(codePoints(a), codePoints(b), max);
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

// Three rows reused across calls: lookups run thousands of comparisons and should not allocate.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** The distance when it is at most `max`, else max + 1; only cells within `max` of the diagonal are computed. */
function distance(x: readonly number[], y: readonly number[], max: number): number {
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (!Number.isFinite(max)) max = Math.max(n, m);
  const inf = max + 1;
  if (rowA.length <= m + 1) (rowA = new Int32Array(m * 2 + 2)), (rowB = new Int32Array(m * 2 + 2)), (rowC = new Int32Array(m * 2 + 2));
  let before = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : inf;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 && i <= max ? i : inf;
    let rowMin = cur[lo - 1]!;
    const xi = x[i - 1];
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1]! + (xi === y[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && xi === y[j - 2] && x[i - 2] === y[j - 1]) {
        const swap = before[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      if (v > inf) v = inf;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = inf;
    if (rowMin > max) return inf;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m]!, inf);
}

/** Which of 32 classes of character a string holds: an edit changes at most two, so far-apart words are skipped cheaply. */
function signature(chars: readonly number[]): number {
  let m = 0;
  for (const c of chars) m |= 1 << (c % 32);
  return m;
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n >>> 0; v; v &= v - 1) c++;
  return c;
}

/**
 * Edit distances computed per lookup at most. Candidates are tried nearest length first and, within
 * a length, those sharing the word's first character first (typos rarely hit it), so the cap cuts
 * the least likely ones.
 */
export const MAX_COMPARISONS = 200;
/** Candidates looked at (cheap signature test) per lookup at most. */
export const MAX_EXAMINED = 1000;
/** Candidates that contain the word, or are contained in it, taken per lookup at most. */
export const MAX_CONTAINMENT = 100;
/** Words up to this length are searched for candidates they contain (every substring is looked up). */
const MAX_CONTAINED_WORD = 80;

interface Entry {
  id: string;
  lower: string;
  chars: number[];
  signature: number;
  /** The lookup that last looked at this entry (a stamp instead of a set per lookup). */
  seen: number;
}

/**
 * Candidates indexed for repeated "did you mean" lookups: by length in code points (an edit distance
 * of at most d implies a length difference of at most d) and by first character, with the work per
 * lookup capped and the answer cached per word. Many unknown IDs against many defined IDs stay linear.
 */
export class SimilarIndex {
  private readonly entries: Entry[] = [];
  /**
   * By length; by length, first and last character; by length and first; by length and last. The
   * keys are numbers (`bucketKey`): an index of thousands of IDs makes four for each.
   */
  private readonly byLength = new Map<number, Entry[]>();
  private readonly byEnds = new Map<number, Entry[]>();
  private readonly byFirst = new Map<number, Entry[]>();
  private readonly byLast = new Map<number, Entry[]>();
  private readonly cache = new Map<string, string[]>();
  private readonly byId = new Map<string, Entry>();
  private lookups = 0;
  /** Every ID between newlines, searched natively for a word; `starts` maps a match back to its entry. */
  private joined?: string;
  private starts: number[] = [];

  constructor(candidates: Iterable<string>) {
    for (const id of candidates) {
      if (this.byId.has(id)) continue;
      const lower = id.toLowerCase();
      const chars = codePoints(lower);
      const e: Entry = { id, lower, chars, signature: signature(chars), seen: 0 };
      this.entries.push(e);
      this.byId.set(id, e);
      const n = chars.length;
      const first = n ? chars[0]! : 0;
      const last = n ? chars[n - 1]! : 0;
      bucket(this.byLength, n, e);
      bucket(this.byEnds, bucketKey(n, first, last), e);
      bucket(this.byFirst, bucketKey(n, first), e);
      bucket(this.byLast, bucketKey(n, last), e);
    }
  }

  /** Candidates close enough to `word` to suggest, best first. */
  similar(word: string, limit = 3): string[] {
    const key = `${limit}\u0000${word}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.lookup(word, limit);
      this.cache.set(key, found);
    }
    return found;
  }

  private lookup(word: string, limit: number): string[] {
    const lower = word.toLowerCase();
    const chars = codePoints(lower);
    const sig = signature(chars);
    const len = chars.length;
    const max = Math.max(1, Math.min(4, Math.floor(len / 3) + 1));
    const scored = new Map<Entry, number>();
    const stamp = ++this.lookups;
    // The `limit` best distances so far: a candidate further than all of them cannot be suggested.
    const best: number[] = [];
    let bound = max;
    const keep = (e: Entry, d: number) => {
      scored.set(e, d);
      let k = best.length;
      best.push(d);
      while (k > 0 && best[k - 1]! > d) (best[k] = best[k - 1]!), k--;
      best[k] = d;
      if (best.length > limit) best.length = limit;
      if (best.length === limit) bound = Math.floor(best[limit - 1]!);
    };
    let comparisons = MAX_COMPARISONS;
    let examined = MAX_EXAMINED;
    const tryAll = (entries: Entry[] | undefined) => {
      for (const e of entries ?? []) {
        if (comparisons <= 0 || examined-- <= 0) return;
        if (e.seen === stamp) continue;
        e.seen = stamp;
        if (e.id === word) continue;
        if (e.lower === lower) {
          keep(e, 0.5);
          continue;
        }
        if (Math.abs(e.chars.length - len) > bound || popcount(sig ^ e.signature) > 2 * bound) continue;
        comparisons--;
        const d = distance(chars, e.chars, bound);
        // Every character replaced ("y" for "<") is another word, not a typo.
        if (d <= bound && d < Math.max(len, e.chars.length)) keep(e, d);
      }
    };
    const lengths: number[] = [len];
    for (let gap = 1; gap <= max; gap++) lengths.push(len - gap, len + gap);
    // Most likely first: typos rarely touch both ends of a word, and rarely either.
    const first = len ? chars[0]! : 0;
    const last = len ? chars[len - 1]! : 0;
    for (const l of lengths) tryAll(this.byEnds.get(bucketKey(l, first, last)));
    for (const l of lengths) tryAll(this.byFirst.get(bucketKey(l, first)));
    for (const l of lengths) tryAll(this.byLast.get(bucketKey(l, last)));
    for (const l of lengths) tryAll(this.byLength.get(l));
    // A candidate that contains the word (or is contained by it) is a likely intent, e.g. "hotline" → "service-hotline".
    if (len >= 4) for (const e of this.containing(word, word.length <= MAX_CONTAINED_WORD)) if (!scored.has(e)) scored.set(e, max);
    // Closest first; among equals, the one whose length is nearest the word's, then alphabetical.
    const gap = (e: Entry) => Math.abs(e.chars.length - len);
    return [...scored]
      .sort((a, b) => a[1] - b[1] || gap(a[0]) - gap(b[0]) || (a[0].id < b[0].id ? -1 : 1))
      .slice(0, limit)
      .map((s) => s[0].id);
  }

  /** Candidates holding `word` (one native search over all IDs) and, for short words, candidates inside it. */
  private containing(word: string, inside: boolean): Entry[] {
    const out: Entry[] = [];
    if (!word) return out;
    if (this.joined === undefined) {
      let at = 0;
      for (const e of this.entries) {
        this.starts.push(at);
        at += e.id.length + 1;
      }
      this.joined = this.entries.map((e) => e.id).join('\n');
    }
    for (let at = this.joined.indexOf(word); at >= 0 && out.length < MAX_CONTAINMENT; at = this.joined.indexOf(word, at + 1)) {
      const e = this.entries[lastAtOrBefore(this.starts, at)]!;
      if (e.id !== word && e.id.includes(word) && !out.includes(e)) out.push(e);
    }
    if (inside) {
      for (let i = 0; i < word.length && out.length < MAX_CONTAINMENT; i++) {
        for (let j = i + 1; j <= word.length; j++) {
          const e = this.byId.get(word.slice(i, j));
          if (e && e.id !== word && !out.includes(e)) out.push(e);
        }
      }
    }
    return out;
  }
}

/** Candidates close enough to `word` to suggest, best first (for one-off lookups in short lists). */
export function similar(word: string, candidates: Iterable<string>, limit = 3): string[] {
  return new SimilarIndex(candidates).similar(word, limit);
}

const CODE_POINTS = 0x110000;
/** Words this long or longer share their buckets by ends: the key stays an exact integer. */
const LONG = 2047;

/**
 * A bucket's key: a length with one or two code points, as one integer (a length below zero, for
 * the lengths a lookup tries below a word's, is in no bucket and matches nothing).
 */
function bucketKey(length: number, a: number, b = 0): number {
  return (Math.min(length, LONG) * CODE_POINTS + a) * CODE_POINTS + b;
}

function bucket(map: Map<number, Entry[]>, key: number, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/** The index of the last start at or before `at` (starts ascending). */
function lastAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
