import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTouchpoints, type ChecklistJob } from '../../src/cli/checklistPlan';
import type { CliIo } from '../../src/cli/io';
import { writeChecklists } from '../../src/cli/writeChecklists';
import { auditChecklists, openWorkspace, type AuditScore } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { parallelAuditChecklists } from '../../src/node/parallelAudit';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';
import { buildWorker } from '../helpers/cliBundle';

/**
 * `peakend audit` and `peakend checklist` work on worker threads too. Whatever thread did a file,
 * the scores, findings, printed lines and written bytes must be exactly those of this thread alone,
 * in the same order.
 */

const repo = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'peakend-checklist-workers-'));
const worker = join(scratch, 'checklistWorker.js');
// A worker that fails as it starts: everything is left to the main thread.
const broken = join(scratch, 'broken.js');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  // The worker as the build makes it (scripts/build.mjs), from the sources under test.
  await buildWorker('src/cli/checklistWorker.ts', worker);
  writeFileSync(broken, 'throw new Error("no worker here");\n');
});

/** The example workspace, with its audits, and damaged copies of them outside its checklists folder. */
function workspace(): { ws: string; files: string[] } {
  const ws = join(scratch, `ws-${Math.random().toString(36).slice(2)}`);
  cpSync(join(repo, 'examples/property-management'), ws, { recursive: true });
  const audits = join(ws, 'audits');
  const known = (readdirSync(audits, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort().map((f) => join(audits, f));
  const other = join(ws, 'elsewhere');
  mkdirSync(other);
  const damaged: string[] = [];
  known.forEach((f, i) => {
    const text = readFileSync(f, 'utf8');
    const copy = join(other, `${i}.md`);
    if (i % 4 === 0) writeFileSync(copy, text.replace(/- \[ \] Pass\n/, '- [x] Pass\n- [x] Fail\n'));
    else if (i % 4 === 1) writeFileSync(copy, text.replace(/^### `([^`]+)`/m, '### `no-such-standard`'));
    else if (i % 4 === 2) writeFileSync(copy, Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(40))]));
    else writeFileSync(copy, text.replace(/touchpoint: [^\n]+/, 'touchpoint: 不存在的触点'));
    damaged.push(copy);
  });
  // A folder named like a checklist: it cannot be read.
  mkdirSync(join(other, 'folder.md'));
  return { ws, files: [...known, ...damaged, join(other, 'folder.md')] };
}

const counting = () => ({ here: 0, inWorkers: 0 });

describe('audits on worker threads', () => {
  it('give the scores, findings and workspaces of one thread, in file order', async () => {
    const { files } = workspace();
    expect(files.length).toBeGreaterThan(40);
    const alone = await auditChecklists(nodeHost, files);
    // Examples that fail, findings of several kinds, a file that cannot be read: the comparison means something.
    expect(alone.audits.some((a) => a.outcome === 'fail')).toBe(true);
    expect(new Set(alone.findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(3);
    expect(alone.findings.some((f) => f.ruleId === 'file-unreadable')).toBe(true);
    for (const workers of [1, 2]) {
      const counts = counting();
      const parallel = await parallelAuditChecklists(files, {}, worker, { minFiles: 1, workers, counts });
      expect(JSON.stringify(parallel.audits)).toBe(JSON.stringify(alone.audits));
      expect(JSON.stringify(parallel.findings)).toBe(JSON.stringify(alone.findings));
      expect(parallel.workspaces.map((w) => w.config.root)).toEqual(alone.workspaces.map((w) => w.config.root));
      // The workers did the audits; this thread did none.
      expect(counts).toEqual({ here: 0, inWorkers: files.length });
    }
  });

  it('hand each score on as it comes, in file order, keeping only errors when asked', async () => {
    const { files } = workspace();
    const seen: AuditScore[] = [];
    const alone = await auditChecklists(nodeHost, files, (a) => void seen.push(a), (f) => f.severity === 'error');
    const handed: AuditScore[] = [];
    const parallel = await parallelAuditChecklists(files, { onAudit: async (a) => void handed.push(a), errorsOnly: true, workspaces: false }, worker, { minFiles: 1, workers: 2 });
    expect(parallel.audits).toEqual([]);
    expect(parallel.workspaces).toEqual([]);
    expect(JSON.stringify(handed)).toBe(JSON.stringify(seen));
    expect(handed.map((a) => a.file)).toEqual(seen.map((a) => a.file));
    expect(JSON.stringify(parallel.findings)).toBe(JSON.stringify(alone.findings));
    expect(parallel.findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('are done on the main thread when the worker cannot start, with the same result', async () => {
    const { files } = workspace();
    const alone = await auditChecklists(nodeHost, files);
    const counts = counting();
    const parallel = await parallelAuditChecklists(files, {}, broken, { minFiles: 1, workers: 2, counts });
    expect(JSON.stringify([parallel.audits, parallel.findings])).toBe(JSON.stringify([alone.audits, alone.findings]));
    expect(counts).toEqual({ here: files.length, inWorkers: 0 });
  });
});

describe('checklists built on a worker thread', () => {
  async function generate(ws: string, out: string, workerFile: string | undefined, options: { ids?: string[]; counts?: ReturnType<typeof counting> } = {}) {
    const { workspace: w } = await openWorkspace(nodeHost, ws, [], undefined, { skipChecklists: true, positions: 'later' });
    const index = w.getIndex();
    const ids = options.ids ?? [];
    const touchpoints = selectTouchpoints(index, ids.length === 0, ids);
    const job: ChecklistJob = { dir: join(ws, out), date: '2026-12-24', site: '北区', lang: 'zh-cn', dryRun: false, cwd: ws };
    let stdout = '';
    let stderr = '';
    const io: CliIo = { cwd: ws, env: {}, stdout: { write: (s) => void (stdout += s) }, stderr: { write: (s) => void (stderr += s) }, writeFile: writeFileAtomic };
    let error: string | undefined;
    const status = await writeChecklists(index, touchpoints, job, io, { root: ws, all: ids.length === 0, ids }, workerFile, { minTouchpoints: 1, workers: 1, counts: options.counts }).catch((e: unknown) => {
      error = String(e);
      return 2;
    });
    const dir = join(ws, out);
    const written = Object.fromEntries(
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.md') && statSync(join(dir, f)).isFile())
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
    return { status, stdout: stdout.split(`${out}/`).join('<out>/'), stderr: stderr.split(`${out}/`).join('<out>/'), error, written };
  }

  it('write the same files and print the same lines, in touchpoint order, new and merged', async () => {
    const { ws } = workspace();
    const counts = counting();
    const alone = await generate(ws, 'a', undefined);
    const parallel = await generate(ws, 'b', worker, { counts });
    expect(Object.keys(alone.written).length).toBeGreaterThan(15);
    expect(parallel).toEqual(alone);
    expect(counts.inWorkers).toBeGreaterThan(0);
    expect(counts.here + counts.inWorkers).toBe(alone.stdout.split('\n').length - 1);

    // Filled in, then the standards change: the merge is the same on either thread.
    for (const out of ['a', 'b']) {
      for (const [f, text] of Object.entries(alone.written)) writeFileSync(join(ws, out, f), text.replace(/- \[ \] 通过\n/g, '- [x] 通过\n').replace(/- 备注:\n/, '- 备注: 门禁已修\n'));
    }
    const std = join(ws, 'complaints.standards.yaml');
    writeFileSync(std, readFileSync(std, 'utf8').replace(/requirement: /g, 'requirement: 修订：'));
    const mergedAlone = await generate(ws, 'a', undefined);
    const mergedParallel = await generate(ws, 'b', worker);
    expect(mergedAlone.stdout).toMatch(/updated \(re-check: /);
    expect(Object.values(mergedAlone.written).join('')).toContain('- 备注: 门禁已修\n');
    expect(mergedParallel).toEqual(mergedAlone);
  });

  it('stop at the same usage error, and write everything when the worker cannot start', async () => {
    const { ws } = workspace();
    const alone = await generate(ws, 'a', undefined);
    const fallback = await generate(ws, 'c', broken);
    expect(fallback).toEqual({ ...alone, stdout: alone.stdout });
    // A folder where a checklist would go.
    const [first] = Object.keys(alone.written);
    for (const out of ['d', 'e']) mkdirSync(join(ws, out, first!), { recursive: true });
    const failedAlone = await generate(ws, 'd', undefined);
    const failedParallel = await generate(ws, 'e', worker);
    expect(failedAlone.error).toBe(`Error: d/${first} exists and is not a file.`);
    expect(failedParallel.error).toBe(failedAlone.error!.replace('d/', 'e/'));
    expect(failedParallel.status).toBe(2);
  });
});
