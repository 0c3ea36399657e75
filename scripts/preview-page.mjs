// Builds the preview's page script with Mermaid as ES modules: src/extension/preview/webview/main.ts
// becomes <outdir>/preview.js, which imports Mermaid's core with import(); esbuild splits Mermaid's
// ESM build (the `mermaid` dependency) into chunks under <outdir>/chunks/. Of Mermaid's diagrams only
// the two Peakend draws are built (xychart for journeys, quadrantChart for inventories) with KaTeX,
// which Mermaid loads only for `$$…$$` labels; the loaders of the other diagrams and of the graph
// layouts become imports of a file that does not exist, so nothing of them is built or shipped.
// Returns the files written and, per kind of chart, the files the page will load (for modulepreload).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/** Mermaid's diagram chunks the preview draws; every other diagram loader is left out. */
const KEPT_DIAGRAMS = /\/(xychartDiagram|quadrantDiagram)-\w+\.mjs$/;
/** Dynamic imports of mermaid.core.mjs (diagrams) and of its layout loaders (dagre, cose-bilkent, swimlanes). */
const LOADERS = /\/mermaid\/dist\/(mermaid\.core\.mjs|chunks\/mermaid\.core\/chunk-\w+\.mjs)$/;
const LEFT_OUT = './not-in-peakend.js';

const onlyPeakendDiagrams = {
  name: 'only-peakend-diagrams',
  setup(b) {
    b.onResolve({ filter: /\.mjs$/ }, (a) => {
      if (a.kind !== 'dynamic-import' || !LOADERS.test(a.importer) || KEPT_DIAGRAMS.test(a.path)) return undefined;
      if (/\/(sizeCapture)-\w+\.mjs$/.test(a.path)) return undefined; // used by the shared rendering code
      return { path: LEFT_OUT, external: true };
    });
  },
};

/**
 * @param {{ outdir: string, minify?: boolean, entry?: string }} o
 * @returns {Promise<{ files: string[], preload: { page: string[], core: string[], journey: string[], inventory: string[] } }>}
 *   paths relative to outdir, '/'-separated; preload.page: the page script's own static imports;
 *   preload.core: Mermaid's core (what the page imports),
 *   journey / inventory: the chart's own chunks on top of the core.
 */
export async function buildPreviewPage({ outdir, minify = false, entry = 'src/extension/preview/webview/main.ts' }) {
  fs.rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
  const result = await build({
    entryPoints: { preview: entry },
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'esm',
    splitting: true,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    plugins: [onlyPeakendDiagrams],
    logLevel: 'warning',
    legalComments: 'none',
    minify,
  });
  const outputs = result.metafile.outputs;
  const rel = (p) => path.relative(outdir, p).split(path.sep).join('/');
  const byRel = new Map(Object.entries(outputs).map(([p, o]) => [rel(p), o]));
  /** A file and everything it imports statically. */
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const i of byRel.get(file)?.imports ?? []) if (i.kind === 'import-statement' && !i.external) closure(rel(i.path), seen);
    return seen;
  };
  const find = (re) => {
    const f = [...byRel.keys()].find((k) => re.test(k));
    if (!f) throw new Error(`the preview build has no chunk matching ${re}`);
    return f;
  };
  const core = [...closure(find(/^chunks\/mermaid\.core-\w+\.js$/))];
  const chart = (re) => [...closure(find(re))].filter((f) => !core.includes(f));
  const files = [...byRel.keys()].filter((f) => f.endsWith('.js'));
  // Every file built must be reachable from the page: nothing unused goes into the .vsix.
  const reachable = new Set();
  const walk = (f) => {
    if (reachable.has(f)) return;
    reachable.add(f);
    for (const i of byRel.get(f)?.imports ?? []) if (!i.external) walk(rel(i.path));
  };
  walk('preview.js');
  const unused = files.filter((f) => !reachable.has(f));
  if (unused.length) throw new Error(`the preview build made files the page never loads: ${unused.join(', ')}`);
  // What the page script itself imports statically (esbuild's shared helpers): preloaded with it even when no Mermaid is.
  const page = [...closure('preview.js')].filter((f) => f !== 'preview.js');
  return { files, preload: { page, core, journey: chart(/^chunks\/xychartDiagram-/), inventory: chart(/^chunks\/quadrantDiagram-/) } };
}

/**
 * Mermaid as one classic script that sets `globalThis.mermaid`, with the same diagrams as the page's
 * modules: the report panels load it and the preview's HTML export inlines it (a self-contained file).
 * @param {{ outfile: string, minify?: boolean }} o
 */
export async function buildMermaidScript({ outfile, minify = false }) {
  await build({
    stdin: { contents: "import mermaid from 'mermaid';\nglobalThis.mermaid = mermaid;\n", resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    outfile,
    plugins: [onlyPeakendDiagrams],
    logLevel: 'warning',
    legalComments: 'none',
    minify,
  });
}
