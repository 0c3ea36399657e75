import type { DiffCheck } from '../review';

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Pain points added to or removed from a step (compared as text, each once). */
export const painPointsChanged: DiffCheck = {
  id: 'pain-points-changed',
  level: 'info',
  summary: 'Pain points were added to a step (a warning) or removed from it.',
  run(ctx, emit) {
    for (const c of ctx.diff.changes) {
      if (c.kind !== 'step' || !('fields' in c)) continue;
      const f = c.fields.find((x) => x.path.length === 1 && x.path[0] === 'painPoints');
      if (!f) continue;
      const before = new Set(texts(f.before));
      const after = new Set(texts(f.after));
      const added = [...after].filter((p) => !before.has(p));
      const removed = [...before].filter((p) => !after.has(p));
      const where = { side: 'after' as const, file: c.after.file, range: c.after.range, scope: { kind: 'journey' as const, id: c.after.journey! } };
      if (added.length) emit({ ...where, level: 'warning', messageId: 'diff.painPointsAdded', args: { step: c.after.id, items: added.map((p) => `“${p}”`).join(', ') } });
      if (removed.length) emit({ ...where, messageId: 'diff.painPointsRemoved', args: { step: c.after.id, items: removed.map((p) => `“${p}”`).join(', ') } });
    }
  },
};
