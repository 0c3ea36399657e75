#!/usr/bin/env node
// The whole test suite from a fresh clone: installs what it needs (npm packages, Debian packages,
// the pinned VS Code host), then type-checks, builds and runs every test. Ends with one plain line
// "N passed, N failed" that counts all of them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const results = [];

function step(title) {
  console.log(`\n=== ${title}`);
}

function run(cmd, args, { optional = false } = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0 && !optional) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    finish(1);
  }
  return r.status ?? 1;
}

/** Runs a test command, echoing its output, and reads its "<name>: N passed, N failed" line. */
function runCounted(name, cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.on('close', (code) => {
      const m = [...out.matchAll(/^\w[\w-]*: (\d+) passed, (\d+) failed/gm)].pop();
      const passed = m ? Number(m[1]) : 0;
      let failed = m ? Number(m[2]) : 0;
      // A run that exits non-zero with no failure counted, or prints no count, failed somewhere: count it once.
      if (failed === 0 && (code !== 0 || !m)) failed = 1;
      results.push({ name, passed, failed });
      resolve(code);
    });
  });
}

function finish(code) {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log('');
  for (const r of results) console.log(`  ${r.name.padEnd(14)} ${r.passed} passed, ${r.failed} failed`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code || (failed > 0 || results.length === 0 ? 1 : 0));
}

step('npm packages');
if (!existsSync('node_modules/.package-lock.json') || spawnSync('npm', ['ls', '--depth=0'], { stdio: 'ignore' }).status !== 0) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
} else {
  console.log('up to date');
}

step('VS Code host (Debian packages, Node 24, code-server; reused when present)');
run(process.execPath, ['scripts/vscode-host/setup.mjs', '--vsce']);

step('type check');
run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

step('build');
run(process.execPath, ['scripts/build.mjs']);

step('unit and CLI tests (vitest)');
mkdirSync('test-output', { recursive: true });
const vitestCode = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-output/vitest.json'], { stdio: 'inherit' }).status;
try {
  const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'));
  // A failing file (e.g. an import error) fails no test but makes vitest exit non-zero: count it once.
  const failed = report.numFailedTests || (vitestCode !== 0 ? 1 : 0);
  results.push({ name: 'vitest', passed: report.numPassedTests, failed });
} catch {
  results.push({ name: 'vitest', passed: 0, failed: 1 });
}

step('Mermaid 12 parses every generated diagram (on Node 24)');
await runCounted('mermaid-v12', process.execPath, ['scripts/test-mermaid-v12.mjs']);

step('documentation examples (each run through the CLI)');
await runCounted('docs', process.execPath, ['docs/tools/verify-examples.mjs']);

step('extension in a real VS Code host (code-server)');
await runCounted('extension', process.execPath, ['scripts/test-extension.mjs']);

step('click-through with the packaged .vsix (code-server + Chromium)');
await runCounted('click-through', process.execPath, ['scripts/test-clickthrough.mjs']);

finish(0);
