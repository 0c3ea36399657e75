import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A queue of work split into chunks of consecutive indices, taken in turn by whichever thread is free. */
export function chunkQueue(length: number, size: number): () => [number, number] | undefined {
  let next = 0;
  return () => {
    if (next >= length) return undefined;
    const start = next;
    next = Math.min(length, next + size);
    return [start, next];
  };
}

/**
 * Runs one worker thread over chunks taken from `take`, up to two in flight so that it never waits
 * for this thread to send the next. It is sent `{ start, items }` (the chunk's items) and answers
 * `{ start, results }`, one result per item, null for an item it could not do. `done` is called
 * with each item's result; an item the worker could not do, or had in flight when it failed or
 * could not start, is handed to `done` as null, for this thread to do. Resolves when the queue is
 * empty and the worker has answered, or the worker is gone.
 */
export function runWorker<I, R>(
  workerFile: string | URL,
  workerData: unknown,
  resourceLimits: ResourceLimits | undefined,
  items: readonly I[],
  take: () => [number, number] | undefined,
  done: (i: number, result: R | null) => void,
  /** After each answer's results were handed to `done`. */
  arrived: () => void = () => undefined,
): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData, resourceLimits });
    } catch {
      resolve();
      return;
    }
    const inFlight = new Map<number, number>();
    let over = false;
    const finish = () => {
      if (over) return;
      over = true;
      void worker.terminate();
      resolve();
    };
    const feed = () => {
      while (!over && inFlight.size < 2) {
        const chunk = take();
        if (!chunk) break;
        inFlight.set(chunk[0], chunk[1]);
        worker.postMessage({ start: chunk[0], items: items.slice(chunk[0], chunk[1]) });
      }
      if (inFlight.size === 0) finish();
    };
    worker.on('message', ({ start, results }: { start: number; results: (R | null)[] }) => {
      const end = inFlight.get(start);
      if (end === undefined) return;
      inFlight.delete(start);
      for (let i = start; i < end; i++) done(i, results[i - start] ?? null);
      arrived();
      feed();
    });
    // A worker that fails leaves what it had in flight to this thread.
    const gone = () => {
      if (over) return;
      for (const [start, end] of inFlight) for (let i = start; i < end; i++) done(i, null);
      inFlight.clear();
      finish();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    feed();
  });
}

/** dist/checklistWorker.js beside the bundled CLI; undefined where it is not (running from sources). */
export function checklistWorkerFile(): URL | undefined {
  const url = new URL('./checklistWorker.js', import.meta.url);
  try {
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether worker threads can be expected to run beside this one: not when the machine already
 * runs twice as many threads as it has cores (the one-minute load average). Then the threads of a
 * process share its slice of the machine, and the workers only add their start-up, their own copy
 * of the workspace and the copying of results: on the shared two-core machine at a load of 7 to 9,
 * `peakend audit report` took about 70 % more CPU time with two workers and no less wall time
 * (docs/performance.md). Windows has no load average (it reads 0).
 */
export function coresToSpare(): boolean {
  return loadavg()[0]! < 2 * availableParallelism();
}
