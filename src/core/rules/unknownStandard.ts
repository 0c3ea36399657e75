import { knownIds, unknownReference } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/** Touchpoints list only standards some standards file defines. */
export const unknownStandard: WorkspaceRule<'unknown-standard'> = {
  id: 'unknown-standard',
  severity: 'error',
  summary: 'A reference to a standard ID that no standards file defines.',
  check(index, emit) {
    const known = knownIds(index.allStandards().map((s) => s.def));
    for (const ref of index.refs) {
      if (ref.kind === 'standard' && !index.standards.has(ref.id)) emit(unknownReference(this.id, ref, known, index));
    }
  },
};
