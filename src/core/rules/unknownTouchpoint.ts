import { unknownReferences } from './unknownReference';
import type { WorkspaceRule } from './workspaceRule';

/** Journey steps and standards refer only to touchpoints some inventory defines. */
export const unknownTouchpoint: WorkspaceRule<'unknown-touchpoint'> = {
  id: 'unknown-touchpoint',
  severity: 'error',
  summary: 'A reference to a touchpoint ID that no inventory defines.',
  check(file, ctx, emit) {
    unknownReferences(this.id, file, ctx, 'touchpoint', emit);
  },
};
