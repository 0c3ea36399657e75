#!/usr/bin/env node
// Integration tests of the VS Code extension in code-server's real extension host.
//
//   node scripts/test-extension.mjs [--suite main,l10n,trust,plain,hostile] [--grep <text>] [--verbose] [--keep]
//
// 1. builds the extension (scripts/build.mjs) and bundles the mocha test module
//    (test/extension/suite/index.ts -> test-output/extension-tests/index.cjs);
// 2. copies the example workspaces (and test/extension/fixtures) into a temp folder, so that
//    edits, renames and new files never touch the repository;
// 3. runs the real CLI (`peakend check <copy> --format json`) over each copy: the tests expect
//    exactly these findings as diagnostics;
// 4. runs each suite in its own code-server (sequentially) through runExtensionTests;
// 5. prints one line per suite and, last, `extension: N passed, N failed`.
// Exit 0 only if every suite ran and passed. The test module writes mocha's counts to the JSON file
// named by PEAKEND_TEST_RESULTS; a suite without one counts as failed.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ensureHost } from './vscode-host/setup.mjs';
import { runExtensionTests } from './vscode-host/run-extension-tests.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-output/extension-tests');
const BUNDLE = path.join(OUT, 'index.cjs');
const FIXTURES = path.join(ROOT, 'test/extension/fixtures');

const { values: opts } = parseArgs({
  options: {
    suite: { type: 'string' },
    grep: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const started = Date.now();
const secs = (t0) => ((Date.now() - t0) / 1000).toFixed(1);
const log = (m) => console.log(`[test-extension] ${m}`);

// ── 1. build ────────────────────────────────────────────────────────────────────────────────────
const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (b.status !== 0) fail(`scripts/build.mjs failed (exit ${b.status ?? b.signal})`);
fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: [path.join(ROOT, 'test/extension/suite/index.ts')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The test module lives under the extension's folder, so the extension host hands it the same
  // `vscode` API object as the extension (the template tests rely on that to answer input boxes).
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
// The table of document kinds, to tell Peakend's files by name as the engine does.
await build({ entryPoints: [path.join(ROOT, 'src/core/kinds.ts')], outfile: path.join(OUT, 'kinds.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
const { kindFromFileName } = await import(pathToFileURL(path.join(OUT, 'kinds.mjs')).href);
ensureHost({ devDependencies: false });

// ── 2. workspaces ───────────────────────────────────────────────────────────────────────────────
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-ext-tests-'));
const copy = (from, to) => fs.cpSync(from, to, { recursive: true });
const example = (name) => path.join(ROOT, 'examples', name);

// main: both examples plus a workspace with known defects, one VS Code folder.
const main = path.join(tmp, 'main');
copy(example('property-management'), path.join(main, 'property-management'));
copy(example('online-service'), path.join(main, 'online-service'));
copy(path.join(FIXTURES, 'defects'), path.join(main, 'defects'));
// One file with a BOM and CRLF line ends: positions must still match the CLI's.
const crlf = path.join(main, 'defects/门店.journey.yaml');
fs.writeFileSync(crlf, '\uFEFF' + fs.readFileSync(crlf, 'utf8').replace(/\r?\n/g, '\r\n'));

// l10n and trust: the Chinese example alone.
const zh = path.join(tmp, 'zh');
copy(example('property-management'), zh);
const trust = path.join(tmp, 'trust');
copy(example('property-management'), trust);

// hostile: an example and the defects workspace; the tests write hostile files into it while the host runs.
const hostile = path.join(tmp, 'hostile');
copy(example('property-management'), path.join(hostile, 'property-management'));
copy(path.join(FIXTURES, 'defects'), path.join(hostile, 'defects'));

// plain: YAML files that are not Peakend's (the extension must stay inactive).
const plain = path.join(tmp, 'plain');
copy(path.join(FIXTURES, 'plain'), plain);

// ── 3. expected findings from the real CLI ──────────────────────────────────────────────────────
/** Every finding of `peakend check` in the Peakend folders below `folder`, keyed by path relative to `folder`. */
function expectedFindings(folder, { lang = 'en' } = {}) {
  const out = { files: [], findings: {} };
  const roots = fs.readdirSync(folder).some((n) => kindFromFileName(n) === 'config') ? [folder] : fs.readdirSync(folder).map((n) => path.join(folder, n)).filter((d) => fs.statSync(d).isDirectory());
  for (const dir of roots) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/peakend.js'), 'check', dir, '--format', 'json', '--lang', lang], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) fail(`peakend check ${dir} failed (exit ${r.status}):\n${r.stderr}`);
    for (const f of JSON.parse(r.stdout)) {
      const rel = path.relative(folder, path.resolve(dir, f.file)).split(path.sep).join('/');
      const related = (f.related ?? []).map((r) => ({ file: path.relative(folder, path.resolve(dir, r.file)).split(path.sep).join('/'), range: r.range, message: r.message }));
      (out.findings[rel] ??= []).push({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, related });
    }
    for (const name of fs.readdirSync(dir, { recursive: true })) {
      if (kindFromFileName(name.split(path.sep).join('/'))) out.files.push(path.relative(folder, path.join(dir, name)).split(path.sep).join('/'));
    }
  }
  out.files.sort();
  return out;
}

function hashes(folder) {
  const out = {};
  for (const name of fs.readdirSync(folder, { recursive: true }).sort()) {
    const p = path.join(folder, name);
    if (fs.statSync(p).isFile()) out[name.split(path.sep).join('/')] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

const data = path.join(tmp, 'data');
fs.mkdirSync(data);
const writeJson = (name, value) => {
  const p = path.join(data, name);
  fs.writeFileSync(p, JSON.stringify(value, null, 2));
  return p;
};
const expected = {
  main: writeJson('expected-main.json', expectedFindings(main)),
  zh: writeJson('expected-zh.json', expectedFindings(zh, { lang: 'zh-cn' })),
  trust: writeJson('expected-trust.json', expectedFindings(trust)),
  hostile: writeJson('expected-hostile.json', expectedFindings(hostile)),
};
const trustHashes = hashes(trust);
const trustHashFile = writeJson('hashes-trust.json', trustHashes);

// ── 4. suites ───────────────────────────────────────────────────────────────────────────────────
const QUIET = {
  'workbench.editor.enablePreview': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'extensions.ignoreRecommendations': true,
  // Breadcrumbs, sticky scroll and suggestions ask the extension's providers about the buffer after
  // each keystroke, which re-checks it too: off, so the editing tests see the change listener alone.
  'breadcrumbs.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
};
const SUITES = [
  { name: 'main', workspace: main, env: { PEAKEND_TEST_EXPECTED: expected.main } },
  { name: 'l10n', workspace: zh, locale: 'zh-cn', env: { PEAKEND_TEST_EXPECTED: expected.zh } },
  {
    name: 'trust',
    workspace: trust,
    workspaceTrust: true,
    // Trust on, never asked: the fresh folder stays untrusted (Restricted Mode).
    userSettings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.emptyWindow': false },
    env: { PEAKEND_TEST_EXPECTED: expected.trust, PEAKEND_TEST_HASHES: trustHashFile },
    // Checked here too, after the host is gone: nothing may have been written late.
    after: () => {
      const now = hashes(trust);
      const changed = [...new Set([...Object.keys(now), ...Object.keys(trustHashes)])].filter((k) => now[k] !== trustHashes[k]);
      return changed.length ? `files changed in Restricted Mode: ${changed.join(', ')}` : undefined;
    },
  },
  { name: 'plain', workspace: plain, env: {} },
  { name: 'hostile', workspace: hostile, env: { PEAKEND_TEST_EXPECTED: expected.hostile } },
];
// Workbench start-up chatter that says nothing about the tests (shown with --verbose).
const CHATTER = /^\[info\] (Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|\s*$)/;
const wanted = opts.suite ? new Set(opts.suite.split(',')) : undefined;
const results = [];
for (const s of SUITES.filter((s) => !wanted || wanted.has(s.name))) {
  const t0 = Date.now();
  const resultsFile = path.join(data, `results-${s.name}.json`);
  log(`suite ${s.name}: ${path.relative(tmp, s.workspace)}${s.locale ? `, locale ${s.locale}` : ''}${s.workspaceTrust ? ', workspace trust on' : ''}`);
  let code;
  try {
    code = await runExtensionTests({
      extension: ROOT,
      tests: BUNDLE,
      workspace: s.workspace,
      locale: s.locale,
      workspaceTrust: s.workspaceTrust,
      userSettings: { ...QUIET, ...s.userSettings },
      env: { ...s.env, PEAKEND_TEST_SUITE: s.name, PEAKEND_TEST_RESULTS: resultsFile, ...(opts.grep ? { PEAKEND_TEST_GREP: opts.grep } : {}) },
      timeout: 300,
      verbose: opts.verbose,
      out: (line) => (opts.verbose || !CHATTER.test(line)) && console.log(`  ${line}`),
    });
  } catch (e) {
    console.log(`  [vscode-host] ${e.stack ?? e}`);
    code = 1;
  }
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    counts = undefined;
  }
  const problems = [];
  if (!counts) problems.push(`no results file (${path.basename(resultsFile)}): the test module did not finish`);
  else for (const f of counts.failures) problems.push(`${f.title}: ${f.message}`);
  if (code !== 0 && (!counts || counts.failed === 0)) problems.push(`exit code ${code}`);
  const late = code === 0 ? s.after?.() : undefined;
  if (late) problems.push(late);
  results.push({ name: s.name, passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + (problems.length && !counts?.failed ? 1 : 0), problems, secs: secs(t0) });
}

// ── 5. summary ──────────────────────────────────────────────────────────────────────────────────
if (opts.keep) log(`kept ${tmp}`);
else fs.rmSync(tmp, { recursive: true, force: true });
console.log('');
for (const r of results) {
  console.log(`  ${r.name.padEnd(6)} ${String(r.passed).padStart(3)} passed, ${r.failed} failed  (${r.secs} s)`);
  for (const p of r.problems) console.log(`         ✗ ${p.split('\n')[0]}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + (results.length ? 0 : 1);
log(`total ${secs(started)} s`);
console.log(`extension: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function fail(message) {
  console.error(`[test-extension] ${message}`);
  console.log('extension: 0 passed, 1 failed');
  process.exit(1);
}
