import type { PeakendConfig } from '../config/config';
import type { FileModel } from '../model/types';
import type { FileReporter } from '../report';

/** A rule that needs nothing but its own file; its results are cached with the file. */
export interface FileRule {
  id: string;
  check(model: FileModel, report: FileReporter, config: PeakendConfig): void;
}
