import { terminalSafe } from '../core';
import { writeFileAtomic } from '../node/writeFileAtomic';
import { main } from './main';

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
