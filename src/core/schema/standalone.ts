import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { DocumentKind } from '../model/kinds';
import { SCHEMAS } from './schemas';
import { AJV_OPTIONS, addKeywords } from './compile';

/**
 * The source of an ES module exporting `PRECOMPILED`, each kind's validator compiled ahead of time
 * with the options and keywords `validateSchema` compiles them with at run time. The build puts it
 * in place of ./precompiled.ts, so that a run does not spend its first tenth of a second compiling.
 */
export function standaloneValidators(): string {
  const ajv = addKeywords(new Ajv({ ...AJV_OPTIONS, validateSchema: false, code: { source: true, esm: true } }));
  const kinds = Object.keys(SCHEMAS) as DocumentKind[];
  for (const kind of kinds) ajv.addSchema(SCHEMAS[kind], kind);
  const code = standaloneCode(ajv, Object.fromEntries(kinds.map((k) => [k, k])));
  // Every kind is here: nothing is left to compile at run time.
  const missing = 'export function compileMissing(kind) { throw new Error(`no validator for ${kind}`); }';
  return `${code}\nexport const PRECOMPILED = { ${kinds.join(', ')} };\n${missing}\n`;
}
