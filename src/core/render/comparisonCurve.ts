/**
 * Before and after on one chart, for a review: per persona the base revision's line in a muted colour
 * and the head's in a strong one, named in the legend (xychart draws no dashed lines). The x-axis is
 * the head's steps; a step the base did not have is drawn between its neighbours on the base line.
 */
import type { JourneyAnalysis } from '../analysis/types';
import { plottedPersonas, seriesValues, stepNumber, usesNumericAxis } from './emotionCurve';
import { renderLabels, type RenderLanguage } from './labels';
import { NEUTRAL_COLOUR, SERIES_COLOURS, initDirective, mermaidNumber, mermaidString } from './mermaid';
import { formatNumber, truncate } from './text';

/** The base line's colour for each series colour: the same hue, lighter. */
const MUTED_COLOURS = ['#93c5fd', '#fca5a5', '#86efac', '#d8b4fe', '#fdba74', '#67e8f9', '#f9a8d4', '#bef264'];

export interface ComparisonOptions {
  lang?: RenderLanguage;
  /** Only these personas (default: every persona with a score on either side). */
  personas?: readonly string[];
}

export function comparisonCurve(before: JourneyAnalysis, after: JourneyAnalysis, opts: ComparisonOptions = {}): string {
  const L = renderLabels(opts.lang);
  const zh = opts.lang === 'zh-cn';
  const n = after.steps.length;
  const numeric = usesNumericAxis(after);
  const min = Math.min(before.scale.min, after.scale.min);
  const max = Math.max(before.scale.max, after.scale.max);
  const wanted = (p: string) => !opts.personas || opts.personas.includes(p);
  const personas = plottedPersonas(after).filter((p) => wanted(p.persona));

  const palette: string[] = [];
  const lines: string[] = [];
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  // The base's scores re-laid on the head's steps, so that both lines share one x-axis.
  const rebased: JourneyAnalysis = {
    ...before,
    steps: after.steps.map((s) => {
      const old = before.steps.find((b) => b.stepId === s.stepId);
      return { ...s, scores: old ? old.scores : {} };
    }),
  };
  personas.forEach((p, i) => {
    const name = p.name || p.persona;
    if (rebased.steps.some((s) => p.persona in s.scores)) {
      palette.push(MUTED_COLOURS[i % MUTED_COLOURS.length]!);
      lines.push(`  line ${mermaidString(`${name} ${zh ? '（变更前）' : '(before)'}`)} [${seriesValues(rebased, p.persona).map((v) => mermaidNumber(clamp(v))).join(', ') || '0'}]`);
    }
    palette.push(SERIES_COLOURS[i % SERIES_COLOURS.length]!);
    lines.push(`  line ${mermaidString(`${name} ${zh ? '（变更后）' : '(after)'}`)} [${seriesValues(after, p.persona).map((v) => mermaidNumber(clamp(v))).join(', ') || '0'}]`);
  });
  palette.push(NEUTRAL_COLOUR);
  lines.push(`  line ${mermaidString(`${L.neutral} (${formatNumber(after.scale.neutral)})`)} [${Array(Math.max(n, 1)).fill(mermaidNumber(after.scale.neutral)).join(', ')}]`);

  const width = numeric ? 1000 : Math.min(2400, Math.max(960, 200 + n * 60));
  const xyChart: Record<string, unknown> = { width, height: 420, showLegend: true };
  if (!numeric) xyChart.xAxis = { labelRotation: -35 };
  const head = [initDirective({ xyChart, themeVariables: { xyChart: { plotColorPalette: palette.join(', ') } } }), 'xychart-beta', `  title ${mermaidString(after.title || after.journeyId)}`];
  if (n === 0) head.push(`  x-axis ${mermaidString(L.steps)} 0 --> 1`);
  else if (numeric) head.push(`  x-axis ${mermaidString(L.steps)} 1 --> ${n}`);
  else head.push(`  x-axis ${mermaidString(L.steps)} [${after.steps.map((s) => mermaidString(`${stepNumber(s.index)} ${truncate(s.title || s.stepId, 14)}`)).join(', ')}]`);
  head.push(`  y-axis ${mermaidString(L.emotion)} ${mermaidNumber(min)} --> ${mermaidNumber(max)}`);
  return `${[...head, ...lines].join('\n')}\n`;
}
