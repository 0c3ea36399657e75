#!/usr/bin/env node
// Benchmarks audit checklists with the built CLI on the synthetic workspace's touchpoints and standards:
//   (a) `peakend checklist --all` for its 2,000 touchpoints (target: under 5 s),
//   (b) `peakend audit score` and `peakend audit report` over 5,000 filled-in checklists (target:
//       under 10 s each), with each run's peak memory (target: under 400 MB).
// The inventories, standards and peakend.yaml are copied into a temporary folder, so that the
// 5,000 checklists never become part of the workspace `npm run bench` checks.
//
// Reports, does not gate: slowness never fails the process; a crash does. Each figure is the median of
// --runs runs (default 3); writes bench/checklists-results.json.
//
// Usage: npm run build && node bench/checklists.mjs [--audits 5000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OUT, generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'peakend.js');
const { values: opts } = parseArgs({ options: { audits: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } } });
const AUDITS = Number(opts.audits);
const RUNS = Math.max(1, Number(opts.runs) || 3);
const TARGETS = { generateSeconds: 5, scoreSeconds: 10, reportSeconds: 10, peakMB: 400 };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

generate({ out: DEFAULT_OUT });
const ws = mkdtempSync(join(tmpdir(), 'peakend-bench-checklists-'));
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const f of walk(DEFAULT_OUT)) {
  if (!/(\.touchpoints\.yaml|\.standards\.yaml|peakend\.yaml)$/.test(f)) continue;
  const to = join(ws, f.slice(DEFAULT_OUT.length + 1));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(f, to);
}

/**
 * Runs the CLI; returns seconds, CPU seconds (user + system: on a shared machine the steadier figure)
 * and peak memory (MB), from the kernel's accounting of the child.
 */
function timed(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, cli, ...args], { cwd: ws, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const [kb, user, system] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  if (r.status === 2) throw new Error(`peakend ${args.join(' ')} failed: ${r.stderr}`);
  return { seconds, cpu: user + system, mb: kb / 1024, stdout: r.stdout };
}

/** Runs `args` RUNS times (`before` prepares each run); the median time and the largest peak memory. */
function measured(name, args, before = () => undefined) {
  const runs = [];
  for (let i = 1; i <= RUNS; i++) {
    before();
    runs.push(timed(args));
    console.error(`bench checklists: ${name} run ${i}/${RUNS} ${runs.at(-1).seconds.toFixed(2)} s (CPU ${runs.at(-1).cpu.toFixed(2)} s) ${runs.at(-1).mb.toFixed(0)} MB`);
  }
  return { seconds: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpu)), mb: Math.max(...runs.map((r) => r.mb)) };
}

const audits = join(ws, 'audits');
// The previous run's checklists are moved aside, not deleted: deleting 2,000 files just written
// keeps the file system busy into the next run, which then measures the deletion too.
let aside = 0;
const gen = measured('checklist --all', ['checklist', '--all', '--date', '2026-01-01', '--out', 'audits'], () => existsSync(audits) && renameSync(audits, join(ws, `previous-${++aside}`)));
const generated = walk(audits).length;

// Fill: copies of the generated checklists on later dates, every box and value answered.
const blank = walk(audits);
for (let i = 0; i < AUDITS; i++) {
  const src = blank[i % blank.length];
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String(Math.floor(i / blank.length) % 12 + 1).padStart(2, '0');
  const text = readFileSync(src, 'utf8')
    .replace(/date: 2026-01-01/, `date: 2026-${month}-${day}`)
    .replace(/- \[ \] Pass\n/g, i % 7 ? '- [x] Pass\n' : '- [ ] Pass\n')
    .replace(/- \[ \] Fail\n/g, i % 7 ? '- [ ] Fail\n' : '- [x] Fail\n')
    .replace(/- (Measured|Rating) \(([^)]*?)\):/g, (_, label) => `- ${label}: ${label === 'Rating' ? 'satisfied' : String(i % 5)}`);
  writeFileSync(src.replace('2026-01-01', `2026-${month}-${day}-f${i}`), text);
}
for (const f of blank) rmSync(f);
const n = AUDITS.toLocaleString('en');
const score = measured('audit score', ['audit', 'score', 'audits', '--format', 'json']);
const report = measured('audit report', ['audit', 'report', 'audits', '--format', 'json', '--today', '2026-12-31']);
rmSync(ws, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  node: process.version,
  // The machine's load while the benchmark ran (1, 5 and 15 minute averages): wall times grow with it.
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  runs: RUNS,
  checklistsGenerated: generated,
  audits: AUDITS,
  generate: { seconds: Number(gen.seconds.toFixed(2)), cpuSeconds: Number(gen.cpu.toFixed(2)), peakMB: Math.round(gen.mb) },
  score: { seconds: Number(score.seconds.toFixed(2)), cpuSeconds: Number(score.cpu.toFixed(2)), peakMB: Math.round(score.mb) },
  report: { seconds: Number(report.seconds.toFixed(2)), cpuSeconds: Number(report.cpu.toFixed(2)), peakMB: Math.round(report.mb) },
  targets: TARGETS,
};
writeFileSync(join(here, 'checklists-results.json'), JSON.stringify(results, null, 2) + '\n');
const row = (name, r, target) => `| ${name} | ${r.seconds.toFixed(2)} s | ${r.cpu.toFixed(2)} s | < ${target} s | ${r.mb.toFixed(0)} MB | < ${TARGETS.peakMB} MB | ${r.seconds < target && r.mb < TARGETS.peakMB ? 'yes' : '**no**'} |`;
console.log(`
Load average ${results.loadAverage.join(', ')}.

| Run (median of ${RUNS}) | Time | CPU | Target | Peak memory | Target | Meets |
|---|---:|---:|---:|---:|---:|:-:|
${row(`\`peakend checklist --all\` (${generated.toLocaleString('en')} checklists)`, gen, TARGETS.generateSeconds)}
${row(`\`peakend audit score\` (${n} filled checklists)`, score, TARGETS.scoreSeconds)}
${row(`\`peakend audit report\` (${n} filled checklists)`, report, TARGETS.reportSeconds)}`);
