import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
