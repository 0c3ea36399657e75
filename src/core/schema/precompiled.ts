import type { ValidateFunction } from 'ajv';
import type { DocumentKind } from '../model/kinds';
import { compileValidator } from './compile';

/**
 * Each kind's validator compiled ahead of time. Empty here: the build (scripts/build.mjs) puts the
 * code of `standaloneValidators()` in this module's place; run from sources, validators are
 * compiled when first needed (`compileMissing`), and only there is ajv itself loaded.
 */
export const PRECOMPILED: Partial<Record<DocumentKind, ValidateFunction>> = {};

export const compileMissing: (kind: DocumentKind) => ValidateFunction = compileValidator;
