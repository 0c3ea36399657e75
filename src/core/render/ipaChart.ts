/**
 * The importance–performance chart as a Mermaid `quadrantChart`: performance across, importance up.
 *
 * Mermaid draws the quadrant lines at 0.5 on each axis and takes coordinates in 0–1 only. Each axis
 * is therefore scaled in two straight pieces, scale minimum → 0, cut → 0.5, scale maximum → 1, so a
 * touchpoint lands in the quadrant the analysis put it in, whether the cuts are the scale midpoint or
 * the inventory's means. A value exactly on a cut lands on the line (it counts as high; the table
 * says which quadrant). The ends are pulled in a little so that labels at the border stay visible.
 */
import type { InventoryAnalysis, IpaPoint, Quadrant } from '../analysis/types';
import type { ChartOptions } from './emotionCurve';
import { renderLabels } from './labels';
import { initDirective, mermaidLine, mermaidString, quadrantCoordinate } from './mermaid';
import { truncate } from './text';

/** Mermaid's quadrant numbers: 1 top right, 2 top left, 3 bottom left, 4 bottom right. */
const MERMAID_QUADRANT: Record<Quadrant, 1 | 2 | 3 | 4> = {
  'keep-up-the-good-work': 1,
  'concentrate-here': 2,
  'low-priority': 3,
  'possible-overkill': 4,
};

const POINT_COLOUR: Record<Quadrant, string> = {
  'concentrate-here': '#dc2626',
  'keep-up-the-good-work': '#16a34a',
  'low-priority': '#6b7280',
  'possible-overkill': '#d97706',
};

/** The label of a point on the chart (and in the priority table's chart column). */
export function pointLabel(p: IpaPoint): string {
  return truncate(p.name || p.touchpointId, 16);
}

/** Where a value sits on a 0–1 axis whose middle is the cut. */
export function scaleAroundCut(value: number, min: number, cut: number, max: number): number {
  if (value >= cut) return max === cut ? 1 : 0.5 + (0.5 * (value - cut)) / (max - cut);
  return cut === min ? 0 : (0.5 * (value - min)) / (cut - min);
}

/** Keeps points off the chart's border, where Mermaid would cut their labels off; 0.5 stays 0.5. */
function inset(v: number): number {
  return 0.04 + 0.92 * v;
}

export function ipaChart(a: InventoryAnalysis, opts: ChartOptions = {}): string {
  const variant = opts.variant ?? 'rich';
  const L = renderLabels(opts.lang);
  const { min, max } = a.scale;
  const lines = [
    initDirective({ quadrantChart: { chartWidth: 640, chartHeight: 640, pointLabelFontSize: 12 }, themeVariables: { quadrant1Fill: '#ecfdf5', quadrant2Fill: '#fef2f2', quadrant3Fill: '#f9fafb', quadrant4Fill: '#fffbeb' } }),
    'quadrantChart',
    `  title ${mermaidLine(a.title || a.inventoryId)}`,
    `  x-axis ${mermaidString(`${L.performance} ${L.low}`)} --> ${mermaidString(`${L.performance} ${L.high}`)}`,
    `  y-axis ${mermaidString(`${L.importance} ${L.low}`)} --> ${mermaidString(`${L.importance} ${L.high}`)}`,
  ];
  for (const q of Object.keys(MERMAID_QUADRANT) as Quadrant[]) lines.push(`  quadrant-${MERMAID_QUADRANT[q]} ${mermaidString(L.quadrants[q])}`);
  for (const p of a.points) {
    const x = quadrantCoordinate(inset(scaleAroundCut(p.performance, min, a.cuts.performance, max)));
    const y = quadrantCoordinate(inset(scaleAroundCut(p.importance, min, a.cuts.importance, max)));
    // Point styles need Mermaid ≥ 11; the portable chart leaves the colour to the quadrant.
    const style = variant === 'rich' ? ` color: ${POINT_COLOUR[p.quadrant]}, radius: ${p.quadrant === 'concentrate-here' ? 7 : 5}` : '';
    lines.push(`  ${mermaidString(pointLabel(p))}: [${x}, ${y}]${style}`);
  }
  return `${lines.join('\n')}\n`;
}
