#!/usr/bin/env node
// Benchmarks audit checklists with the built CLI on the synthetic workspace's touchpoints and standards:
//   (a) `peakend checklist --all` for its 2,000 touchpoints (target: under 5 s),
//   (b) `peakend audit score` and `peakend audit report` over 5,000 filled-in checklists (target:
//       under 10 s each), with each run's peak memory (target: under 400 MB).
// The inventories, standards and peakend.yaml are copied into a temporary folder, so that the
// 5,000 checklists never become part of the workspace `npm run bench` checks.
//
// Usage: npm run build && node bench/checklists.mjs [--audits 5000]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OUT, generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'peakend.js');
const { values: opts } = parseArgs({ options: { audits: { type: 'string', default: '5000' } } });
const AUDITS = Number(opts.audits);

generate({ out: DEFAULT_OUT });
const ws = mkdtempSync(join(tmpdir(), 'peakend-bench-checklists-'));
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const f of walk(DEFAULT_OUT)) {
  if (!/(\.touchpoints\.yaml|\.standards\.yaml|peakend\.yaml)$/.test(f)) continue;
  const to = join(ws, f.slice(DEFAULT_OUT.length + 1));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(f, to);
}

/** Runs the CLI; returns seconds and peak memory (MB, from the kernel's accounting of the child). */
function timed(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], { cwd: ws, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number(r.stderr.trim().split('\n').pop());
  if (r.status === 2) throw new Error(`peakend ${args.join(' ')} failed: ${r.stderr}`);
  return { seconds, mb: kb / 1024, stdout: r.stdout };
}

const rows = [];
const gen = timed(['checklist', '--all', '--date', '2026-01-01', '--out', 'audits']);
rows.push(['checklist --all (2,000 touchpoints)', gen, 5]);

// Fill: copies of the generated checklists on later dates, every box and value answered.
const blank = walk(join(ws, 'audits'));
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
rows.push([`audit score (${AUDITS.toLocaleString('en')} checklists)`, timed(['audit', 'score', 'audits', '--format', 'json']), 10]);
rows.push([`audit report (${AUDITS.toLocaleString('en')} checklists)`, timed(['audit', 'report', 'audits', '--format', 'json', '--today', '2026-12-31']), 10]);

console.log('| Run | Time | Target | Peak memory |\n|---|---|---|---|');
for (const [name, r, target] of rows) console.log(`| ${name} | ${r.seconds.toFixed(2)} s | < ${target} s | ${r.mb.toFixed(0)} MB (< 400) |`);
rmSync(ws, { recursive: true, force: true });
