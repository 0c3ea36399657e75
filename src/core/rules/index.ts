import type { FileRule } from './fileRule';
import { invalidScale } from './invalidScale';
import { missingPersonaScore } from './missingPersonaScore';
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
import type { WorkspaceRule } from './workspaceRule';

/** Rules run on each file once per content. Parse-level rules (yaml-*, file-*, schema, kinds) live in analyze.ts. */
export const FILE_RULES: readonly FileRule[] = [invalidScale, scoreOutOfScale, missingPersonaScore, unknownDimension, unknownRule];

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
