import { fix } from '../report';
import { similar } from '../util/similar';
import type { FileRule } from './fileRule';
import { RULES } from './meta';

/** A typo in peakend.yaml's `rules` would silently leave the intended rule at its default. */
export const unknownRule: FileRule = {
  id: 'unknown-rule',
  check(model, report) {
    const ids = RULES.map((r) => r.id);
    for (const { id, range } of model.ruleSettings ?? []) {
      if (ids.includes(id)) continue;
      const [suggestion] = similar(id, ids, 1);
      if (suggestion) {
        report.atRange('unknown-rule', range, 'config.unknownRuleSuggest', { rule: id, suggestion }, {
          fixes: [fix('fix.replace', { id: suggestion }, [{ file: model.file, range, newText: suggestion }], true)],
        });
      } else {
        report.atRange('unknown-rule', range, 'config.unknownRule', { rule: id });
      }
    }
  },
};
