import { related } from '../../report';
import type { DiffCheck } from '../review';

/** A touchpoint removed while journeys or standards of the head still refer to it. */
export const touchpointRemovedReferenced: DiffCheck = {
  id: 'touchpoint-removed-referenced',
  level: 'breaking',
  summary: 'A touchpoint was removed but journeys or standards still refer to it.',
  run(ctx, emit) {
    for (const c of ctx.diff.changes) {
      if (c.kind !== 'touchpoint' || c.type !== 'removed') continue;
      const refs = ctx.after.index.referencesTo('touchpoint', c.before.id);
      const [first, ...rest] = refs;
      if (!first) continue;
      emit({
        messageId: 'diff.touchpointRemovedReferenced',
        args: { id: c.before.id, count: refs.length },
        side: 'after',
        file: first.file,
        range: first.range,
        related: rest.slice(0, 20).map((r) => related(r.file, r.range, 'diff.referenceHere', { id: r.id })),
      });
    }
  },
};
