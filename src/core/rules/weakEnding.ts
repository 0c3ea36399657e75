import { formatFigure } from '../analysis/format';
import { choiceOption, numberOption } from '../config/config';
import type { FileRule } from './fileRule';
import { EPSILON, figuresOf, scoreRange } from './journeyFigures';

const ID = 'weak-ending';

/**
 * The end is half of what is remembered: a journey whose last scored step falls below the persona's own
 * average, or below neutral, leaves a worse memory than it need. Options: `compareTo` (either, average,
 * neutral) and `margin` (a share of the scale's full range the end must fall short by; default 0).
 */
export const weakEnding: FileRule = {
  id: ID,
  check(model, report, config) {
    const a = figuresOf(model);
    if (!a) return;
    const compareTo = choiceOption(config, ID, 'compareTo', ['either', 'average', 'neutral'] as const, 'either');
    const margin = numberOption(config, ID, 'margin', 0) * (a.scale.max - a.scale.min);
    const neutral = a.scale.neutral;
    for (const p of a.personas) {
      if (!p.end || p.average === undefined) continue;
      const belowAverage = compareTo !== 'neutral' && p.end.score < p.average - margin - EPSILON;
      const belowNeutral = compareTo !== 'average' && p.end.score < neutral - margin - EPSILON;
      if (!belowAverage && !belowNeutral) continue;
      const messageId = belowAverage && belowNeutral ? 'peakEnd.weakEndingBoth' : belowAverage ? 'peakEnd.weakEndingAverage' : 'peakEnd.weakEndingNeutral';
      report.atRange(ID, scoreRange(model, p.end.index, p.persona), messageId, {
        persona: p.persona,
        step: p.end.stepId,
        score: formatFigure(p.end.score),
        average: formatFigure(p.average),
        neutral: formatFigure(neutral),
      });
    }
  },
};
