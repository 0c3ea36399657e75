/**
 * The emotion curve as a Mermaid `xychart-beta`: one line per persona on the journey's own scale,
 * a flat neutral line, numbered step labels, best / worst / end markers.
 *
 * `rich` uses Mermaid ≥ 11.17 (GitHub): named series with a legend, point labels with the value,
 * rotated axis labels. `portable` parses and renders on 10.9: the markers go into the axis labels
 * and the names and figures into the table beside the chart.
 */
import type { JourneyAnalysis, PersonaPeakEnd } from '../analysis/types';
import { renderLabels, type RenderLanguage } from './labels';
import { markersAt, personaTags } from './markers';
import { NEUTRAL_COLOUR, SERIES_COLOURS, initDirective, mermaidNumber, mermaidString } from './mermaid';
import { formatNumber, truncate } from './text';

export type ChartVariant = 'rich' | 'portable';
export const CHART_VARIANTS: readonly ChartVariant[] = ['rich', 'portable'];

/** Above this many steps the x-axis is numeric: named categories overlap and slow rendering down. */
export const NAMED_AXIS_MAX_STEPS = 40;

export interface ChartOptions {
  variant?: ChartVariant;
  lang?: RenderLanguage;
  /**
   * Label the steps on the x-axis by number only, upright, instead of number and title. For views
   * that show the titles beside the chart (the editor preview): Mermaid takes about 100 ms longer to
   * lay out rotated labels, on every redraw.
   */
  numberedSteps?: boolean;
}

/** Whether the chart's x-axis is numbered 1…N instead of labelled per step. */
export function usesNumericAxis(a: JourneyAnalysis): boolean {
  return a.steps.length > NAMED_AXIS_MAX_STEPS;
}

/** The personas drawn as lines: those with at least one score. */
export function plottedPersonas(a: JourneyAnalysis): PersonaPeakEnd[] {
  return a.personas.filter((p) => p.scored > 0 && a.steps.some((s) => p.persona in s.scores));
}

/** The step's label on the axis and in the tables' "#" column: its 1-based position. */
export function stepNumber(index: number): string {
  return String(index + 1);
}

export function emotionCurve(a: JourneyAnalysis, opts: ChartOptions = {}): string {
  const variant = opts.variant ?? 'rich';
  const L = renderLabels(opts.lang);
  const personas = plottedPersonas(a);
  const numeric = usesNumericAxis(a);
  const n = a.steps.length;
  const { min, max, neutral } = a.scale;

  const palette = [...personas.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!), NEUTRAL_COLOUR];
  const xyChart: Record<string, unknown> = { width: chartWidth(n, variant, numeric), height: 480 };
  if (variant === 'rich') {
    xyChart.showLegend = true;
    // Rotated, the numbered step labels stay readable side by side.
    if (!numeric && !opts.numberedSteps) xyChart.xAxis = { labelRotation: -35 };
  }
  const lines = [
    initDirective({ xyChart, themeVariables: { xyChart: { plotColorPalette: palette.join(', ') } } }),
    'xychart-beta',
    `  title ${mermaidString(a.title || a.journeyId)}`,
  ];

  const xTitle = stageSummary(a) ?? L.steps;
  if (n === 0) {
    // Mermaid rejects an empty category list; an empty journey still gets a valid chart.
    lines.push(`  x-axis ${mermaidString(xTitle)} 0 --> 1`);
  } else if (numeric) {
    lines.push(`  x-axis ${mermaidString(xTitle)} 1 --> ${n}`);
  } else {
    const tags = personaTags(a);
    const labels = a.steps.map((s) => {
      let label = opts.numberedSteps ? stepNumber(s.index) : `${stepNumber(s.index)} ${truncate(s.title || s.stepId, variant === 'rich' ? 14 : 8)}`;
      if (variant === 'portable') {
        const marks = personas.map((p) => (markersAt(p, s.index) ? `${markersAt(p, s.index)}${tags.get(p.persona)}` : '')).join('');
        if (marks) label += ` ${marks}`;
      }
      return mermaidString(label);
    });
    lines.push(`  x-axis ${mermaidString(xTitle)} [${labels.join(', ')}]`);
  }
  lines.push(`  y-axis ${mermaidString(L.emotion)} ${mermaidNumber(min)} --> ${mermaidNumber(max)}`);

  const count = Math.max(n, 1);
  for (const p of personas) {
    const values = seriesValues(a, p.persona).map((v) => Math.min(max, Math.max(min, v)));
    const points = values.map((v, i) => {
      const marks = variant === 'rich' ? markersAt(p, i) : '';
      return marks ? `${mermaidNumber(v)} ${mermaidString(`${marks} ${formatNumber(a.steps[i]!.scores[p.persona]!, { sign: true })}`)}` : mermaidNumber(v);
    });
    lines.push(`  line ${mermaidString(p.name || p.persona)} [${(points.length ? points : ['0']).join(', ')}]`);
  }
  lines.push(`  line ${mermaidString(`${L.neutral} (${formatNumber(neutral)})`)} [${Array(count).fill(mermaidNumber(neutral)).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * One value per step for a persona's line. Mermaid's series have no gaps, so a step without a score
 * is drawn on the straight line between its scored neighbours (or level with the nearest one at the
 * ends); the tables show it as unscored.
 */
export function seriesValues(a: JourneyAnalysis, persona: string): number[] {
  const known = a.steps.flatMap((s, i) => (persona in s.scores ? [[i, s.scores[persona]!] as const] : []));
  if (known.length === 0) return a.steps.map(() => a.scale.neutral);
  return a.steps.map((_, i) => {
    let before: readonly [number, number] | undefined;
    let after: readonly [number, number] | undefined;
    for (const k of known) {
      if (k[0] <= i) before = k;
      if (k[0] >= i) {
        after = k;
        break;
      }
    }
    if (!before) return after![1];
    if (!after) return before[1];
    if (after[0] === before[0]) return before[1];
    return before[1] + ((after[1] - before[1]) * (i - before[0])) / (after[0] - before[0]);
  });
}

/** "购房 1–3 · 交房 4–6": where the stages begin and end on the axis, or undefined if too long to read. */
function stageSummary(a: JourneyAnalysis): string | undefined {
  const parts = a.stages
    .filter((s) => s.lastIndex >= s.firstIndex)
    .map((s) => {
      const range = s.firstIndex === s.lastIndex ? stepNumber(s.firstIndex) : `${stepNumber(s.firstIndex)}–${stepNumber(s.lastIndex)}`;
      return `${truncate(s.title || s.stageId, 12)} ${range}`;
    });
  const text = parts.join(' · ');
  return parts.length > 0 && text.length <= 120 ? text : undefined;
}

/** Mermaid gives the plot half the width first; below about 1000 px (with wide fonts) the legend gets no room and is dropped. */
function chartWidth(steps: number, variant: ChartVariant, numeric: boolean): number {
  if (numeric) return 1000;
  if (variant === 'rich') return Math.min(2400, Math.max(1100, 240 + steps * 64));
  return Math.min(2400, Math.max(800, 160 + steps * 120));
}
