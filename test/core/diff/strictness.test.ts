/** Whether a standard's pass mark got looser or stricter: the set of passing answers before and after. */
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../../src/core/model/types';
import { compareExpectations } from '../../../src/core/diff/strictness';

type Cmp = '<=' | '<' | '>=' | '>' | '=';
const m = (comparator: Cmp, threshold: number, unit = 'hours'): Expectation => ({ type: 'measure', unit, comparator, threshold });
const r = (atLeast: string): Expectation => ({ type: 'rating', atLeast });

describe('compareExpectations', () => {
  it('a higher or lower bar under the same comparator', () => {
    expect(compareExpectations(m('<=', 24), m('<=', 48))).toBe('looser');
    expect(compareExpectations(m('<=', 48), m('<=', 24))).toBe('stricter');
    expect(compareExpectations(m('<', 24), m('<', 48))).toBe('looser');
    expect(compareExpectations(m('>=', 90), m('>=', 80))).toBe('looser');
    expect(compareExpectations(m('>=', 80), m('>=', 90))).toBe('stricter');
    expect(compareExpectations(m('>', 80), m('>', 90))).toBe('stricter');
    expect(compareExpectations(m('<=', 24), m('<=', 24))).toBe('same');
    expect(compareExpectations(m('>', 5), m('>', 5))).toBe('same');
  });

  it('an end that opens or closes at the same threshold', () => {
    // "< 24" passes fewer answers than "<= 24" (24 itself), "> 24" fewer than ">= 24".
    expect(compareExpectations(m('<', 24), m('<=', 24))).toBe('looser');
    expect(compareExpectations(m('<=', 24), m('<', 24))).toBe('stricter');
    expect(compareExpectations(m('>', 24), m('>=', 24))).toBe('looser');
    expect(compareExpectations(m('>=', 24), m('>', 24))).toBe('stricter');
    // "= 24" is inside both "<= 24" and ">= 24", and outside "< 24" and "> 24".
    expect(compareExpectations(m('=', 24), m('<=', 24))).toBe('looser');
    expect(compareExpectations(m('=', 24), m('>=', 24))).toBe('looser');
    expect(compareExpectations(m('>=', 24), m('=', 24))).toBe('stricter');
    expect(compareExpectations(m('<=', 24), m('=', 24))).toBe('stricter');
    expect(compareExpectations(m('=', 24), m('<', 24))).toBe('different');
    expect(compareExpectations(m('=', 24), m('>', 24))).toBe('different');
    expect(compareExpectations(m('=', 24), m('=', 24))).toBe('same');
    expect(compareExpectations(m('=', 24), m('=', 25))).toBe('different');
  });

  it('a comparator and threshold that change together', () => {
    // "< 30" → "<= 29": 29.5 passed before and fails now, 29 passes both: stricter.
    expect(compareExpectations(m('<', 30), m('<=', 29))).toBe('stricter');
    expect(compareExpectations(m('<=', 29), m('<', 30))).toBe('looser');
    // ">= 10" → "> 9": every value from 10 up still passes, and 9.5 now passes too.
    expect(compareExpectations(m('>=', 10), m('>', 9))).toBe('looser');
    expect(compareExpectations(m('>', 9), m('>=', 10))).toBe('stricter');
    // Opposite directions: neither includes the other.
    expect(compareExpectations(m('<=', 24), m('>=', 24))).toBe('different');
    expect(compareExpectations(m('>', 3), m('<', 3))).toBe('different');
  });

  it('units that differ are a different kind of answer, whatever the numbers', () => {
    expect(compareExpectations(m('<=', 24, 'hours'), m('<=', 24, 'minutes'))).toBe('different');
    expect(compareExpectations(m('<=', 1, 'days'), m('<=', 48, 'hours'))).toBe('different');
  });

  it('a rating bar lowered is looser, raised is stricter, along the five levels', () => {
    expect(compareExpectations(r('satisfied'), r('neutral'))).toBe('looser');
    expect(compareExpectations(r('very-satisfied'), r('very-dissatisfied'))).toBe('looser');
    expect(compareExpectations(r('neutral'), r('satisfied'))).toBe('stricter');
    expect(compareExpectations(r('dissatisfied'), r('very-satisfied'))).toBe('stricter');
    expect(compareExpectations(r('satisfied'), r('satisfied'))).toBe('same');
  });

  it('a rating level outside the five compares by name only', () => {
    expect(compareExpectations(r('满意'), r('满意'))).toBe('same');
    expect(compareExpectations(r('满意'), r('satisfied'))).toBe('different');
    expect(compareExpectations(r('satisfied'), r('满意'))).toBe('different');
  });

  it('another type of answer is different; pass-fail to pass-fail is the same', () => {
    expect(compareExpectations({ type: 'pass-fail' }, { type: 'pass-fail' })).toBe('same');
    expect(compareExpectations({ type: 'pass-fail' }, r('satisfied'))).toBe('different');
    expect(compareExpectations(r('satisfied'), m('>=', 4, 'points'))).toBe('different');
    expect(compareExpectations(m('>=', 4, 'points'), { type: 'pass-fail' })).toBe('different');
  });
});
