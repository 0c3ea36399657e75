/** Hand-made analysis values (the shapes of src/core/analysis/types.ts) for the renderers' tests. */
import type { InventoryAnalysis, JourneyAnalysis, PersonaPeakEnd, StepPoint } from '../../src/core/analysis/types';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function step(index: number, stageId: string, stepId: string, title: string | undefined, scores: Record<string, number>, extra: Partial<StepPoint> = {}): StepPoint {
  return { index, stageId, stepId, ...(title !== undefined ? { title } : {}), range: R, scores, momentOfTruth: false, painPoints: [], touchpoints: [], metrics: [], ...extra };
}

function moment(steps: StepPoint[], stepId: string, persona: string, tiedWith: string[] = []) {
  const s = steps.find((x) => x.stepId === stepId)!;
  return { stepId, stageId: s.stageId, index: s.index, score: s.scores[persona]!, tiedWith };
}

/**
 * Three stages, six steps, two personas; "upgrader" has no score on "wait" (a gap), a fractional
 * score and a tie for best. Figures computed by hand:
 * buyer:    1, 3, -3, 4, 2, -1 → best keys(4), worst inspect(-3), peak keys(4), end renew(-1),
 *           peak-end (4 + -1)/2 = 1.5, average 6/6 = 1, gap 0.5
 * upgrader: 0, 2.5, -4, –, 2.5, 1 → best visit(2.5, tied with pay), worst inspect(-4), peak inspect(-4),
 *           end renew(1), peak-end (-4 + 1)/2 = -1.5, average 2/5 = 0.4, gap -1.9
 */
export function homeowner(): JourneyAnalysis {
  const steps = [
    step(0, 'buy', 'see-ad', '看到网络广告', { buyer: 1, upgrader: 0 }, { touchpoints: ['ad-online'] }),
    step(1, 'buy', 'visit', '参观售楼处和样板间', { buyer: 3, upgrader: 2.5 }),
    step(2, 'handover', 'inspect', '陪同验房', { buyer: -3, upgrader: -4 }, { momentOfTruth: true, painPoints: ['墙面有裂缝，卫生间窗户渗水', '整改期限说不清楚 | <b>urgent</b>'] }),
    step(3, 'handover', 'keys', '领取钥匙', { buyer: 4 }, { metrics: [{ type: 'csat', value: 4.2, scale: { min: 1, max: 5 }, sampleSize: 86 }] }),
    step(4, 'live', 'pay', 'Pay the fee: "online" #1', { buyer: 2, upgrader: 2.5 }, { metrics: [{ type: 'nps', value: -12 }] }),
    step(5, 'live', 'renew', undefined, { buyer: -1, upgrader: 1 }, { painPoints: ['@octocat `code` [link](http://x.y) *bold* _it_'] }),
  ];
  const buyer: PersonaPeakEnd = {
    persona: 'buyer',
    name: '首次购房者',
    scored: 6,
    best: moment(steps, 'keys', 'buyer'),
    worst: moment(steps, 'inspect', 'buyer'),
    peak: moment(steps, 'keys', 'buyer'),
    end: moment(steps, 'renew', 'buyer'),
    peakEnd: 1.5,
    average: 1,
    gap: 0.5,
    stages: [],
  };
  const upgrader: PersonaPeakEnd = {
    persona: 'upgrader',
    name: 'Upgrader; "second home"',
    scored: 5,
    best: moment(steps, 'visit', 'upgrader', ['pay']),
    worst: moment(steps, 'inspect', 'upgrader'),
    peak: moment(steps, 'inspect', 'upgrader'),
    end: moment(steps, 'renew', 'upgrader'),
    peakEnd: -1.5,
    average: 0.4,
    gap: -1.9,
    stages: [],
  };
  return {
    journeyId: 'homeowner',
    file: 'homeowner.journey.yaml',
    errors: 0,
    judgements: [],
    title: '业主旅程：从购房到续费',
    scale: { min: -5, max: 5, neutral: 0 },
    stages: [
      { stageId: 'buy', title: '购房', firstIndex: 0, lastIndex: 1 },
      { stageId: 'handover', title: '交房', firstIndex: 2, lastIndex: 3 },
      { stageId: 'live', title: 'Living | "there"', firstIndex: 4, lastIndex: 5 },
    ],
    steps,
    personas: [buyer, upgrader],
  };
}

/** A long journey: `n` steps, personas p1…pk with a wave each; best/worst/end found by scanning. */
export function longJourney(n: number, k: number): JourneyAnalysis {
  const personas = Array.from({ length: k }, (_, j) => `p${j + 1}`);
  const steps = Array.from({ length: n }, (_, i) =>
    step(i, `stage-${Math.floor(i / 10)}`, `step-${i + 1}`, `Step ${i + 1}`, Object.fromEntries(personas.map((p, j) => [p, Math.round(4 * Math.sin((i + 3 * j) / 7))]))),
  );
  return {
    journeyId: 'long',
    file: 'long.journey.yaml',
    errors: 0,
    judgements: [],
    title: `Long journey (${n} steps)`,
    scale: { min: -5, max: 5, neutral: 0 },
    stages: Array.from({ length: Math.ceil(n / 10) }, (_, s) => ({ stageId: `stage-${s}`, title: `Stage ${s + 1}`, firstIndex: s * 10, lastIndex: Math.min(n, s * 10 + 10) - 1 })),
    steps,
    personas: personas.map((p) => {
      const scores = steps.map((s) => s.scores[p]!);
      const hi = Math.max(...scores);
      const lo = Math.min(...scores);
      const bi = scores.lastIndexOf(hi);
      const wi = scores.lastIndexOf(lo);
      const mk = (i: number) => ({ stepId: steps[i]!.stepId, stageId: steps[i]!.stageId, index: i, score: scores[i]!, tiedWith: [] });
      const average = scores.reduce((x, y) => x + y, 0) / n;
      return { persona: p, scored: n, best: mk(bi), worst: mk(wi), peak: mk(bi), end: mk(n - 1), peakEnd: (hi + scores[n - 1]!) / 2, average, gap: (hi + scores[n - 1]!) / 2 - average, stages: [] };
    }),
  };
}

/** Five touchpoints on 1–5 with midpoint cuts (3, 3), one per comment; one more lacks performance. */
export function inventory(): InventoryAnalysis {
  return {
    inventoryId: 'property',
    file: 'property.touchpoints.yaml',
    errors: 0,
    title: '物业触点清单',
    scale: { min: 1, max: 5 },
    cuts: { importance: 3, performance: 3, method: 'midpoint' },
    points: [
      // importance 4.5 ≥ 3, performance 2 < 3: concentrate here, gap 2.5
      { touchpointId: 'repair-hotline', name: '报修热线 24h: "快"', range: R, importance: 4.5, performance: 2, quadrant: 'concentrate-here', gap: 2.5 },
      // 4 ≥ 3, 2.5 < 3: concentrate here, gap 1.5
      { touchpointId: 'house-handover', name: '交房验收', phase: 'handover', range: R, importance: 4, performance: 2.5, quadrant: 'concentrate-here', gap: 1.5 },
      // 5 ≥ 3, 3 ≥ 3 (on the cut counts as high): keep up the good work
      { touchpointId: 'wechat-account', name: 'WeChat | account', range: R, importance: 5, performance: 3, quadrant: 'keep-up-the-good-work', gap: 2 },
      // 2 < 3, 1 < 3: low priority
      { touchpointId: 'ad-online', range: R, importance: 2, performance: 1, quadrant: 'low-priority', gap: 1 },
      // 1 < 3, 5 ≥ 3: possible overkill
      { touchpointId: 'sales-site', name: 'Sales <site> & [show]', range: R, importance: 1, performance: 5, quadrant: 'possible-overkill', gap: -4 },
    ],
    priority: ['repair-hotline', 'house-handover', 'wechat-account', 'ad-online', 'sales-site'],
    missing: [{ touchpointId: 'certificate-service', name: '产权证办理', lacks: ['performance'] }],
  };
}
