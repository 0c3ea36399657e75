import { formatFigure } from '../analysis/format';
import { numberOption } from '../config/config';
import type { FileRule } from './fileRule';
import { EPSILON, figuresOf, scoreRange } from './journeyFigures';

const ID = 'no-positive-peak';

/**
 * Without a single good moment there is nothing positive to remember. Fires when a persona's best
 * score is not above neutral + above × (max − neutral) (`above`, default 0: any score above neutral
 * is a positive peak); reported on the best moment, the nearest thing to a peak.
 */
export const noPositivePeak: FileRule = {
  id: ID,
  check(model, report, config) {
    const a = figuresOf(model);
    if (!a) return;
    const level = a.scale.neutral + numberOption(config, ID, 'above', 0) * (a.scale.max - a.scale.neutral);
    for (const p of a.personas) {
      if (!p.best || p.best.score > level + EPSILON) continue;
      report.atRange(ID, scoreRange(model, p.best.index, p.persona), 'peakEnd.noPositivePeak', {
        persona: p.persona,
        step: p.best.stepId,
        score: formatFigure(p.best.score),
        level: formatFigure(level),
      });
    }
  },
};
