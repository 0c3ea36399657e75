import { documentIdOf, type DiffCheck } from '../review';

/** A standard removed (not renamed): its audits stop. Removing a critical one is breaking. */
export const standardRemoved: DiffCheck = {
  id: 'standard-removed',
  level: 'warning',
  summary: 'A standard was removed; breaking when it was critical.',
  run(ctx, emit) {
    for (const c of ctx.diff.changes) {
      if (c.kind !== 'standard' || c.type !== 'removed') continue;
      const critical = c.before.data.critical === true;
      emit({
        level: critical ? 'breaking' : undefined,
        messageId: critical ? 'diff.standardRemovedCritical' : 'diff.standardRemoved',
        args: { id: c.before.id },
        side: 'before',
        file: c.before.file,
        range: c.before.range,
        scope: { kind: 'standards', id: documentIdOf(ctx.before, c.before.file) },
      });
    }
  },
};
