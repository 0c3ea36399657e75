// writeChecklists with a worker thread that answers at once (a stand-in for dist/checklistWorker.js):
// which touchpoints go to the worker, how many threads start, and the order of what is printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { selectTouchpoints, type ChecklistJob } from '../../src/cli/checklistPlan';
import type { CliIo } from '../../src/cli/io';
import { writeChecklists } from '../../src/cli/writeChecklists';
import { openWorkspace } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';
import { INVENTORY, STANDARDS } from '../checklist/fixture';

const dir = mkdtempSync(join(tmpdir(), 'peakend-checklist-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A worker that answers every touchpoint with a line naming its task, except `refuse` (a usage error)
 * and `skip` (null: not done, for this thread to do).
 */
function fakeWorker(name: string, refuse?: string, skip?: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort, workerData } from 'node:worker_threads';
const answer = (id) => (id === ${JSON.stringify(refuse ?? null)} ? { usageError: 'refused ' + id } : id === ${JSON.stringify(skip ?? null)} ? null : { stdout: 'worker ' + workerData.task + ' ' + id + '\\n' });
parentPort.on('message', ({ start, items }) => parentPort.postMessage({ start, results: items.map(answer) }));
`,
  );
  return pathToFileURL(file);
}

async function setup(count: number) {
  const ws = mkdtempSync(join(dir, 'ws-'));
  writeFileSync(join(ws, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
  writeFileSync(join(ws, 'property.touchpoints.yaml'), INVENTORY);
  writeFileSync(join(ws, 'service.standards.yaml'), STANDARDS);
  const many = Array.from({ length: count }, (_, i) => `  - { id: tp-${String(i).padStart(2, '0')}, name: 点${i}, phase: service, channel: onsite, type: human }`).join('\n');
  writeFileSync(join(ws, 'many.touchpoints.yaml'), `peakend: 1\nkind: touchpoints\nid: many\ntouchpoints:\n${many}\n`);
  const { workspace } = await openWorkspace(nodeHost, ws, [], undefined, { skipChecklists: true, positions: 'later' });
  const index = workspace.getIndex();
  const ids = Array.from({ length: count }, (_, i) => `tp-${String(i).padStart(2, '0')}`);
  const touchpoints = selectTouchpoints(index, false, ids);
  const job: ChecklistJob = { dir: join(ws, 'audits'), date: '2026-12-24', lang: 'en', dryRun: false, cwd: ws };
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd: ws, env: {}, stdout: { write: (s) => void (out.stdout += s) }, stderr: { write: (s) => void (out.stderr += s) }, writeFile: writeFileAtomic };
  return { index, touchpoints, job, io, out, ref: { root: ws, all: false, ids }, ids };
}

const here = (id: string) => `audits/${id}/2026-12-24.md: created (1 item(s))\n`;
const worker = (id: string) => `worker checklist ${id}\n`;

describe('writeChecklists with a worker thread', () => {
  it('the worker takes the first two chunks of eight before this thread begins; the output stays in order', async () => {
    const s = await setup(20);
    const counts = { here: 0, inWorkers: 0 };
    const status = await writeChecklists(s.index, s.touchpoints, s.job, s.io, s.ref, fakeWorker('all'), { minTouchpoints: 20, workers: 1, counts });
    expect(status).toBe(0);
    expect(s.out.stdout).toBe([...s.ids.slice(0, 16).map(worker), ...s.ids.slice(16).map(here)].join(''));
    expect(s.out.stderr).toBe('');
    expect(counts).toEqual({ here: 4, inWorkers: 16 });
  });

  it('no worker below minTouchpoints, without a worker file, or with no workers', async () => {
    const s = await setup(9);
    for (const [file, tuning] of [
      [fakeWorker('below'), { minTouchpoints: 10, workers: 1 }],
      [undefined, { minTouchpoints: 1, workers: 1 }],
      [fakeWorker('none'), { minTouchpoints: 1, workers: 0 }],
    ] as const) {
      const counts = { here: 0, inWorkers: 0 };
      s.out.stdout = '';
      rmSync(s.job.dir, { recursive: true, force: true });
      expect(await writeChecklists(s.index, s.touchpoints, s.job, s.io, s.ref, file, { ...tuning, counts })).toBe(0);
      expect(s.out.stdout).toBe(s.ids.map(here).join(''));
      expect(counts).toEqual({ here: 9, inWorkers: 0 });
    }
  });

  it('two workers take two chunks each', async () => {
    const s = await setup(33);
    const counts = { here: 0, inWorkers: 0 };
    expect(await writeChecklists(s.index, s.touchpoints, s.job, s.io, s.ref, fakeWorker('two'), { minTouchpoints: 1, workers: 2, counts })).toBe(0);
    expect(s.out.stdout).toBe([...s.ids.slice(0, 32).map(worker), here(s.ids[32]!)].join(''));
    expect(counts).toEqual({ here: 1, inWorkers: 32 });
  });

  it('a usage error from the worker is thrown after everything begun is printed, in order', async () => {
    const s = await setup(20);
    const counts = { here: 0, inWorkers: 0 };
    const run = writeChecklists(s.index, s.touchpoints, s.job, s.io, s.ref, fakeWorker('refuse', 'tp-03'), { minTouchpoints: 1, workers: 1, counts });
    await expect(run).rejects.toThrow('refused tp-03');
    // The worker had both its chunks, this thread the last four, before the answer with the error came.
    expect(s.out.stdout).toBe([...s.ids.slice(0, 16).filter((id) => id !== 'tp-03').map(worker), ...s.ids.slice(16).map(here)].join(''));
    expect(counts).toEqual({ here: 4, inWorkers: 16 });
  });

  it('an item the worker leaves undone is done here; counts are optional', async () => {
    const s = await setup(16);
    const status = await writeChecklists(s.index, s.touchpoints, s.job, s.io, s.ref, fakeWorker('skip', undefined, 'tp-05'), { minTouchpoints: 1, workers: 1 });
    expect(status).toBe(0);
    expect(s.out.stdout).toBe(s.ids.map((id) => (id === 'tp-05' ? here(id) : worker(id))).join(''));
  });
});
