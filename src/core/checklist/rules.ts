import type { Severity } from '../finding';

/** The rules of filled-in audit checklists (Markdown files in the checklists folder). */
export const CHECKLIST_RULES = [
  { id: 'checklist-header', severity: 'error', summary: 'A checklist’s front matter is missing, unreadable or names no touchpoint.' },
  { id: 'checklist-unknown-touchpoint', severity: 'error', summary: 'A checklist’s header names a touchpoint that no inventory defines.' },
  { id: 'checklist-unknown-item', severity: 'error', summary: 'A checklist item whose ID is not a standard of the workspace.' },
  { id: 'checklist-duplicate-item', severity: 'error', summary: 'The same item appears twice in a checklist.' },
  { id: 'checklist-invalid-answer', severity: 'error', summary: 'An answer that is not valid for its item (two boxes ticked, a rating on a pass-fail item, …).' },
  { id: 'checklist-invalid-measurement', severity: 'error', summary: 'A measured value without a number, or in a unit that cannot be compared with the threshold.' },
  { id: 'checklist-invalid-date', severity: 'error', summary: 'A checklist date that is not a date (YYYY-MM-DD).' },
  { id: 'checklist-incomplete-action', severity: 'warning', summary: 'A corrective action without an owner or a due date.' },
  { id: 'checklist-missing-action', severity: 'warning', summary: 'A failed item without a corrective action.' },
  { id: 'checklist-recheck', severity: 'info', summary: 'An answered item whose standard changed since; check it again.' },
] as const satisfies readonly { id: string; severity: Severity; summary: string }[];

export type ChecklistRuleId = (typeof CHECKLIST_RULES)[number]['id'];
