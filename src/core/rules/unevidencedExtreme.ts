import { intensityShare } from '../analysis/peakEnd';
import { formatFigure } from '../analysis/format';
import { numberOption } from '../config/config';
import type { FileRule } from './fileRule';
import { EPSILON, figuresOf, scoreRange, stepAt } from './journeyFigures';

const ID = 'unevidenced-extreme';

/**
 * The peaks and troughs drive every other judgement, so an extreme score should say where it comes
 * from. A score at least `extreme` of the way from neutral to the scale's end (`extreme`, default 0.8:
 * ±4 on −5..5) on a step without `evidence`. Off unless peakend.yaml gives it a severity.
 */
export const unevidencedExtreme: FileRule = {
  id: ID,
  check(model, report, config) {
    const a = figuresOf(model);
    if (!a) return;
    const extreme = numberOption(config, ID, 'extreme', 0.8);
    for (const point of a.steps) {
      if (stepAt(model, point.index).evidence.length) continue;
      for (const p of a.personas) {
        const score = point.scores[p.persona];
        if (score === undefined || intensityShare(score, a.scale) < extreme - EPSILON) continue;
        report.atRange(ID, scoreRange(model, point.index, p.persona), 'peakEnd.unevidencedExtreme', { persona: p.persona, step: point.stepId, score: formatFigure(score) });
      }
    }
  },
};
