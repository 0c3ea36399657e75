#!/usr/bin/env node
// Parses every diagram Peakend generates (test/render/corpus.ts: the examples, the fixtures, long
// and random journeys, both variants) with Mermaid 12 (`mermaid-v12`), which needs Node >= 22.12:
//   node scripts/test-mermaid-v12.mjs
// Runs on any Node: the corpus is bundled with esbuild, then parsed by the Node 24 that
// scripts/vscode-host/setup.mjs installs into .vscode-host/. Ends with
// "mermaid-v12: N passed, N failed" (one per diagram); exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, hostPaths } from './vscode-host/setup.mjs';

const CHILD = process.argv[2] === '--child';

if (!CHILD) {
  const { node24 } = hostPaths();
  if (!fs.existsSync(node24)) {
    console.error(`mermaid-v12: Node 24 is missing at ${path.relative(REPO_ROOT, node24)}; run: node scripts/vscode-host/setup.mjs`);
    console.log('mermaid-v12: 0 passed, 1 failed');
    process.exit(1);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-mermaid-v12-'));
  try {
    const corpus = path.join(tmp, 'corpus.mjs');
    await build({
      entryPoints: [path.join(REPO_ROOT, 'test/render/corpus.ts')],
      outfile: corpus,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
      alias: { yaml: path.join(REPO_ROOT, 'node_modules/yaml/browser/index.js') },
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    const r = spawnSync(node24, [path.join(REPO_ROOT, 'scripts/test-mermaid-v12.mjs'), '--child', corpus], { stdio: 'inherit', cwd: REPO_ROOT });
    process.exitCode = r.status ?? 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else {
  const { JSDOM } = await import('jsdom');
  // Mermaid reads window and document when it loads.
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  const mermaid = (await import('mermaid-v12')).default;
  mermaid.initialize({ startOnLoad: false });
  const { diagramCorpus } = await import(process.argv[3]);
  const corpus = await diagramCorpus(REPO_ROOT);
  let passed = 0;
  let failed = 0;
  for (const d of corpus) {
    try {
      await mermaid.parse(d.text);
      passed++;
    } catch (e) {
      failed++;
      console.log(`FAIL ${d.name} (${d.variant}): ${e.message}\n${d.text}`);
    }
  }
  console.log(`mermaid ${(await import('mermaid-v12/package.json', { with: { type: 'json' } })).default.version}, Node ${process.version}`);
  console.log(`mermaid-v12: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}
