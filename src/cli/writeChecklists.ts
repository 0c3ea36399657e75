import type { Touchpoint, WorkspaceIndex } from '../core';
import { checklistWorkerFile, chunkQueue, coresToSpare, runWorker } from '../node/workerChunks';
import { UsageError } from './args';
import { isPlannedWrite, planChecklist, writePlanned, type ChecklistJob, type Outcome } from './checklistPlan';
import type { PlanResult } from './checklistWorker';
import type { CliIo } from './io';

/** Below this many checklists a worker's start-up (its own copy of the workspace) costs more than it saves. */
const MIN_TOUCHPOINTS = 200;
/** Touchpoints per chunk; on this thread also the files in flight at once (one is built while others wait for the disk). */
const CHUNK = 8;
/** The worker's heap: see parallelAudit.ts. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 };

export interface WriteTuning {
  /** Fewer touchpoints than this are done on this thread alone. */
  minTouchpoints?: number;
  /** Worker threads (default 1: this thread writes every file and builds checklists too; none on a machine without cores to spare). */
  workers?: number;
  /** Counts, for tests: checklists built here, and in workers. */
  counts?: { here: number; inWorkers: number };
}

/** Where the workers find the workspace and the touchpoints: as this thread found them. */
export interface WorkspaceRef {
  root: string;
  all: boolean;
  ids: string[];
}

type Settled = Outcome | { error: unknown };

/**
 * Builds, merges and writes the checklists of `touchpoints`, printing what each gave in
 * touchpoint order; returns 1 when one failed. Checklists are built on this thread and on a worker
 * thread (dist/checklistWorker.js beside the CLI) from one queue; every file is written here, by
 * `io.writeFile`. An error stops the queue; what was done is printed, then the first error (in
 * touchpoint order) is thrown.
 */
export async function writeChecklists(
  index: WorkspaceIndex,
  touchpoints: readonly Touchpoint[],
  job: ChecklistJob,
  io: CliIo,
  ref: WorkspaceRef,
  workerFile: string | URL | undefined = checklistWorkerFile(),
  tuning: WriteTuning = {},
): Promise<number> {
  const { minTouchpoints = MIN_TOUCHPOINTS, workers = coresToSpare() ? 1 : 0, counts } = tuning;
  const results = new Array<Promise<Settled> | undefined>(touchpoints.length);
  let stopped = false;
  const settle = (p: Promise<Outcome>): Promise<Settled> =>
    p.catch((error: unknown) => {
      stopped = true;
      return { error };
    });
  const here = (i: number) => {
    if (counts) counts.here++;
    results[i] = settle(planChecklist(index, touchpoints[i]!, job).then((r) => (isPlannedWrite(r) ? writePlanned(r, job, io) : r)));
  };
  const queue = chunkQueue(touchpoints.length, CHUNK);
  const take = () => (stopped ? undefined : queue());

  let status = 0;
  let firstError: { error: unknown } | undefined;
  let printed = 0;
  /** Prints the outcomes that are in, in order, up to the first not yet begun. */
  const print = async () => {
    for (; printed < touchpoints.length && results[printed]; printed++) {
      const r = await results[printed]!;
      results[printed] = undefined;
      if ('error' in r) firstError ??= r;
      else {
        if (r.stdout) io.stdout.write(r.stdout);
        if (r.stderr) io.stderr.write(r.stderr);
        if (r.failed) status = 1;
      }
    }
  };

  const threads = workerFile === undefined || touchpoints.length < minTouchpoints ? 0 : workers;
  const ids = touchpoints.map((tp) => tp.def.id);
  const running = Array.from({ length: Math.max(0, threads) }, () =>
    runWorker<string, PlanResult>(
      workerFile!,
      { task: 'checklist', ...ref, job },
      RESOURCE_LIMITS,
      ids,
      take,
      (i, r) => {
        if (!r) return here(i);
        if (counts) counts.inWorkers++;
        if ('usageError' in r) {
          stopped = true;
          results[i] = Promise.resolve({ error: new UsageError(r.usageError) });
        } else results[i] = isPlannedWrite(r) ? settle(writePlanned(r, job, io)) : Promise.resolve(r);
      },
    ),
  );
  for (let chunk = take(); chunk; chunk = take()) {
    for (let i = chunk[0]; i < chunk[1]; i++) here(i);
    await Promise.all(results.slice(chunk[0], chunk[1]));
    await print();
  }
  await Promise.all(running);
  // Whatever is still unprinted, in order; a touchpoint the queue never reached (after an error) is skipped.
  for (let i = printed; i < touchpoints.length; i++) results[i] ??= Promise.resolve({});
  await print();
  if (firstError) throw firstError.error;
  return status;
}
