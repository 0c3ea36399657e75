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
  const worker = new ChunkWorker<I, R>(workerFile, workerData, resourceLimits);
  return worker.run(items, take, done, arrived).finally(() => worker.close());
}

interface Job<I, R> {
  items: readonly I[];
  take: () => [number, number] | undefined;
  done: (i: number, result: R | null) => void;
  arrived: () => void;
  resolve: () => void;
}

/**
 * A worker thread kept for several runs over chunks (`run`, one at a time), so that a caller
 * working in batches pays its start-up once. Between runs it does not keep the process alive.
 * Once failed or closed, every run resolves at once and leaves all its items to the caller.
 */
export class ChunkWorker<I, R> {
  private worker: Worker | undefined;
  private readonly inFlight = new Map<number, number>();
  private job: Job<I, R> | undefined;

  constructor(workerFile: string | URL, workerData: unknown, resourceLimits?: ResourceLimits) {
    try {
      this.worker = new Worker(workerFile, { workerData, resourceLimits });
    } catch {
      return;
    }
    this.worker.unref();
    this.worker.on('message', ({ start, results }: { start: number; results: (R | null)[] }) => this.answered(start, results));
    // A worker that fails leaves what it had in flight to this thread.
    this.worker.on('error', () => this.gone());
    this.worker.on('exit', () => this.gone());
  }

  /** Takes chunks until the queue is empty; resolves when the worker has answered them all, or is gone. */
  run(
    items: readonly I[],
    take: () => [number, number] | undefined,
    done: (i: number, result: R | null) => void,
    arrived: () => void = () => undefined,
  ): Promise<void> {
    if (this.job) throw new Error('ChunkWorker.run: a run is under way');
    if (!this.worker) return Promise.resolve();
    return new Promise((resolve) => {
      this.job = { items, take, done, arrived, resolve };
      // Only while it has work does the worker keep the process alive (this run's promise waits on it).
      this.worker!.ref();
      this.feed();
    });
  }

  /** Ends the thread; a run under way resolves with its items in flight left to the caller. */
  close(): void {
    const worker = this.worker;
    this.gone();
    void worker?.terminate();
  }

  private feed(): void {
    const job = this.job;
    if (!job || !this.worker) return;
    while (this.inFlight.size < 2) {
      const chunk = job.take();
      if (!chunk) break;
      this.inFlight.set(chunk[0], chunk[1]);
      this.worker.postMessage({ start: chunk[0], items: job.items.slice(chunk[0], chunk[1]) });
    }
    if (this.inFlight.size === 0) this.finish();
  }

  private answered(start: number, results: (R | null)[]): void {
    const job = this.job;
    const end = this.inFlight.get(start);
    if (!job || end === undefined) return;
    this.inFlight.delete(start);
    for (let i = start; i < end; i++) job.done(i, results[i - start] ?? null);
    job.arrived();
    this.feed();
  }

  private finish(): void {
    const job = this.job;
    this.job = undefined;
    this.worker?.unref();
    job?.resolve();
  }

  private gone(): void {
    if (!this.worker) return;
    this.worker = undefined;
    const job = this.job;
    if (job) for (const [start, end] of this.inFlight) for (let i = start; i < end; i++) job.done(i, null);
    this.inFlight.clear();
    this.finish();
  }
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
