import type { Journey, Stage, Step } from './types';

export interface StepVisit {
  stage: Stage;
  step: Step;
  /** 0-based position among all the journey's steps: stage order, then step order. */
  index: number;
}

/** A journey's steps in order, each with its stage: the one walk every rule, analysis and view uses. */
export function* journeySteps(journey: Journey | undefined): Generator<StepVisit> {
  if (!journey) return;
  let index = 0;
  for (const stage of journey.stages) for (const step of stage.steps) yield { stage, step, index: index++ };
}
