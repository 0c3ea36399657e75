import { applies } from '../model/coverage';
import { makeFinding } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/** A standard that applies to no touchpoint is never audited: its selector or its references are wrong. */
export const unusedStandard: WorkspaceRule = {
  id: 'unused-standard',
  check(index, emit) {
    const touchpoints = index.allTouchpoints();
    for (const s of index.allStandards()) {
      if (touchpoints.some((tp) => applies(s, tp))) continue;
      emit(makeFinding(this.id, s.def.file, s.def.range, 'coverage.unusedStandard', { id: s.def.id }));
    }
  },
};
