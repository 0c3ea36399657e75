import type { Severity } from '../finding';
import type { FileRule } from './fileRule';
import { invalidScale } from './invalidScale';
import type { RuleId, RuleMeta } from './meta';
import { missingPersonaScore } from './missingPersonaScore';
import { CHECKLIST_RULES, type ChecklistRuleId } from '../checklist/rules';
import { PARSE_RULES, type ParseRuleId } from './parseRules';
import { defaultSeverity, registerSeverities } from './severities';
import { scoreOutOfScale } from './scoreOutOfScale';
import { unknownDimension } from './unknownDimension';
import { unknownRule } from './unknownRule';
import { checklists } from './checklists';
import { duplicateId } from './duplicateId';
import { uncoveredTouchpoint } from './uncoveredTouchpoint';
import { unknownPersona } from './unknownPersona';
import { unknownStandard } from './unknownStandard';
import { unknownTouchpoint } from './unknownTouchpoint';
import { unusedStandard } from './unusedStandard';
import { weakEnding } from './weakEnding';
import { unrecoveredTrough } from './unrecoveredTrough';
import { noPositivePeak } from './noPositivePeak';
import { negativeMomentOfTruth } from './negativeMomentOfTruth';
import { personaGap } from './personaGap';
import { unevidencedExtreme } from './unevidencedExtreme';
import type { WorkspaceRule } from './workspaceRule';

/** Rules run on each file once per content. Parse-level rules (yaml-*, file-*, schema, kinds) live in analyze.ts. */
export const FILE_RULES: readonly FileRule[] = [
  invalidScale,
  scoreOutOfScale,
  missingPersonaScore,
  unknownDimension,
  unknownRule,
  // Judgements of the peak-end analysis, computed once per journey.
  weakEnding,
  unrecoveredTrough,
  noPositivePeak,
  negativeMomentOfTruth,
  personaGap,
  unevidencedExtreme,
];

/** The rules that judge a journey's peak-end figures; `peakend analyze` shows their findings beside the figures. */
export const JUDGEMENT_RULE_IDS: readonly string[] = [weakEnding, unrecoveredTrough, noPositivePeak, negativeMomentOfTruth, personaGap, unevidencedExtreme].map((r) => r.id);

/** Rules run across the workspace after each change. */
export const WORKSPACE_RULES: readonly WorkspaceRule[] = [
  unknownTouchpoint,
  unknownStandard,
  unknownPersona,
  duplicateId,
  uncoveredTouchpoint,
  unusedStandard,
  checklists,
];

/** Every rule in the order `--help`, SARIF and the docs list them: parse-level first, then file, then workspace rules. */
const REGISTRY = [
  invalidScale,
  unknownRule,
  scoreOutOfScale,
  missingPersonaScore,
  weakEnding,
  unrecoveredTrough,
  noPositivePeak,
  negativeMomentOfTruth,
  personaGap,
  unevidencedExtreme,
  unknownDimension,
  unknownTouchpoint,
  unknownStandard,
  unknownPersona,
  duplicateId,
  uncoveredTouchpoint,
  unusedStandard,
] as const;

// A RuleId that no rule declares fails to compile here.
type Unregistered = Exclude<RuleId, ParseRuleId | ChecklistRuleId | (typeof REGISTRY)[number]['id']>;
const registered: [Unregistered] extends [never] ? true : Unregistered = true;
void registered;

/** Every rule Peakend reports, with its default severity. Each has a page at docs/rules/<id>.md. */
export const RULES: readonly RuleMeta[] = [
  ...(Object.entries(PARSE_RULES) as [ParseRuleId, { severity: Severity; summary: string }][]).map(([id, m]) => ({ id, severity: m.severity, summary: m.summary })),
  ...REGISTRY.map(({ id, severity, summary }) => ({ id, severity, summary })),
  // Reported by reading audit checklists (Markdown), like the parse-level rules of YAML files.
  ...CHECKLIST_RULES.map(({ id, severity, summary }) => ({ id, severity, summary })),
];

const byId = new Map<string, RuleMeta>(RULES.map((r) => [r.id, r]));

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

registerSeverities(RULES);
export { defaultSeverity };
