import Ajv from 'ajv';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindFromFileName } from '../../src/core/kinds';
import type { DocumentKind } from '../../src/core/model/kinds';
import { SCHEMAS } from '../../src/core/schema/schemas';
import { AJV_OPTIONS, addKeywords } from '../../src/core/schema/compile';
import { DOCUMENTS, type Kind } from '../helpers/yamlDocuments';
import { yamlFiles } from '../helpers/yamlFiles';

/**
 * The bundles validate with validators compiled at build time (scripts/validators.mjs). Each must
 * answer exactly as the validator ajv compiles at run time: the same verdict and the same errors,
 * down to the schema they quote, for every kind of document, valid or not.
 */

const repo = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'peakend-standalone-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Validators = Record<DocumentKind, (data: unknown) => boolean>;
let precompiled: Validators;
const ajv = addKeywords(new Ajv({ ...AJV_OPTIONS, validateSchema: false }));
const runtime = Object.fromEntries(Object.entries(SCHEMAS).map(([k, s]) => [k, ajv.compile(s)])) as unknown as Validators;

beforeAll(async () => {
  // The module as the build makes it: the plugin puts the generated code in place of precompiled.ts.
  const { build } = await import('esbuild');
  const { precompiledValidators, standaloneValidatorsCode } = await import(pathToFileURL(join(repo, 'scripts/validators.mjs')).href);
  const outfile = join(scratch, 'validators.mjs');
  await build({
    stdin: { contents: "export { PRECOMPILED } from './src/core/schema/precompiled';", resolveDir: repo, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    plugins: [precompiledValidators(await standaloneValidatorsCode())],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  precompiled = (await import(pathToFileURL(outfile).href)).PRECOMPILED;
}, 60_000);

/** Both validators' verdict and errors on one value, as JSON. */
function answers(kind: DocumentKind, data: unknown): [string, string] {
  const answer = (v: (data: unknown) => boolean & { errors?: unknown }) => {
    const valid = v(data);
    return JSON.stringify({ valid, errors: (v as unknown as { errors?: unknown }).errors ?? null });
  };
  return [answer(precompiled[kind] as never), answer(runtime[kind] as never)];
}


describe('validators compiled at build time', () => {
  it('exist for every kind of document', () => {
    expect(Object.keys(precompiled).sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  it('answer as the run-time validators on the examples and every fixture, valid or not', () => {
    let invalid = 0;
    let checked = 0;
    for (const file of [...yamlFiles(join(repo, 'examples')), ...yamlFiles(join(repo, 'test/fixtures'))]) {
      const kind = kindFromFileName(file);
      if (!kind) continue;
      let data: unknown;
      try {
        data = parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      const [pre, run] = answers(kind, data);
      expect(pre, file).toBe(run);
      checked++;
      if (!JSON.parse(run).valid) invalid++;
    }
    // Both sides of the verdict are exercised.
    expect(checked).toBeGreaterThan(30);
    expect(invalid).toBeGreaterThan(5);
  });

  it('answer as the run-time validators on documents of every kind, with values swapped for anything', () => {
    const kinds = Object.keys(DOCUMENTS) as Kind[];
    const doc = fc.constantFrom(...kinds).chain((kind) => fc.tuple(fc.constant(kind), DOCUMENTS[kind], fc.array(fc.tuple(fc.nat(), fc.anything()), { maxLength: 2 })));
    fc.assert(
      fc.property(doc, ([kind, value, swaps]) => {
        const data = structuredClone(value) as Record<string, unknown>;
        const keys = Object.keys(data);
        for (const [i, v] of swaps) if (keys.length) data[keys[i % keys.length]!] = v;
        const [pre, run] = answers(kind, data);
        expect(pre).toBe(run);
      }),
      { numRuns: 400 },
    );
  });
});
