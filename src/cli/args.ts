import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

export interface CheckOptions {
  paths: string[];
  /** Each format, with the file it goes to (undefined: standard output). */
  outputs: { format: string; file?: string }[];
  failSeverity: 'error' | 'warning' | 'info';
  lang?: string;
  color?: boolean;
  /** False with --no-cache: nothing is read from or written to the workspace's .peakend-cache. */
  cache: boolean;
  help: boolean;
}

/**
 * `--format` may repeat; an `--output` after a `--format` sends that format to the file, so
 * `--format stylish --format sarif --output out.sarif` prints stylish and writes SARIF.
 */
export function parseCheckArgs(argv: string[], formats: readonly string[]): CheckOptions {
  const parsed = parseOptions(argv, { ...OUTPUT_OPTIONS, 'fail-severity': { type: 'string' }, 'no-cache': { type: 'boolean' } });
  const { outputs, color } = formatOutputs(parsed.tokens ?? [], formats);
  const fail = parsed.values['fail-severity'] ?? 'error';
  if (fail !== 'error' && fail !== 'warning' && fail !== 'info') throw new UsageError(`--fail-severity takes error, warning or info, not "${fail}".`);
  const v = parsed.values;
  const o: CheckOptions = { paths: parsed.positionals, outputs, failSeverity: fail, cache: !v['no-cache'], help: Boolean(v.help) };
  if (v.lang !== undefined) {
    if (!['en', 'zh-cn', 'zh-CN', 'zh'].includes(v.lang)) throw new UsageError(`--lang takes en or zh-cn, not "${v.lang}".`);
    o.lang = v.lang;
  }
  if (color !== undefined) o.color = color;
  return o;
}

/** The options of every command that writes a report: one or more formats, each to standard output or a file. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  lang: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/** `parseArgs` with positionals and tokens; a malformed command line is a UsageError. */
export function parseOptions<T extends OptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; strict: true; tokens: true; options: T }>({ args: argv, allowPositionals: true, strict: true, tokens: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Pairs each `--output` with the `--format` before it (stylish when none came first), checks the
 * formats, allows one format on standard output, and takes the last of `--color` and `--no-color`.
 */
export function formatOutputs(tokens: readonly { kind: string; name?: string; value?: string | undefined }[], formats: readonly string[]): { outputs: { format: string; file?: string }[]; color: boolean | undefined } {
  const outputs: { format: string; file?: string }[] = [];
  let color: boolean | undefined;
  // Only option tokens have a name.
  for (const t of tokens) {
    if (t.name === 'color') color = true;
    else if (t.name === 'no-color') color = false;
    else if (t.name === 'format') {
      const format = String(t.value);
      if (!formats.includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${formats.join(', ')}.`);
      outputs.push({ format });
    } else if (t.name === 'output') {
      const last = outputs[outputs.length - 1];
      if (!last) outputs.push({ format: 'stylish', file: String(t.value) });
      else if (last.file) throw new UsageError(`--output "${t.value}" follows another --output; give a --format before each.`);
      else last.file = String(t.value);
    }
  }
  if (outputs.length === 0) outputs.push({ format: 'stylish' });
  if (outputs.filter((o) => !o.file).length > 1) throw new UsageError('Only one format can go to standard output; give the others an --output file.');
  return { outputs, color };
}
