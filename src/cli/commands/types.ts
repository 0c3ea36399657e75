import type { CliIo } from '../io';

/** One `peakend` subcommand: its name, one line for the main help, its own help, and what it does. */
export interface Command {
  name: string;
  /** Shown after the name in `peakend --help`, e.g. "[paths…]". */
  usage: string;
  summary: string;
  help(): string;
  /** Returns the exit status: 0 clean, 1 findings (or what the command defines), 2 usage or internal error. */
  run(argv: string[], io: CliIo): Promise<number>;
}
