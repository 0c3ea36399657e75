import { RULES, SEVERITY_RANK, checkPaths, localizeFinding, normalize, terminalSafe } from '../../core';
import { diskStore, engineId } from '../../node/diskStore';
import { keepingHost, toEnginePath } from '../../node/nodeHost';
import { parallelAnalysis } from '../../node/parallelAnalysis';
import { writeTarget } from '../../node/writeFileAtomic';
import { parseCheckArgs, UsageError, type CheckOptions } from '../args';
import { FORMATTERS } from '../formatters';
import { languageOf } from '../lang';
import { workspacePaths } from '../paths';
import { VERSION } from '../version';
import type { Command } from './types';

export const check: Command = {
  name: 'check',
  usage: '[paths…]',
  summary: 'Validate the workspace (or the given files and folders)',
  help: () => checkHelp(Object.keys(FORMATTERS)),
  async run(argv, io) {
    const formats = Object.keys(FORMATTERS);
    const opts = parseCheckArgs(argv, formats);
    if (opts.help) {
      io.stdout.write(checkHelp(formats));
      return 0;
    }
    const cwd = normalize(toEnginePath(io.cwd, '/'));
    await checkOutputsDiffer(opts.outputs, cwd);
    const paths = await workspacePaths(opts.paths, cwd);
    // Only findings leave this command: valid files need no positions.
    const engine = opts.cache ? engineId(VERSION) : '';
    const parallel = parallelAnalysis();
    let result;
    try {
      result = await checkPaths(keepingHost(), paths, { positions: 'later', parallel }, opts.cache ? (config) => diskStore(config, engine) : undefined);
    } finally {
      parallel.close();
    }
    const lang = languageOf(opts.lang, io.env);
    const findings = result.findings.map((f) => localizeFinding(f, lang));
    const color = opts.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
    for (const out of opts.outputs) {
      const text = FORMATTERS[out.format]!(findings, { cwd, fileCount: result.files.length, color: out.file ? false : color, toolVersion: VERSION, lang });
      if (out.file) {
        try {
          await io.writeFile(normalize(toEnginePath(out.file, cwd)), text);
        } catch (e) {
          io.stderr.write(`peakend: cannot write "${terminalSafe(out.file)}": ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
          return 2;
        }
      } else io.stdout.write(text);
    }
    const threshold = SEVERITY_RANK[opts.failSeverity];
    return findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
  },
};

/** Two formats written to one file would overwrite each other: compare where the writes land, not how they are spelled. */
async function checkOutputsDiffer(outputs: CheckOptions['outputs'], cwd: string): Promise<void> {
  const seen = new Map<string, string>();
  for (const { file } of outputs) {
    if (file === undefined) continue;
    const { target } = await writeTarget(toEnginePath(file, cwd));
    const first = seen.get(target);
    if (first === file) throw new UsageError(`--output "${file}" is given twice; each format needs its own file.`);
    if (first !== undefined) throw new UsageError(`--output "${first}" and --output "${file}" are the same file; each format needs its own file.`);
    seen.set(target, file);
  }
}

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
      --no-cache               Neither read nor write .peakend-cache (results of earlier runs, by content)
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
