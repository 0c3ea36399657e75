import { num, type DiffCheck } from '../review';
import { scoreRange, stepOf } from '../locate';

/** A step's score for a persona went up or down: a drop is a warning, a rise is information. */
export const emotionChanged: DiffCheck = {
  id: 'emotion-changed',
  level: 'info',
  summary: 'A step’s emotion score for a persona changed (a drop is a warning).',
  run(ctx, emit) {
    for (const c of ctx.diff.changes) {
      if (c.kind !== 'step' || !('fields' in c)) continue;
      for (const f of c.fields) {
        if (f.path[0] !== 'emotions' || f.path.length !== 2) continue;
        if (typeof f.before !== 'number' || typeof f.after !== 'number') continue;
        const persona = f.path[1]!;
        const at = stepOf(ctx.after, c.after.journey, c.after.id);
        const delta = f.after - f.before;
        emit({
          level: delta < 0 ? 'warning' : 'info',
          messageId: 'diff.emotionChanged',
          args: { step: c.after.id, persona, before: num(f.before), after: num(f.after), delta: (delta > 0 ? '+' : '') + num(delta) },
          side: 'after',
          file: c.after.file,
          range: at ? scoreRange(at.step, persona) : c.after.range,
          scope: { kind: 'journey', id: c.after.journey! },
        });
      }
    }
  },
};
