/**
 * Every kind of diagram Peakend generates, for the real-parser checks: the example workspaces'
 * journeys and inventories, the hand-made fixtures, long journeys, and seeded random journeys
 * with hostile text. Used by corpus.test.ts (Mermaid 10.9 and 11.17 in vitest) and by
 * scripts/test-mermaid-v12.mjs (Mermaid 12.3 under Node 24).
 */
import fc from 'fast-check';
import path from 'node:path';
import type { JourneyAnalysis } from '../../src/core/analysis/types';
import { analyzeInventory, analyzeJourney, CHART_VARIANTS, emotionCurve, ipaChart, openWorkspace, type ChartVariant } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { homeowner, inventory, longJourney } from './fixtures';

export interface Diagram {
  name: string;
  text: string;
  variant: ChartVariant;
}

export const EXAMPLES = ['examples/property-management', 'examples/online-service'];

/** The analyses of every journey and inventory in the example workspaces. */
export async function exampleAnalyses(repo: string) {
  const journeys: JourneyAnalysis[] = [];
  const inventories = [];
  for (const dir of EXAMPLES) {
    const { workspace } = await openWorkspace(nodeHost, path.join(repo, dir).replace(/\\/g, '/'));
    const names = new Map<string, string>();
    for (const [id, defs] of workspace.getIndex().personas) if (defs[0]?.name) names.set(id, defs[0].name);
    for (const model of workspace.files.values()) {
      if (model.kind === 'journey') {
        const a = analyzeJourney(model, { personaNames: names });
        if (a) journeys.push(a);
      } else if (model.kind === 'touchpoints') inventories.push(analyzeInventory(model));
    }
  }
  return { journeys, inventories };
}

/** A journey of random shape and hostile text (steps, scores with gaps, personas), from a seed. */
function randomJourneys(count: number, seed: number): JourneyAnalysis[] {
  const text = fc.string({ unit: 'binary', maxLength: 20 });
  const journey = fc
    .record({
      title: text,
      personas: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), name: text }), { minLength: 1, maxLength: 4, selector: (p) => p.id }),
      steps: fc.array(fc.record({ title: text, stage: fc.nat(3), scores: fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 50 }),
    })
    .map(({ title, personas, steps }): JourneyAnalysis => {
      steps.sort((x, y) => x.stage - y.stage);
      const points = steps.map((s, i) => ({
        index: i,
        stageId: `s${s.stage}`,
        stepId: `step-${i}`,
        title: s.title,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        scores: Object.fromEntries(personas.flatMap((p, j) => (s.scores[j] === undefined ? [] : [[p.id, s.scores[j]!]]))),
        momentOfTruth: false,
        painPoints: [],
        touchpoints: [],
        metrics: [],
      }));
      const stages = [...new Set(steps.map((s) => s.stage))].map((st) => ({ stageId: `s${st}`, title: `${st}`, firstIndex: points.findIndex((p) => p.stageId === `s${st}`), lastIndex: points.map((p) => p.stageId).lastIndexOf(`s${st}`) }));
      return {
        journeyId: 'random',
        file: 'random.journey.yaml',
        errors: 0,
        judgements: [],
        title,
        scale: { min: -5, max: 5, neutral: 0 },
        stages,
        steps: points,
        personas: personas.map((p) => {
          const scored = points.filter((s) => p.id in s.scores);
          const moment = (s: (typeof points)[number]) => ({ stepId: s.stepId, stageId: s.stageId, index: s.index, score: s.scores[p.id]!, tiedWith: [] });
          if (scored.length === 0) return { persona: p.id, name: p.name, scored: 0, stages: [] };
          const by = (f: (a: number, b: number) => boolean) => scored.reduce((m, s) => (f(s.scores[p.id]!, m.scores[p.id]!) ? s : m));
          return { persona: p.id, name: p.name, scored: scored.length, best: moment(by((a, b) => a >= b)), worst: moment(by((a, b) => a <= b)), end: moment(scored[scored.length - 1]!), stages: [] };
        }),
      };
    });
  return fc.sample(journey, { numRuns: count, seed });
}

export async function diagramCorpus(repo: string): Promise<Diagram[]> {
  const { journeys, inventories } = await exampleAnalyses(repo);
  const out: Diagram[] = [];
  for (const variant of CHART_VARIANTS) {
    for (const a of journeys) out.push({ name: `example ${a.journeyId}`, text: emotionCurve(a, { variant }), variant });
    for (const a of inventories) out.push({ name: `example ${a.inventoryId}`, text: ipaChart(a, { variant }), variant });
    out.push({ name: 'fixture homeowner', text: emotionCurve(homeowner(), { variant }), variant });
    out.push({ name: 'fixture homeowner zh-cn', text: emotionCurve(homeowner(), { variant, lang: 'zh-cn' }), variant });
    out.push({ name: 'fixture inventory', text: ipaChart(inventory(), { variant }), variant });
    for (const n of [1, 40, 41, 200]) out.push({ name: `long ${n}`, text: emotionCurve(longJourney(n, 3), { variant }), variant });
    for (const [i, a] of randomJourneys(25, 20261203).entries()) out.push({ name: `random journey ${i}`, text: emotionCurve(a, { variant }), variant });
  }
  return out;
}
