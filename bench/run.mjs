#!/usr/bin/env node
// `npm run bench`: whole-process timings and peak memory of `peakend check` on the synthetic
// workspace, against the floor (read + `yaml` parseDocument + ajv, bench/floor.mjs) and two
// anchors: yaml-language-server with Peakend's schemas (bench/anchors/yls.mjs) and Spectral with a
// ruleset of Peakend's schemas (bench/anchors/, installed on demand with `--anchors`).
//
// `peakend check` is measured cold without its cache (--no-cache), cold writing its cache, warm
// (nothing changed), after editing one file, and on a copy of the workspace where 5 % of the
// journeys are invalid (against the floor on that copy).
//
// Each measurement is its own child process, so each has its own peak RSS. Peak RSS comes from
// GNU time (`/usr/bin/time -v`, Debian package `time`) when present; otherwise from
// process.resourceUsage().maxRSS, printed at exit by a preload given with `--import`.
// Wall time is measured here, from spawn to exit (node start-up included).
//
// Reports, does not gate: slowness never fails the process; a crashed run does (exit 1).
//
// Options: --runs N (default 3), --force (regenerate the workspace), --anchors (install Spectral
// into bench/anchors/node_modules with `npm ci` when missing; without it Spectral runs only if
// already installed), --anchor-runs N (default 1: the anchors take tens of seconds each).
// Environment: PEAKEND_BENCH_NO_TIME=1 forces the maxRSS fallback.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const workspace = join(here, '.workspace');
const resultsFile = join(here, 'results.json');

const invalidWorkspace = join(here, '.workspace-invalid');
const anchors = join(here, 'anchors');

/** Issue #11: cold ≤ 0.2× the floor and ≤ 160 MB; warm ≤ 0.3 s; 5 % invalid ≤ 0.35× its floor. */
const TARGETS = { coldRatio: 0.2, coldRssMB: 160, warmMs: 300, invalidRatio: 0.35 };

const args = process.argv.slice(2);
const numberArg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Math.max(1, Number(args[i + 1]) || fallback) : fallback;
};
const RUNS = numberArg('--runs', 3);
const ANCHOR_RUNS = numberArg('--anchor-runs', 1);

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

const checkArgv = (ws, out, ...extra) => [join(repo, 'bin', 'peakend.js'), 'check', rel(ws), '--format', 'json', '--output', out, ...extra];
// 0: no findings at or above the fail severity; 1: findings (the deliberate ones). 2 = usage or internal error.
const checkOk = (code) => code === 0 || code === 1;
const cacheOf = (ws) => join(ws, '.peakend-cache');

// One journey is edited before each "one file edited" run: a comment line, so the findings stay the same.
const editedFile = findJourney(workspace);
const editedOriginal = readFileSync(editedFile);
let edits = 0;

const spectralBin = join(anchors, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');

const SUBJECTS = {
  floor: {
    label: 'floor: read + `yaml` parseDocument (LineCounter) + ajv',
    argv: [join(here, 'floor.mjs'), workspace],
    ok: (code) => code === 0,
  },
  cold: {
    label: '`peakend check --no-cache` (cold)',
    argv: checkArgv(workspace, checkOutput, '--no-cache'),
    ok: checkOk,
  },
  coldWriting: {
    label: '`peakend check`, cache folder deleted first (cold, writes the cache)',
    argv: checkArgv(workspace, join(scratch, 'cold-writing.json')),
    before: () => rmSync(cacheOf(workspace), { recursive: true, force: true }),
    ok: checkOk,
  },
  warm: {
    label: '`peakend check`, nothing changed since the last run (warm)',
    argv: checkArgv(workspace, join(scratch, 'warm.json')),
    ok: checkOk,
  },
  edited: {
    label: '`peakend check` after editing one journey',
    argv: checkArgv(workspace, join(scratch, 'edited.json')),
    before: () => writeFileSync(editedFile, Buffer.concat([editedOriginal, Buffer.from(`# edit ${++edits}\n`)])),
    ok: checkOk,
  },
  floorInvalid: {
    label: 'floor on the workspace with 5 % invalid journeys',
    argv: [join(here, 'floor.mjs'), invalidWorkspace],
    ok: (code) => code === 0,
  },
  coldInvalid: {
    label: '`peakend check --no-cache` on the workspace with 5 % invalid journeys',
    argv: checkArgv(invalidWorkspace, join(scratch, 'invalid.json'), '--no-cache'),
    ok: checkOk,
  },
  yls: {
    label: 'yaml-language-server 1.25 `doValidation`, Peakend schemas (anchor)',
    argv: [join(anchors, 'yls.mjs'), workspace],
    ok: (code) => code === 0,
    anchor: true,
  },
  spectral: {
    label: 'Spectral 6.16 CLI, `schema` ruleset of Peakend schemas (anchor)',
    argv: [join(anchors, 'spectral.mjs'), workspace],
    ok: (code) => code === 0,
    anchor: true,
  },
};

/** The first journey of the workspace, in name order. */
function findJourney(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.')) {
      const inner = findJourney(path);
      if (inner) return inner;
    } else if (e.name.endsWith('.journey.yaml')) return path;
  }
  return undefined;
}

/** A copy of the workspace where every 20th journey (5 %) misspells `title`: two schema findings each. */
function makeInvalidWorkspace() {
  rmSync(invalidWorkspace, { recursive: true, force: true });
  cpSync(workspace, invalidWorkspace, { recursive: true, filter: (src) => !src.includes('.peakend-cache') });
  const journeys = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && !e.name.startsWith('.')) walk(join(dir, e.name));
      else if (e.name.endsWith('.journey.yaml')) journeys.push(join(dir, e.name));
    }
  };
  walk(invalidWorkspace);
  let changed = 0;
  journeys.forEach((file, i) => {
    if (i % 20 !== 0) return;
    const text = readFileSync(file, 'utf8');
    const next = text.replace(/\ntitle: /, '\ntitel: ');
    if (next !== text) (writeFileSync(file, next), changed++);
  });
  return { files: journeys.length, changed };
}

const invalidInfo = makeInvalidWorkspace();
let spectralNote;
if (!existsSync(spectralBin) && args.includes('--anchors')) {
  console.error('bench: installing Spectral into bench/anchors (npm ci --prefix bench/anchors)…');
  const r = spawnSync('npm', ['ci', '--prefix', anchors, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) spectralNote = 'npm ci --prefix bench/anchors failed';
}
if (!existsSync(spectralBin)) spectralNote ??= 'not installed: run `node --expose-gc bench/run.mjs --anchors` (npm ci --prefix bench/anchors)';

// ─── Measuring ─────────────────────────────────────────────────────────────────────────────

function runOnce(name) {
  const subject = SUBJECTS[name];
  subject.before?.();
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
const NAMES = Object.keys(SUBJECTS).filter((n) => n !== 'spectral' || existsSync(spectralBin));
const runs = Object.fromEntries(Object.keys(SUBJECTS).map((n) => [n, []]));
const crashes = [];
const outputs = {};
let floorReport;
let checkFindings;
const rounds = Math.max(RUNS, ANCHOR_RUNS);
for (let i = 1; i <= rounds; i++) {
  for (const name of NAMES) {
    const limit = SUBJECTS[name].anchor ? ANCHOR_RUNS : RUNS;
    if (i > limit) continue;
    globalThis.gc?.();
    const r = await runOnce(name);
    const line = `bench: run ${i}/${limit} ${name.padEnd(12)} wall ${fmtS(r.wallMs).padStart(8)}  cpu ${fmtS(r.cpuMs).padStart(8)}  ${fmtMB(r.rssKB).padStart(7)}  exit ${r.signal ?? r.exitCode}  load ${loadavg()[0].toFixed(1)}`;
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
    }
    const out = SUBJECTS[name].argv[SUBJECTS[name].argv.indexOf('--output') + 1];
    if (SUBJECTS[name].argv.includes('--output')) {
      try {
        outputs[name] = readFileSync(out, 'utf8');
        if (name === 'cold') checkFindings = JSON.parse(outputs[name]);
      } catch (e) {
        crashes.push({ name, run: i, error: `unreadable --output file: ${e.message}` });
      }
    }
    if (name === 'spectral' || name === 'yls') outputs[name] = r.stdout.trim().split('\n').pop();
  }
}
writeFileSync(editedFile, editedOriginal);
// ─── Report ────────────────────────────────────────────────────────────────────────────────

const med = {};
for (const name of Object.keys(SUBJECTS)) {
  med[name] = { wallMs: median(runs[name].map((r) => r.wallMs)), cpuMs: median(runs[name].map((r) => r.cpuMs)), rssKB: median(runs[name].map((r) => r.rssKB)) };
}
const over = (a, b, key = 'wallMs') => (med[a][key] && med[b][key] ? med[a][key] / med[b][key] : undefined);
const base = (name) => (name === 'coldInvalid' || name === 'floorInvalid' ? 'floorInvalid' : 'floor');

const byRule = {};
for (const f of checkFindings ?? []) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
const expected = manifest.expectedFindings;
const findingsMatch =
  checkFindings !== undefined &&
  Object.keys({ ...byRule, ...expected }).every((rule) => (byRule[rule] ?? 0) === (expected[rule] ?? 0));
// Cold, cold writing, warm and edited report the same findings, byte for byte.
const identical = ['coldWriting', 'warm', 'edited'].every((n) => outputs[n] === undefined || outputs[n] === outputs.cold);
const invalidFindings = outputs.coldInvalid ? JSON.parse(outputs.coldInvalid) : undefined;
const anchorReport = (name) => {
  try {
    return outputs[name] ? JSON.parse(outputs[name]) : undefined;
  } catch {
    return undefined;
  }
};
const spectralFindings = anchorReport('spectral')?.results;
const ylsFindings = anchorReport('yls')?.diagnostics;

const x = (r) => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`);
const yes = (v) => (v === undefined ? 'n/a' : v ? 'met' : '**missed**');
const list = (name, key, fmt) => runs[name].map((r) => fmt(r[key])).join(', ');
const rows = Object.keys(SUBJECTS).map((n) => {
  if (!runs[n].length) return `| ${SUBJECTS[n].label} | ${n === 'spectral' ? spectralNote ?? 'n/a' : 'n/a'} | | | | |`;
  return `| ${SUBJECTS[n].label} | ${fmtS(med[n].wallMs)} | ${x(over(n, base(n)))} | ${fmtS(med[n].cpuMs)} | ${x(over(n, base(n), 'cpuMs'))} | ${fmtMB(med[n].rssKB)} |`;
});
const table = [
  `| what | wall (median) | wall / floor | CPU user+sys | CPU / floor | peak RSS |`,
  '|---|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');

const coldRatio = over('cold', 'floor');
const coldRssMB = MB(med.cold.rssKB);
const invalidRatio = over('coldInvalid', 'floorInvalid');
const meets = {
  cold: coldRatio === undefined ? undefined : coldRatio <= TARGETS.coldRatio,
  coldMemory: coldRssMB === undefined ? undefined : coldRssMB <= TARGETS.coldRssMB,
  warm: med.warm.wallMs === undefined ? undefined : med.warm.wallMs <= TARGETS.warmMs,
  invalid: invalidRatio === undefined ? undefined : invalidRatio <= TARGETS.invalidRatio,
};

const summary = [
  `Workspace: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines.toLocaleString('en')} lines (${manifest.generator}); ` +
    `the invalid copy misspells \`title\` in ${invalidInfo.changed} of ${invalidInfo.files} journeys.`,
  `Node ${process.version}, ${cpus().length} CPU(s); ${RUNS} run(s) each, anchors ${ANCHOR_RUNS}; peak RSS from ${timeTool ? 'GNU time -v' : 'process.resourceUsage().maxRSS'}; 1 MB = 10^6 bytes; ` +
    `1-min load average ${loadStart.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after${Math.max(loadStart, loadavg()[0]) > cpus().length * 0.75 ? ' (busy machine: wall times are inflated, the CPU-time ratios are the steadier figures)' : ''}.`,
  '',
  table,
  '',
  `Targets: cold ≤ ${TARGETS.coldRatio}× floor: ${yes(meets.cold)}${coldRatio === undefined ? '' : ` (${coldRatio.toFixed(2)}×, CPU ${x(over('cold', 'floor', 'cpuMs'))})`}; ` +
    `cold ≤ ${TARGETS.coldRssMB} MB: ${yes(meets.coldMemory)}${coldRssMB === undefined ? '' : ` (${coldRssMB.toFixed(0)} MB)`}; ` +
    `warm ≤ ${TARGETS.warmMs / 1000} s: ${yes(meets.warm)}; 5 % invalid ≤ ${TARGETS.invalidRatio}× its floor: ${yes(meets.invalid)}${invalidRatio === undefined ? '' : ` (${invalidRatio.toFixed(2)}×)`}.`,
  checkFindings === undefined
    ? 'Findings: none read.'
    : `Findings: ${checkFindings.length} (${Object.entries(byRule)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}); ${findingsMatch ? 'as the generator planted them' : `EXPECTED ${JSON.stringify(expected)}`}; ` +
      `cold, cold writing, warm and edited outputs ${identical ? 'byte-identical' : '**DIFFER**'}.`,
  invalidFindings ? `5 % invalid: ${invalidFindings.length} findings.` : null,
  ylsFindings !== undefined ? `yaml-language-server: ${ylsFindings} diagnostic(s).` : null,
  spectralFindings !== undefined ? `Spectral: ${spectralFindings} result(s).` : spectralNote ? `Spectral: ${spectralNote}.` : null,
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
    invalidCopy: invalidInfo,
  },
  commands: Object.fromEntries(Object.entries(SUBJECTS).map(([n, s]) => [n, ['node', ...s.argv.map((a) => (a.startsWith(scratch) ? '<tmp>/' + a.slice(scratch.length + 1) : rel(a)))].join(' ')])),
  runs,
  median: Object.fromEntries(Object.keys(SUBJECTS).map((n) => [n, { wallMs: med[n].wallMs, cpuMs: med[n].cpuMs, rssMB: round(MB(med[n].rssKB)) }])),
  ratio: Object.fromEntries(Object.keys(SUBJECTS).map((n) => [n, { wall: round(over(n, base(n)), 3), cpu: round(over(n, base(n), 'cpuMs'), 3) }])),
  loadAverage: { start: Number(loadStart.toFixed(2)), end: Number(loadavg()[0].toFixed(2)) },
  targets: { ...TARGETS, met: meets },
  findings: { total: checkFindings?.length, byRule, expected, matchesExpected: findingsMatch, identicalAcrossRuns: identical, invalidCopy: invalidFindings?.length, yls: ylsFindings, spectral: spectralFindings },
  spectral: spectralNote,
  floor: floorReport,
  crashes,
};
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
console.error(`bench: results written to ${rel(resultsFile)}`);
rmSync(scratch, { recursive: true, force: true });

function round(x, digits = 1) {
  return x === undefined ? undefined : Number(x.toFixed(digits));
}

process.exitCode = crashes.length ? 1 : 0;
