import { parentPort, workerData } from 'node:worker_threads';
import { analyzeText, type AnalyzeOptions } from '../core/analyze';
import type { PeakendConfig } from '../core/config/config';
import { storeModel } from '../core/workspace/store';

/*
 * A worker thread of `peakend check` (src/node/parallelAnalysis.ts): analyses the files it is sent
 * and sends back each model as a store keeps it (JSON text), or null when that fails, so that the
 * main thread analyses that file itself.
 */
const { config, options } = workerData as { config: PeakendConfig; options: AnalyzeOptions };
parentPort!.on('message', ({ start, items }: { start: number; items: [string, string][] }) => {
  const results = items.map(([file, text]) => {
    try {
      return storeModel(analyzeText(file, text, config, options));
    } catch {
      return null;
    }
  });
  parentPort!.postMessage({ start, results });
});
