import type { Command } from './commands/types';

/** `peakend --help`: the commands come from the command table, so a new command is listed by being registered. */
export function mainHelp(commands: readonly Command[]): string {
  const width = commands.reduce((w, c) => Math.max(w, `${c.name} ${c.usage}`.length), 'help [command]'.length) + 3;
  const rows = [...commands.map((c) => [`${c.name} ${c.usage}`, c.summary]), ['help [command]', 'Show help for a command']];
  return `Usage: peakend <command> [options]

Customer-journey maps, touchpoint inventories and service standards as YAML in git.

Commands:
${rows.map(([left, right]) => `  ${left!.padEnd(width)}${right}`).join('\n')}

Options:
  -h, --help${' '.repeat(Math.max(1, width - 10))}Show help
  -v, --version${' '.repeat(Math.max(1, width - 13))}Show the version

Exit status: 0 = no findings at or above --fail-severity, 1 = findings, 2 = usage or internal error.
`;
}
