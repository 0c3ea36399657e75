import type { Moment, PersonaPeakEnd } from '../../analysis/types';
import type { MessageId } from '../../messages/render';
import { journeyAnalyses } from '../analyses';
import { stepOf, scoreRange } from '../locate';
import { num, type DiffCheck, type DiffLevel } from '../review';

type Which = 'best' | 'worst' | 'peak' | 'end';
const WHICH: Which[] = ['best', 'worst', 'peak', 'end'];

/**
 * The moments people remember, per persona: the best, the worst, the most intense and the end. A
 * move to another step, or a new value at the same step, is reported; a lower score is a warning.
 */
export const peakEndMoments: DiffCheck = {
  id: 'peak-end-moment-changed',
  level: 'info',
  summary: 'The best, worst, most intense or end moment of a persona moved or changed value (lower is a warning).',
  run(ctx, emit) {
    const before = journeyAnalyses(ctx.before);
    for (const [id, now] of journeyAnalyses(ctx.after)) {
      const was = before.get(id);
      if (!was) continue;
      for (const p of now.personas) {
        const old = was.personas.find((x) => x.persona === p.persona);
        if (!old) continue;
        for (const which of WHICH) {
          const a = old[which];
          const b = p[which];
          if (!a || !b) continue;
          const moved = a.stepId !== b.stepId;
          if (!moved && a.score === b.score) continue;
          const at = stepOf(ctx.after, id, b.stepId);
          emit({
            level: lower(a, b) ? 'warning' : undefined,
            messageId: `diff.${moved ? 'moved' : 'value'}.${which}` as MessageId,
            args: moved
              ? { persona: label(p), from: a.stepId, before: num(a.score), to: b.stepId, after: num(b.score) }
              : { persona: label(p), step: b.stepId, before: num(a.score), after: num(b.score) },
            side: 'after',
            file: now.file,
            range: at ? scoreRange(at.step, p.persona) : now.steps[b.index]!.range,
            scope: { kind: 'journey', id },
          });
        }
      }
    }
  },
};

/** The peak-end score of each persona: what the journey will be remembered as. A drop is a warning. */
export const peakEndScore: DiffCheck = {
  id: 'peak-end-score-changed',
  level: 'info',
  summary: 'A persona’s peak-end score changed (a drop is a warning).',
  run(ctx, emit) {
    const before = journeyAnalyses(ctx.before);
    for (const [id, now] of journeyAnalyses(ctx.after)) {
      const was = before.get(id);
      if (!was) continue;
      const journeyRange = ctx.after.models.find((m) => m.file === now.file)?.def?.range;
      for (const p of now.personas) {
        const old = was.personas.find((x) => x.persona === p.persona);
        // A persona with a peak-end score has an average too (both need one scored step).
        if (old?.peakEnd === undefined || p.peakEnd === undefined) continue;
        const delta = p.peakEnd - old.peakEnd;
        if (Math.abs(delta) < 0.005) continue;
        const level: DiffLevel | undefined = delta < 0 ? 'warning' : undefined;
        emit({
          level,
          messageId: 'diff.peakEndChanged',
          args: { persona: label(p), before: num(old.peakEnd), after: num(p.peakEnd), delta: (delta > 0 ? '+' : '') + num(delta), averageBefore: num(old.average!), averageAfter: num(p.average!) },
          side: 'after',
          file: now.file,
          range: journeyRange ?? now.steps[0]!.range,
          scope: { kind: 'journey', id },
        });
      }
    }
  },
};

function lower(a: Moment, b: Moment): boolean {
  return b.score < a.score;
}

function label(p: PersonaPeakEnd): string {
  return p.name && p.name !== p.persona ? `${p.name} (${p.persona})` : p.persona;
}
