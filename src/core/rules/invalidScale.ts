import { readScale } from '../model/scale';
import type { FileRule } from './fileRule';

/** A journey's own scale, and the default scale in peakend.yaml, have min < max and the neutral point inside. */
export const invalidScale: FileRule<'invalid-scale'> = {
  id: 'invalid-scale',
  severity: 'error',
  summary: 'An emotion scale whose min is not below its max, or whose neutral point lies outside.',
  check(model, report) {
    const range = model.scaleRange;
    if (!range) return;
    const { problem } = readScale((model.value as { scale?: unknown } | null)?.scale);
    if (problem) report.atRange('invalid-scale', range, problem.messageId, problem.args);
  },
};
