// Starts throwaway code-server instances and a headless Debian Chromium for them.
//   startCodeServer({ workspace, extensionsDir?, userSettings?, locale?, env?, smokeTestDriver?, workspaceTrust?, onLog? })
//     -> { port, url, runDir, extensionsDir, logFile, workspace, exited, stop() }
//   installExtension(vsix, extensionsDir) -> code-server's CLI output
//   workspaceUrl(server, { payload? }) -> URL that opens the server's workspace
//   remoteUri(server, absPath) -> vscode-remote:// URI of a local path
//   launchChromium({ locale?, viewport? }) -> playwright BrowserContext (close() cleans up)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureHost, CHROMIUM } from './setup.mjs';

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
};

// Variables that would make code-server act differently: PORT overrides --bind-addr,
// VSCODE_IPC_HOOK_CLI (set in a VS Code terminal) turns it into a client of that window.
const DROP_ENV = /^(PORT|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN|CODE_SERVER_.*|CS_.*|VSCODE_.*|ELECTRON_RUN_AS_NODE)$/;

// Process groups and temp folders still in use: cleaned up if this process exits or is
// interrupted (code-server runs in its own group, so Ctrl+C would not reach it).
const liveGroups = new Set();
const liveDirs = new Set();
function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch {} // ESRCH: already gone
}
function cleanupNow() {
  liveGroups.forEach((pid) => killGroup(pid, 'SIGKILL'));
  liveDirs.forEach((d) => { try { fs.rmSync(d, { recursive: true, force: true }); } catch {} });
}
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.once('exit', cleanupNow);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      cleanupNow();
      process.kill(process.pid, sig); // re-raise with the default handler
    });
  }
}

// VS Code resolves a non-English display language only through a language pack listed in
// <user-data-dir>/languagepacks.json; otherwise the workbench, and so the extension host's
// vscode.env.language, fall back to 'en'. code-server ships no VS Code translations, the
// real packs (e.g. MS-CEINTL.vscode-language-pack-zh-hans) are not obtainable offline, and
// `code-server --install-extension` does not update that file. So: list a pack installed in
// extensionsDir when there is one, else a stub pack with no translations (English UI, but
// vscode.env.language, package.nls.<locale>.json and vscode.l10n bundles follow the locale).
function registerLanguagePack({ locale, userDataDir, extensionsDir, runDir }) {
  const id = locale.toLowerCase();
  let entry;
  for (const dir of fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir) : []) {
    let manifest;
    try { manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, dir, 'package.json'), 'utf8')); } catch { continue; }
    const loc = manifest.contributes?.localizations?.find((l) => l.languageId.toLowerCase() === id);
    if (!loc) continue;
    entry = {
      hash: `${manifest.publisher}.${manifest.name}@${manifest.version}`,
      extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
      translations: Object.fromEntries(loc.translations.map((t) => [t.id, path.join(extensionsDir, dir, t.path)])),
      label: loc.localizedLanguageName ?? loc.languageName ?? id,
    };
  }
  if (!entry) {
    const file = path.join(runDir, `stub-language-pack.${id}.json`);
    fs.writeFileSync(file, JSON.stringify({ version: '1.0.0', contents: {} }));
    entry = { hash: 'stub', extensions: [{ extensionIdentifier: { id: `peakend-test.stub-language-pack-${id}` }, version: '0.0.0' }], translations: { vscode: file }, label: `${id} (stub)` };
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [id]: entry }, null, 2));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server on a free 127.0.0.1 port, in its own process group, with all its
 * state (config, user data, extensions, XDG dirs) in a fresh temp folder.
 * @param {object} o
 * @param {string} o.workspace folder to open
 * @param {string} [o.extensionsDir] defaults to an empty folder in the run dir
 * @param {object} [o.userSettings] merged over the quiet defaults
 * @param {string} [o.locale] display language, e.g. 'zh-cn': --locale plus a language pack
 *   (see registerLanguagePack: without one VS Code reports 'en')
 * @param {Record<string,string>} [o.env] extra environment (the extension host inherits it)
 * @param {boolean} [o.smokeTestDriver] default true: needed to run extension test modules;
 *   false for click-through tests (with it on, VS Code shows no notification toasts)
 * @param {boolean} [o.workspaceTrust] default false (--disable-workspace-trust: every folder is
 *   trusted). true leaves workspace trust on, so that with the user setting
 *   'security.workspace.trust.enabled': true a fresh folder opens in Restricted Mode.
 * @param {(line: string) => void} [o.onLog] receives code-server's output lines
 */
export async function startCodeServer({ workspace, extensionsDir, userSettings = {}, locale, env = {}, smokeTestDriver = true, workspaceTrust = false, onLog } = {}) {
  if (!workspace) throw new Error('startCodeServer: workspace is required');
  const host = ensureHost({ devDependencies: false });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-vscode-'));
  liveDirs.add(runDir);
  installExitHooks();
  const dirs = Object.fromEntries(['ud', 'ext', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-runtime'].map((d) => [d, path.join(runDir, d)]));
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true, mode: 0o700 }));
  extensionsDir = path.resolve(extensionsDir ?? dirs.ext);
  fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.ud, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...userSettings }, null, 2));
  if (locale && !locale.toLowerCase().startsWith('en')) registerLanguagePack({ locale, userDataDir: dirs.ud, extensionsDir, runDir });
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');

  const port = await freePort();
  const args = [
    host.codeServerEntry,
    '--config', config,
    '--user-data-dir', dirs.ud,
    '--extensions-dir', extensionsDir,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    // Without it the workbench ignores the extensionTestsPath payload and tests never start.
    // But it also stops notification toasts from showing: click-through tests turn it off.
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(locale ? ['--locale', locale] : []),
    path.resolve(workspace),
  ];
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROP_ENV.test(k)));
  Object.assign(childEnv, {
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    XDG_RUNTIME_DIR: dirs['xdg-runtime'],
    ...env,
  });
  const logFile = path.join(runDir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  // detached: own process group, so stop() also reaches the file watcher and extension
  // host children (the watcher can outlive code-server otherwise).
  const child = spawn(host.node24, args, { env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  liveGroups.add(child.pid);
  let exited = null;
  const exitPromise = new Promise((r) => child.once('exit', (code, signal) => { exited = { code, signal }; r(); }));
  for (const s of [child.stdout, child.stderr]) {
    s.pipe(logStream, { end: false });
    if (onLog) {
      let buf = '';
      s.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop();
        lines.forEach((l) => onLog(l));
      });
    }
  }

  let stopped = false;
  const stop = async ({ keepRunDir = false } = {}) => {
    if (!stopped) {
      stopped = true;
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exitPromise, sleep(5000)]);
      await sleep(200); // let children react to SIGTERM, then make sure
      killGroup(child.pid, 'SIGKILL');
      liveGroups.delete(child.pid);
      logStream.end();
    }
    liveDirs.delete(runDir);
    if (!keepRunDir) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  };

  // Ready when /healthz answers 200 (about 1 s).
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      await stop({ keepRunDir: true });
      throw new Error(`code-server exited early (${exited.code ?? exited.signal}); log ${logFile}:\n${tail}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop({ keepRunDir: true });
      throw new Error(`code-server did not answer ${url}/healthz within 60 s; log ${logFile}`);
    }
    await sleep(200);
  }
  // exited: resolves with { code, signal } if code-server dies (e.g. crashes mid-test).
  return { port, url, runDir, extensionsDir, logFile, workspace: path.resolve(workspace), exited: exitPromise.then(() => exited), stop };
}

/**
 * Installs a .vsix into extensionsDir with code-server's CLI (about 1 s); its other state
 * goes to a temp folder that is removed afterwards.
 */
export function installExtension(vsix, extensionsDir) {
  const host = ensureHost({ devDependencies: false });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-vscode-install-'));
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROP_ENV.test(k)));
    Object.assign(env, { XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CACHE_HOME: tmp });
    const r = spawnSync(host.node24, [host.codeServerEntry, '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.resolve(extensionsDir), '--install-extension', path.resolve(vsix), '--force'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    return r.stdout.trim();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The URL that opens the server's workspace; `payload` is VS Code's list of
 * [key, value] pairs (extensionDevelopmentPath, extensionTestsPath, …).
 */
export function workspaceUrl(server, { payload } = {}) {
  const q = new URLSearchParams({ folder: server.workspace });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q}`;
}

/** A local path as the workbench's remote file URI (vscode-remote://127.0.0.1:<port>/abs/path). */
export function remoteUri(server, absPath) {
  const encoded = path.resolve(absPath).split('/').map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${server.port}${encoded}`;
}

/**
 * Launches Debian Chromium headless through playwright-core with a fresh profile.
 * Returns a BrowserContext; closing it also deletes the profile.
 * @param {{ locale?: string, viewport?: {width:number,height:number} }} [o]
 *   locale sets navigator.language and Accept-Language, e.g. 'zh-CN'. It does not change
 *   VS Code's display language: code-server ignores Accept-Language; use startCodeServer's locale.
 */
export async function launchChromium({ locale, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core').catch((e) => {
    throw new Error(`playwright-core is not installed (run: node scripts/vscode-host/setup.mjs): ${e.message}`);
  });
  // playwright refuses --user-data-dir in args; a persistent context takes it instead.
  // XDG dirs too, or Chromium writes crash-report and dconf folders into $HOME.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-chromium-'));
  liveDirs.add(tmp);
  installExitHooks();
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true, // playwright adds --headless
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
    viewport,
    locale,
  });
  // Delete the temp folder only once Chromium has exited (the 'close' event comes too early).
  const close = context.close.bind(context);
  context.close = async (...a) => {
    await close(...a);
    liveDirs.delete(tmp);
    try { fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }); } catch {}
  };
  return context;
}
