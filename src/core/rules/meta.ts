import type { ChecklistRuleId } from '../checklist/rules';
import type { Severity } from '../finding';
import type { ParseRuleId } from './parseRules';

/** Every rule Peakend reports. Each has a page at docs/rules/<id>.md; rules/index.ts registers each. */
export type RuleId =
  | ParseRuleId
  | ChecklistRuleId
  | 'invalid-scale'
  | 'unknown-rule'
  | 'score-out-of-scale'
  | 'missing-persona-score'
  | 'weak-ending'
  | 'unrecovered-trough'
  | 'no-positive-peak'
  | 'negative-moment-of-truth'
  | 'persona-gap'
  | 'unevidenced-extreme'
  | 'unknown-dimension'
  | 'unknown-touchpoint'
  | 'unknown-standard'
  | 'unknown-persona'
  | 'duplicate-id'
  | 'uncovered-touchpoint'
  | 'unused-standard';

export interface RuleMeta<Id extends RuleId = RuleId> {
  id: Id;
  /** The default severity; peakend.yaml's `rules` overrides it. */
  severity: Severity;
  /** One line for `--help`, docs indexes and hovers. */
  summary: string;
}
