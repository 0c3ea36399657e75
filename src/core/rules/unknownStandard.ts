import { unknownReference } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/** Touchpoints list only standards some standards file defines. */
export const unknownStandard: WorkspaceRule = {
  id: 'unknown-standard',
  check(index, emit) {
    const defs = index.allStandards().map((s) => s.def);
    for (const ref of index.refs) {
      if (ref.kind === 'standard' && !index.standards.has(ref.id)) emit(unknownReference(this.id, ref, defs, index));
    }
  },
};
