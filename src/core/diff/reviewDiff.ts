import type { JourneyAnalysis } from '../analysis/types';
import { WorkspaceIndex } from '../workspace/index';
import { journeyAnalyses } from './analyses';
import type { FileModel } from '../model/types';
import { DIFF_CHECKS } from './checks';
import { reviewChange, DIFF_LEVEL_RANK, type DiffLevel, type ReviewChange } from './review';
import { structuralDiff, type StructuralDiff } from './structural';

export interface JourneyReview {
  diff: StructuralDiff;
  changes: ReviewChange[];
  /** Each side's peak-end analyses by journey ID, for the before/after curves. */
  journeys: { before: Map<string, JourneyAnalysis>; after: Map<string, JourneyAnalysis> };
}

/**
 * The review of a change from `before` to `after`: the structural diff, then every check over it.
 * `levels` overrides a check's default level, or turns it off.
 */
export function reviewDiff(before: readonly FileModel[], after: readonly FileModel[], levels: Record<string, DiffLevel | 'off'> = {}): JourneyReview {
  const diff = structuralDiff(before, after);
  const ctx = { diff, before: { models: before, index: new WorkspaceIndex(before) }, after: { models: after, index: new WorkspaceIndex(after) } };
  const changes: ReviewChange[] = [];
  for (const check of DIFF_CHECKS) {
    const setting = levels[check.id];
    if (setting === 'off') continue;
    check.run(ctx, (c) => {
      const change = reviewChange(check, c);
      // A configured level replaces the check's own judgement, whatever the change.
      if (setting) change.level = setting;
      changes.push(change);
    });
  }
  changes.sort((x, y) => DIFF_LEVEL_RANK[y.level] - DIFF_LEVEL_RANK[x.level] || (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) || x.range.start.line - y.range.start.line);
  return { diff, changes, journeys: { before: journeyAnalyses(ctx.before), after: journeyAnalyses(ctx.after) } };
}
