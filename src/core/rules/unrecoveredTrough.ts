import { formatFigure } from '../analysis/format';
import { numberOption } from '../config/config';
import type { FileRule } from './fileRule';
import { EPSILON, figuresOf, scoreRange } from './journeyFigures';

const ID = 'unrecovered-trough';

/**
 * A deep trough that nothing later lifts is what the customer takes away. A trough is a score at or
 * below neutral − depth × (neutral − min) (`depth`, default 0.5: halfway down); it is recovered when a
 * later step scores above neutral + recovery × (max − neutral) (`recovery`, default 0: above neutral).
 * Reported once per persona, on the deepest unrecovered trough (on equal depth, the later step).
 */
export const unrecoveredTrough: FileRule = {
  id: ID,
  check(model, report, config) {
    const a = figuresOf(model);
    if (!a) return;
    const { min, max, neutral } = a.scale;
    const troughAt = neutral - numberOption(config, ID, 'depth', 0.5) * (neutral - min);
    const recoveredAbove = neutral + numberOption(config, ID, 'recovery', 0) * (max - neutral);
    for (const p of a.personas) {
      let recovered = false;
      let deepest: { index: number; stepId: string; score: number } | undefined;
      // Backwards, so that "a later step recovers" is known when each step is reached.
      for (let i = a.steps.length - 1; i >= 0; i--) {
        const point = a.steps[i]!;
        const score = point.scores[p.persona];
        if (score === undefined) continue;
        if (!recovered && score <= troughAt + EPSILON && (!deepest || score < deepest.score - EPSILON)) deepest = { index: i, stepId: point.stepId, score };
        if (score > recoveredAbove + EPSILON) recovered = true;
      }
      if (!deepest) continue;
      report.atRange(ID, scoreRange(model, deepest.index, p.persona), 'peakEnd.unrecoveredTrough', {
        persona: p.persona,
        step: deepest.stepId,
        score: formatFigure(deepest.score),
        level: formatFigure(recoveredAbove),
      });
    }
  },
};
