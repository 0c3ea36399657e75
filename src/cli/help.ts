import { RULES } from '../core/rules/meta';

export const MAIN_HELP = `Usage: peakend <command> [options]

Customer-journey maps, touchpoint inventories and service standards as YAML in git.

Commands:
  check [paths…]   Validate the workspace (or the given files and folders)
  help [command]   Show help for a command

Options:
  -h, --help       Show help
  -v, --version    Show the version

Exit status: 0 = no findings at or above --fail-severity, 1 = findings, 2 = usage or internal error.
`;

export function checkHelp(formats: readonly string[]): string {
  return `Usage: peakend check [paths…] [options]

Validates journey maps, touchpoint inventories, standards and personas: YAML syntax, the JSON
Schemas, IDs across files, coverage and emotion scores. Without paths it checks the workspace
around the current folder (the nearest peakend.yaml above it). A path loads the workspace it
belongs to, so references resolve, and reports findings inside that path only.

Options:
  -f, --format <name>          ${formats.join(', ')} (default stylish); may repeat
  -o, --output <file>          Write the preceding --format to this file instead of standard output
      --fail-severity <level>  error (default), warning or info: exit 1 when a finding is at or above it
      --lang <language>        en or zh-cn for messages (default: from LANG)
      --color, --no-color      Force colour on or off (default: on when writing to a terminal)
  -h, --help                   Show this help

Examples:
  peakend check
  peakend check examples/property-management --fail-severity warning
  peakend check --format stylish --format sarif --output peakend.sarif

Rules (override with "rules:" in peakend.yaml; silence one line with
"# peakend-disable-next-line <rule-id>"):
${RULES.map((r) => `  ${r.id.padEnd(24)} ${r.severity.padEnd(8)} ${r.summary}`).join('\n')}
`;
}
