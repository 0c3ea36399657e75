// Bundles the CLI (dist/cli.js, ESM, and its worker thread dist/analysisWorker.js), the GitHub Action's comment step (dist/action.js) and the VS Code extension (dist/extension.cjs, one CommonJS file
// for the extension host; `vscode` is provided by the host), and the webviews' pages: the preview's script (dist/webview/preview.js, an ES
// module) with the Mermaid modules it imports (dist/webview/chunks/, see scripts/preview-page.mjs) and its stylesheet; the report panels'
// script (dist/webview/report.js) and stylesheet; and Mermaid as one classic script with the same diagrams (dist/webview/mermaid.min.js),
// which the report panels load and the HTML export inlines. Webviews load all of it from the extension (no network).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
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

mkdirSync('dist/webview', { recursive: true });
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
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    format: 'esm',
    sourcemap: 'linked',
    // Some bundled CommonJS dependencies call require(); give ESM output one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    // peakend check's worker threads (src/node/parallelAnalysis.ts): the engine's analysis only.
    entryPoints: ['src/node/analysisWorker.ts'],
    outfile: 'dist/analysisWorker.js',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    // The worker threads of peakend checklist and peakend audit (src/cli/checklistWorker.ts).
    entryPoints: ['src/cli/checklistWorker.ts'],
    outfile: 'dist/checklistWorker.js',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['src/action/bin.ts'],
    outfile: 'dist/action.js',
    format: 'cjs',
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
