#!/usr/bin/env node
// Runs a VS Code extension test module (exports run(): Promise<void>, e.g. with mocha)
// inside code-server's real Node extension host, driven by headless Chromium.
//
//   node scripts/vscode-host/run-extension-tests.mjs --extension <dir> --tests <test module>
//        --workspace <dir> [--locale zh-cn] [--extensions-dir <dir>] [--timeout 300] [--verbose]
//
// Exit code: the test module's (0 = all passed); 124 on timeout; 1 on harness errors.
// The same module also runs under @vscode/test-electron on a machine with internet.
import path from 'node:path';
import util, { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startCodeServer, launchChromium, workspaceUrl, remoteUri } from './launch.mjs';

// Harmless offline noise (gallery look-ups, missing vsda, iframe sandbox warnings); shown with --verbose.
const NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|same-origin iframe|allow-scripts and allow-same-origin|\bvsda\b|authentication provider 'github'/;

// The workbench logs (its own and the extension host's, e.g. mocha's reporter) arrive as
// console.log('%c INFO', 'color: …', format, ...args): keep the level, apply the format.
function formatConsole(m) {
  // Playwright previews primitive arguments as 'JSHandle@<value>'.
  const args = m.args().map((a) => String(a).replace(/^JSHandle@/, ''));
  if (args.length >= 3 && /^%c\s*\w+$/.test(args[0])) return `[${args[0].slice(2).trim().toLowerCase()}] ${util.format(...args.slice(2))}`;
  return `[${m.type()}] ${m.text()}`;
}

/**
 * @param {object} o
 * @param {string} o.extension extension folder (extensionDevelopmentPath)
 * @param {string} o.tests test module path (extensionTestsPath), compiled JS
 * @param {string} o.workspace folder to open
 * @param {string} [o.locale] display language, e.g. 'zh-cn' (see startCodeServer)
 * @param {number} [o.timeout] seconds, default 300
 * @param {string} [o.extensionsDir] installed extensions to load besides the one under test
 * @param {object} [o.userSettings] merged over the quiet defaults
 * @param {Record<string,string>} [o.env] extra environment for code-server and the extension host
 * @param {boolean} [o.workspaceTrust] keep workspace trust on (see startCodeServer), for Restricted Mode tests
 * @param {boolean} [o.verbose] also print code-server's own log
 * @param {(line: string) => void} [o.out] where output goes, default console.log
 * @returns {Promise<number>} exit code
 */
export async function runExtensionTests({ extension, tests, workspace, locale, timeout = 300, extensionsDir, userSettings, env, workspaceTrust, verbose = false, out = console.log }) {
  for (const [k, v] of Object.entries({ extension, tests, workspace })) if (!v) throw new Error(`runExtensionTests: --${k} is required`);
  const t0 = Date.now();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  const server = await startCodeServer({ workspace, locale, extensionsDir, userSettings, env, workspaceTrust, onLog: verbose ? (l) => out(`[code-server] ${l}`) : undefined });
  let context;
  let timer;
  let keepRunDir = false;
  try {
    context = await launchChromium();
    const page = context.pages()[0] ?? (await context.newPage());
    // The smoke-test driver calls window.codeAutomationExit(code) when run() settles.
    let finish;
    const done = new Promise((resolve) => { finish = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
    page.on('console', (m) => {
      const line = formatConsole(m);
      if (verbose || !NOISE.test(line)) out(line);
    });
    page.on('pageerror', (e) => out(`[pageerror] ${e.message}`));
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve({ timeout: true }), timeout * 1000); });
    const crashed = server.exited.then((e) => ({ crashed: e }));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, extension)],
      ['extensionTestsPath', remoteUri(server, tests)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workspaceUrl(server, { payload }));
    const r = await Promise.race([done, timedOut, crashed]);
    if (r.timeout) {
      keepRunDir = true;
      out(`[vscode-host] TIMEOUT: extension tests did not finish within ${timeout} s; killing code-server and Chromium (kept: ${server.logFile}, extension host logs under ${server.runDir}/ud/logs)`);
      return 124;
    }
    if (r.crashed) {
      keepRunDir = true;
      out(`[vscode-host] code-server exited during the tests (${r.crashed.code ?? r.crashed.signal}); kept its log: ${server.logFile}`);
      return 1;
    }
    out(`[vscode-host] extension tests ${r.code === 0 ? 'passed' : 'FAILED'} (exit ${r.code}) in ${secs()} s`);
    return r.code;
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => {});
    await server.stop({ keepRunDir });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      locale: { type: 'string' },
      'extensions-dir': { type: 'string' },
      timeout: { type: 'string', default: '300' },
      verbose: { type: 'boolean', default: false },
    },
  });
  runExtensionTests({
    extension: values.extension && path.resolve(values.extension),
    tests: values.tests && path.resolve(values.tests),
    workspace: values.workspace && path.resolve(values.workspace),
    locale: values.locale,
    extensionsDir: values['extensions-dir'] && path.resolve(values['extensions-dir']),
    timeout: Number(values.timeout),
    verbose: values.verbose,
  }).then(
    (code) => process.exit(code),
    (e) => { console.error(`[vscode-host] ${e.stack ?? e}`); process.exit(1); },
  );
}
