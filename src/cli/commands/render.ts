import {
  CHART_VARIANTS,
  analyzeInventory,
  analyzeJourney,
  emotionCurve,
  inventoryHtml,
  inventoryMarkdown,
  ipaChart,
  journeyHtml,
  journeyMarkdown,
  localizeFinding,
  normalize,
  openWorkspace,
  dirname,
  findConfigFile,
  selectPersonas,
  terminalSafe,
  type ChartVariant,
  type DocumentOptions,
} from '../../core';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { readMermaidBundle } from '../../node/mermaidBundle';
import { parseOptions, UsageError } from '../args';
import { FORMATTERS } from '../formatters';
import { languageOf } from '../lang';
import { VERSION } from '../version';
import type { Command } from './types';

const FORMATS = ['md', 'mermaid', 'html'] as const;
type RenderFormat = (typeof FORMATS)[number];

interface RenderOptions {
  file: string;
  format: RenderFormat;
  variant: ChartVariant;
  personas: string[];
  output?: string;
  lang?: string;
  help: boolean;
}

export function parseRenderArgs(argv: string[]): RenderOptions {
  const parsed = parseOptions(argv, {
    format: { type: 'string', short: 'f' },
    variant: { type: 'string' },
    persona: { type: 'string', short: 'p', multiple: true },
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) return { file: '', format: 'md', variant: 'rich', personas: [], help: true };
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'Give the journey or touchpoint inventory to render.' : 'Give one file to render.');
  const format = v.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${FORMATS.join(', ')}.`);
  const variant = v.variant ?? 'rich';
  if (!(CHART_VARIANTS as readonly string[]).includes(variant)) throw new UsageError(`--variant takes ${CHART_VARIANTS.join(' or ')}, not "${variant}".`);
  if (v.lang !== undefined && !['en', 'zh-cn', 'zh-CN', 'zh'].includes(v.lang)) throw new UsageError(`--lang takes en or zh-cn, not "${v.lang}".`);
  // "--persona a,b" and "--persona a --persona b" both work.
  const personas = (v.persona ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const o: RenderOptions = { file: parsed.positionals[0]!, format: format as RenderFormat, variant: variant as ChartVariant, personas, help: false };
  if (v.output !== undefined) o.output = v.output;
  if (v.lang !== undefined) o.lang = v.lang;
  return o;
}

export const render: Command = {
  name: 'render',
  usage: '<file>',
  summary: 'Draw a journey’s emotion curve or an inventory’s importance–performance chart (Markdown, Mermaid, HTML)',
  help: renderHelp,
  async run(argv, io) {
    const opts = parseRenderArgs(argv);
    if (opts.help) {
      io.stdout.write(renderHelp());
      return 0;
    }
    const cwd = normalize(toEnginePath(io.cwd, '/'));
    const file = normalize(toEnginePath(opts.file, cwd));
    const st = await nodeHost.stat(file);
    if (!st) throw new UsageError(`No such file: ${opts.file}`);
    if (st.type !== 'file') throw new UsageError(`${opts.file} is a folder; give a journey or touchpoint inventory file.`);
    const lang = languageOf(opts.lang, io.env);

    // The whole workspace around the file, so that persona names resolve.
    const config = await findConfigFile(nodeHost, dirname(file));
    const { workspace } = await openWorkspace(nodeHost, config ? dirname(config) : dirname(file), [file]);
    const model = workspace.getFile(file);
    if (!model || (model.kind !== 'journey' && model.kind !== 'touchpoints')) {
      io.stderr.write(`peakend: ${terminalSafe(`${opts.file} is not a journey or a touchpoint inventory${model?.kind ? ` (it is a ${model.kind} file)` : ''}; render draws those two.`)}\n`);
      return 2;
    }
    // Errors in the file itself (YAML, schema, duplicate IDs) leave nothing trustworthy to draw.
    const blocking = model.findings.filter((f) => f.severity === 'error');
    if (blocking.length > 0) {
      io.stderr.write(`peakend: ${terminalSafe(`${opts.file} has errors that prevent the analysis; fix them first (peakend check shows them all):`)}\n`);
      io.stderr.write(FORMATTERS.stylish!(blocking.map((f) => localizeFinding(f, lang)), { cwd, fileCount: 1, color: false, toolVersion: VERSION, lang }));
      return 2;
    }

    const doc: DocumentOptions = { variant: opts.variant, lang };
    let text: string;
    if (model.kind === 'journey') {
      const personaNames = new Map<string, string>();
      for (const [id, defs] of workspace.getIndex().personas) {
        const name = defs.find((p) => p.name !== undefined)?.name;
        if (name !== undefined) personaNames.set(id, name);
      }
      const analysis = analyzeJourney(model, { personaNames });
      if (!analysis) {
        io.stderr.write(`peakend: ${terminalSafe(`${opts.file} has no journey to analyse.`)}\n`);
        return 2;
      }
      const { analysis: selected, unknown } = selectPersonas(analysis, opts.personas);
      if (unknown.length > 0) {
        const known = analysis.personas.map((p) => p.persona);
        io.stderr.write(`peakend: ${terminalSafe(`unknown persona${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} for journey "${analysis.journeyId}"; it has: ${known.join(', ') || '(none)'}.`)}\n`);
        return 2;
      }
      text =
        opts.format === 'mermaid'
          ? emotionCurve(selected, doc)
          : opts.format === 'md'
            ? journeyMarkdown(selected, doc)
            : await journeyHtml(selected, { ...doc, mermaidScript: await readMermaidBundle() });
    } else {
      if (opts.personas.length > 0) throw new UsageError('--persona applies to journeys; this is a touchpoint inventory.');
      // Cut where peakend.yaml says (analysis.cuts), as `peakend analyze` does.
      const analysis = analyzeInventory(model, { cuts: workspace.config.ipaCuts });
      text =
        opts.format === 'mermaid'
          ? ipaChart(analysis, doc)
          : opts.format === 'md'
            ? inventoryMarkdown(analysis, doc)
            : await inventoryHtml(analysis, { ...doc, mermaidScript: await readMermaidBundle() });
    }

    if (opts.output) {
      try {
        await io.writeFile(normalize(toEnginePath(opts.output, cwd)), text);
      } catch (e) {
        io.stderr.write(`peakend: ${terminalSafe(`cannot write "${opts.output}": ${e instanceof Error ? e.message : String(e)}`)}\n`);
        return 2;
      }
    } else io.stdout.write(text);
    return 0;
  },
};

export function renderHelp(): string {
  return `Usage: peakend render <file> [options]

Draws a journey's emotion curve (one line per persona, best ▲ / worst ▼ / end ● marked) or a
touchpoint inventory's importance–performance chart, as Mermaid text, as Markdown (the chart plus
tables of every step and the peak-end figures, or the priority list) or as one self-contained
HTML page that works offline.

Options:
  -f, --format <name>    md (default), mermaid or html
      --variant <name>   rich (default: Mermaid 11.17, as on GitHub: legend, labelled points) or
                         portable (Mermaid 10.9, e.g. GitLab: markers in the axis labels)
  -p, --persona <id>     Only these personas (repeat, or separate with commas); journeys only
  -o, --output <file>    Write to this file instead of standard output
      --lang <language>  en or zh-cn for the chart's and tables' own words (default: from LANG)
  -h, --help             Show this help

Examples:
  peakend render examples/property-management/homeowner.journey.yaml
  peakend render homeowner.journey.yaml --format html --output homeowner.html
  peakend render property.touchpoints.yaml --format mermaid --variant portable

Exit status: 0 = written, 2 = usage error, unknown persona, a file that is not a journey or
inventory, or a file whose errors prevent the analysis.
`;
}
