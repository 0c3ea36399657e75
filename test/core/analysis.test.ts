import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeInventory, analyzeJourney, defaultConfig, type JourneyAnalysis, type PersonaPeakEnd } from '../../src/core';

const config = defaultConfig('/ws');

/** A journey file around stages written by the test (indented as list items of `stages`). */
function journeyText(stages: string, header = 'personas: [owner, tenant]\n'): string {
  return `peakend: 1\nkind: journey\nid: j\ntitle: 旅程\n${header}stages:\n${stages}`;
}

function analyze(text: string): JourneyAnalysis {
  return analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text }, config))!;
}

function persona(a: JourneyAnalysis, id: string): PersonaPeakEnd {
  return a.personas.find((p) => p.persona === id)!;
}

/** One stage `s` holding steps s1, s2, … with the given owner scores (null: no score). */
function ownerSteps(scores: (number | null)[], header = 'personas: [owner]\n'): string {
  const steps = scores.map((v, i) => `      - { id: s${i + 1}, title: 步骤${i + 1}, emotions: { ${v === null ? '' : `owner: ${v}`} } }\n`).join('');
  return journeyText(`  - id: s\n    title: 阶段\n    steps:\n${steps}`, header);
}

describe('peak-end figures', () => {
  it('computes best, worst, peak, end, peak-end, average, gap and stage averages by hand', () => {
    const a = analyze(
      journeyText(`  - id: a
    title: 甲
    steps:
      - { id: s1, title: 一, emotions: { owner: 1, tenant: 0 } }
      - { id: s2, title: 二, emotions: { owner: -3, tenant: 2 } }
  - id: b
    title: 乙
    steps:
      - { id: s3, title: 三, emotions: { owner: 4, tenant: 1 } }
      - { id: s4, title: 四, emotions: { owner: -2, tenant: 3 } }
`),
    );
    expect(a.journeyId).toBe('j');
    expect(a.title).toBe('旅程');
    expect(a.scale).toEqual({ min: -5, max: 5, neutral: 0 });
    expect(a.stages).toEqual([
      { stageId: 'a', title: '甲', firstIndex: 0, lastIndex: 1 },
      { stageId: 'b', title: '乙', firstIndex: 2, lastIndex: 3 },
    ]);
    expect(a.steps.map((s) => [s.index, s.stageId, s.stepId, s.scores])).toEqual([
      [0, 'a', 's1', { owner: 1, tenant: 0 }],
      [1, 'a', 's2', { owner: -3, tenant: 2 }],
      [2, 'b', 's3', { owner: 4, tenant: 1 }],
      [3, 'b', 's4', { owner: -2, tenant: 3 }],
    ]);
    const owner = persona(a, 'owner');
    expect(owner).toEqual({
      persona: 'owner',
      scored: 4,
      best: { stepId: 's3', stageId: 'b', index: 2, score: 4, tiedWith: [] },
      worst: { stepId: 's2', stageId: 'a', index: 1, score: -3, tiedWith: [] },
      peak: { stepId: 's3', stageId: 'b', index: 2, score: 4, tiedWith: [] },
      end: { stepId: 's4', stageId: 'b', index: 3, score: -2, tiedWith: [] },
      // (4 + −2) / 2 = 1; (1 − 3 + 4 − 2) / 4 = 0.
      peakEnd: 1,
      average: 0,
      gap: 1,
      stages: [
        { stageId: 'a', title: '甲', average: -1, scored: 2 },
        { stageId: 'b', title: '乙', average: 1, scored: 2 },
      ],
    });
    const tenant = persona(a, 'tenant');
    // Best 3 at the end; the peak is the most intense, 3 at s4; (3 + 3) / 2 = 3; mean 6 / 4 = 1.5.
    expect([tenant.best?.stepId, tenant.worst?.stepId, tenant.peak?.stepId, tenant.end?.stepId]).toEqual(['s4', 's1', 's4', 's4']);
    expect([tenant.peakEnd, tenant.average, tenant.gap]).toEqual([3, 1.5, 1.5]);
  });

  it('on equal scores of the same sign picks the later step and lists the others', () => {
    const owner = persona(analyze(ownerSteps([3, 1, 3, -2])), 'owner');
    expect(owner.best).toEqual({ stepId: 's3', stageId: 's', index: 2, score: 3, tiedWith: ['s1'] });
    expect(owner.peak).toEqual({ stepId: 's3', stageId: 's', index: 2, score: 3, tiedWith: ['s1'] });
    expect(owner.peakTiedOpposite).toBeUndefined();
    expect(owner.worst).toEqual({ stepId: 's4', stageId: 's', index: 3, score: -2, tiedWith: [] });
    // (3 + −2) / 2 = 0.5; (3 + 1 + 3 − 2) / 4 = 1.25.
    expect([owner.peakEnd, owner.average, owner.gap]).toEqual([0.5, 1.25, -0.75]);
  });

  it('reports a tie in intensity between +4 and −4, choosing the later step', () => {
    const owner = persona(analyze(ownerSteps([4, -4, 1])), 'owner');
    expect(owner.peak).toEqual({ stepId: 's2', stageId: 's', index: 1, score: -4, tiedWith: ['s1'] });
    expect(owner.peakTiedOpposite).toBe(true);
    expect(owner.best?.stepId).toBe('s1');
    expect(owner.worst?.stepId).toBe('s2');
    // (−4 + 1) / 2 = −1.5; 1 / 3.
    expect(owner.peakEnd).toBe(-1.5);
    expect(owner.average).toBeCloseTo(1 / 3, 12);
    expect(owner.gap).toBeCloseTo(-1.5 - 1 / 3, 12);
  });

  it('handles a single step', () => {
    const owner = persona(analyze(ownerSteps([2])), 'owner');
    const only = { stepId: 's1', stageId: 's', index: 0, score: 2, tiedWith: [] };
    expect(owner).toMatchObject({ scored: 1, best: only, worst: only, peak: only, end: only, peakEnd: 2, average: 2, gap: 0 });
  });

  it('skips the steps a persona has no score for, and the end is its last scored step', () => {
    const a = analyze(
      journeyText(`  - id: s
    title: 阶段
    steps:
      - { id: s1, title: 一, emotions: { owner: 2, tenant: -1 } }
      - { id: s2, title: 二, emotions: { owner: -4 } }
      - { id: s3, title: 三, emotions: { owner: 1, tenant: "很好" } }
`),
    );
    expect(a.steps[2]!.scores).toEqual({ owner: 1 });
    const tenant = persona(a, 'tenant');
    expect(tenant).toMatchObject({ scored: 1, end: { stepId: 's1', score: -1 }, peakEnd: -1, average: -1, gap: 0 });
    const owner = persona(a, 'owner');
    // Peak −4 (s2), end 1 (s3): −1.5; mean −1 / 3.
    expect(owner).toMatchObject({ scored: 3, peak: { stepId: 's2' }, end: { stepId: 's3' }, peakEnd: -1.5 });
  });

  it('works on the journey\'s own scale (1 to 10, neutral 5)', () => {
    const owner = persona(analyze(ownerSteps([7, 2, 9, 6], 'personas: [owner]\nscale: { min: 1, max: 10, neutral: 5 }\n')), 'owner');
    // Distances from 5: 2, 3, 4, 1: the peak is 9 at s3 although 2 is further from the scale's middle (5.5).
    expect(owner).toMatchObject({ best: { stepId: 's3' }, worst: { stepId: 's2' }, peak: { stepId: 's3', score: 9 }, end: { stepId: 's4', score: 6 } });
    expect([owner.peakEnd, owner.average, owner.gap]).toEqual([7.5, 6, 1.5]);
  });

  it('ties fractional intensities that binary floating point sets apart', () => {
    // 7.2 − 5.5 and 5.5 − 3.8 differ in the last bit; both are 1.7 from neutral.
    const owner = persona(analyze(ownerSteps([7.2, 3.8], 'personas: [owner]\nscale: { min: 1, max: 10, neutral: 5.5 }\n')), 'owner');
    expect(owner.peak).toMatchObject({ stepId: 's2', score: 3.8, tiedWith: ['s1'] });
    expect(owner.peakTiedOpposite).toBe(true);
  });

  it('handles negative and fractional scores', () => {
    const owner = persona(analyze(ownerSteps([-1.5, -0.5, -2.25])), 'owner');
    expect(owner).toMatchObject({ best: { stepId: 's2', score: -0.5 }, worst: { stepId: 's3', score: -2.25 }, peak: { stepId: 's3' }, end: { stepId: 's3' }, peakEnd: -2.25 });
    // (−1.5 − 0.5 − 2.25) / 3 = −4.25 / 3.
    expect(owner.average).toBeCloseTo(-4.25 / 3, 12);
    expect(owner.gap).toBeCloseTo(-2.25 + 4.25 / 3, 12);
  });

  it('gives a journey without scores figures with nothing scored', () => {
    const a = analyze(ownerSteps([null, null]));
    expect(a.personas).toEqual([{ persona: 'owner', scored: 0, stages: [{ stageId: 's', title: '阶段', scored: 0 }] }]);
    expect(a.steps.map((s) => s.scores)).toEqual([{}, {}]);
  });

  it('carries what the tables show: pain points, touchpoints, moments of truth, metrics and persona names', () => {
    const text = journeyText(`  - id: s
    title: 阶段
    steps:
      - id: 报修
        title: 报修电话
        touchpoints: [service-hotline]
        momentOfTruth: true
        emotions: { owner: -2 }
        painPoints: [电话打不通, "排队 | 很久"]
        metrics:
          - { type: csat, value: 3.1, scale: { min: 1, max: 5 }, sampleSize: 240, date: 2026-06 }
`, 'personas: [owner]\n');
    const model = analyzeFile('/ws/j.journey.yaml', { text }, config);
    const a = analyzeJourney(model, { personaNames: new Map([['owner', '业主']]) })!;
    expect(a.steps[0]).toEqual({
      index: 0,
      stageId: 's',
      stepId: '报修',
      title: '报修电话',
      range: { start: { line: 9, character: 12 }, end: { line: 9, character: 14 } },
      scores: { owner: -2 },
      momentOfTruth: true,
      painPoints: ['电话打不通', '排队 | 很久'],
      touchpoints: ['service-hotline'],
      metrics: [{ type: 'csat', value: 3.1, scale: { min: 1, max: 5 }, sampleSize: 240, date: '2026-06' }],
    });
    expect(a.personas[0]!.name).toBe('业主');
  });

  it('takes persona IDs that name object properties literally', () => {
    const a = analyze(ownerSteps([1, null], 'personas: [constructor, owner]\n').replace('{ owner: 1 }', '{ owner: 1, constructor: -2 }'));
    expect(a.steps.map((s) => ({ ...s.scores }))).toEqual<Record<string, number>[]>([{ owner: 1, constructor: -2 }, {}]);
    expect(persona(a, 'constructor')).toMatchObject({ scored: 1, end: { stepId: 's1', score: -2 } });
  });

  it('has nothing to say about a file that is not a journey', () => {
    expect(analyzeJourney({ file: '/ws/x.yaml', touchpoints: [] } as never)).toBeUndefined();
  });
});

const INVENTORY = `peakend: 1
kind: touchpoints
id: inv
title: 接触点清单
touchpoints:
  - { id: a, name: 甲, phase: service, channel: phone, type: human, importance: 5, performance: 2 }
  - { id: b, name: 乙, phase: service, channel: phone, type: human, importance: 3, performance: 3 }
  - { id: c, name: 丙, phase: service, channel: phone, type: human, importance: 4, performance: 1 }
  - { id: d, name: 丁, phase: service, channel: phone, type: human, importance: 2, performance: 4 }
  - { id: e, name: 戊, phase: service, channel: phone, type: human, importance: 1, performance: 2.5 }
  - { id: f, name: 己, phase: service, channel: phone, type: human, importance: 4.5, performance: 2.9 }
  - { id: g, name: 庚, phase: service, channel: phone, type: human, importance: 4 }
  - { id: h, name: 辛, phase: service, channel: phone, type: human }
`;

describe('importance–performance analysis', () => {
  const model = analyzeFile('/ws/t.touchpoints.yaml', { text: INVENTORY }, config);

  it('cuts at the scale midpoint by default, a value on the cut counting as high', () => {
    const r = analyzeInventory(model);
    expect(r).toMatchObject({ inventoryId: 'inv', title: '接触点清单', scale: { min: 1, max: 5 }, cuts: { importance: 3, performance: 3, method: 'midpoint' } });
    expect(r.points.map((p) => [p.touchpointId, p.quadrant, p.gap])).toEqual([
      ['a', 'concentrate-here', 3],
      ['b', 'keep-up-the-good-work', 0],
      ['c', 'concentrate-here', 3],
      ['d', 'possible-overkill', -2],
      ['e', 'low-priority', -1.5],
      ['f', 'concentrate-here', 1.6],
    ]);
    expect(r.points[0]).toMatchObject({ name: '甲', phase: 'service', importance: 5, performance: 2, range: { start: { line: 5, character: 10 }, end: { line: 5, character: 11 } } });
    // Concentrate here by gap (a and c tie at 3 and keep the file's order), then keep up, low priority, overkill.
    expect(r.priority).toEqual(['a', 'c', 'f', 'b', 'e', 'd']);
    expect(r.missing).toEqual([
      { touchpointId: 'g', name: '庚', lacks: ['performance'] },
      { touchpointId: 'h', name: '辛', lacks: ['importance', 'performance'] },
    ]);
  });

  it('can cut at the inventory\'s own means, over the touchpoints that have both numbers', () => {
    const r = analyzeInventory(model, { cuts: 'mean' });
    // Importance (5 + 3 + 4 + 2 + 1 + 4.5) / 6 = 3.25; performance (2 + 3 + 1 + 4 + 2.5 + 2.9) / 6 = 15.4 / 6.
    expect(r.cuts.method).toBe('mean');
    expect(r.cuts.importance).toBe(3.25);
    expect(r.cuts.performance).toBeCloseTo(15.4 / 6, 12);
    expect(Object.fromEntries(r.points.map((p) => [p.touchpointId, p.quadrant]))).toEqual({
      a: 'concentrate-here',
      b: 'possible-overkill',
      c: 'concentrate-here',
      d: 'possible-overkill',
      e: 'low-priority',
      f: 'keep-up-the-good-work',
    });
    expect(r.priority).toEqual(['a', 'c', 'f', 'e', 'b', 'd']);
  });

  it('takes fixed cuts, and falls back to the midpoint when no touchpoint has both numbers', () => {
    const fixed = analyzeInventory(model, { cuts: { importance: 4.5, performance: 2 } });
    expect(fixed.cuts).toEqual({ importance: 4.5, performance: 2, method: 'fixed' });
    expect(fixed.points.filter((p) => p.quadrant === 'keep-up-the-good-work').map((p) => p.touchpointId)).toEqual(['a', 'f']);
    const bare = analyzeFile('/ws/u.touchpoints.yaml', { text: INVENTORY.replace(/, importance: [\d.]+/g, '') }, config);
    const r = analyzeInventory(bare, { cuts: 'mean' });
    expect(r.cuts).toEqual({ importance: 3, performance: 3, method: 'midpoint' });
    expect(r.points).toEqual([]);
    expect(r.priority).toEqual([]);
    expect(r.missing.map((m) => m.touchpointId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
