#!/usr/bin/env node
// Anchor: Spectral's CLI with Peakend's schemas, one `schema` rule per document kind. A Spectral
// ruleset applies to every file it is given, so each kind is linted in its own run over the files
// of that kind (the runs one after the other). Prints one JSON line: results and error results.
//
// Usage: node bench/anchors/spectral.mjs <workspace folder> (after npm ci --prefix bench/anchors)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2];
const bin = join(here, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const KINDS = { journey: '**/*.journey.yaml', touchpoints: '**/*.touchpoints.yaml', standards: '**/*.standards.yaml', personas: '**/*.personas.yaml', config: '**/peakend.yaml' };
const scratch = mkdtempSync(join(tmpdir(), 'peakend-spectral-'));
let results = 0;
let errors = 0;
try {
  for (const [kind, glob] of Object.entries(KINDS)) {
    const schema = JSON.parse(readFileSync(join(here, '..', '..', 'schemas', `${kind}.schema.json`), 'utf8'));
    const ruleset = join(scratch, `${kind}.json`);
    writeFileSync(ruleset, JSON.stringify({ rules: { [`peakend-${kind}`]: { given: '$', severity: 'error', then: { function: 'schema', functionOptions: { schema, allErrors: true } } } } }));
    const r = spawnSync(process.execPath, [bin, 'lint', '--ruleset', ruleset, '--format', 'json', '--quiet', `${root}/${glob}`], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) {
      process.stderr.write(r.stderr);
      process.exit(2);
    }
    const out = JSON.parse(r.stdout.trim() || '[]');
    results += out.length;
    errors += out.filter((x) => x.severity === 0).length;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(JSON.stringify({ results, errors }));
