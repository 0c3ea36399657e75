#!/usr/bin/env node
// The floor: the least any YAML + JSON Schema checker built on `yaml` and ajv has to do.
// Reads every workspace file, parses it with `yaml` parseDocument (with a LineCounter, so source
// positions are kept), converts it to data and validates it with ajv against its kind's schema
// (each schema compiled once). Nothing else: no cross-file rules, no findings, no output formats.
//
// Usage: node bench/floor.mjs <workspace folder>
// Prints one JSON line to standard output: files, bytes, YAML errors, schema errors, timings.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';

const t0 = performance.now();
const root = process.argv[2];
if (!root) {
  console.error('usage: node bench/floor.mjs <workspace folder>');
  process.exit(2);
}

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const KINDS = ['journey', 'touchpoints', 'standards', 'personas', 'config'];

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
const validators = new Map(KINDS.map((k) => [k, ajv.compile(JSON.parse(readFileSync(join(schemaDir, `${k}.schema.json`), 'utf8')))]));

/** The kind a file name announces, as the engine's default include patterns do. */
function kindOf(name) {
  if (name === 'peakend.yaml' || name === 'peakend.yml') return 'config';
  return /\.(journey|touchpoints|standards|personas)\.ya?ml$/.exec(name)?.[1];
}

function walk(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (e.isFile() && kindOf(e.name)) out.push(path);
  }
  return out;
}

const files = walk(root, []);
const tSetup = performance.now();
let bytes = 0;
let yamlErrors = 0;
let invalidFiles = 0;
let schemaErrors = 0;
let lines = 0;
let parseMs = 0;
let validateMs = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  const a = performance.now();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const value = doc.toJS();
  const b = performance.now();
  yamlErrors += doc.errors.length;
  lines += lineCounter.lineStarts.length;
  const validate = validators.get(kindOf(file.slice(file.lastIndexOf('/') + 1)));
  if (!validate(value)) {
    invalidFiles++;
    schemaErrors += validate.errors.length;
  }
  parseMs += b - a;
  validateMs += performance.now() - b;
}
const end = performance.now();

console.log(
  JSON.stringify({
    files: files.length,
    bytes,
    lines,
    yamlErrors,
    invalidFiles,
    schemaErrors,
    setupMs: Math.round(tSetup - t0),
    parseMs: Math.round(parseMs),
    validateMs: Math.round(validateMs),
    totalMs: Math.round(end - t0),
  }),
);
