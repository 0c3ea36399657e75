import { CHECKLIST_RULES } from '../checklist/rules';
import type { Severity } from '../finding';

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line for `--help`, docs indexes and hovers. */
  summary: string;
}

/** Every rule Peakend reports, with its default severity. Each has a page at docs/rules/<id>.md. */
export const RULES: readonly RuleMeta[] = [
  { id: 'file-empty', severity: 'error', summary: 'The file holds no YAML document.' },
  { id: 'file-too-large', severity: 'error', summary: 'The file is larger than limits.maxFileBytes and is not read.' },
  { id: 'file-encoding', severity: 'error', summary: 'The file is not UTF-8.' },
  { id: 'file-unreadable', severity: 'error', summary: 'The file cannot be read.' },
  { id: 'yaml-syntax', severity: 'error', summary: 'The YAML is malformed (bad indentation, tabs, unclosed brackets, …).' },
  { id: 'yaml-duplicate-key', severity: 'error', summary: 'A mapping holds the same key twice.' },
  { id: 'yaml-multiple-documents', severity: 'error', summary: 'The file holds more than one YAML document.' },
  { id: 'yaml-unsupported-tag', severity: 'error', summary: 'The file uses a YAML tag such as !!js/function; tags are never resolved.' },
  { id: 'yaml-alias-limit', severity: 'error', summary: 'Aliases expand beyond the limit (an alias bomb).' },
  { id: 'unknown-kind', severity: 'error', summary: 'The file declares no kind, or one Peakend does not know.' },
  { id: 'kind-mismatch', severity: 'error', summary: 'The declared kind differs from the kind in the file name.' },
  { id: 'unsupported-version', severity: 'error', summary: 'The file is written in a newer format version than this Peakend reads.' },
  { id: 'schema', severity: 'error', summary: 'The document does not match its kind’s JSON Schema.' },
  { id: 'invalid-scale', severity: 'error', summary: 'An emotion scale whose min is not below its max, or whose neutral point lies outside.' },
  { id: 'unknown-rule', severity: 'warning', summary: 'peakend.yaml sets the severity of a rule that does not exist.' },
  { id: 'score-out-of-scale', severity: 'error', summary: 'An emotion score outside the journey’s scale.' },
  { id: 'missing-persona-score', severity: 'warning', summary: 'A journey step has no emotion score for one of the journey’s personas.' },
  { id: 'unknown-dimension', severity: 'warning', summary: 'A standard names a dimension its file does not allow.' },
  { id: 'unknown-touchpoint', severity: 'error', summary: 'A reference to a touchpoint ID that no inventory defines.' },
  { id: 'unknown-standard', severity: 'error', summary: 'A reference to a standard ID that no standards file defines.' },
  { id: 'unknown-persona', severity: 'error', summary: 'A reference to a persona that is not defined, or not one of the journey’s personas.' },
  { id: 'duplicate-id', severity: 'error', summary: 'Two entities of the same kind share an ID (or IDs that differ only in case).' },
  { id: 'uncovered-touchpoint', severity: 'warning', summary: 'A touchpoint to which no standard applies.' },
  { id: 'unused-standard', severity: 'warning', summary: 'A standard that applies to no touchpoint.' },
  ...CHECKLIST_RULES,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function defaultSeverity(id: string): Severity {
  return byId.get(id)?.severity ?? 'error';
}
