import { localizeFinding, renderMessage, type Language, type MessageId } from '../messages/render';
import { markdownText } from '../render/markdown';
import { formatFigure } from './format';
import type { AnalysisReport, InventoryAnalysis, JourneyAnalysis, MetricValue, Moment, PersonaPeakEnd } from './types';

export interface MarkdownOptions {
  lang?: Language;
  /** How a file is named in the output (e.g. relative to the working folder). Default: as given. */
  fileLabel?: (file: string) => string;
}

type Label = (id: MessageId, args?: Record<string, string | number>) => string;

/**
 * A message rendered with its arguments inserted literally: user text (an ID or a name) that starts
 * with "@", which in a template names another message, is still shown as written.
 */
export function renderLabel(id: MessageId, args: Record<string, string | number>, lang: Language): string {
  const keys = Object.keys(args);
  const slots = Object.fromEntries(keys.map((k, i) => [k, `\u0000${i}\u0000`]));
  return renderMessage(id, slots, lang).replace(/\u0000(\d+)\u0000/g, (_, i: string) => String(args[keys[Number(i)]!]));
}

const labelsFor =
  (lang: Language): Label =>
  (id, args = {}) =>
    renderLabel(id, args, lang);

/** One Markdown table row; the cells must already be escaped. */
function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `align` has one letter per column, "r" for a right-aligned one (figures); left by default. */
function table(head: readonly string[], rows: readonly (readonly string[])[], align = ''): string {
  const rule = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [row(head), row(rule), ...rows.map(row)].join('\n');
}

function personaLabel(p: PersonaPeakEnd): string {
  return p.name !== undefined ? `${markdownText(p.name)} (${markdownText(p.persona)})` : markdownText(p.persona);
}

function momentCell(m: Moment | undefined, t: Label, opposite = false): string {
  if (!m) return '';
  const notes: string[] = [];
  if (m.tiedWith.length) notes.push(t('analysis.tied', { steps: m.tiedWith.join(', ') }));
  if (opposite) notes.push(t('analysis.tiedOpposite'));
  const text = t('analysis.moment', { score: formatFigure(m.score), step: m.stepId });
  return markdownText(notes.length ? t('analysis.momentNotes', { moment: text, notes: notes.join(t('analysis.noteSeparator')) }) : text);
}

const figure = (n: number | undefined) => (n === undefined ? '' : markdownText(formatFigure(n)));

/** The peak-end figures of a journey, one row per persona. */
export function peakEndTable(a: JourneyAnalysis, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const head = ['persona', 'scored', 'best', 'worst', 'peak', 'end', 'peakEnd', 'average', 'gap'].map((c) => markdownText(t(`analysis.col.${c}` as MessageId)));
  const rows = a.personas.map((p) => [
    personaLabel(p),
    String(p.scored),
    momentCell(p.best, t),
    momentCell(p.worst, t),
    momentCell(p.peak, t, p.peakTiedOpposite),
    momentCell(p.end, t),
    figure(p.peakEnd),
    figure(p.average),
    figure(p.gap),
  ]);
  return table(head, rows, 'lrllllrrr');
}

/** Each stage's average score, one column per persona (empty where the persona scored no step). */
export function stageAveragesTable(a: JourneyAnalysis, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const head = [markdownText(t('analysis.col.stage')), ...a.personas.map(personaLabel)];
  const rows = a.stages.map((s, i) => [
    s.title !== undefined ? `${markdownText(s.title)} (${markdownText(s.stageId)})` : markdownText(s.stageId),
    ...a.personas.map((p) => figure(p.stages[i]?.average)),
  ]);
  return table(head, rows, 'l' + 'r'.repeat(a.personas.length));
}

/** A measured metric in words, e.g. "CSAT 3.1 (1–5, n = 240, 2026-06)"; plain text, not yet escaped. */
export function metricText(m: MetricValue, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const name = m.type === 'other' && m.name !== undefined ? m.name : t(`analysis.metric.${m.type}`);
  const details = [
    ...(m.scale ? [`${formatFigure(m.scale.min)}–${formatFigure(m.scale.max)}`] : []),
    ...(m.sampleSize !== undefined ? [t('analysis.sample', { count: m.sampleSize })] : []),
    ...(m.date !== undefined ? [m.date] : []),
  ];
  return `${name} ${formatFigure(m.value)}${details.length ? ` (${details.join(', ')})` : ''}`;
}

/** The steps that carry measured metrics, each beside its designed emotion scores; undefined when none does. */
export function metricsTable(a: JourneyAnalysis, lang: Language = 'en'): string | undefined {
  const t = labelsFor(lang);
  const measured = a.steps.filter((s) => s.metrics.length);
  if (!measured.length) return undefined;
  const head = ['step', 'metric', 'emotion'].map((c) => markdownText(t(`analysis.col.${c}` as MessageId)));
  const rows = measured.map((s) => [
    s.title !== undefined ? `${markdownText(s.title)} (${markdownText(s.stepId)})` : markdownText(s.stepId),
    s.metrics.map((m) => markdownText(metricText(m, lang))).join('<br>'),
    markdownText(a.personas.filter((p) => s.scores[p.persona] !== undefined).map((p) => `${p.persona} ${formatFigure(s.scores[p.persona]!)}`).join(', ')),
  ]);
  return table(head, rows);
}

/** The importance–performance priority list: every placed touchpoint in priority order. */
export function ipaTable(inv: InventoryAnalysis, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const head = ['rank', 'touchpoint', 'quadrant', 'importance', 'performance', 'ipaGap'].map((c) => markdownText(t(`analysis.col.${c}` as MessageId)));
  const byId = new Map(inv.points.map((p) => [p.touchpointId, p]));
  const rows = inv.priority.map((id, i) => {
    const p = byId.get(id)!;
    return [
      String(i + 1),
      p.name !== undefined ? `${markdownText(p.name)} (${markdownText(id)})` : markdownText(id),
      markdownText(t(`analysis.quadrant.${p.quadrant}` as MessageId)),
      figure(p.importance),
      figure(p.performance),
      figure(p.gap),
    ];
  });
  return table(head, rows, 'rllrrr');
}

/** The whole report as Markdown: per journey its figures and stage averages, per inventory its cuts, priority list and missing data. */
export function analysisMarkdown(report: AnalysisReport, options: MarkdownOptions = {}): string {
  const lang = options.lang ?? 'en';
  const t = labelsFor(lang);
  const fileLabel = options.fileLabel ?? ((f: string) => f);
  // ": " in English, "：" in Chinese: plain punctuation, nothing to escape.
  const colon = t('analysis.colon');
  const out: string[] = [`# ${markdownText(t('analysis.title'))}`];
  if (!report.journeys.length && !report.inventories.length) out.push(markdownText(t('analysis.nothing')));
  for (const a of report.journeys) {
    out.push(`## ${markdownText(t('analysis.journey'))}${colon}${titled(a.title, a.journeyId)}`);
    const scale = t('analysis.scale', { min: formatFigure(a.scale.min), max: formatFigure(a.scale.max), neutral: formatFigure(a.scale.neutral) });
    out.push(`${markdownText(t('analysis.file'))}${colon}${markdownText(fileLabel(a.file))} · ${markdownText(scale)}`);
    if (a.errors) out.push(`> ${markdownText(t('analysis.errors', { count: a.errors }))}`);
    if (!a.personas.length) {
      out.push(markdownText(t('analysis.noPersonas')));
      continue;
    }
    out.push(peakEndTable(a, lang));
    out.push(`### ${markdownText(t('analysis.stageAverages'))}`, stageAveragesTable(a, lang));
    const metrics = metricsTable(a, lang);
    if (metrics) out.push(`### ${markdownText(t('analysis.metrics'))}`, metrics);
    if (a.judgements.length) {
      out.push(`### ${markdownText(t('analysis.judgements'))}`);
      out.push(
        a.judgements
          .map((f) => localizeFinding(f, lang))
          .map((f) => `- ${markdownText(`${f.severity} · ${t('analysis.line', { line: f.range.start.line + 1, column: f.range.start.character + 1 })} · ${f.message} (${f.ruleId})`)}`)
          .join('\n'),
      );
    }
  }
  for (const inv of report.inventories) {
    out.push(`## ${markdownText(t('analysis.inventory'))}${colon}${titled(inv.title, inv.inventoryId)}`);
    out.push(`${markdownText(t('analysis.file'))}${colon}${markdownText(fileLabel(inv.file))}`);
    if (inv.errors) out.push(`> ${markdownText(t('analysis.errors', { count: inv.errors }))}`);
    const cuts = { importance: formatFigure(inv.cuts.importance), performance: formatFigure(inv.cuts.performance) };
    out.push(markdownText(t(`analysis.cuts.${inv.cuts.method}`, cuts)));
    out.push(`### ${markdownText(t('analysis.priority'))}`, inv.points.length ? ipaTable(inv, lang) : markdownText(t('analysis.noRated')));
    if (inv.missing.length) {
      out.push(`### ${markdownText(t('analysis.missing'))}`);
      out.push(inv.missing.map((m) => `- ${markdownText(t('analysis.missingItem', { touchpoint: m.name !== undefined ? `${m.name} (${m.touchpointId})` : m.touchpointId, lacks: lacksLabel(m.lacks, t) }))}`).join('\n'));
    }
  }
  return out.join('\n\n') + '\n';
}

function titled(title: string | undefined, id: string): string {
  // A blank title would read "Journey:  (j)": the ID alone says more.
  return title?.trim() ? `${markdownText(title)} (${markdownText(id)})` : markdownText(id);
}

function lacksLabel(lacks: readonly ('importance' | 'performance')[], t: Label): string {
  return lacks.length === 2 ? t('analysis.lacks.both') : t(`analysis.lacks.${lacks[0]!}`);
}
