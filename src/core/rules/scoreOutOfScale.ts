import { journeySteps } from '../model/walk';
import { fix } from '../report';
import type { FileRule } from './fileRule';

/** Every emotion score lies on the journey's scale; the fix clamps it to the nearest end. */
export const scoreOutOfScale: FileRule<'score-out-of-scale'> = {
  id: 'score-out-of-scale',
  severity: 'error',
  summary: 'An emotion score outside the journey’s scale.',
  check(model, report) {
    const j = model.journey;
    if (!j) return;
    const { min, max } = j.scale;
    for (const { step } of journeySteps(j)) {
      for (const score of step.emotions) {
        const v = score.value;
        if (v === undefined || (v >= min && v <= max)) continue;
        const clamped = v < min ? min : max;
        report.atRange('score-out-of-scale', score.valueRange, 'emotion.outOfScale', { value: v, min, max }, {
          fixes: [fix('fix.clamp', { value: clamped }, [{ file: model.file, range: score.valueRange, newText: String(clamped) }], true)],
        });
      }
    }
  },
};
