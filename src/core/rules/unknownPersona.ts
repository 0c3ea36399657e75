import { didYouMean } from '../didYouMean';
import { isValidId } from '../model/ids';
import { journeySteps } from '../model/walk';
import { makeFinding, related } from '../report';
import { unknownReferences } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/**
 * Journeys cover only defined personas, and a step scores (and quotes) only the journey's own
 * personas, so that a typo in an emotions key is not silently a new persona.
 */
export const unknownPersona: WorkspaceRule<'unknown-persona'> = {
  id: 'unknown-persona',
  severity: 'error',
  summary: 'A reference to a persona that is not defined, or not one of the journey’s personas.',
  check(file, ctx, emit) {
    unknownReferences(this.id, file, ctx, 'persona', emit);
    const j = file.journey;
    if (!j || j.personas.length === 0) return;
    const covered = new Set(j.personas.map((p) => p.id));
    const list = j.personas.map((p) => p.id).join(', ');
    for (const { step } of journeySteps(j)) {
      // The journey's personas the step does not score: worked out once per step, and only when one
      // of its scores is for a persona the journey does not cover.
      let missing: string[] | undefined;
      for (const score of step.emotions) {
        if (covered.has(score.persona)) continue;
        // A key that is a typo of a missing persona gets that persona as its fix.
        if (!missing) {
          const scored = new Set(step.emotions.map((e) => e.persona));
          missing = j.personas.filter((p) => !scored.has(p.id) && isValidId(p.id)).map((p) => p.id);
        }
        emit(
          makeFinding(this.id, file.file, score.keyRange, 'reference.persona-not-in-journey', { persona: score.persona, personas: list }, {
            related: [related(file.file, j.personas[0]!.range, 'emotion.missingScoreRelated', { personas: list })],
            fixes: didYouMean(score.persona, missing, file.file, score.keyRange, { all: true }).fixes,
          }),
        );
      }
    }
  },
};
