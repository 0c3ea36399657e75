import type { Expectation } from '../model/types';

/** The values that pass a measured standard, as an interval with open or closed ends. */
interface Interval {
  lo: number;
  loClosed: boolean;
  hi: number;
  hiClosed: boolean;
}

function passing(e: Extract<Expectation, { type: 'measure' }>): Interval {
  const t = e.threshold;
  switch (e.comparator) {
    case '<=':
      return { lo: -Infinity, loClosed: false, hi: t, hiClosed: true };
    case '<':
      return { lo: -Infinity, loClosed: false, hi: t, hiClosed: false };
    case '>=':
      return { lo: t, loClosed: true, hi: Infinity, hiClosed: false };
    case '>':
      return { lo: t, loClosed: false, hi: Infinity, hiClosed: false };
    default:
      return { lo: t, loClosed: true, hi: t, hiClosed: true };
  }
}

/** Whether every value passing `b` also passes `a`. */
function covers(a: Interval, b: Interval): boolean {
  const low = a.lo < b.lo || (a.lo === b.lo && (a.loClosed || !b.loClosed));
  const high = a.hi > b.hi || (a.hi === b.hi && (a.hiClosed || !b.hiClosed));
  return low && high;
}

/** The five rating levels, best first (`atLeast` names the lowest that passes). */
export const RATING_LEVELS = ['very-satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very-dissatisfied'] as const;

export type Direction = 'looser' | 'stricter' | 'same' | 'different';

/**
 * How the set of passing answers changed: more pass (looser), fewer pass (stricter), the same, or
 * neither includes the other (a flipped comparator, a different kind of answer, units that differ).
 */
export function compareExpectations(before: Expectation, after: Expectation): Direction {
  if (before.type === 'measure' && after.type === 'measure') {
    if (before.unit !== after.unit) return 'different';
    const a = passing(before);
    const b = passing(after);
    const grows = covers(b, a);
    const shrinks = covers(a, b);
    return grows && shrinks ? 'same' : grows ? 'looser' : shrinks ? 'stricter' : 'different';
  }
  if (before.type === 'rating' && after.type === 'rating') {
    const x = RATING_LEVELS.indexOf(before.atLeast as (typeof RATING_LEVELS)[number]);
    const y = RATING_LEVELS.indexOf(after.atLeast as (typeof RATING_LEVELS)[number]);
    if (x < 0 || y < 0) return before.atLeast === after.atLeast ? 'same' : 'different';
    return y > x ? 'looser' : y < x ? 'stricter' : 'same';
  }
  return before.type === after.type ? 'same' : 'different';
}
