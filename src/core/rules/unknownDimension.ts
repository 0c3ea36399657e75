import { didYouMean } from '../didYouMean';
import type { FileRule } from './fileRule';
import { yamlScalar } from '../yaml/scalar';

export const DEFAULT_DIMENSIONS = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles', 'etiquette', 'norms', 'efficiency'];

/** A standard's dimension is one its file declares (or one of the defaults when the file declares none). */
export const unknownDimension: FileRule<'unknown-dimension'> = {
  id: 'unknown-dimension',
  severity: 'warning',
  summary: 'A standard names a dimension its file does not allow.',
  check(model, report) {
    if (model.kind !== 'standards') return;
    const declared = (model.value as { dimensions?: unknown } | null)?.dimensions;
    const allowed = Array.isArray(declared) ? declared.filter((d): d is string => typeof d === 'string') : DEFAULT_DIMENSIONS;
    for (const s of model.standards) {
      const d = s.dimension;
      if (!d || allowed.includes(d.value)) continue;
      const { suggestions: [suggestion], fixes } = didYouMean(d.value, allowed, model.file, d.range);
      if (suggestion) {
        report.atRange('unknown-dimension', d.range, 'dimension.unknownSuggest', { dimension: d.value, suggestion }, { fixes });
      } else {
        report.atRange('unknown-dimension', d.range, 'dimension.unknown', { dimension: d.value, allowed: allowed.join(', ') });
      }
    }
  },
};
