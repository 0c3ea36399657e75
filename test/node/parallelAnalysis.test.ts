import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPaths, defaultConfig, Workspace, type PeakendConfig } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { parallelAnalysis } from '../../src/node/parallelAnalysis';
import { buildWorker } from '../helpers/cliBundle';
import { DAMAGE, damage, DEEP, DOCUMENTS, writeYaml, type Kind } from '../helpers/yamlDocuments';
import { PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

/**
 * `peakend check` analyses files on worker threads too. Each worker's models come back as a store
 * keeps them; whatever thread read a file, the findings must be exactly those of the full path.
 */

const repo = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'peakend-workers-'));
const worker = join(scratch, 'analysisWorker.js');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  // The worker as the build makes it (scripts/build.mjs), from the sources under test.
  await buildWorker('src/node/analysisWorker.ts', worker);
});

const counting = () => ({ here: 0, inWorkers: 0 });

describe('files analysed on worker threads', () => {
  const folders = ['examples/online-service', 'examples/property-management', 'test/fixtures/bad-input', 'test/fixtures/invalid', 'test/fixtures/property'];
  for (const folder of folders) {
    it(`report what the full path reports on ${folder}`, async () => {
      const dir = join(repo, folder);
      const full = JSON.stringify((await checkPaths(nodeHost, [dir])).findings);
      const counts = counting();
      const parallel = parallelAnalysis(worker, { minFiles: 1, workers: 2, counts });
      const inWorkers = JSON.stringify((await checkPaths(nodeHost, [dir], { positions: 'later', parallel })).findings);
      expect(inWorkers).toBe(full);
      // Not idle: the workers read files, and so did this thread.
      expect(counts.inWorkers).toBeGreaterThan(0);
    });
  }

  const SUPPORT: Record<string, string> = { 'people.personas.yaml': PERSONAS, 'inv.touchpoints.yaml': TOUCHPOINTS, 'std.standards.yaml': STANDARDS };
  const ROOT = '/w';
  async function findings(files: Record<string, string>, how: 'full' | 'workers', config: PeakendConfig = defaultConfig(ROOT), counts = counting()) {
    const parallel = how === 'workers' ? parallelAnalysis(worker, { minFiles: 1, workers: 1, counts }) : undefined;
    const ws = new Workspace(config, undefined, { positions: how === 'full' ? 'now' : 'later' }, parallel);
    for (const [name, text] of Object.entries(files)) ws.addFile(`${ROOT}/${name}`, { bytes: new TextEncoder().encode(text) });
    await ws.analyzeWaiting();
    return JSON.stringify(ws.findings());
  }

  it('report what the full path reports on property-generated documents of every kind, damaged', async () => {
    const kinds = Object.keys(DOCUMENTS) as Kind[];
    const doc = fc.constantFrom(...kinds).chain((kind) =>
      fc.tuple(fc.constant(kind), DOCUMENTS[kind], fc.integer(), DAMAGE, fc.option(DEEP, { freq: 8 })).map(([k, value, seed, d, deep]) => ({
        kind: k,
        text: damage(writeYaml(value, seed) + (deep ? `${deep.key}:${deep.body}\n` : ''), d),
      })),
    );
    // Many documents per workspace, so that each worker start-up serves many.
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: 20, maxLength: 40 }), async (docs) => {
        const files: Record<string, string> = { ...SUPPORT };
        docs.forEach((d, i) => (files[d.kind === 'config' ? `sub${i}/x.yaml` : `d${i}.${d.kind}.yaml`] = d.text));
        const counts = counting();
        expect(await findings(files, 'workers', undefined, counts)).toBe(await findings(files, 'full'));
        expect(counts.here + counts.inWorkers).toBe(Object.keys(files).length);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('leaves the files of a worker that fails, or answers nonsense, to this thread', async () => {
    const files: Record<string, string> = { ...SUPPORT };
    for (let i = 0; i < 12; i++) files[`j${i}.journey.yaml`] = `peakend: 1\nkind: journey\nid: j${i}\ntitle: 旅程\npersonas: [owner]\nstages: []\n`;
    const expected = await findings(files, 'full');
    const crashing = join(scratch, 'crashing.mjs');
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n");
    const nonsense = join(scratch, 'nonsense.mjs');
    writeFileSync(nonsense, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ start, files }) => parentPort.postMessage({ start, models: files.map(() => '{\"file\":1}') }));\n");
    for (const script of [crashing, nonsense, join(scratch, 'missing.mjs')]) {
      const counts = counting();
      const parallel = parallelAnalysis(script, { minFiles: 1, workers: 1, counts });
      const ws = new Workspace(defaultConfig(ROOT), undefined, { positions: 'later' }, parallel);
      for (const [name, text] of Object.entries(files)) ws.addFile(`${ROOT}/${name}`, { text });
      await ws.analyzeWaiting();
      expect(JSON.stringify(ws.findings())).toBe(expected);
      expect(counts).toEqual({ here: Object.keys(files).length, inWorkers: 0 });
    }
  });
});

describe('worker threads kept for a whole run', () => {
  // More journeys than a workspace hands over at once (batches of 64 with workers).
  const journeys = (n: number) => {
    const files: Record<string, string> = { 'people.personas.yaml': PERSONAS };
    for (let i = 0; i < n; i++) files[`j${i}.journey.yaml`] = `peakend: 1\nkind: journey\nid: j${i}\ntitle: 旅程 ${i}\npersonas: [owner]\nstages: []\n`;
    return files;
  };

  it('start once for all the batches of a workspace, not once per batch', async () => {
    const log = join(scratch, 'starts.log');
    writeFileSync(log, '');
    // The real worker, behind a line that notes each start.
    const noting = join(scratch, 'noting.mjs');
    writeFileSync(noting, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, 'start\\n');\nawait import(${JSON.stringify(pathToFileURL(worker).href)});\n`);
    const counts = counting();
    const parallel = parallelAnalysis(noting, { minFiles: 1, workers: 2, counts });
    const ws = new Workspace(defaultConfig('/w'), undefined, { positions: 'later' }, parallel);
    const files = journeys(200);
    for (const [name, text] of Object.entries(files)) ws.addFile(`/w/${name}`, { text });
    await ws.analyzeWaiting();
    parallel.close();
    expect(readFileSync(log, 'utf8')).toBe('start\nstart\n');
    expect(counts.inWorkers).toBeGreaterThan(64);
    expect(counts.here + counts.inWorkers).toBe(Object.keys(files).length);
  });

  it('are handed enough journeys at once to keep them busy; this thread alone takes a few at a time', async () => {
    const sizes: number[] = [];
    for (const workers of [0, 2]) {
      const parallel = parallelAnalysis(worker, { minFiles: 1, workers });
      const analyze = parallel.analyze.bind(parallel);
      const ws = new Workspace(defaultConfig('/w'), undefined, { positions: 'later' }, { batch: parallel.batch, analyze: (files, c, o) => (sizes.push(files.length), analyze(files, c, o)) });
      for (const [name, text] of Object.entries(journeys(70))) ws.addFile(`/w/${name}`, { text });
      await ws.analyzeWaiting();
      parallel.close();
    }
    // The personas first, alone; then the journeys.
    expect(sizes).toEqual([1, ...Array(17).fill(4), 2, 1, 64, 6]);
    // Without journeys, every file at once.
    sizes.length = 0;
    const parallel = parallelAnalysis(worker, { minFiles: 1, workers: 0 });
    const ws = new Workspace(defaultConfig('/w'), undefined, { positions: 'later' }, { batch: parallel.batch, analyze: (files, c, o) => (sizes.push(files.length), parallel.analyze(files, c, o)) });
    for (let i = 0; i < 9; i++) ws.addFile(`/w/p${i}.personas.yaml`, { text: PERSONAS.replace(/owner/g, `owner${i}`).replace(/tenant/g, `tenant${i}`) });
    await ws.analyzeWaiting();
    expect(sizes).toEqual([9]);
    expect(ws.findings()).toEqual([]);
  });

  it('do not keep the process alive once the analysis is done, even unclosed', async () => {
    const script = join(scratch, 'unclosed.mjs');
    const files = journeys(80);
    const { build } = await import('esbuild');
    await build({
      stdin: {
        contents: `
          import { Workspace, defaultConfig } from './src/core';
          import { parallelAnalysis } from './src/node/parallelAnalysis';
          const parallel = parallelAnalysis(process.argv[2], { minFiles: 1, workers: 1 });
          const ws = new Workspace(defaultConfig('/w'), undefined, { positions: 'later' }, parallel);
          for (const [name, text] of Object.entries(${JSON.stringify(files)})) ws.addFile('/w/' + name, { text });
          await ws.analyzeWaiting();
          console.log(ws.findings().length);`,
        resolveDir: repo,
        loader: 'ts',
      },
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    const run = spawnSync(process.execPath, [script, worker], { encoding: 'utf8', timeout: 30_000 });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    const full = new Workspace(defaultConfig('/w'));
    for (const [name, text] of Object.entries(files)) full.addFile(`/w/${name}`, { text });
    expect(run.stdout.trim()).toBe(String(full.findings().length));
  }, 60_000);
});
