import type { Range } from '../finding';
import { journeySteps } from '../model/walk';
import type { Step } from '../model/types';
import { journeyOf, type DiffSide } from './review';

/** A step of a journey on one side, by IDs. */
export function stepOf(side: DiffSide, journeyId: string | undefined, stepId: string): { step: Step; file: string } | undefined {
  const j = journeyOf(side, journeyId);
  if (!j) return undefined;
  for (const { step } of journeySteps(j.journey)) if (step.def.id === stepId) return { step, file: j.model.file };
  return undefined;
}

/** The range of a step's score for a persona, else the step's ID. */
export function scoreRange(step: Step, persona: string): Range {
  return step.emotions.find((e) => e.persona === persona)?.valueRange ?? step.def.range;
}
