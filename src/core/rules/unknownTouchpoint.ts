import { knownIds, unknownReference } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/** Journey steps and standards refer only to touchpoints some inventory defines. */
export const unknownTouchpoint: WorkspaceRule = {
  id: 'unknown-touchpoint',
  check(index, emit) {
    const known = knownIds(index.allTouchpoints().map((t) => t.def));
    for (const ref of index.refs) {
      if (ref.kind === 'touchpoint' && !index.touchpoints.has(ref.id)) emit(unknownReference(this.id, ref, known, index));
    }
  },
};
