import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyzeText, restoreModel, type AnalyzeOptions, type FileModel, type ParallelAnalysis, type PeakendConfig } from '../core';
import { ChunkWorker, chunkQueue } from './workerChunks';

/** Below this many files a worker's start-up (about a tenth of a second) costs more than it saves. */
const MIN_FILES = 64;
/** Files per message: small enough that the threads finish together, large enough to keep messages few. */
const CHUNK = 8;
/** Journeys handed over at once with workers, and without (`ParallelAnalysis.batch`). */
const WORKER_BATCH = 64;
const BATCH_HERE = 4;
/** Each worker holds its own copy of the engine: a few are enough. */
const MAX_WORKERS = 3;
/**
 * A worker costs about a fifth more CPU time than the files it reads would cost here (its own
 * start-up and compiled code, and each model serialised and restored). With two cores the one
 * worker saved less than that on a shared machine (docs/performance.md): workers start from four.
 */
const MIN_CORES = 4;

function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < MIN_CORES ? 0 : Math.min(cores - 1, MAX_WORKERS);
}

/**
 * Analyses files on this thread and on worker threads (dist/analysisWorker.js beside the CLI)
 * together, taking chunks of files from one queue in turn, so that a workspace's files are read on
 * every core. A worker sends back each model as a store keeps it, and this thread restores it over
 * the same text: the models are those a store would hand back. A worker that fails or cannot start
 * leaves its files to this thread.
 */
export function parallelAnalysis(workerFile: string | URL | undefined = besideThisFile(), tuning: Tuning = {}): ParallelAnalysis & { close(): void } {
  const { minFiles = MIN_FILES, workers = defaultWorkers(), counts } = tuning;
  // The workers of the last call, kept for the next one with the same settings: a workspace hands
  // its files over in batches, and each worker's start-up (its own engine, compiled schemas) is paid once.
  let pool: { config: PeakendConfig; positions: AnalyzeOptions['positions']; workers: ChunkWorker<[string, string], string>[] } | undefined;
  const close = () => {
    for (const w of pool?.workers ?? []) w.close();
    pool = undefined;
  };
  const workersFor = (config: PeakendConfig, positions: AnalyzeOptions['positions']) => {
    if (pool?.config !== config || pool.positions !== positions) {
      close();
      const workerData = { config, options: { positions } };
      pool = { config, positions, workers: Array.from({ length: workers }, () => new ChunkWorker<[string, string], string>(workerFile!, workerData)) };
    }
    return pool.workers;
  };
  return {
    close,
    // With workers, enough files for every thread; on this thread alone a few, so that little is held at once.
    batch: workers > 0 ? Math.max(minFiles, WORKER_BATCH) : BATCH_HERE,
    async analyze(files, config, options): Promise<FileModel[]> {
      const out = new Array<FileModel>(files.length);
      const here = (i: number) => {
        const f = files[i]!;
        out[i] = analyzeText(f.file, f.text, config, options);
        if (counts) counts.here++;
      };
      const threads = workerFile === undefined || workers <= 0 || files.length < minFiles ? [] : workersFor(config, options.positions);
      const take = chunkQueue(files.length, CHUNK);
      // A worker is sent each file's name and text and answers with its model as a store keeps it;
      // a file it could not do (no model, or one that cannot be restored) is done here.
      const items = threads.length > 0 ? files.map((f): [string, string] => [f.file, f.text]) : [];
      const fromWorker = (i: number, json: string | null) => {
        const f = files[i]!;
        try {
          if (typeof json !== 'string') throw new Error('no model');
          out[i] = restoreModel(json, f.file, f.text);
          if (counts) counts.inWorkers++;
        } catch {
          here(i);
        }
      };
      const running = threads.map((w) => w.run(items, take, fromWorker));
      for (let chunk = take(); chunk; chunk = take()) {
        for (let i = chunk[0]; i < chunk[1]; i++) here(i);
        // Lets the workers' results in, and sends them more.
        if (threads.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(running);
      return out;
    },
  };
}

export interface Tuning {
  /** Fewer files than this are analysed on this thread alone. */
  minFiles?: number;
  /** How many worker threads (default: none below four cores, else one fewer than the cores, at most three). */
  workers?: number;
  /** Counts, for tests: models analysed here, and models taken from workers. */
  counts?: { here: number; inWorkers: number };
}

/** dist/analysisWorker.js beside the bundled CLI; undefined where it is not (running from sources). */
function besideThisFile(): URL | undefined {
  const url = new URL('./analysisWorker.js', import.meta.url);
  try {
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}
