import type { MessageArgs, Range, RelatedLocation } from '../finding';
import { renderMessage, type MessageId } from '../messages/render';
import type { FileModel, Journey, Standard } from '../model/types';
import type { WorkspaceIndex } from '../workspace/index';
import type { StructuralDiff } from './structural';

/** How much a change matters to a reviewer. `breaking` fails `--fail-on breaking`. */
export type DiffLevel = 'breaking' | 'warning' | 'info';
export const DIFF_LEVEL_RANK: Record<DiffLevel, number> = { info: 0, warning: 1, breaking: 2 };

/** One revision of the workspace, as the checks see it. */
export interface DiffSide {
  models: readonly FileModel[];
  index: WorkspaceIndex;
}

export interface DiffContext {
  diff: StructuralDiff;
  before: DiffSide;
  after: DiffSide;
}

/**
 * A change in review language: which check found it, how much it matters, and where, on the head
 * side when the thing still exists there (so that annotations land on changed lines), else on the base.
 */
export interface ReviewChange {
  checkId: string;
  level: DiffLevel;
  message: string;
  messageId: MessageId;
  args: MessageArgs;
  side: 'before' | 'after';
  file: string;
  range: Range;
  related?: RelatedLocation[];
  /** The journey (or standards set, inventory) the change belongs to, for grouping. */
  scope?: { kind: 'journey' | 'standards' | 'touchpoints'; id: string };
}

/** A named check over the structural diff: one file each, with its id, default level and docs page. */
export interface DiffCheck {
  id: string;
  level: DiffLevel;
  summary: string;
  run(ctx: DiffContext, emit: (c: Omit<ReviewChange, 'checkId' | 'level' | 'message'> & { level?: DiffLevel }) => void): void;
}

const journeysById = new WeakMap<DiffSide, Map<string, { model: FileModel; journey: Journey }>>();

/** The journey with this ID on one side (the first file that defines it), looked up in a map made once per side. */
export function journeyOf(side: DiffSide, id: string | undefined): { model: FileModel; journey: Journey } | undefined {
  if (id === undefined) return undefined;
  let byId = journeysById.get(side);
  if (!byId) {
    byId = new Map();
    for (const m of side.models) if (m.journey && m.def && !byId.has(m.def.id)) byId.set(m.def.id, { model: m, journey: m.journey });
    journeysById.set(side, byId);
  }
  return byId.get(id);
}

/** The ID of the document a file holds (its journey, inventory or set of standards), else its path. */
export function documentIdOf(side: DiffSide, file: string): string {
  return side.models.find((m) => m.file === file)?.def?.id ?? file;
}

export function standardOf(side: DiffSide, id: string): Standard | undefined {
  return side.index.standards.get(id)?.[0];
}

/** Renders a change's message in English (front ends localise from messageId and args). */
export function reviewChange(check: DiffCheck, c: Omit<ReviewChange, 'checkId' | 'level' | 'message'> & { level?: DiffLevel }): ReviewChange {
  const { level, ...rest } = c;
  return { checkId: check.id, level: level ?? check.level, message: renderMessage(c.messageId, c.args), ...rest };
}

/** Numbers as people write them: no float noise ("0.30000000000000004" → "0.3"). */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
