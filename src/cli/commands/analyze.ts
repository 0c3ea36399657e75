import { analysisMarkdown, analysisReport, checkPaths, normalize, relativePath, terminalSafe, type AnalysisReport, type CutOption } from '../../core';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { analysisText } from '../analysisText';
import { parseOptions, UsageError } from '../args';
import { languageOf } from '../lang';
import { workspacePaths } from '../paths';
import type { Command } from './types';

const FORMATS = ['stylish', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

interface AnalyzeOptions {
  paths: string[];
  format: Format;
  output?: string;
  lang?: string;
  /** Undefined: each workspace's `analysis.cuts`. */
  cuts?: CutOption;
  color?: boolean;
  help: boolean;
}

export const analyze: Command = {
  name: 'analyze',
  usage: '[paths…]',
  summary: 'Peak-end figures of journeys and importance–performance of inventories',
  help: analyzeHelp,
  async run(argv, io) {
    const opts = parseAnalyzeArgs(argv);
    if (opts.help) {
      io.stdout.write(analyzeHelp());
      return 0;
    }
    const cwd = normalize(toEnginePath(io.cwd, '/'));
    const paths = await workspacePaths(opts.paths, cwd);
    const { workspaces, files } = await checkPaths(nodeHost, paths);
    const report = analysisReport(workspaces, files, opts.cuts ? { cuts: opts.cuts } : {});
    const lang = languageOf(opts.lang, io.env);
    const fileLabel = (f: string) => relativePath(cwd, f);
    const color = !opts.output && (opts.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR));
    const text =
      opts.format === 'json'
        ? JSON.stringify(withRelativePaths(report, fileLabel), null, 2) + '\n'
        : opts.format === 'md'
          ? analysisMarkdown(report, { lang, fileLabel })
          : analysisText(report, { lang, fileLabel, color });
    if (opts.output) {
      try {
        await io.writeFile(normalize(toEnginePath(opts.output, cwd)), text);
      } catch (e) {
        io.stderr.write(`peakend: ${terminalSafe(`cannot write "${opts.output}": ${e instanceof Error ? e.message : String(e)}`)}\n`);
        return 2;
      }
    } else io.stdout.write(text);
    // Figures from a file with errors may be incomplete: say so in the status, as `check` would.
    const broken = [...report.journeys, ...report.inventories].filter((a) => a.errors > 0);
    if (broken.length) {
      io.stderr.write(`peakend: ${terminalSafe(`${broken.length} analysed file(s) have errors, so their figures may be incomplete: ${broken.map((a) => fileLabel(a.file)).join(', ')}. Run "peakend check".`)}\n`);
      return 1;
    }
    return 0;
  },
};

function withRelativePaths(report: AnalysisReport, label: (f: string) => string): AnalysisReport {
  return {
    ...report,
    journeys: report.journeys.map((j) => ({
      ...j,
      file: label(j.file),
      judgements: j.judgements.map((f) => ({ ...f, file: label(f.file), related: f.related?.map((r) => ({ ...r, file: label(r.file) })) })),
    })),
    inventories: report.inventories.map((i) => ({ ...i, file: label(i.file) })),
  };
}

export function parseAnalyzeArgs(argv: string[]): AnalyzeOptions {
  const parsed = parseOptions(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    cuts: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  const format = v.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${FORMATS.join(', ')}.`);
  const o: AnalyzeOptions = { paths: parsed.positionals, format: format as Format, help: Boolean(v.help) };
  if (v.cuts !== undefined) o.cuts = parseCuts(v.cuts);
  if (v.output !== undefined) o.output = v.output;
  if (v.lang !== undefined) {
    if (!['en', 'zh-cn', 'zh-CN', 'zh'].includes(v.lang)) throw new UsageError(`--lang takes en or zh-cn, not "${v.lang}".`);
    o.lang = v.lang;
  }
  for (const t of parsed.tokens ?? []) {
    // The last of --color and --no-color wins.
    if (t.kind === 'option' && t.name === 'color') o.color = true;
    if (t.kind === 'option' && t.name === 'no-color') o.color = false;
  }
  return o;
}

/** midpoint, mean, or "importance,performance" (two numbers from 1 to 5). */
function parseCuts(value: string): CutOption {
  if (value === 'midpoint') return 'midpoint';
  if (value === 'mean') return 'mean';
  const m = /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  const [importance, performance] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(importance >= 1 && importance <= 5 && performance >= 1 && performance <= 5)) {
    throw new UsageError(`--cuts takes midpoint, mean, or two numbers from 1 to 5 such as 3.5,3 (importance, performance), not "${value}".`);
  }
  return { importance, performance };
}

export function analyzeHelp(): string {
  return `Usage: peakend analyze [paths…] [options]

Peak-end analysis of every journey (per persona, on the journey's own scale: best, worst and most
intense moment, the end, the peak-end score, the plain average and their gap, stage averages) and
importance–performance analysis of every touchpoint inventory (quadrants, priority list, touchpoints
missing a number). Without paths it analyses the workspace around the current folder. The figures
and the JSON shape are described in docs/analysis.md.

Options:
  -f, --format <name>   stylish (default), json or md (Markdown tables)
  -o, --output <file>   Write to this file instead of standard output
      --cuts <how>      Where the importance–performance quadrants are cut: midpoint (3 on 1–5), mean
                        (the inventory's own means) or two numbers, e.g. 3.5,3. Default: analysis.cuts
                        in peakend.yaml, else midpoint
      --lang <language> en or zh-cn for labels (default: from LANG)
      --color, --no-color  Force colour on or off (default: on when writing to a terminal)
  -h, --help            Show this help

Exit status: 0 = analysed, 1 = some analysed files have errors (their figures may be incomplete;
the report still covers them), 2 = usage error or the output cannot be written.

Examples:
  peakend analyze examples/property-management
  peakend analyze --format md --output analysis.md
  peakend analyze --format json --cuts mean
`;
}
