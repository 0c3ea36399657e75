#!/usr/bin/env node
// `npm run bench` (after bench/run.mjs): the cost of the analyses and the charts.
//
// 1. Analysis + Markdown for the whole synthetic workspace (every journey's peak-end analysis and
//    emotion-curve document, every inventory's importance–performance document), against
//    `peakend check` on the same workspace, both in this process on the engine bundled by esbuild.
//    Target: under 20 % of check.
// 2. A rich emotion curve of a 200-step, 3-persona journey rendered by Mermaid 11 in headless
//    Debian Chromium, warm (after one render in the same page). Target: under 300 ms.
//
// Reports, does not gate: slowness never fails the process; a crash does (exit 1).
// Options: --runs N (default 5). Writes bench/render-results.json.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const workspace = join(here, '.workspace');
const resultsFile = join(here, 'render-results.json');
const TARGETS = { maxAnalysisShareOfCheck: 0.2, maxWarmChartMs: 300 };
const CHROMIUM = '/usr/bin/chromium';

const args = process.argv.slice(2);
const runsIdx = args.indexOf('--runs');
const RUNS = runsIdx >= 0 ? Math.max(1, Number(args[runsIdx + 1]) || 5) : 5;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Number(x.toFixed(d));

generate({ out: workspace });

// The engine as one ESM module (the CLI bundle exports nothing).
const scratch = mkdtempSync(join(tmpdir(), 'peakend-bench-render-'));
const engineFile = join(scratch, 'engine.mjs');
await build({
  stdin: {
    contents: "export * from './src/core/index.ts'; export { nodeHost } from './src/node/nodeHost.ts';",
    resolveDir: repo,
    loader: 'ts',
  },
  outfile: engineFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  alias: { yaml: join(repo, 'node_modules/yaml/browser/index.js') },
});
const core = await import(pathToFileURL(engineFile).href);
const wsPath = workspace.replace(/\\/g, '/');

// ─── 1. Analysis + Markdown vs check ───────────────────────────────────────────────────────

const checkMs = [];
const renderMs = [];
let counts;
for (let i = 1; i <= RUNS; i++) {
  globalThis.gc?.();
  let t0 = performance.now();
  const result = await core.checkPaths(core.nodeHost, [wsPath]);
  checkMs.push(performance.now() - t0);
  const ws = result.workspaces[0];
  const names = new Map();
  for (const [id, defs] of ws.getIndex().personas) if (defs[0]?.name) names.set(id, defs[0].name);
  t0 = performance.now();
  let journeys = 0;
  let inventories = 0;
  let bytes = 0;
  for (const model of ws.files.values()) {
    if (model.kind === 'journey') {
      const a = core.analyzeJourney(model, { personaNames: names });
      if (a) bytes += core.journeyMarkdown(a).length;
      journeys++;
    } else if (model.kind === 'touchpoints') {
      bytes += core.inventoryMarkdown(core.analyzeInventory(model)).length;
      inventories++;
    }
  }
  renderMs.push(performance.now() - t0);
  counts = { journeys, inventories, markdownBytes: bytes };
  console.error(`bench-render: run ${i}/${RUNS} check ${checkMs.at(-1).toFixed(0)} ms, analysis + Markdown ${renderMs.at(-1).toFixed(0)} ms (${journeys} journeys, ${inventories} inventories)`);
}
const share = median(renderMs) / median(checkMs);
console.error(`bench-render: analysis + Markdown = ${(share * 100).toFixed(1)} % of check (target < ${TARGETS.maxAnalysisShareOfCheck * 100} %): ${share < TARGETS.maxAnalysisShareOfCheck ? 'met' : 'NOT met'}`);

// ─── 2. A 200-step, 3-persona rich chart in Chromium ───────────────────────────────────────

function longJourney(n, k) {
  const personas = Array.from({ length: k }, (_, j) => `p${j + 1}`);
  const steps = Array.from({ length: n }, (_, i) => ({
    index: i,
    stageId: `stage-${Math.floor(i / 10)}`,
    stepId: `step-${i + 1}`,
    title: `Step ${i + 1}`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    scores: Object.fromEntries(personas.map((p, j) => [p, Math.round(4 * Math.sin((i + 3 * j) / 7))])),
    momentOfTruth: false,
    painPoints: [],
    touchpoints: [],
    metrics: [],
  }));
  const at = (p, i) => ({ stepId: steps[i].stepId, stageId: steps[i].stageId, index: i, score: steps[i].scores[p], tiedWith: [] });
  return {
    journeyId: 'long',
    file: 'long.journey.yaml',
    errors: 0,
    judgements: [],
    title: `${n} steps`,
    scale: { min: -5, max: 5, neutral: 0 },
    stages: Array.from({ length: Math.ceil(n / 10) }, (_, s) => ({ stageId: `stage-${s}`, title: `Stage ${s + 1}`, firstIndex: s * 10, lastIndex: Math.min(n, s * 10 + 10) - 1 })),
    steps,
    personas: personas.map((p) => {
      const v = steps.map((s) => s.scores[p]);
      return { persona: p, scored: n, best: at(p, v.lastIndexOf(Math.max(...v))), worst: at(p, v.lastIndexOf(Math.min(...v))), end: at(p, n - 1), stages: [] };
    }),
  };
}

let chart;
if (!existsSync(CHROMIUM)) {
  console.error(`bench-render: ${CHROMIUM} is missing (apt-get install chromium): chart timing skipped`);
} else {
  const { chromium } = await import('playwright-core');
  const require = createRequire(import.meta.url);
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_CACHE_HOME: join(scratch, 'cache') },
  });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    const text = core.emotionCurve(longJourney(200, 3));
    const times = await page.evaluate(
      async ({ src, runs }) => {
        const m = window.mermaid;
        m.initialize({ startOnLoad: false });
        const out = [];
        for (let i = 0; i <= runs; i++) {
          const t0 = performance.now();
          const { svg } = await m.render(`chart${i}`, src);
          document.getElementById('out').innerHTML = svg;
          out.push(performance.now() - t0);
        }
        return out;
      },
      { src: text, runs: RUNS },
    );
    const [cold, ...warm] = times;
    chart = { steps: 200, personas: 3, axis: core.NAMED_AXIS_MAX_STEPS < 200 ? 'numeric' : 'named', coldMs: round(cold), warmMs: warm.map((t) => round(t)), warmMedianMs: round(median(warm)) };
    console.error(`bench-render: 200-step, 3-persona rich chart in Chromium: first ${cold.toFixed(0)} ms, warm median ${median(warm).toFixed(0)} ms (target < ${TARGETS.maxWarmChartMs} ms): ${median(warm) < TARGETS.maxWarmChartMs ? 'met' : 'NOT met'}`);
  } finally {
    await context.close();
  }
}
rmSync(scratch, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, load1: round(loadavg()[0], 2) },
  runs: RUNS,
  analysisAndMarkdown: { ...counts, checkMs: checkMs.map((t) => round(t)), renderMs: renderMs.map((t) => round(t)), medianCheckMs: round(median(checkMs)), medianRenderMs: round(median(renderMs)), shareOfCheck: round(share, 3) },
  chart,
  targets: { ...TARGETS, analysisMet: share < TARGETS.maxAnalysisShareOfCheck, chartMet: chart ? chart.warmMedianMs < TARGETS.maxWarmChartMs : undefined },
};
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
console.error(`bench-render: results written to bench/render-results.json`);

