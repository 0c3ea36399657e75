#!/usr/bin/env node
// Self-test of the VS Code host harness:
//   node scripts/vscode-host/selftest/run.mjs [--quick] [--locale zh-cn]
//  1. runs the tiny extension's mocha test module in code-server's extension host (must pass);
//  2. runs it again with a wrong expected workspace path (must fail: proves failures propagate;
//     skipped with --quick);
//  3. packages the extension with vsce, installs the .vsix into code-server, opens the
//     workbench in Chromium, runs its command from the command palette and saves
//     test-output/selftest-workbench.png.
// Exits 0 only if all steps behave.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureHost, REPO_ROOT } from '../setup.mjs';
import { startCodeServer, launchChromium, installExtension, workspaceUrl } from '../launch.mjs';
import { runExtensionTests } from '../run-extension-tests.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXTENSION = path.join(HERE, 'extension');
const TESTS = path.join(EXTENSION, 'test/index.js');
const OUT_DIR = path.join(REPO_ROOT, 'test-output');
const { values: opts } = parseArgs({ options: { quick: { type: 'boolean', default: false }, locale: { type: 'string' } } });

const log = (m) => console.log(`[selftest] ${m}`);
const results = [];
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push(true);
    log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push(false);
    log(`FAIL ${name}: ${e.message}`);
  }
}

// A fresh copy of the fixture, so runs never write into the repo.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-selftest-'));
const workspace = path.join(tmp, 'work space'); // a space, to exercise URL encoding
fs.cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });
const host = ensureHost({ vsce: true });

await step('extension tests pass in the extension host', async () => {
  const env = { PEAKEND_SELFTEST_WORKSPACE: workspace, PEAKEND_SELFTEST_EXPECT_LANGUAGE: opts.locale?.toLowerCase() ?? 'en' };
  const code = await runExtensionTests({ extension: EXTENSION, tests: TESTS, workspace, locale: opts.locale, timeout: 180, env });
  if (code !== 0) throw new Error(`exit code ${code}, expected 0`);
});

if (!opts.quick) {
  await step('a failing assertion fails the run', async () => {
    const code = await runExtensionTests({ extension: EXTENSION, tests: TESTS, workspace, timeout: 180, env: { PEAKEND_SELFTEST_WORKSPACE: '/not/the/workspace' }, out: () => {} });
    if (code === 0) throw new Error('exit code 0, expected non-zero');
    log(`     (exit code ${code}, as expected)`);
  });
}

await step('click-through: .vsix installed into code-server, command run from the palette, screenshot', async () => {
  // vsce needs Node >= 22: run it on the host's Node 24.
  const vsix = path.join(tmp, 'selftest.vsix');
  const pack = spawnSync(host.node24, [host.vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: EXTENSION, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`vsce package failed:\n${pack.stdout}${pack.stderr}`);
  const extensionsDir = path.join(tmp, 'extensions');
  log(`     ${installExtension(vsix, extensionsDir).split('\n').pop()}`);

  // smokeTestDriver off: it would hide the notification toast this step looks for.
  const server = await startCodeServer({ workspace, extensionsDir, locale: opts.locale, smokeTestDriver: false });
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  fs.mkdirSync(OUT_DIR, { recursive: true });
  try {
    await page.goto(workspaceUrl(server));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hello.txt' }).waitFor({ timeout: 30_000 });
    // Run the installed extension's command from the command palette (F1). The palette lists
    // only commands known when it opens, and extensions register theirs a few seconds after
    // the workbench shows: reopen it until the command is there.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /Say Hello|打招呼/ }); // title from package.nls.*.json
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>Peakend');
      try {
        await row.first().waitFor({ timeout: 2_000 });
        break;
      } catch (e) {
        if (attempt === 15) throw e;
        await page.keyboard.press('Escape');
      }
    }
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: /says hello|问好/ });
    await toast.waitFor({ timeout: 30_000 });
    log(`     notification: ${await toast.innerText()}`);
    await page.screenshot({ path: path.join(OUT_DIR, 'selftest-workbench.png') });
    log(`     screenshot: ${path.relative(REPO_ROOT, path.join(OUT_DIR, 'selftest-workbench.png'))}`);
  } catch (e) {
    await page.screenshot({ path: path.join(OUT_DIR, 'selftest-failure.png') }).catch(() => {});
    throw new Error(`${e.message}\n(screenshot: test-output/selftest-failure.png)`);
  } finally {
    await context.close();
    await server.stop();
  }
});

fs.rmSync(tmp, { recursive: true, force: true });
const passed = results.filter(Boolean).length;
console.log(`selftest: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
