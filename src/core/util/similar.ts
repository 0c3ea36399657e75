/** "Did you mean": edit distance over code points, so CJK IDs compare by character, not by UTF-16 unit. */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours ("=>" → ">="). */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** Candidates close enough to `word` to suggest, best first. */
export function similar(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const len = Array.from(word).length;
  const max = Math.max(1, Math.min(4, Math.floor(len / 3) + 1));
  const lower = word.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    if (c === word) continue;
    let d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase(), max);
    // A candidate that contains the word (or is contained by it) is a likely intent, e.g. "hotline" → "service-hotline".
    if (d > max && len >= 4 && (c.includes(word) || word.includes(c))) d = max;
    if (d <= max) scored.push([c, d]);
  }
  // Closest first; among equals, the one whose length is nearest the word's, then alphabetical.
  const gap = (c: string) => Math.abs(Array.from(c).length - len);
  scored.sort((a, b) => a[1] - b[1] || gap(a[0]) - gap(b[0]) || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, limit).map((s) => s[0]);
}
