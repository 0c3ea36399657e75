import type { ValidateFunction } from 'ajv';
import type { DocumentKind } from '../model/kinds';

/**
 * Each kind's validator compiled ahead of time. Empty here: the build (scripts/build.mjs) puts the
 * code of `standaloneValidators()` in this module's place; run from sources, validators are
 * compiled when first needed.
 */
export const PRECOMPILED: Partial<Record<DocumentKind, ValidateFunction>> = {};
