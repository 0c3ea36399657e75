import type { AnalyzeOptions } from '../analyze';
import type { PeakendConfig } from '../config/config';
import type { FileModel } from '../model/types';

/**
 * Analyses many files at once elsewhere (the CLI uses worker threads, src/node/parallelAnalysis.ts):
 * each model is the one `analyzeText` makes of the same text, settings and options, as a store
 * would hand it back (without its plain data).
 */
export interface ParallelAnalysis {
  /** The files' models, in the order given. */
  analyze(files: readonly { file: string; text: string }[], config: PeakendConfig, options: AnalyzeOptions): Promise<FileModel[]>;
}
