import { validateChecklist } from '../checklist/validate';
import type { WorkspaceRule } from './workspaceRule';

/**
 * Checks each audit checklist against the workspace: the touchpoint its header names and the
 * standards its items name (checklist-unknown-touchpoint, checklist-unknown-item, and answers of
 * items whose snapshot is gone). Each finding carries its own rule ID, so each can be set apart.
 */
export const checklists: WorkspaceRule<'checklist-unknown-item'> = {
  id: 'checklist-unknown-item',
  severity: 'error',
  summary: 'A checklist item whose ID is not a standard of the workspace.',
  check(file, ctx, emit) {
    if (!file.checklist) return;
    const lookup = { touchpoints: { has: (id: string) => ctx.touchpoints(id) !== undefined }, standards: { get: (id: string) => ctx.standards(id) } };
    validateChecklist(file.checklist, lookup).findings.forEach(emit);
  },
};
