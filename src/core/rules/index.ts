import type { FileRule } from './fileRule';
import { invalidScale } from './invalidScale';
import { missingPersonaScore } from './missingPersonaScore';
import { scoreOutOfScale } from './scoreOutOfScale';
import { unknownDimension } from './unknownDimension';
import { unknownRule } from './unknownRule';
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
];
