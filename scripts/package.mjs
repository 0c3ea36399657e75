#!/usr/bin/env node
// Packages the VS Code extension: `npm run package` (node scripts/package.mjs [--if-stale]).
//  1. copies the repository (without node_modules, .git, .vscode-host, dist and other generated
//     folders) into a temporary staging folder, so neither the build nor vsce touches the working
//     tree (other people may be running tests against dist/ at the same time) and vsce does not
//     crawl .vscode-host/ (tens of thousands of files);
//  2. builds there with `scripts/build.mjs --production` (minified, no source maps);
//  3. runs `vsce package --no-dependencies` on the host's Node 24 (vsce needs Node >= 22),
//     with .vscodeignore (a whitelist) choosing the files;
//  4. checks the result holds exactly what the installed extension uses and moves it to
//     peakend-<version>.vsix at the repository root (git-ignored).
// --if-stale: reuse the existing .vsix when it is newer than every input.
// --render-icon: re-render media/icon.png (128×128) from media/icon.svg with Chromium, then exit.
// Other scripts: import { packageExtension, vsixPath, listZip } from './package.mjs'.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureHost, REPO_ROOT } from './vscode-host/setup.mjs';

const log = (m) => console.log(`[package] ${m}`);

/** Top-level entries never copied into the staging folder (generated, huge, or private). */
const NOT_STAGED = new Set(['node_modules', '.git', '.vscode-host', 'dist', 'test-output', 'scratch', '.vscode-test']);

/** Everything that goes into the .vsix (paths inside the zip). vsce renames README.md and LICENSE. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/dist\/extension\.cjs$/,
  /^extension\/dist\/webview\/(preview\.js|preview\.css|report\.js|report\.css|mermaid\.min\.js)$/,
  // The Mermaid modules the preview imports (scripts/preview-page.mjs builds only what the page loads).
  /^extension\/dist\/webview\/chunks\/[\w.-]+\.js$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[\w-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^extension\/schemas\/[\w-]+\.schema\.json$/,
  /^extension\/templates\/[\w-]+\.yaml$/,
  /^extension\/docs\/rules\/[\w-]+\.md$/,
  /^extension\/media\/icon\.png$/,
  /^extension\/media\/walkthrough\/[\w.-]+\.md$/,
  /^extension\/readme\.md$/i,
  /^extension\/license\.txt$/i,
];
const REQUIRED = ['extension/dist/extension.cjs', 'extension/dist/webview/preview.js', 'extension/dist/webview/preview.css', 'extension/dist/webview/report.js', 'extension/dist/webview/report.css', 'extension/dist/webview/mermaid.min.js', 'extension/package.json', 'extension/package.nls.json', 'extension/LICENSE.txt'];
/** Mermaid's core and the two charts' chunks, which the preview imports. */
const REQUIRED_CHUNKS = [/^extension\/dist\/webview\/chunks\/mermaid\.core-\w+\.js$/, /^extension\/dist\/webview\/chunks\/xychartDiagram-[\w-]+\.js$/, /^extension\/dist\/webview\/chunks\/quadrantDiagram-[\w-]+\.js$/];
/** Inputs of the .vsix, for --if-stale. */
const INPUTS = ['src', 'l10n', 'schemas', 'templates', 'docs/rules', 'media', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'LICENSE', '.vscodeignore', 'scripts/build.mjs', 'scripts/package.mjs'];
export const MAX_VSIX_BYTES = 6 * 1024 * 1024;

function manifest() {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

/** Where the .vsix goes: peakend-<version>.vsix at the repository root. */
export function vsixPath() {
  const { name, version } = manifest();
  return path.join(REPO_ROOT, `${name}-${version}.vsix`);
}

function newestMtime(p) {
  let st;
  try { st = fs.statSync(p); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** Whether the .vsix exists and is newer than every input. */
export function vsixIsFresh(vsix = vsixPath()) {
  const st = fs.statSync(vsix, { throwIfNoEntry: false });
  if (!st) return false;
  return INPUTS.every((p) => newestMtime(path.join(REPO_ROOT, p)) < st.mtimeMs);
}

/** The entries of a zip file (from its central directory): { name, size, compressedSize }. */
export function listZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressedSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Problems with the .vsix contents (empty when it holds exactly what runs). */
export function checkContents(entries, bytes) {
  const names = entries.map((e) => e.name);
  const problems = [];
  for (const n of names) if (!ALLOWED.some((re) => re.test(n))) problems.push(`unexpected file in the .vsix: ${n}`);
  for (const r of REQUIRED) if (!names.some((n) => n.toLowerCase() === r.toLowerCase())) problems.push(`missing from the .vsix: ${r}`);
  if (!names.some((n) => /^extension\/docs\/rules\/[\w-]+\.md$/.test(n))) problems.push('missing from the .vsix: docs/rules/*.md');
  for (const re of REQUIRED_CHUNKS) if (!names.some((n) => re.test(n))) problems.push(`missing from the .vsix: ${re.source.replace(/\\/g, '')}`);
  if (bytes > MAX_VSIX_BYTES) problems.push(`.vsix is ${bytes} bytes, over the ${MAX_VSIX_BYTES} byte budget`);
  return problems;
}

/** The repository's web address from package.json (`repository`), without a trailing ".git". */
function repositoryBase() {
  const r = manifest().repository;
  const url = typeof r === 'string' ? r : r?.url;
  if (!url || /^https:\/\/(github|gitlab)\.com\//.test(url)) return undefined; // vsce knows these
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

/**
 * Builds and packages the extension; returns { vsix, bytes, entries, reused, warnings }.
 * @param {{ ifStale?: boolean, quiet?: boolean }} [o] ifStale: reuse a .vsix newer than every input
 */
export function packageExtension({ ifStale = false, quiet = false } = {}) {
  const say = quiet ? () => {} : log;
  const vsix = vsixPath();
  if (ifStale && vsixIsFresh(vsix)) {
    const entries = listZip(vsix);
    say(`reusing ${path.basename(vsix)} (newer than its inputs)`);
    return { vsix, bytes: fs.statSync(vsix).size, entries, reused: true, warnings: [] };
  }
  const host = ensureHost({ vsce: true, devDependencies: false });
  const t0 = Date.now();
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-package-'));
  try {
    for (const e of fs.readdirSync(REPO_ROOT)) {
      if (NOT_STAGED.has(e) || e.endsWith('.vsix')) continue;
      fs.cpSync(path.join(REPO_ROOT, e), path.join(stage, e), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}node_modules${path.sep}`) && !src.endsWith(`${path.sep}.workspace`),
      });
    }
    // The build resolves yaml, ajv and picomatch from here; vsce must not see it (--no-dependencies).
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    run(process.execPath, [path.join(REPO_ROOT, 'scripts/build.mjs'), '--production'], { cwd: stage });
    fs.rmSync(path.join(stage, 'node_modules'));
    say(`built with --production (${Date.now() - t0} ms)`);

    const out = path.join(stage, 'out.vsix');
    // README.md links to files of the repository (docs/formats.md, ARCHITECTURE.md): vsce rewrites
    // relative links against a base URL, which it guesses only for github.com and gitlab.com.
    const base = repositoryBase();
    // stdin closed: a vsce question ("LICENSE not found. Continue? [y/N]") fails instead of hanging.
    const output = run(host.node24, [host.vsce, 'package', '--no-dependencies', '--out', out, ...(base ? ['--baseContentUrl', `${base}/blob/HEAD`, '--baseImagesUrl', `${base}/raw/HEAD`] : [])], {
      cwd: stage,
      env: { ...process.env, PATH: `${path.dirname(host.node24)}:${process.env.PATH}` },
    });
    const warnings = output.split('\n').filter((l) => /WARNING|warn/i.test(l)).map((l) => l.trim());
    const entries = listZip(out);
    const bytes = fs.statSync(out).size;
    const problems = checkContents(entries, bytes);
    if (problems.length) throw new Error(`the .vsix is wrong:\n  ${problems.join('\n  ')}`);
    // Copy next to the target, then rename: readers never see a half-written .vsix.
    const tmp = vsix.replace(/\.vsix$/, `.${process.pid}.tmp.vsix`); // *.vsix: git-ignored, never staged
    fs.copyFileSync(out, tmp);
    fs.renameSync(tmp, vsix);
    for (const w of warnings) say(`vsce: ${w}`);
    say(`${path.relative(process.cwd(), vsix) || vsix}: ${entries.length} files, ${(bytes / 1024).toFixed(1)} KB (${Date.now() - t0} ms)`);
    return { vsix, bytes, entries, reused: false, warnings };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Renders media/icon.svg to media/icon.png (128×128, transparent corners) in headless Chromium. */
export async function renderIcon() {
  const { launchChromium } = await import('./vscode-host/launch.mjs');
  const svg = fs.readFileSync(path.join(REPO_ROOT, 'media/icon.svg'), 'utf8');
  const context = await launchChromium({ viewport: { width: 128, height: 128 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(REPO_ROOT, 'media/icon.png'), omitBackground: true });
  } finally {
    await context.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean', default: false }, 'render-icon': { type: 'boolean', default: false } } });
  if (values['render-icon']) {
    await renderIcon();
    log('rendered media/icon.png from media/icon.svg');
    process.exit(0);
  }
  try {
    const r = packageExtension({ ifStale: values['if-stale'] });
    const w = Math.max(...r.entries.map((e) => String(e.size).length));
    for (const e of r.entries) console.log(`  ${String(e.size).padStart(w)}  ${e.name}`);
    console.log(`  ${r.entries.reduce((n, e) => n + e.size, 0)} bytes uncompressed in ${r.entries.length} files; .vsix ${r.bytes} bytes`);
  } catch (e) {
    console.error(`[package] FAILED: ${e.message}`);
    process.exit(1);
  }
}
