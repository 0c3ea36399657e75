import { analyzeJourney } from '../analysis/peakEnd';
import type { JourneyAnalysis } from '../analysis/types';
import type { Range } from '../finding';
import type { FileModel, Journey, Step } from '../model/types';
import { journeySteps } from '../model/walk';

/** Figures within this are equal (fractional scores and averages). */
export const EPSILON = 1e-9;

const figures = new WeakMap<Journey, { analysis: JourneyAnalysis; steps: Step[] }>();

/** Findings that make a journey's figures meaningless: judging them would bury the real problem. */
const INVALID_SCORES = new Set(['invalid-scale', 'score-out-of-scale']);

/**
 * The journey's peak-end analysis, computed once per file model and shared by the peak-end rules;
 * undefined when there is no journey, or when its scale or a score is invalid (reported by the rules
 * that run before these).
 */
export function figuresOf(model: FileModel): JourneyAnalysis | undefined {
  if (model.findings.some((f) => INVALID_SCORES.has(f.ruleId))) return undefined;
  return entry(model)?.analysis;
}

/** The range of a persona's score at a step (by its index in the walk); the step's ID when the score has no node. */
export function scoreRange(model: FileModel, index: number, persona: string): Range {
  const step = entry(model)!.steps[index]!;
  return step.emotions.find((e) => e.persona === persona)?.valueRange ?? step.def.range;
}

export function stepAt(model: FileModel, index: number): Step {
  return entry(model)!.steps[index]!;
}

function entry(model: FileModel): { analysis: JourneyAnalysis; steps: Step[] } | undefined {
  const j = model.journey;
  if (!j) return undefined;
  let e = figures.get(j);
  if (!e) {
    e = { analysis: analyzeJourney(model)!, steps: [...journeySteps(j)].map((v) => v.step) };
    figures.set(j, e);
  }
  return e;
}
