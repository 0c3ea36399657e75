// Bundles the CLI (dist/cli-main.js, started by dist/cli.js with V8's code cache of it, and its worker threads dist/analysisWorker.js and
// dist/checklistWorker.js), the GitHub Action's comment step
// (dist/action.js) and the VS Code extension (dist/extension.cjs; `vscode` is provided by the host), each one CommonJS file, and the webviews' pages: the preview's script (dist/webview/preview.js, an ES
// module) with the Mermaid modules it imports (dist/webview/chunks/, see scripts/preview-page.mjs) and its stylesheet; the report panels'
// script (dist/webview/report.js) and stylesheet; and Mermaid as one classic script with the same diagrams (dist/webview/mermaid.min.js),
// which the report panels load and the HTML export inlines. Webviews load all of it from the extension (no network).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildMermaidScript, buildPreviewPage } from './preview-page.mjs';
import { precompiledValidators, standaloneValidatorsCode } from './validators.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  // The schema validators compiled at build time, not in each run.
  plugins: [precompiledValidators(await standaloneValidatorsCode())],
  platform: 'node',
  target: 'node20',
  define: { PEAKEND_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  legalComments: 'none',
  // yaml's ESM build: its CommonJS build makes every isMap/isScalar call go through an interop getter.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// Node's files in dist/ are CommonJS (dist/package.json says so): Node loads one in about two thirds
// of the time its loader takes for the same ES module, which every run of `peakend` pays.
const commonJs = {
  ...common,
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: "'use strict'; const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

mkdirSync('dist/webview', { recursive: true });
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
copyFileSync('src/extension/preview/webview/preview.css', 'dist/webview/preview.css');
copyFileSync('src/extension/reports/webview/report.css', 'dist/webview/report.css');
// The page first: the extension names the modules each kind of chart loads, to preload them.
const page = await buildPreviewPage({ outdir: 'dist/webview', minify: production });
// Always minified: the HTML export inlines it.
await buildMermaidScript({ outfile: 'dist/webview/mermaid.min.js', minify: true });

await Promise.all([
  build({
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    entryPoints: ['src/extension/reports/webview/main.ts'],
    outfile: 'dist/webview/report.js',
    logLevel: 'warning',
    legalComments: 'none',
    minify: production,
  }),
  build({
    ...commonJs,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli-main.js',
    sourcemap: 'linked',
  }),
  build({
    ...commonJs,
    // The entry point: runs dist/cli-main.js with its code cache (below).
    entryPoints: ['src/cli/start.ts'],
    outfile: 'dist/cli.js',
  }),
  build({
    ...commonJs,
    // peakend check's worker threads (src/node/parallelAnalysis.ts): the engine's analysis only.
    entryPoints: ['src/node/analysisWorker.ts'],
    outfile: 'dist/analysisWorker.js',
  }),
  build({
    ...commonJs,
    // The worker threads of peakend checklist and peakend audit (src/cli/checklistWorker.ts).
    entryPoints: ['src/cli/checklistWorker.ts'],
    outfile: 'dist/checklistWorker.js',
  }),
  build({
    ...commonJs,
    entryPoints: ['src/action/bin.ts'],
    outfile: 'dist/action.js',
  }),
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    define: { ...common.define, PEAKEND_PREVIEW_MODULES: JSON.stringify(page.preload) },
    external: ['vscode'],
    minify: production,
    sourcemap: production ? false : 'linked',
  }),
]);

// V8's code cache of the CLI (src/node/codeCache.ts): the bytecode of every function a check of the
// examples compiles, made by the Node that builds (another Node compiles the bundle as usual).
const codeCache = 'dist/cli-main.js.cache';
rmSync(codeCache, { force: true });
spawnSync(process.execPath, ['dist/cli.js', 'check', '--no-cache', 'examples/property-management', 'examples/online-service'], {
  env: { ...process.env, PEAKEND_WRITE_CODE_CACHE: codeCache },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// Without it the CLI compiles its bundle as usual (test/node/codeCache.test.ts requires it).
if (!existsSync(codeCache)) console.error(`build: ${codeCache} was not written; the CLI will start without it`);
