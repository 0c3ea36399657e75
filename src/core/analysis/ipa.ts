import type { FileModel } from '../model/types';
import type { CutMethod, InventoryAnalysis, IpaPoint, Quadrant } from './types';

/** Importance and performance are rated 1 to 5 (the touchpoints schema's `rating`). */
export const RATING_SCALE = { min: 1, max: 5 } as const;

/** Where the quadrants are cut: a method, or fixed values for importance and performance. */
export type CutOption = 'midpoint' | 'mean' | { importance: number; performance: number };

export interface InventoryAnalysisOptions {
  /** Default: the scale midpoint (3.0). */
  cuts?: CutOption;
}

/** The order of the quadrants in the priority list, most urgent first. */
export const QUADRANT_ORDER: readonly Quadrant[] = ['concentrate-here', 'keep-up-the-good-work', 'low-priority', 'possible-overkill'];

/**
 * Importance–performance analysis of one touchpoint inventory. A value exactly on a cut counts as
 * high. Touchpoints lacking either number are listed as missing and placed nowhere. The priority
 * list runs through QUADRANT_ORDER; within a quadrant the larger gap (importance − performance)
 * comes first, and equal gaps keep the inventory's order.
 */
export function analyzeInventory(model: Pick<FileModel, 'file' | 'def' | 'touchpoints'>, options: InventoryAnalysisOptions = {}): InventoryAnalysis {
  const complete = model.touchpoints.filter((t) => t.importance !== undefined && t.performance !== undefined);
  const cuts = cutsFor(options.cuts, complete.map((t) => [t.importance!, t.performance!]));
  const points: IpaPoint[] = complete.map((t) => {
    const importance = t.importance!;
    const performance = t.performance!;
    const p: IpaPoint = {
      touchpointId: t.def.id,
      range: t.def.range,
      importance,
      performance,
      quadrant: quadrantOf(importance >= cuts.importance, performance >= cuts.performance),
      gap: importance - performance,
    };
    if (t.name !== undefined) p.name = t.name;
    if (t.phase !== undefined) p.phase = t.phase;
    return p;
  });
  const rank = (p: IpaPoint) => QUADRANT_ORDER.indexOf(p.quadrant);
  // Array.prototype.sort is stable, so equal gaps keep the inventory's order.
  const priority = [...points].sort((a, b) => rank(a) - rank(b) || b.gap - a.gap).map((p) => p.touchpointId);
  const missing: InventoryAnalysis['missing'] = [];
  for (const t of model.touchpoints) {
    const lacks: ('importance' | 'performance')[] = [];
    if (t.importance === undefined) lacks.push('importance');
    if (t.performance === undefined) lacks.push('performance');
    if (!lacks.length) continue;
    const m: InventoryAnalysis['missing'][number] = { touchpointId: t.def.id, lacks };
    if (t.name !== undefined) m.name = t.name;
    missing.push(m);
  }
  const out: InventoryAnalysis = {
    inventoryId: model.def?.id ?? '',
    file: model.file,
    // Known only with the workspace's settings and cross-file rules: analysisReport fills it in.
    errors: 0,
    scale: { ...RATING_SCALE },
    cuts,
    points,
    priority,
    missing,
  };
  if (model.def?.name !== undefined) out.title = model.def.name;
  return out;
}

function quadrantOf(importanceHigh: boolean, performanceHigh: boolean): Quadrant {
  if (importanceHigh) return performanceHigh ? 'keep-up-the-good-work' : 'concentrate-here';
  return performanceHigh ? 'possible-overkill' : 'low-priority';
}

/** No option: the midpoint. */
function cutsFor(option: CutOption | undefined, values: readonly [number, number][]): InventoryAnalysis['cuts'] {
  if (typeof option === 'object') return { importance: option.importance, performance: option.performance, method: 'fixed' as CutMethod };
  const mid = (RATING_SCALE.min + RATING_SCALE.max) / 2;
  // Means of an inventory with no rated touchpoint do not exist: the midpoint stands in and says so.
  if (option === 'mean' && values.length) {
    const mean = (i: 0 | 1) => values.reduce((a, v) => a + v[i], 0) / values.length;
    return { importance: mean(0), performance: mean(1), method: 'mean' };
  }
  return { importance: mid, performance: mid, method: 'midpoint' };
}
