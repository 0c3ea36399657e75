import { applies } from '../model/coverage';
import { makeFinding } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/** Every touchpoint has at least one standard, or it cannot be audited. */
export const uncoveredTouchpoint: WorkspaceRule = {
  id: 'uncovered-touchpoint',
  check(index, emit) {
    const standards = index.allStandards();
    for (const tp of index.allTouchpoints()) {
      if (standards.some((s) => applies(s, tp))) continue;
      emit(makeFinding(this.id, tp.def.file, tp.def.range, 'coverage.uncoveredTouchpoint', { id: tp.def.id, name: tp.name ?? tp.def.id }));
    }
  },
};
