import type { Finding } from '../finding';
import type { WorkspaceIndex } from '../workspace/index';

/** A rule that looks across files; it runs on the index after every change. */
export interface WorkspaceRule {
  id: string;
  check(index: WorkspaceIndex, emit: (f: Finding) => void): void;
}
