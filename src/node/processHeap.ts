import { setFlagsFromString } from 'node:v8';

/**
 * Tunes V8's heap for a process that runs Peakend alone (the CLI, the GitHub Action; never the
 * extension host, which other extensions share). A run reads a whole workspace and keeps little of
 * each file: the inventories, standards and personas it keeps come first, and V8, seeing the models
 * made at the same places in the code survive, would then allocate every journey's model straight
 * into the old generation, where each stays after its batch until a full collection: about a third
 * of a large workspace's peak memory, for no speed. Called first, before any file is read.
 */
export function tuneHeapForOneRun(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
