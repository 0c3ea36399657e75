import { inventoryAnalyses } from '../analyses';
import type { DiffCheck } from '../review';

/** A touchpoint that changed quadrant in the importance–performance analysis; entering "concentrate here" is a warning. */
export const quadrantChanged: DiffCheck = {
  id: 'ipa-quadrant-changed',
  level: 'info',
  summary: 'A touchpoint moved to another importance–performance quadrant (into “concentrate here” is a warning).',
  run(ctx, emit) {
    const before = new Map<string, string>();
    for (const a of inventoryAnalyses(ctx.before).values()) for (const p of a.points) before.set(p.touchpointId, p.quadrant);
    for (const [id, a] of inventoryAnalyses(ctx.after)) {
      for (const p of a.points) {
        const was = before.get(p.touchpointId);
        if (!was || was === p.quadrant) continue;
        emit({
          level: p.quadrant === 'concentrate-here' ? 'warning' : undefined,
          messageId: 'diff.quadrantChanged',
          args: { id: p.touchpointId, before: was, after: p.quadrant },
          side: 'after',
          file: a.file,
          range: p.range,
          scope: { kind: 'touchpoints', id },
        });
      }
    }
  },
};
