import Ajv, { type ValidateFunction } from 'ajv';
import type { DocumentKind } from '../model/kinds';
import { SCHEMAS } from './schemas';

/** How the validators are compiled (without the meta-schema check: see `compileValidator`). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, allowMatchingProperties: true } as const;

/** The keywords Peakend's schemas use beyond draft-07. */
export function addKeywords(a: Ajv): Ajv {
  // yaml-language-server shows this text for a failed pattern; we do too.
  a.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  return a;
}

let ajv: Ajv | undefined;

/**
 * A kind's validator compiled now, for a run from sources (bundles take the ones compiled at build
 * time, standalone.ts, and never load ajv).
 */
export function compileValidator(kind: DocumentKind): ValidateFunction {
  // The schemas are Peakend's own, checked against the draft-07 meta-schema by test/core/schema-meta.test.ts:
  // checking them again in every run (validateSchema) would cost a twentieth of a second each time.
  ajv ??= addKeywords(new Ajv({ ...AJV_OPTIONS, validateSchema: false }));
  return ajv.compile(SCHEMAS[kind]);
}
