import type { KnownIds } from './unknownReference';
import type { Finding } from '../finding';
import type { Def, FileModel, Persona, Ref, Standard, Touchpoint } from '../model/types';
import type { RuleId, RuleMeta } from './meta';

/**
 * What a workspace rule may read of the other files. Every lookup is noted, so that a rule's findings
 * in a file are worked out again exactly when something they were read from changes.
 */
export interface CrossFileContext {
  /** The touchpoints, standards, personas defined with an ID, in workspace order (files by path). */
  touchpoints(id: string): readonly Touchpoint[] | undefined;
  standards(id: string): readonly Standard[] | undefined;
  personas(id: string): readonly Persona[] | undefined;
  /** Every defined ID of a kind, for "did you mean". */
  known(kind: Ref['kind']): KnownIds;
  /** The file that takes a new touchpoint or persona (see WorkspaceIndex.fileFor). */
  fileFor(kind: 'touchpoints' | 'personas', nearId?: string): FileModel | undefined;
  /** The definitions sharing this definition's duplicate key, in workspace order; undefined when it is the only one. */
  duplicatesOf(def: Def): readonly Def[] | undefined;
  /** Whether some standard applies to the touchpoint. */
  isCovered(tp: Touchpoint): boolean;
  /** Whether the standard applies to some touchpoint. */
  isUsed(s: Standard): boolean;
}

/**
 * A rule that looks across files. It reports the findings located in one file at a time, reading
 * other files only through the context: after a change, only the files whose findings could change
 * are checked again (workspace/crossFile.ts).
 */
export interface WorkspaceRule<Id extends RuleId = RuleId> extends RuleMeta<Id> {
  check(file: FileModel, ctx: CrossFileContext, emit: (f: Finding) => void): void;
}
