import { didYouMean } from '../didYouMean';
import type { FileRule } from './fileRule';
import { RULES, isRuleId } from './index';

/** A typo in peakend.yaml's `rules` would silently leave the intended rule at its default. */
export const unknownRule: FileRule<'unknown-rule'> = {
  id: 'unknown-rule',
  severity: 'warning',
  summary: 'peakend.yaml sets the severity of a rule that does not exist.',
  check(model, report) {
    const ids = RULES.map((r) => r.id);
    for (const { id, range } of model.ruleSettings ?? []) {
      if (isRuleId(id)) continue;
      const { suggestions: [suggestion], fixes } = didYouMean(id, ids, model.file, range);
      if (suggestion) {
        report.atRange('unknown-rule', range, 'config.unknownRuleSuggest', { rule: id, suggestion }, { fixes });
      } else {
        report.atRange('unknown-rule', range, 'config.unknownRule', { rule: id });
      }
    }
  },
};
