import { localizeFinding, renderMessage, type Language, type MessageId } from '../messages/render';
import { formatFigure } from './format';
import type { AnalysisReport, InventoryAnalysis, JourneyAnalysis, Moment, PersonaPeakEnd } from './types';

/**
 * User text as literal Markdown inline text, safe in a table cell or a heading: line breaks and runs
 * of ASCII whitespace become one space (a cell is one line), control characters become U+FFFD, and
 * every ASCII character that GitHub-flavoured Markdown could read as syntax is backslash-escaped:
 * `|` (cell), `` ` `` (code), `*` `_` `~` (emphasis), `[` `]` `!` (links, images), `<` `>` `&`
 * (HTML, entities), `#`, `$` (math), `@` (mentions), `\` itself. Other text, Chinese and emoji
 * included, is kept as written. Bare URLs and e-mail addresses may still become GFM autolinks; they
 * read the same.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[ \t\r\n\f\v]+/g, ' ')
      .trim()
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd')
      .replace(/[\\`*_~[\]!<>&|#$@]/g, '\\$&')
  );
}

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

function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [row(head), row(rule), ...rows.map(row)].join('\n');
}

function personaLabel(p: PersonaPeakEnd): string {
  return p.name !== undefined ? `${escapeMarkdown(p.name)} (${escapeMarkdown(p.persona)})` : escapeMarkdown(p.persona);
}

function momentCell(m: Moment | undefined, t: Label, opposite = false): string {
  if (!m) return '';
  const notes: string[] = [];
  if (m.tiedWith.length) notes.push(t('analysis.tied', { steps: m.tiedWith.join(', ') }));
  if (opposite) notes.push(t('analysis.tiedOpposite'));
  const text = t('analysis.moment', { score: formatFigure(m.score), step: m.stepId });
  return escapeMarkdown(notes.length ? `${text} (${notes.join('; ')})` : text);
}

const figure = (n: number | undefined) => (n === undefined ? '' : escapeMarkdown(formatFigure(n)));

/** The peak-end figures of a journey, one row per persona. */
export function peakEndTable(a: JourneyAnalysis, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const head = ['persona', 'scored', 'best', 'worst', 'peak', 'end', 'peakEnd', 'average', 'gap'].map((c) => escapeMarkdown(t(`analysis.col.${c}` as MessageId)));
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
  return table(head, rows, ['l', 'r', 'l', 'l', 'l', 'l', 'r', 'r', 'r']);
}

/** Each stage's average score, one column per persona (empty where the persona scored no step). */
export function stageAveragesTable(a: JourneyAnalysis, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const head = [escapeMarkdown(t('analysis.col.stage')), ...a.personas.map(personaLabel)];
  const rows = a.stages.map((s, i) => [
    s.title !== undefined ? `${escapeMarkdown(s.title)} (${escapeMarkdown(s.stageId)})` : escapeMarkdown(s.stageId),
    ...a.personas.map((p) => figure(p.stages[i]?.average)),
  ]);
  return table(head, rows, ['l', ...a.personas.map(() => 'r' as const)]);
}

/** The importance–performance priority list: every placed touchpoint in priority order. */
export function ipaTable(inv: InventoryAnalysis, lang: Language = 'en'): string {
  const t = labelsFor(lang);
  const head = ['rank', 'touchpoint', 'quadrant', 'importance', 'performance', 'ipaGap'].map((c) => escapeMarkdown(t(`analysis.col.${c}` as MessageId)));
  const byId = new Map(inv.points.map((p) => [p.touchpointId, p]));
  const rows = inv.priority.map((id, i) => {
    const p = byId.get(id)!;
    return [
      String(i + 1),
      p.name !== undefined ? `${escapeMarkdown(p.name)} (${escapeMarkdown(id)})` : escapeMarkdown(id),
      escapeMarkdown(t(`analysis.quadrant.${p.quadrant}` as MessageId)),
      figure(p.importance),
      figure(p.performance),
      figure(p.gap),
    ];
  });
  return table(head, rows, ['r', 'l', 'l', 'r', 'r', 'r']);
}

/** The whole report as Markdown: per journey its figures and stage averages, per inventory its cuts, priority list and missing data. */
export function analysisMarkdown(report: AnalysisReport, options: MarkdownOptions = {}): string {
  const lang = options.lang ?? 'en';
  const t = labelsFor(lang);
  const fileLabel = options.fileLabel ?? ((f: string) => f);
  const out: string[] = [`# ${escapeMarkdown(t('analysis.title'))}`];
  if (!report.journeys.length && !report.inventories.length) out.push(escapeMarkdown(t('analysis.nothing')));
  for (const a of report.journeys) {
    out.push(`## ${escapeMarkdown(t('analysis.journey'))}: ${titled(a.title, a.journeyId)}`);
    const scale = t('analysis.scale', { min: formatFigure(a.scale.min), max: formatFigure(a.scale.max), neutral: formatFigure(a.scale.neutral) });
    out.push(`${escapeMarkdown(t('analysis.file'))}: ${escapeMarkdown(fileLabel(a.file))} · ${escapeMarkdown(scale)}`);
    if (a.errors) out.push(`> ${escapeMarkdown(t('analysis.errors', { count: a.errors }))}`);
    if (!a.personas.length) {
      out.push(escapeMarkdown(t('analysis.noPersonas')));
      continue;
    }
    out.push(peakEndTable(a, lang));
    out.push(`### ${escapeMarkdown(t('analysis.stageAverages'))}`, stageAveragesTable(a, lang));
    if (a.judgements.length) {
      out.push(`### ${escapeMarkdown(t('analysis.judgements'))}`);
      out.push(
        a.judgements
          .map((f) => localizeFinding(f, lang))
          .map((f) => `- ${escapeMarkdown(`${f.severity} · ${t('analysis.line', { line: f.range.start.line + 1, column: f.range.start.character + 1 })} · ${f.message} (${f.ruleId})`)}`)
          .join('\n'),
      );
    }
  }
  for (const inv of report.inventories) {
    out.push(`## ${escapeMarkdown(t('analysis.inventory'))}: ${titled(inv.title, inv.inventoryId)}`);
    out.push(`${escapeMarkdown(t('analysis.file'))}: ${escapeMarkdown(fileLabel(inv.file))}`);
    if (inv.errors) out.push(`> ${escapeMarkdown(t('analysis.errors', { count: inv.errors }))}`);
    const cuts = { importance: formatFigure(inv.cuts.importance), performance: formatFigure(inv.cuts.performance) };
    out.push(escapeMarkdown(t(`analysis.cuts.${inv.cuts.method}`, cuts)));
    out.push(`### ${escapeMarkdown(t('analysis.priority'))}`, inv.points.length ? ipaTable(inv, lang) : escapeMarkdown(t('analysis.noRated')));
    if (inv.missing.length) {
      out.push(`### ${escapeMarkdown(t('analysis.missing'))}`);
      out.push(inv.missing.map((m) => `- ${escapeMarkdown(t('analysis.missingItem', { touchpoint: m.name !== undefined ? `${m.name} (${m.touchpointId})` : m.touchpointId, lacks: lacksLabel(m.lacks, t) }))}`).join('\n'));
    }
  }
  return out.join('\n\n') + '\n';
}

function titled(title: string | undefined, id: string): string {
  return title !== undefined ? `${escapeMarkdown(title)} (${escapeMarkdown(id)})` : escapeMarkdown(id);
}

function lacksLabel(lacks: readonly ('importance' | 'performance')[], t: Label): string {
  return lacks.length === 2 ? t('analysis.lacks.both') : t(`analysis.lacks.${lacks[0]!}`);
}
