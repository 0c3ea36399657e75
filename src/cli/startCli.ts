import { runWithCodeCache, writeCodeCache } from '../node/codeCache';
import { tuneHeapForOneRun } from '../node/processHeap';

/**
 * Runs the CLI's bundle (dist/cli-main.js, from bin.ts) with the code cache beside it
 * (src/node/codeCache.ts); with `writeTo`, writes the cache of this run there when it ends (the
 * build does, from a check of the examples; a run never writes one otherwise).
 */
export function startCli(bundle: string, writeTo: string | undefined): { cacheAccepted: boolean } {
  // Before the bundle is compiled: V8 takes a cache only under the flags it was made with.
  tuneHeapForOneRun();
  const run = runWithCodeCache(bundle, `${bundle}.cache`);
  if (writeTo) process.once('exit', () => writeCodeCache(run, writeTo));
  return { cacheAccepted: run.cacheAccepted };
}
