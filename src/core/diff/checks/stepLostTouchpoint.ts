import type { DiffCheck } from '../review';

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A step no longer names a touchpoint it named: where the experience happens got lost. */
export const stepLostTouchpoint: DiffCheck = {
  id: 'step-lost-touchpoint',
  level: 'warning',
  summary: 'A step no longer happens at a touchpoint it named.',
  run(ctx, emit) {
    for (const c of ctx.diff.changes) {
      if (c.kind !== 'step' || !('fields' in c)) continue;
      const f = c.fields.find((x) => x.path.length === 1 && x.path[0] === 'touchpoints');
      if (!f) continue;
      const now = new Set(ids(f.after));
      const lost = ids(f.before).filter((t) => !now.has(t));
      if (!lost.length) continue;
      emit({
        messageId: 'diff.stepLostTouchpoint',
        args: { step: c.after.id, touchpoints: lost.join(', ') },
        side: 'after',
        file: c.after.file,
        range: c.after.range,
        scope: { kind: 'journey', id: c.after.journey! },
      });
    }
  },
};
