import { runAction } from './main';
import { tuneHeapForOneRun } from '../node/processHeap';

tuneHeapForOneRun();

runAction(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`peakend action: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
