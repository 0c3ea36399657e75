#!/usr/bin/env node
// `npm run bench`: whole-process timings and peak memory of `peakend check` on the synthetic
// workspace, against the floor (read + `yaml` parseDocument + ajv, bench/floor.mjs).
//
// Each measurement is its own child process, so each has its own peak RSS. Peak RSS comes from
// GNU time (`/usr/bin/time -v`, Debian package `time`) when present; otherwise from
// process.resourceUsage().maxRSS, printed at exit by a preload given with `--import`.
// Wall time is measured here, from spawn to exit (node start-up included).
//
// Reports, does not gate: slowness never fails the process; a crashed run does (exit 1).
//
// Options: --runs N (default 3), --force (regenerate the workspace).
// Environment: PEAKEND_BENCH_NO_TIME=1 forces the maxRSS fallback.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const workspace = join(here, '.workspace');
const resultsFile = join(here, 'results.json');

const TARGETS = { maxRatio: 1.5, maxRssMB: 400 };

const args = process.argv.slice(2);
const runsIdx = args.indexOf('--runs');
const RUNS = runsIdx >= 0 ? Math.max(1, Number(args[runsIdx + 1]) || 3) : 3;

// ─── Set-up ────────────────────────────────────────────────────────────────────────────────

const manifest = generate({ out: workspace, force: args.includes('--force') });

const cli = join(repo, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run "npm run bench" (it builds first) or "npm run build".');
  process.exit(1);
}

const timeTool = process.env.PEAKEND_BENCH_NO_TIME ? undefined : findGnuTime();
if (!timeTool) {
  console.error(
    process.env.PEAKEND_BENCH_NO_TIME
      ? 'bench: PEAKEND_BENCH_NO_TIME set: peak RSS from process.resourceUsage().maxRSS.'
      : 'bench: /usr/bin/time (Debian package "time") is missing: peak RSS from process.resourceUsage().maxRSS instead (apt-get install time for GNU time).',
  );
}

function findGnuTime() {
  if (!existsSync('/usr/bin/time')) return undefined;
  const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr) ? '/usr/bin/time' : undefined;
}

// Printed by the preload when GNU time is not there; kB on Linux.
const RSS_TAG = 'PEAKEND_BENCH_MAXRSS_KB';
const PRELOAD = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n${RSS_TAG} '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)/1000+'\\n')})`;

// Warm the page cache so that the first run does not pay for disk reads the others do not.
(function warm(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) warm(join(dir, e.name));
    else if (e.isFile()) readFileSync(join(dir, e.name));
  }
})(workspace);

const scratch = mkdtempSync(join(tmpdir(), 'peakend-bench-'));
// Not /dev/null: the CLI writes --output through a temporary file and a rename, which would
// replace /dev/null itself when run as root. A scratch file also lets us read the findings.
const checkOutput = join(scratch, 'check.json');
const rel = (p) => relative(repo, p) || '.';

const SUBJECTS = {
  floor: {
    label: 'floor: read + `yaml` parseDocument (LineCounter) + ajv',
    argv: [join(here, 'floor.mjs'), workspace],
    ok: (code) => code === 0,
  },
  check: {
    label: '`peakend check --format json --output <file>`',
    argv: [join(repo, 'bin', 'peakend.js'), 'check', rel(workspace), '--format', 'json', '--output', checkOutput],
    // 0: no findings at or above the fail severity; 1: findings (the deliberate ones). 2 = usage or internal error.
    ok: (code) => code === 0 || code === 1,
  },
};

// ─── Measuring ─────────────────────────────────────────────────────────────────────────────

function runOnce(name) {
  const subject = SUBJECTS[name];
  const nodeArgs = timeTool ? [...subject.argv] : ['--import', PRELOAD, ...subject.argv];
  const timeFile = join(scratch, `time-${name}.txt`);
  const [cmd, cmdArgs] = timeTool ? [timeTool, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ name, ok: false, error: e.message }));
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let rssKB;
      let cpuMs;
      let exitCode = code;
      if (timeTool) {
        const t = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
        rssKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1]) || undefined;
        const user = Number(/User time \(seconds\): ([\d.]+)/.exec(t)?.[1]);
        const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(t)?.[1]);
        cpuMs = Number.isFinite(user + sys) ? Math.round((user + sys) * 1000) : undefined;
        // GNU time exits with the child's status; a signal shows as "Command terminated by signal N".
        const sig = /Command terminated by signal (\d+)/.exec(t);
        if (sig) signal = `signal ${sig[1]}`;
        const status = /Exit status: (\d+)/.exec(t);
        if (status) exitCode = Number(status[1]);
      } else {
        const m = new RegExp(`${RSS_TAG} (\\d+) ([\\d.]+)`).exec(stderr);
        rssKB = m ? Number(m[1]) : undefined;
        cpuMs = m ? Math.round(Number(m[2])) : undefined;
        stderr = stderr.replace(new RegExp(`\\n?${RSS_TAG} .*\\n?`), '');
      }
      const ok = !signal && subject.ok(exitCode);
      resolve({ name, ok, exitCode, signal: signal ?? undefined, wallMs, cpuMs, rssKB, stdout, stderr });
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const MB = (kB) => (kB === undefined ? undefined : (kB * 1024) / 1e6);
const fmtS = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const fmtMB = (kB) => (kB === undefined ? 'n/a' : `${MB(kB).toFixed(0)} MB`);

console.error(
  `bench: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines.toLocaleString('en')} lines; ` +
    `${RUNS} run(s) each, node ${process.version}, ${cpus().length} CPU(s), peak RSS via ${timeTool ? 'GNU time -v' : 'process.resourceUsage().maxRSS'}`,
);

const loadStart = loadavg()[0];
const runs = { floor: [], check: [] };
const crashes = [];
let floorReport;
let checkFindings;
for (let i = 1; i <= RUNS; i++) {
  for (const name of ['floor', 'check']) {
    globalThis.gc?.();
    const r = await runOnce(name);
    const line = `bench: run ${i}/${RUNS} ${name.padEnd(5)} wall ${fmtS(r.wallMs).padStart(8)}  cpu ${fmtS(r.cpuMs).padStart(8)}  ${fmtMB(r.rssKB).padStart(7)}  exit ${r.signal ?? r.exitCode}  load ${loadavg()[0].toFixed(1)}`;
    console.error(r.ok ? line : `${line}  CRASHED`);
    if (!r.ok) {
      crashes.push({ name, run: i, exitCode: r.exitCode, signal: r.signal, error: r.error, stderr: r.stderr?.slice(-4000) });
      if (r.stderr) console.error(r.stderr.slice(-4000));
      continue;
    }
    runs[name].push({ wallMs: Math.round(r.wallMs), cpuMs: r.cpuMs, rssKB: r.rssKB, load1: Number(loadavg()[0].toFixed(2)) });
    if (name === 'floor') {
      try {
        floorReport = JSON.parse(r.stdout.trim().split('\n').pop());
      } catch {
        floorReport = undefined;
      }
    } else {
      try {
        checkFindings = JSON.parse(readFileSync(checkOutput, 'utf8'));
      } catch (e) {
        crashes.push({ name, run: i, error: `unreadable --output file: ${e.message}` });
      }
    }
  }
}
rmSync(scratch, { recursive: true, force: true });

// ─── Report ────────────────────────────────────────────────────────────────────────────────

const med = {};
for (const name of ['floor', 'check']) {
  med[name] = { wallMs: median(runs[name].map((r) => r.wallMs)), cpuMs: median(runs[name].map((r) => r.cpuMs)), rssKB: median(runs[name].map((r) => r.rssKB)) };
}
const ratio = med.check.wallMs && med.floor.wallMs ? med.check.wallMs / med.floor.wallMs : undefined;
const cpuRatio = med.check.cpuMs && med.floor.cpuMs ? med.check.cpuMs / med.floor.cpuMs : undefined;
const rssRatio = med.check.rssKB && med.floor.rssKB ? med.check.rssKB / med.floor.rssKB : undefined;
const checkRssMB = MB(med.check.rssKB);
const meets = {
  time: ratio === undefined ? undefined : ratio <= TARGETS.maxRatio,
  memory: checkRssMB === undefined ? undefined : checkRssMB < TARGETS.maxRssMB,
};

const byRule = {};
for (const f of checkFindings ?? []) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
const expected = manifest.expectedFindings;
const findingsMatch =
  checkFindings !== undefined &&
  Object.keys({ ...byRule, ...expected }).every((rule) => (byRule[rule] ?? 0) === (expected[rule] ?? 0));

const yes = (v) => (v === undefined ? 'n/a' : v ? 'met' : '**missed**');
const list = (name, key, fmt) => runs[name].map((r) => fmt(r[key])).join(', ');
const x = (r) => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`);
const table = [
  `| what | wall (median of ${RUNS}) | CPU user+sys (median) | peak RSS (median) | wall per run | peak RSS per run |`,
  '|---|---:|---:|---:|---|---|',
  ...['floor', 'check'].map(
    (n) =>
      `| ${SUBJECTS[n].label} | ${fmtS(med[n].wallMs)} | ${fmtS(med[n].cpuMs)} | ${fmtMB(med[n].rssKB)} | ${list(n, 'wallMs', fmtS)} | ${list(n, 'rssKB', fmtMB)} |`,
  ),
  `| check / floor | ${x(ratio)} | ${x(cpuRatio)} | ${x(rssRatio)} | | |`,
].join('\n');

const summary = [
  `Workspace: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines.toLocaleString('en')} lines (${manifest.generator}).`,
  `Node ${process.version}, ${cpus().length} CPU(s); peak RSS from ${timeTool ? 'GNU time -v' : 'process.resourceUsage().maxRSS'}; 1 MB = 10^6 bytes; ` +
    `1-min load average ${loadStart.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after${Math.max(loadStart, loadavg()[0]) > cpus().length * 0.75 ? ' (busy machine: wall times are inflated, the CPU-time ratio is the steadier figure)' : ''}.`,
  '',
  table,
  '',
  `Targets: check within ${TARGETS.maxRatio}× of the floor: ${yes(meets.time)}` +
    (ratio === undefined ? '' : ` (${ratio.toFixed(2)}×)`) +
    `; check under ${TARGETS.maxRssMB} MB: ${yes(meets.memory)}` +
    (checkRssMB === undefined ? '' : ` (${checkRssMB.toFixed(0)} MB)`) +
    '.',
  checkFindings === undefined
    ? 'Findings: none read.'
    : `Findings: ${checkFindings.length} (${Object.entries(byRule)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}); ${findingsMatch ? 'as the generator planted them' : `EXPECTED ${JSON.stringify(expected)}`}.`,
  floorReport ? `Floor: ${floorReport.schemaErrors} schema error(s), ${floorReport.yamlErrors} YAML error(s); in-process parse ${fmtS(floorReport.parseMs)}, ajv ${fmtS(floorReport.validateMs)}.` : null,
  crashes.length ? `CRASHED: ${crashes.map((c) => `${c.name} run ${c.run}`).join(', ')}` : null,
]
  .filter((l) => l !== null)
  .join('\n');
console.log(summary);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpus: cpus().length,
  rssSource: timeTool ? 'gnu-time' : 'process.resourceUsage().maxRSS',
  workspace: {
    generator: manifest.generator,
    files: manifest.files,
    bytes: manifest.bytes,
    lines: manifest.lines,
    byKind: manifest.byKind,
  },
  commands: {
    floor: ['node', ...SUBJECTS.floor.argv.map(rel)].join(' '),
    check: ['node', ...SUBJECTS.check.argv.map((a) => (a === checkOutput ? '<tmp>/check.json' : rel(a)))].join(' '),
  },
  runs,
  median: {
    floor: { wallMs: med.floor.wallMs, cpuMs: med.floor.cpuMs, rssMB: round(MB(med.floor.rssKB)) },
    check: { wallMs: med.check.wallMs, cpuMs: med.check.cpuMs, rssMB: round(MB(med.check.rssKB)) },
  },
  ratio: { wall: round(ratio, 3), cpu: round(cpuRatio, 3), rss: round(rssRatio, 3) },
  loadAverage: { start: Number(loadStart.toFixed(2)), end: Number(loadavg()[0].toFixed(2)) },
  targets: { ...TARGETS, timeMet: meets.time, memoryMet: meets.memory },
  findings: { total: checkFindings?.length, byRule, expected, matchesExpected: findingsMatch },
  floor: floorReport,
  crashes,
};
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
console.error(`bench: results written to ${rel(resultsFile)}`);

function round(x, digits = 1) {
  return x === undefined ? undefined : Number(x.toFixed(digits));
}

process.exitCode = crashes.length ? 1 : 0;
