// Bundles the CLI (dist/cli.js, ESM, and its worker thread dist/analysisWorker.js), the GitHub Action's comment step (dist/action.js) and the VS Code extension (dist/extension.cjs, one CommonJS file
// for the extension host; `vscode` is provided by the host), and the preview's page: its script (dist/webview/preview.js), its stylesheet and
// Mermaid's single-file browser bundle, which the page loads from the extension (no network).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define: { PEAKEND_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  legalComments: 'none',
  // yaml's ESM build: its CommonJS build makes every isMap/isScalar call go through an interop getter.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

mkdirSync('dist/webview', { recursive: true });
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'dist/webview/mermaid.min.js');
copyFileSync('src/extension/preview/webview/preview.css', 'dist/webview/preview.css');

await Promise.all([
  build({
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    entryPoints: ['src/extension/preview/webview/main.ts'],
    outfile: 'dist/webview/preview.js',
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
    entryPoints: ['src/action/bin.ts'],
    outfile: 'dist/action.js',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    external: ['vscode'],
    minify: production,
    sourcemap: production ? false : 'linked',
  }),
]);

// Mermaid's single-file browser bundle, which the extension's webviews load (from dist/webview only).
mkdirSync('dist/webview', { recursive: true });
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'dist/webview/mermaid.min.js');
