/** Peak-end figures at their edges: ties of opposite sign around a neutral point that is not zero, untitled parts, intensity shares. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeJourney, defaultConfig, type JourneyAnalysis } from '../../src/core';
import { intensityShare } from '../../src/core/analysis/peakEnd';

const config = defaultConfig('/ws');

/** One untitled stage of untitled steps s1, s2, … with the given owner scores (null: none). */
function analyze(scores: (number | null)[], scale = ''): JourneyAnalysis {
  const steps = scores.map((v, i) => `      - { id: s${i + 1}, emotions: { ${v === null ? '' : `owner: ${v}`} } }\n`).join('');
  const text = `peakend: 1\nkind: journey\nid: j\ntitle: 旅程\npersonas: [owner]\n${scale}stages:\n  - id: s\n    steps:\n${steps}`;
  return analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text }, config))!;
}

describe('peak-end edges', () => {
  it('ties at opposite signs around a neutral point of 5', () => {
    // 1 and 9 are both 4 from 5: the later (9) is the peak, and the earlier lies on the other side.
    const owner = analyze([1, 9], 'scale: { min: 1, max: 10, neutral: 5 }\n').personas[0]!;
    expect(owner.peak).toMatchObject({ stepId: 's2', score: 9, tiedWith: ['s1'] });
    expect(owner.peakTiedOpposite).toBe(true);
  });

  it('checks the sign of the tied steps only, not of every step', () => {
    // −1 is on the other side but not as intense as the tied 3s.
    const owner = analyze([-1, 3, 3]).personas[0]!;
    expect(owner.peak).toMatchObject({ stepId: 's3', tiedWith: ['s2'] });
    expect('peakTiedOpposite' in owner).toBe(false);
  });

  it('scores all at neutral tie with no opposite sign', () => {
    const owner = analyze([0, 0]).personas[0]!;
    expect(owner.peak).toMatchObject({ stepId: 's2', score: 0, tiedWith: ['s1'] });
    expect('peakTiedOpposite' in owner).toBe(false);
  });

  it('leaves out what the file does not give: titles, names and missing scores', () => {
    const a = analyze([2, null]);
    expect(Object.keys(a.stages[0]!).sort()).toEqual(['firstIndex', 'lastIndex', 'stageId']);
    expect(Object.keys(a.steps[0]!).sort()).toEqual(['index', 'metrics', 'momentOfTruth', 'painPoints', 'range', 'scores', 'stageId', 'stepId', 'touchpoints']);
    expect(Object.keys(a.steps[1]!.scores)).toEqual([]);
    const owner = a.personas[0]!;
    expect('name' in owner).toBe(false);
    expect(owner.stages).toStrictEqual([{ stageId: 's', scored: 1, average: 2 }]);
  });
});

describe('intensityShare', () => {
  it('is the distance from neutral over the room on that side', () => {
    const five = { min: -5, max: 5, neutral: 0 };
    expect([intensityShare(4, five), intensityShare(-5, five), intensityShare(0, five), intensityShare(-2.5, five)]).toEqual([0.8, 1, 0, 0.5]);
    // 1 to 10 around 3: 7 of room above, 2 below.
    const lopsided = { min: 1, max: 10, neutral: 3 };
    expect([intensityShare(10, lopsided), intensityShare(6.5, lopsided), intensityShare(1, lopsided), intensityShare(2, lopsided)]).toEqual([1, 0.5, 1, 0.5]);
  });

  it('is 0 where there is no room: neutral at the end of the scale', () => {
    const top = { min: 1, max: 5, neutral: 5 };
    expect(intensityShare(5, top)).toBe(0);
    expect(intensityShare(3, top)).toBe(0.5);
  });
});
