import { makeFinding } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/** A standard that applies to no touchpoint is never audited: its selector or its references are wrong. */
export const unusedStandard: WorkspaceRule<'unused-standard'> = {
  id: 'unused-standard',
  severity: 'warning',
  summary: 'A standard that applies to no touchpoint.',
  check(file, ctx, emit) {
    for (const s of file.standards) {
      if (!ctx.isUsed(s)) emit(makeFinding(this.id, s.def.file, s.def.range, 'coverage.unusedStandard', { id: s.def.id }));
    }
  },
};
