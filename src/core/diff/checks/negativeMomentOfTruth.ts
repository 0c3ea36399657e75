import { journeySteps } from '../../model/walk';
import { num, type DiffCheck } from '../review';
import { scoreRange, stepOf } from '../locate';

/** A moment of truth now scored below neutral for a persona, where the base had no such moment. */
export const negativeMomentOfTruth: DiffCheck = {
  id: 'new-negative-moment-of-truth',
  level: 'warning',
  summary: 'A moment of truth is newly scored below neutral for a persona.',
  run(ctx, emit) {
    for (const m of ctx.after.models) {
      const journey = m.journey;
      if (!journey || !m.def) continue;
      const neutral = journey.scale.neutral;
      for (const { step } of journeySteps(journey)) {
        if (!step.momentOfTruth) continue;
        const was = stepOf(ctx.before, m.def.id, step.def.id)?.step;
        for (const e of step.emotions) {
          if (e.value === undefined || e.value >= neutral) continue;
          const before = was?.emotions.find((x) => x.persona === e.persona)?.value;
          if (was?.momentOfTruth && before !== undefined && before < neutral) continue;
          emit({
            messageId: 'diff.negativeMomentOfTruth',
            args: { step: step.def.id, persona: e.persona, score: num(e.value) },
            side: 'after',
            file: m.file,
            range: scoreRange(step, e.persona),
            scope: { kind: 'journey', id: m.def.id },
          });
        }
      }
    }
  },
};
