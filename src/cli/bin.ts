import { terminalSafe } from '../core';
import { writeFileAtomic } from '../node/writeFileAtomic';
import { main } from './main';
import { tuneHeapForOneRun } from '../node/processHeap';

// A reader that stops early (`peakend check | head`) closes the pipe: stop quietly with the status
// of a command ended by SIGPIPE (128 + 13), as `cat` or `git log` would.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(141);
});

tuneHeapForOneRun();

main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  writeFile: writeFileAtomic,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`peakend: internal error: ${text.split('\n').map((l) => terminalSafe(l)).join('\n')}\n`);
    process.exitCode = 2;
  },
);
