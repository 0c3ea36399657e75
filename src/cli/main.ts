import { terminalSafe } from '../core';
import { commandNamed, COMMANDS } from './commands';
import { UsageError } from './args';
import { mainHelp } from './help';
import type { CliIo } from './io';
import { VERSION } from './version';

/** Runs the CLI; returns the exit status (0 clean, 1 findings, 2 usage or internal error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name) {
      // A usage error: the help goes to standard error, so that nothing reads it as a report.
      io.stderr.write(mainHelp(COMMANDS));
      return 2;
    }
    if (name === '-h' || name === '--help') {
      io.stdout.write(mainHelp(COMMANDS));
      return 0;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (name === 'help') {
      if (rest[0] === undefined || rest[0] === 'help') {
        io.stdout.write(mainHelp(COMMANDS));
        return 0;
      }
      const command = commandNamed(rest[0]);
      if (!command) {
        io.stderr.write(`peakend: no help for unknown command "${terminalSafe(rest[0])}". Run "peakend --help".\n`);
        return 2;
      }
      io.stdout.write(command.help());
      return 0;
    }
    const command = commandNamed(name);
    if (command) return await command.run(rest, io);
    io.stderr.write(`peakend: unknown command "${terminalSafe(name)}". Run "peakend --help".\n`);
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      // Usage errors quote what was typed (paths, values): shown, never acted on by the terminal.
      io.stderr.write(`peakend: ${terminalSafe(e.message)}\nRun "peakend ${terminalSafe(name ?? '')} --help" for usage.\n`);
      return 2;
    }
    io.stderr.write(`peakend: internal error: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  }
}
