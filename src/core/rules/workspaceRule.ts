import type { Finding } from '../finding';
import type { WorkspaceIndex } from '../workspace/index';
import type { RuleId, RuleMeta } from './meta';

/** A rule that looks across files; it runs on the index after every change. */
export interface WorkspaceRule<Id extends RuleId = RuleId> extends RuleMeta<Id> {
  check(index: WorkspaceIndex, emit: (f: Finding) => void): void;
}
