import { describe, expect, it } from 'vitest';
import { editDistance, SimilarIndex, similar } from '../../src/core/util/similar';

/** Optimal string alignment distance over code points, the textbook table: what editDistance must equal. */
function reference(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/** Words over a small alphabet (CJK and an emoji included), so that near and far pairs both occur. */
function words(count: number, seed: number): string[] {
  const alphabet = ['a', 'b', 'c', '旅', '程', '😀'];
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648), s);
  return Array.from({ length: count }, () => Array.from({ length: next() % 9 }, () => alphabet[next() % alphabet.length]).join(''));
}

describe('editDistance', () => {
  it('equals the textbook table for every pair, or is max + 1 past max', () => {
    const list = words(40, 7);
    let near = 0;
    for (const a of list) {
      for (const b of list) {
        const want = reference(a, b);
        expect(editDistance(a, b), `${a} ${b}`).toBe(want);
        for (const max of [0, 1, 2, 3]) expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(want, max + 1));
        if (want > 0 && want <= 2) near++;
      }
    }
    // Not only far-apart pairs.
    expect(near).toBeGreaterThan(50);
  });

  it('measures long words beyond the first row size', () => {
    const long = 'ab'.repeat(50);
    expect(editDistance(long, long.slice(1))).toBe(1);
    expect(editDistance(long, `${long.slice(0, 50)}ba${long.slice(52)}`)).toBe(1);
    expect(editDistance(long, 'ba'.repeat(50))).toBe(2);
    expect(editDistance(long, 'ba'.repeat(50), 1)).toBe(2);
    expect(editDistance(`${long}xyz`, long, 2)).toBe(3);
    expect(editDistance(`${long}xy`, long, 2)).toBe(2);
  });

  it('counts edits at either end with a bound', () => {
    expect(editDistance('abc', 'xabc', 1)).toBe(1);
    expect(editDistance('xabc', 'abc', 1)).toBe(1);
    expect(editDistance('abcx', 'abc', 1)).toBe(1);
    expect(editDistance('xyabc', 'abc', 1)).toBe(2);
    expect(editDistance('xyabc', 'abc', 2)).toBe(2);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('abc', 'abd', 0)).toBe(1);
  });
});

describe('SimilarIndex', () => {
  it('suggests the same as a fresh lookup when asked again, per limit', () => {
    const index = new SimilarIndex(['tenant', 'tenants', 'tenent-x', 'owner', 'tenant']);
    // "tenants" is two edits from "tenan"; "tenent-x" is three characters longer than two edits allow.
    expect(index.similar('tenan')).toEqual(['tenant', 'tenants']);
    expect(index.similar('tenan')).toEqual(['tenant', 'tenants']);
    expect(index.similar('tenan', 1)).toEqual(['tenant']);
    expect(index.similar('tenan', 3)).toEqual(['tenant', 'tenants']);
    expect(index.similar('ownr')).toEqual(['owner']);
  });

  it('never suggests a word with every character replaced: one character for another is no typo', () => {
    const comparators = ['<', '<=', '>', '>=', '='];
    expect(similar('y', comparators)).toEqual([]);
    expect(similar('甲', ['乙', '丙'])).toEqual([]);
    // Two characters swapped, or one added or dropped: still a likely typo.
    expect(similar('=<', comparators, 1)).toEqual(['<=']);
    expect(similar('x', ['xy', 'zz'])).toEqual(['xy']);
    expect(similar('ab', ['a', 'b', 'cd'], 3)).toEqual(['a', 'b']);
  });

  it('puts a case-only difference before any edit, and never the word itself', () => {
    expect(similar('Tenant', ['tenant', 'Tenant', 'tenants', 'Tenan'])).toEqual(['tenant', 'Tenan', 'tenants']);
    expect(similar('ABC', ['abc', 'abd'], 1)).toEqual(['abc']);
  });

  it('ranks equal distances by the nearest length, then by name', () => {
    // All at distance 2 from "abcdef": two substitutions (same length), two deletions, two insertions.
    expect(similar('abcdef', ['abcdefgh', 'abcd', 'xbcdey', 'abxdef-'], 4)).toEqual(['xbcdey', 'abxdef-', 'abcd', 'abcdefgh']);
    expect(similar('abcdef', ['zbcdex', 'ybcdex', 'xbcdex'], 2)).toEqual(['xbcdex', 'ybcdex']);
  });

  it('finds candidates that differ at the first or the last character, or both', () => {
    expect(similar('abcdef', ['xbcdef'])).toEqual(['xbcdef']);
    expect(similar('abcdef', ['abcdex'])).toEqual(['abcdex']);
    expect(similar('abcdef', ['xbcdey'])).toEqual(['xbcdey']);
    expect(similar('abcdef', ['bcdef'])).toEqual(['bcdef']);
    expect(similar('abcdef', ['abcde'])).toEqual(['abcde']);
    expect(similar('abcdef', ['zabcdef'])).toEqual(['zabcdef']);
    expect(similar('abcdef', ['abcdefz'])).toEqual(['abcdefz']);
    // Three edits for a word of 6 to 8 characters; four only from 9.
    expect(similar('abcdef', ['xyzdef'])).toEqual(['xyzdef']);
    expect(similar('abcdef', ['wxyzef'])).toEqual([]);
    expect(similar('abcdefghi', ['wxyzefghi'])).toEqual(['wxyzefghi']);
    expect(similar('abcdefghi', ['vwxyzfghi'])).toEqual([]);
  });

  it('tries the candidates that share both ends first, then one end, when the work per lookup runs out', () => {
    // Thousands of words of the same length ahead of the intended one: only the buckets by first and
    // last character (code points, CJK and astral included) find it within the cap.
    const filler = (i: number, a: string, b: string) => `${a}${i.toString(36).padStart(4, '0')}${b}`;
    const many = (a: string, b: string) => Array.from({ length: 3000 }, (_, i) => filler(i, a, b));
    expect(similar('abcdef', [...many('x', 'y'), 'abxdef'])).toEqual(['abxdef']);
    expect(similar('abcdef', [...many('a', 'y'), ...many('x', 'f'), 'abxdef'])[0]).toBe('abxdef');
    expect(similar('abcdef', [...many('x', 'y'), 'xbcdef'])).toEqual(['xbcdef']);
    expect(similar('abcdef', [...many('x', 'y'), 'abcdex'])).toEqual(['abcdex']);
    expect(similar('报修热线😀', [...many('报', '😁'), '报修热綫😀'])).toEqual(['报修热綫😀']);
    expect(similar('😀报修热线', [...many('😁', '线'), '😀报修熱线'])).toEqual(['😀报修熱线']);
  });

  it('adds candidates that contain the word, or that it contains, after the close ones', () => {
    const index = new SimilarIndex(['front-desk', 'desk', 'service-front-desk', 'front-desk-2', 'back-desk']);
    // "back-desk" is five edits away (four allowed); the rest only contain or are contained: nearest length first.
    expect(index.similar('front-desk', 5)).toEqual(['front-desk-2', 'desk', 'service-front-desk']);
    expect(index.similar('desk', 5)).toEqual(['back-desk', 'front-desk', 'front-desk-2', 'service-front-desk']);
    // A word below four characters is not searched for; a longer word finds even short IDs inside it.
    expect(new SimilarIndex(['a-front']).similar('fro')).toEqual([]);
    expect(new SimilarIndex(['fro']).similar('a-front')).toEqual(['fro']);
    expect(new SimilarIndex(['front']).similar('a-front')).toEqual(['front']);
  });

  it('finds a containing candidate at any place in the list', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `zz-${i}-qq`);
    ids.splice(17, 0, 'prefix-hotline-suffix');
    expect(new SimilarIndex(ids).similar('hotline')).toEqual(['prefix-hotline-suffix']);
    expect(new SimilarIndex([...ids, 'hotline-last']).similar('hotline')).toEqual(['hotline-last', 'prefix-hotline-suffix']);
  });
});
