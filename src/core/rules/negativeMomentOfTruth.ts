import { formatFigure } from '../analysis/format';
import { numberOption } from '../config/config';
import type { FileRule } from './fileRule';
import { EPSILON, figuresOf, scoreRange } from './journeyFigures';

const ID = 'negative-moment-of-truth';

/**
 * A moment of truth decides how the customer sees the company; designed below neutral it decides
 * against it. Fires for each persona whose score at a `momentOfTruth` step is below
 * neutral − below × (neutral − min) (`below`, default 0: below neutral).
 */
export const negativeMomentOfTruth: FileRule = {
  id: ID,
  check(model, report, config) {
    const a = figuresOf(model);
    if (!a) return;
    const level = a.scale.neutral - numberOption(config, ID, 'below', 0) * (a.scale.neutral - a.scale.min);
    for (const point of a.steps) {
      if (!point.momentOfTruth) continue;
      for (const p of a.personas) {
        const score = point.scores[p.persona];
        if (score === undefined || score >= level - EPSILON) continue;
        report.atRange(ID, scoreRange(model, point.index, p.persona), 'peakEnd.negativeMomentOfTruth', {
          step: point.stepId,
          persona: p.persona,
          score: formatFigure(score),
          level: formatFigure(level),
        });
      }
    }
  },
};
