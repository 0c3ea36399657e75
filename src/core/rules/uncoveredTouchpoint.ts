import { makeFinding } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/** Every touchpoint has at least one standard, or it cannot be audited. */
export const uncoveredTouchpoint: WorkspaceRule<'uncovered-touchpoint'> = {
  id: 'uncovered-touchpoint',
  severity: 'warning',
  summary: 'A touchpoint to which no standard applies.',
  check(file, ctx, emit) {
    for (const tp of file.touchpoints) {
      if (!ctx.isCovered(tp)) emit(makeFinding(this.id, tp.def.file, tp.def.range, 'coverage.uncoveredTouchpoint', { id: tp.def.id, name: tp.name ?? tp.def.id }));
    }
  },
};
