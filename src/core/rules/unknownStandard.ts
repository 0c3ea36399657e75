import { unknownReferences } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/** Touchpoints list only standards some standards file defines. */
export const unknownStandard: WorkspaceRule<'unknown-standard'> = {
  id: 'unknown-standard',
  severity: 'error',
  summary: 'A reference to a standard ID that no standards file defines.',
  check(file, ctx, emit) {
    unknownReferences(this.id, file, ctx, 'standard', emit);
  },
};
