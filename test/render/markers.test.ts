/** Peak-end markers, persona tags and persona selection. */
import { describe, expect, it } from 'vitest';
import type { JourneyAnalysis, PersonaPeakEnd } from '../../src/core/analysis/types';
import { MARK, markersAt, personaTags, selectPersonas } from '../../src/core/render/markers';
import { homeowner } from './fixtures';

const at = (index: number) => ({ stepId: `s${index}`, stageId: 'st', index, score: 1, tiedWith: [] });

describe('markersAt', () => {
  it('gives the markers of a step in the order best, worst, end', () => {
    expect(MARK).toEqual({ best: '▲', worst: '▼', end: '●' });
    const p: PersonaPeakEnd = { persona: 'p', scored: 3, best: at(2), worst: at(0), end: at(2), stages: [] };
    expect([0, 1, 2].map((i) => markersAt(p, i))).toEqual(['▼', '', '▲●']);
    const all: PersonaPeakEnd = { persona: 'p', scored: 1, best: at(0), worst: at(0), end: at(0), stages: [] };
    expect(markersAt(all, 0)).toBe('▲▼●');
    expect(markersAt({ persona: 'p', scored: 0, stages: [] }, 0)).toBe('');
  });
});

function withPersonas(n: number): JourneyAnalysis {
  const a = homeowner();
  a.personas = Array.from({ length: n }, (_, i) => ({ persona: `p${i}`, scored: 0, stages: [] }));
  return a;
}

describe('personaTags', () => {
  it('gives a single persona no tag', () => {
    expect([...personaTags(withPersonas(1))]).toEqual([['p0', '']]);
    expect([...personaTags(withPersonas(0))]).toEqual([]);
  });
  it('tags A, B, … Z, then AA, AB, … ZZ, then AAA', () => {
    expect([...personaTags(withPersonas(2))]).toEqual([['p0', 'A'], ['p1', 'B']]);
    const tags = personaTags(withPersonas(703));
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map((i) => tags.get(`p${i}`))).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(new Set(tags.values()).size).toBe(703);
  });
});

describe('selectPersonas', () => {
  it('keeps everything when no persona is named', () => {
    const a = homeowner();
    expect(selectPersonas(a, undefined)).toEqual({ analysis: a, unknown: [] });
    expect(selectPersonas(a, [])).toEqual({ analysis: a, unknown: [] });
  });
  it('keeps the named personas once each, in the order given, and reports unknown IDs', () => {
    const a = homeowner();
    const { analysis, unknown } = selectPersonas(a, ['upgrader', 'nobody', 'buyer', 'upgrader']);
    expect(analysis.personas.map((p) => p.persona)).toEqual(['upgrader', 'buyer']);
    expect(unknown).toEqual(['nobody']);
    expect(analysis.steps).toBe(a.steps);
    expect(a.personas.map((p) => p.persona)).toEqual(['buyer', 'upgrader']);
    expect(selectPersonas(a, ['buyer']).analysis.personas.map((p) => p.persona)).toEqual(['buyer']);
  });
});
