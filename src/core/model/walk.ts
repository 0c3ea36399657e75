import type { Journey, Stage, Step } from './types';

export interface StepVisit {
  stage: Stage;
  step: Step;
  /** 0-based position among all the journey's steps: stage order, then step order. */
  index: number;
}

const walks = new WeakMap<Journey, readonly StepVisit[]>();

/**
 * A journey's steps in order, each with its stage: the one walk every rule, analysis and view uses.
 * Worked out once per journey (a model is not changed once extracted): several rules walk each journey.
 */
export function journeySteps(journey: Journey | undefined): readonly StepVisit[] {
  if (!journey) return [];
  let visits = walks.get(journey);
  if (!visits) {
    const out: StepVisit[] = [];
    for (const stage of journey.stages) for (const step of stage.steps) out.push({ stage, step, index: out.length });
    walks.set(journey, (visits = out));
  }
  return visits;
}
