/**
 * The tables beside the charts, as plain text cells: Markdown and HTML escape and lay them out
 * their own way. Every step of the journey has a row (the chart's axis can be cut short or
 * numeric; the table always carries the names).
 */
import type { InventoryAnalysis, JourneyAnalysis, MetricValue, Moment, PersonaPeakEnd } from '../analysis/types';
import { plottedPersonas, stepNumber, usesNumericAxis, type ChartVariant } from './emotionCurve';
import { pointLabel } from './ipaChart';
import { renderLabels, type RenderLanguage } from './labels';
import { markersAt, personaTags } from './markers';
import { formatNumber } from './text';

export interface Table {
  head: string[];
  /** Columns whose cells are numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** Rows that begin a stage (drawn with a rule above in HTML). */
  stageStarts?: Set<number>;
}

export interface TableOptions {
  variant?: ChartVariant;
  lang?: RenderLanguage;
}

/** How a persona is named in table heads: its name, with the tag the portable axis labels use. */
export function personaHeading(a: JourneyAnalysis, p: PersonaPeakEnd, variant: ChartVariant): string {
  const tag = personaTags(a).get(p.persona);
  const name = p.name || p.persona;
  const tagged = variant === 'portable' && !usesNumericAxis(a) && tag && plottedPersonas(a).includes(p);
  return tagged ? `${name} (${tag})` : name;
}

export function stepsTable(a: JourneyAnalysis, opts: TableOptions = {}): Table {
  const L = renderLabels(opts.lang);
  const variant = opts.variant ?? 'rich';
  const stageTitle = new Map(a.stages.map((s) => [s.stageId, s.title || s.stageId]));
  const head = ['#', L.stage, L.step, ...a.personas.map((p) => personaHeading(a, p, variant)), L.momentOfTruth, L.painPoints, L.metrics];
  const numeric = head.map((_, i) => i === 0 || (i >= 3 && i < 3 + a.personas.length));
  const stageStarts = new Set<number>();
  const rows = a.steps.map((s, row) => {
    const first = row === 0 || a.steps[row - 1]!.stageId !== s.stageId;
    if (first) stageStarts.add(row);
    const scores = a.personas.map((p) => {
      const v = s.scores[p.persona];
      if (v === undefined) return '–';
      const m = markersAt(p, s.index);
      return m ? `${formatNumber(v, { sign: true })} ${m}` : formatNumber(v, { sign: true });
    });
    return [
      stepNumber(s.index),
      first ? (stageTitle.get(s.stageId) ?? s.stageId) : '',
      s.title ? `${s.title} (${s.stepId})` : s.stepId,
      ...scores,
      s.momentOfTruth ? '★' : '',
      s.painPoints.join('; '),
      s.metrics.map(formatMetric).join('; '),
    ];
  });
  return { head, numeric, rows, stageStarts };
}

export function formatMetric(m: MetricValue): string {
  const name = m.type === 'other' ? (m.name ?? 'other') : m.name ? `${m.type.toUpperCase()} (${m.name})` : m.type.toUpperCase();
  let s = `${name} ${formatNumber(m.value)}`;
  if (m.scale) s += `/${formatNumber(m.scale.max)}`;
  if (m.sampleSize !== undefined) s += ` n=${m.sampleSize}`;
  if (m.date) s += ` ${m.date}`;
  return s;
}

export function figuresTable(a: JourneyAnalysis, opts: TableOptions = {}): Table {
  const L = renderLabels(opts.lang);
  const variant = opts.variant ?? 'rich';
  const head = [L.persona, L.scored, `${L.best} ▲`, `${L.worst} ▼`, L.peak, `${L.end} ●`, L.peakEnd, L.average, L.gap];
  const titleOf = new Map(a.steps.map((s) => [s.stepId, s.title || s.stepId]));
  const moment = (m: Moment | undefined, extra = '') => {
    if (!m) return '–';
    let s = `${formatNumber(m.score, { sign: true })} · ${stepNumber(m.index)} ${titleOf.get(m.stepId) ?? m.stepId}`;
    if (m.tiedWith.length) s += ` (${L.tied} ${m.tiedWith.join(', ')})`;
    return s + extra;
  };
  const rows = a.personas.map((p) => {
    if (p.scored === 0) return [personaHeading(a, p, variant), '0', L.notScored, '', '', '', '', '', ''];
    const fig = (n: number | undefined, sign = false) => (n === undefined ? '–' : formatNumber(n, { sign }));
    return [
      personaHeading(a, p, variant),
      String(p.scored),
      moment(p.best),
      moment(p.worst),
      moment(p.peak, p.peakTiedOpposite ? ` (${L.tiedOpposite})` : ''),
      moment(p.end),
      fig(p.peakEnd, true),
      fig(p.average, true),
      fig(p.gap, true),
    ];
  });
  return { head, numeric: head.map((_, i) => i === 1 || i >= 6), rows };
}

export function priorityTable(a: InventoryAnalysis, opts: TableOptions = {}): Table {
  const L = renderLabels(opts.lang);
  const byId = new Map(a.points.map((p) => [p.touchpointId, p]));
  // The analysis gives the order; points it left out of the order follow in their own order.
  const ordered = [...a.priority.flatMap((id) => byId.get(id) ?? []), ...a.points.filter((p) => !a.priority.includes(p.touchpointId))];
  const head = ['#', L.touchpoint, L.phase, L.importance, L.performance, L.gap, L.quadrant, L.chart];
  const rows = ordered.map((p, i) => [
    String(i + 1),
    p.name ? `${p.name} (${p.touchpointId})` : p.touchpointId,
    p.phase ?? '',
    formatNumber(p.importance),
    formatNumber(p.performance),
    formatNumber(p.gap, { sign: true }),
    L.quadrants[p.quadrant],
    pointLabel(p),
  ]);
  return { head, numeric: head.map((_, i) => i === 0 || (i >= 3 && i <= 5)), rows };
}

/** "Cuts: importance 3, performance 3 (scale midpoint)". */
export function cutsLine(a: InventoryAnalysis, lang?: RenderLanguage): string {
  const L = renderLabels(lang);
  const zh = lang === 'zh-cn';
  const how = { mean: zh ? '清单平均值' : 'the inventory’s means', midpoint: zh ? '量表中点' : 'scale midpoint', fixed: zh ? '设定值' : 'set in the configuration' }[a.cuts.method];
  const sep = zh ? '：' : ': ';
  return `${L.cuts}${sep}${L.importance} ${formatNumber(a.cuts.importance)}, ${L.performance} ${formatNumber(a.cuts.performance)} (${how}; ${zh ? '等于分界值计为高' : 'a value on a cut counts as high'})`;
}

/** One line per touchpoint that lacks a number: "产权证办理 (certificate-service) — lacks performance". */
export function missingLines(a: InventoryAnalysis, lang?: RenderLanguage): string[] {
  const L = renderLabels(lang);
  return a.missing.map((m) => `${m.name ? `${m.name} (${m.touchpointId})` : m.touchpointId} — ${L.lacks} ${m.lacks.map((k) => (k === 'importance' ? L.importance : L.performance)).join(', ')}`);
}

/** The lines under the emotion curve: the marker legend, and how unscored steps are drawn when there are any. */
export function chartNotes(a: JourneyAnalysis, lang?: RenderLanguage): string[] {
  const L = renderLabels(lang);
  const notes = [L.legend];
  if (a.steps.some((s) => a.personas.some((p) => p.scored > 0 && !(p.persona in s.scores)))) notes.push(L.interpolated);
  return notes;
}
