#!/usr/bin/env node
// `npm run bench` (second part): `peakend diff` of two revisions of the synthetic workspace with 5 % of
// the steps changed, against `peakend check --no-cache` of one revision. The changed steps sit in 5 % of the
// journey files (every step of each), as in a pull request that reworks a few journeys.
//
// Reports, does not gate. Options: --runs N (default 3).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, isMap, isSeq } from 'yaml';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const cli = join(repo, 'bin', 'peakend.js');
const args = process.argv.slice(2);
const runsIdx = args.indexOf('--runs');
const RUNS = runsIdx >= 0 ? Math.max(1, Number(args[runsIdx + 1]) || 3) : 3;
const TARGET = 1.5;

generate({ out: join(here, '.workspace'), log: () => undefined });
const scratch = mkdtempSync(join(tmpdir(), 'peakend-bench-diff-'));
const ws = join(scratch, 'ws');
cpSync(join(here, '.workspace'), ws, { recursive: true });
const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
const git = (...a) => execFileSync('git', a, { cwd: ws, env, stdio: ['ignore', 'pipe', 'inherit'] });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'base');

// Every 20th journey file: each of its scores one lower (within the scale).
const journeys = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name));
    else if (e.name.endsWith('.journey.yaml')) journeys.push(join(dir, e.name));
  }
})(ws);
journeys.sort();
let steps = 0;
let changed = 0;
journeys.forEach((file, i) => {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const min = doc.getIn(['scale', 'min']) ?? -5;
  for (const stage of doc.get('stages')?.items ?? []) {
    for (const step of (isMap(stage) && isSeq(stage.get('steps')) ? stage.get('steps').items : [])) {
      steps++;
      const emotions = isMap(step) ? step.get('emotions') : undefined;
      if (i % 20 !== 0 || !isMap(emotions)) continue;
      for (const pair of emotions.items) if (typeof pair.value?.value === 'number') pair.value.value = Math.max(min, pair.value.value - 1);
      changed++;
    }
  }
  if (i % 20 === 0) writeFileSync(file, doc.toString());
});
git('commit', '-qam', 'head: 5 % of the steps');

function time(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...argv], { cwd: ws, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`peakend ${argv[0]} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const checkMs = [];
const diffMs = [];
console.error(`bench diff: ${journeys.length} journeys, ${changed} of ${steps} steps changed (${((100 * changed) / steps).toFixed(1)} %), ${RUNS} run(s) each`);
for (let i = 1; i <= RUNS; i++) {
  checkMs.push(time(['check', '.', '--no-cache', '--format', 'json', '--output', join(scratch, 'check.json')]));
  diffMs.push(time(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json', '--output', join(scratch, 'diff.json')]));
  console.error(`bench diff: run ${i}/${RUNS} check ${(checkMs.at(-1) / 1000).toFixed(2)} s  diff ${(diffMs.at(-1) / 1000).toFixed(2)} s`);
}
const summary = JSON.parse(readFileSync(join(scratch, 'diff.json'), 'utf8')).summary;
rmSync(scratch, { recursive: true, force: true });
const ratio = median(diffMs) / median(checkMs);
const results = { date: new Date().toISOString(), node: process.version, steps, changedSteps: changed, checkMs: Math.round(median(checkMs)), diffMs: Math.round(median(diffMs)), ratio: Number(ratio.toFixed(2)), target: TARGET, meets: ratio < TARGET, summary };
writeFileSync(join(here, 'diff-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`
| | wall (median of ${RUNS}) |
|---|---:|
| \`peakend check\` of the head revision | ${(results.checkMs / 1000).toFixed(2)} s |
| \`peakend diff --base HEAD~1 --head HEAD\` (${changed.toLocaleString('en')} of ${steps.toLocaleString('en')} steps changed) | ${(results.diffMs / 1000).toFixed(2)} s |
| diff / check | **${results.ratio}×** (target < ${TARGET}×) |

The diff reported ${summary.breaking} breaking, ${summary.warning} warning and ${summary.info} info changes.`);
