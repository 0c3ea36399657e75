#!/usr/bin/env node
// Click-through tests of the packaged extension, as a user sees it:
//   node scripts/test-clickthrough.mjs [--verbose] [--session <text>]
// Packages the .vsix (or reuses one newer than its inputs), installs it into code-server, opens a
// temporary copy of examples/property-management in the workbench (notification toasts on: no
// smoke-test driver) and drives Debian Chromium through playwright-core. The tests are in
// test/extension/clickthrough/tests.mjs. Screenshots: test-output/clickthrough/*.png (FAIL-*.png
// for failures). Ends with "clickthrough: N passed, N failed"; exits 1 on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './vscode-host/setup.mjs';
import { startCodeServer, installExtension, workspaceUrl, launchChromium } from './vscode-host/launch.mjs';
import { packageExtension } from './package.mjs';
import { SESSIONS, EXAMPLE } from '../test/extension/clickthrough/tests.mjs';
import { openWorkbench } from '../test/extension/clickthrough/workbench.mjs';

const { values: opts } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, session: { type: 'string' } } });
const OUT_DIR = path.join(REPO_ROOT, 'test-output/clickthrough');
const TIME_LIMIT_S = 480;
const log = (m) => console.log(`[clickthrough] ${m}`);
const secs = (t0) => ((Date.now() - t0) / 1000).toFixed(1);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

let passed = 0;
let failed = 0;
// --session <text>: only the sessions whose name contains it.
const sessions = SESSIONS.filter((s) => !opts.session || s.name.includes(opts.session));
const total = sessions.reduce((n, s) => n + s.tests.length, 0);
function finish() {
  console.log(`clickthrough: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed === total ? 0 : 1);
}
const watchdog = setTimeout(() => {
  log(`TIMEOUT: not done within ${TIME_LIMIT_S} s`);
  failed += total - passed - failed;
  finish(); // the exit hooks of launch.mjs stop code-server and Chromium
}, TIME_LIMIT_S * 1000);
watchdog.unref();

const t0 = Date.now();
if (!opts.session) fs.rmSync(OUT_DIR, { recursive: true, force: true });
fs.mkdirSync(OUT_DIR, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-clickthrough-'));
let extensionsDir;
try {
  const pkg = packageExtension({ ifStale: true, quiet: true });
  extensionsDir = path.join(tmp, 'extensions');
  installExtension(pkg.vsix, extensionsDir);
  log(`${pkg.reused ? 'reused' : 'packaged'} ${path.basename(pkg.vsix)} (${(pkg.bytes / 1024).toFixed(0)} KB), installed into code-server (${secs(t0)} s)`);
} catch (e) {
  log(`FAIL packaging or installing the .vsix: ${e.message}`);
  failed = total;
  finish();
}

const info = {};
for (const [i, session] of sessions.entries()) {
  const workspace = path.join(tmp, `session-${i}`, path.basename(EXAMPLE));
  fs.cpSync(path.join(REPO_ROOT, EXAMPLE), workspace, { recursive: true });
  log(`session: ${session.name}`);
  let server;
  let context;
  let keepRunDir = false;
  let ran = 0;
  try {
    server = await startCodeServer({
      workspace,
      extensionsDir,
      smokeTestDriver: false, // notification toasts must show
      userSettings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', ...session.userSettings },
      onLog: opts.verbose ? (l) => console.log(`[code-server] ${l}`) : undefined,
    });
    context = await launchChromium({ viewport: { width: 1400, height: 1400 } });
    const page = context.pages()[0] ?? (await context.newPage());
    if (opts.verbose) page.on('console', (m) => console.log(`[browser] ${m.text()}`));
    // The webviews' consoles reach the page's: a style or script their policy refused fails the test it came in.
    const refused = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) refused.push(m.text().slice(0, 300));
    });
    page.on('pageerror', (e) => log(`[pageerror] ${e.message}`));
    const tOpen = Date.now();
    try {
      await openWorkbench(page, workspaceUrl(server));
      log(`     workbench up, Peakend status bar item shown (${secs(tOpen)} s)`);
    } catch (e) {
      await page.screenshot({ path: path.join(OUT_DIR, `FAIL-session-${i}-open.png`) }).catch(() => {});
      throw e;
    }
    const shot = (name) => page.screenshot({ path: path.join(OUT_DIR, `${name}.png`) });
    for (const test of session.tests) {
      const t = Date.now();
      ran++;
      try {
        const before = refused.length;
        const detail = await test.run({ page, shot, workspace, info });
        if (refused.length > before) throw new Error(`${refused.length - before} Content-Security-Policy violations in the console, the first: ${refused[before]}`);
        passed++;
        log(`ok   ${test.name} (${secs(t)} s)${detail ? `\n       ${detail}` : ''}`);
      } catch (e) {
        failed++;
        keepRunDir = true;
        const png = `FAIL-${slug(test.name)}.png`;
        await page.screenshot({ path: path.join(OUT_DIR, png) }).catch(() => {});
        log(`FAIL ${test.name} (${secs(t)} s): ${e.message.split('\n').join('\n       ')}\n       screenshot: test-output/clickthrough/${png}`);
        await page.keyboard.press('Escape').catch(() => {}); // close whatever quick input was left open
      }
    }
  } catch (e) {
    keepRunDir = true;
    log(`FAIL session "${session.name}": ${e.message} (${session.tests.length - ran} tests not run)`);
    failed += session.tests.length - ran;
  } finally {
    await context?.close().catch(() => {});
    if (server) {
      if (keepRunDir) log(`     code-server log kept: ${server.logFile}`);
      await server.stop({ keepRunDir });
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
log(`screenshots: ${path.relative(REPO_ROOT, OUT_DIR)}/ (${fs.readdirSync(OUT_DIR).length} files); total ${secs(t0)} s`);
finish();
