import type { Touchpoint } from '../../model/types';
import { documentIdOf, type DiffCheck, type DiffSide } from '../review';

/** Fields of a standard that a checklist item shows: a change to any of them changes the item. */
const ITEM_FIELDS = new Set(['title', 'requirement', 'method', 'expect', 'weight', 'critical', 'evidence', 'dimension']);

function applicable(side: DiffSide, tp: Touchpoint | undefined): Set<string> {
  if (!tp) return new Set();
  return new Set(side.index.coverage().standardsFor(tp).map((s) => s.def.id));
}

/** The touchpoints whose audit checklist gains, loses or changes items, so auditors know which to regenerate. */
export const checklistChanged: DiffCheck = {
  id: 'checklist-changed',
  level: 'info',
  summary: 'A touchpoint’s audit checklist gains, loses or changes items.',
  run(ctx, emit) {
    const renamed = new Map<string, string>();
    const changedItems = new Set<string>();
    for (const c of ctx.diff.changes) {
      if (c.kind !== 'standard') continue;
      // A renamed standard changes its items whatever else changed: the ID is on them.
      if (c.type === 'renamed') renamed.set(c.before.id, c.after.id);
      if (c.type === 'renamed' || (c.type === 'modified' && c.fields.some((f) => ITEM_FIELDS.has(f.path[0]!)))) changedItems.add(c.after.id);
    }
    for (const [id, [tp]] of ctx.after.index.touchpoints) {
      const before = new Set([...applicable(ctx.before, ctx.before.index.touchpoints.get(id)?.[0])].map((s) => renamed.get(s) ?? s));
      const after = applicable(ctx.after, tp);
      const added = [...after].filter((s) => !before.has(s));
      const removed = [...before].filter((s) => !after.has(s));
      const changed = [...after].filter((s) => before.has(s) && changedItems.has(s));
      const where = { side: 'after' as const, file: tp!.def.file, range: tp!.def.range, scope: { kind: 'touchpoints' as const, id: documentIdOf(ctx.after, tp!.def.file) } };
      if (added.length) emit({ ...where, messageId: 'diff.checklistItemsAdded', args: { id, items: added.join(', ') } });
      if (removed.length) emit({ ...where, messageId: 'diff.checklistItemsRemoved', args: { id, items: removed.join(', ') } });
      if (changed.length) emit({ ...where, messageId: 'diff.checklistItemsChanged', args: { id, items: changed.join(', ') } });
    }
  },
};
