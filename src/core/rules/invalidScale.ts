import type { FileRule } from './fileRule';

/** A journey's own scale, and the default scale in peakend.yaml, have min < max and the neutral point inside. */
export const invalidScale: FileRule<'invalid-scale'> = {
  id: 'invalid-scale',
  severity: 'error',
  summary: 'An emotion scale whose min is not below its max, or whose neutral point lies outside.',
  check(model, report) {
    const raw = (model.value as { scale?: { min?: unknown; max?: unknown; neutral?: unknown } } | null)?.scale;
    const range = model.scaleRange;
    if (!range || !raw || typeof raw !== 'object') return;
    const { min, max, neutral } = raw;
    if (typeof min !== 'number' || typeof max !== 'number') return;
    if (min >= max) {
      report.atRange('invalid-scale', range, 'scale.minNotBelowMax', { min, max });
    } else if (typeof neutral === 'number' && (neutral < min || neutral > max)) {
      report.atRange('invalid-scale', range, 'scale.neutralOutside', { neutral, min, max });
    }
  },
};
