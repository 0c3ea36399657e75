import type { Range } from '../finding';
import { journeySteps } from '../model/walk';
import type { Journey, Step } from '../model/types';
import { journeyOf, type DiffSide } from './review';

const stepsById = new WeakMap<Journey, Map<string, Step>>();

/** A step of a journey on one side, by IDs (the first step with the ID). */
export function stepOf(side: DiffSide, journeyId: string | undefined, stepId: string): { step: Step; file: string } | undefined {
  const j = journeyOf(side, journeyId);
  if (!j) return undefined;
  let byId = stepsById.get(j.journey);
  if (!byId) {
    byId = new Map();
    for (const { step } of journeySteps(j.journey)) if (!byId.has(step.def.id)) byId.set(step.def.id, step);
    stepsById.set(j.journey, byId);
  }
  const step = byId.get(stepId);
  return step && { step, file: j.model.file };
}

/** The range of a step's score for a persona, else the step's ID. */
export function scoreRange(step: Step, persona: string): Range {
  return step.emotions.find((e) => e.persona === persona)?.valueRange ?? step.def.range;
}
