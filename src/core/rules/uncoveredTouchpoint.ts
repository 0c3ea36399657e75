import { makeFinding } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/** Every touchpoint has at least one standard, or it cannot be audited. */
export const uncoveredTouchpoint: WorkspaceRule<'uncovered-touchpoint'> = {
  id: 'uncovered-touchpoint',
  severity: 'warning',
  summary: 'A touchpoint to which no standard applies.',
  check(index, emit) {
    const coverage = index.coverage();
    for (const tp of coverage.touchpoints) {
      if (coverage.standardsFor(tp).length > 0) continue;
      emit(makeFinding(this.id, tp.def.file, tp.def.range, 'coverage.uncoveredTouchpoint', { id: tp.def.id, name: tp.name ?? tp.def.id }));
    }
  },
};
