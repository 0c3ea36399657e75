import { SEVERITY_RANK } from '../core/finding';
import { localizeFinding, toLanguage } from '../core/messages/render';
import { normalize, dirname } from '../core/util/paths';
import { checkPaths, findConfigFile } from '../core/workspace/load';
import { nodeHost, toEnginePath } from '../node/nodeHost';
import { parseCheckArgs, UsageError } from './args';
import { FORMATTERS } from './formatters';
import { checkHelp, MAIN_HELP } from './help';
import type { CliIo } from './io';

declare const PEAKEND_VERSION: string;
const VERSION = typeof PEAKEND_VERSION === 'string' ? PEAKEND_VERSION : '0.0.0-dev';

/** Runs the CLI; returns the exit status (0 clean, 1 findings, 2 usage or internal error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command) {
      // A usage error: the help goes to standard error, so that nothing reads it as a report.
      io.stderr.write(MAIN_HELP);
      return 2;
    }
    if (command === '-h' || command === '--help') {
      io.stdout.write(MAIN_HELP);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'help') {
      if (rest[0] === undefined || rest[0] === 'help') io.stdout.write(MAIN_HELP);
      else if (rest[0] === 'check') io.stdout.write(checkHelp(Object.keys(FORMATTERS)));
      else {
        io.stderr.write(`peakend: no help for unknown command "${rest[0]}". Run "peakend --help".\n`);
        return 2;
      }
      return 0;
    }
    if (command === 'check') return await check(rest, io);
    io.stderr.write(`peakend: unknown command "${command}". Run "peakend --help".\n`);
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`peakend: ${e.message}\nRun "peakend ${command} --help" for usage.\n`);
      return 2;
    }
    io.stderr.write(`peakend: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

async function check(argv: string[], io: CliIo): Promise<number> {
  const formats = Object.keys(FORMATTERS);
  const opts = parseCheckArgs(argv, formats);
  if (opts.help) {
    io.stdout.write(checkHelp(formats));
    return 0;
  }
  const cwd = normalize(toEnginePath(io.cwd, '/'));
  // Normalized, so that "./a.journey.yaml" and "x/../a.journey.yaml" name the file the workspace loads.
  const paths = opts.paths.map((p) => normalize(toEnginePath(p, cwd)));
  for (const [i, p] of paths.entries()) {
    if (!(await nodeHost.stat(p))) throw new UsageError(`No such file or folder: ${opts.paths[i]}`);
  }
  if (paths.length === 0) {
    // No paths: the whole workspace around the current folder, not only the folder itself.
    const config = await findConfigFile(nodeHost, cwd);
    paths.push(config ? dirname(config) : cwd);
  }
  const result = await checkPaths(nodeHost, paths);
  // As in POSIX, an empty locale variable counts as unset; "zh_TW.UTF-8" is read as "zh-TW".
  const locale = [opts.lang, io.env.PEAKEND_LANG, io.env.LC_ALL, io.env.LC_MESSAGES, io.env.LANG].find(Boolean);
  const lang = toLanguage(locale?.replace(/[.@].*$/, '').replace(/_/g, '-'));
  const findings = result.findings.map((f) => localizeFinding(f, lang));
  const color = opts.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  for (const out of opts.outputs) {
    const text = FORMATTERS[out.format]!(findings, { cwd, fileCount: result.files.length, color: out.file ? false : color, toolVersion: VERSION, lang });
    if (out.file) {
      try {
        await io.writeFile(normalize(toEnginePath(out.file, cwd)), text);
      } catch (e) {
        io.stderr.write(`peakend: cannot write "${out.file}": ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
    } else io.stdout.write(text);
  }
  const threshold = SEVERITY_RANK[opts.failSeverity];
  return findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
