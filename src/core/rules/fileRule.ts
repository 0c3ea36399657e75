import type { PeakendConfig } from '../config/config';
import type { FileModel } from '../model/types';
import type { FileReporter } from '../report';
import type { RuleId, RuleMeta } from './meta';

/** A rule that needs nothing but its own file; its results are cached with the file. */
export interface FileRule<Id extends RuleId = RuleId> extends RuleMeta<Id> {
  check(model: FileModel, report: FileReporter, config: PeakendConfig): void;
}
