import { knownIds, unknownReference } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/** Journey steps and standards refer only to touchpoints some inventory defines. */
export const unknownTouchpoint: WorkspaceRule<'unknown-touchpoint'> = {
  id: 'unknown-touchpoint',
  severity: 'error',
  summary: 'A reference to a touchpoint ID that no inventory defines.',
  check(index, emit) {
    const known = knownIds(index.allTouchpoints().map((t) => t.def));
    for (const ref of index.refs) {
      if (ref.kind === 'touchpoint' && !index.touchpoints.has(ref.id)) emit(unknownReference(this.id, ref, known, index));
    }
  },
};
