import type { AnalyzeOptions } from '../analyze';
import type { PeakendConfig } from '../config/config';
import type { FileModel } from '../model/types';

/**
 * Analyses many files at once elsewhere (the CLI uses worker threads, src/node/parallelAnalysis.ts):
 * each model is the one `analyzeText` makes of the same text, settings and options, as a store
 * would hand it back (without its plain data).
 */
export interface ParallelAnalysis {
  /**
   * How many journeys to hand over at once: enough to keep every thread busy, and no more, since
   * each journey's whole model is held until the batch is checked and cut down.
   */
  readonly batch: number;
  /** The files' models, in the order given. */
  analyze(files: readonly { file: string; text: string }[], config: PeakendConfig, options: AnalyzeOptions): Promise<FileModel[]>;
}
