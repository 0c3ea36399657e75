import type { FileRule } from './fileRule';

/** A journey's own scale must have min < max and its neutral point inside. */
export const invalidScale: FileRule = {
  id: 'invalid-scale',
  check(model, report) {
    const j = model.journey;
    const raw = (model.value as { scale?: { min?: unknown; max?: unknown; neutral?: unknown } } | null)?.scale;
    if (!j?.scaleRange || !raw) return;
    const { min, max, neutral } = raw;
    if (typeof min !== 'number' || typeof max !== 'number') return;
    if (min >= max) {
      report.atRange('invalid-scale', j.scaleRange, 'scale.minNotBelowMax', { min, max });
    } else if (typeof neutral === 'number' && (neutral < min || neutral > max)) {
      report.atRange('invalid-scale', j.scaleRange, 'scale.neutralOutside', { neutral, min, max });
    }
  },
};
