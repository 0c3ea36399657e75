import { analyzeFile } from '../analyze';
import type { PeakendConfig } from '../config/config';
import type { Range } from '../finding';
import type { Host } from '../host';
import type { FileModel } from '../model/types';
import { NOWHERE } from '../report';
import { openWorkspace } from '../workspace/load';
import { ModelCache } from '../workspace/modelCache';
import type { DiffLevel } from './review';
import { reviewDiff, type JourneyReview } from './reviewDiff';
import { structuralDiff } from './structural';

/** One revision of a workspace: the host that reads it and the folder the workspace is found from. */
export interface Revision {
  host: Host;
  folder: string;
}

interface Side {
  models: FileModel[];
  config: PeakendConfig;
}

export interface RevisionsReview {
  review: JourneyReview;
  /** Each check's level as the base's peakend.yaml sets it: a change cannot lower the bar it is reviewed by. */
  levels: Record<string, DiffLevel | 'off'>;
  /** How many of the two sides' files the review needed no positions of (a file both sides share counts once). */
  withoutPositions: number;
}

/**
 * Reviews the change from `base` to `head`. A file with the same content on both sides is read once
 * and its model shared, so it adds nothing to the comparison. With `positions: 'later'` (the
 * default) valid files are read without positions, and only the files a reported change, an entity
 * change or a related place points into are read again with them (the entity changes' first), until
 * none is left: the review is the same, ranges and order included, as with every file read with
 * positions (`'now'`).
 */
export async function reviewRevisions(base: Revision, head: Revision, options: { positions?: 'now' | 'later' } = {}): Promise<RevisionsReview> {
  const positions = options.positions ?? 'later';
  const cache = new ModelCache();
  const before = await sideOf(base, cache, positions);
  const after = await sideOf(head, cache, positions);
  const levels = before.levels;
  if (positions === 'now') return { review: reviewDiff(before.models, after.models, levels), levels, withoutPositions: 0 };

  // A model both sides share is re-read once, for whichever side needs it first.
  const exact = new WeakMap<FileModel, FileModel>();
  const place = (side: Side, files: ReadonlySet<string> | 'all'): boolean => {
    let changed = false;
    side.models = side.models.map((m) => {
      if (!m.withoutPositions || (files !== 'all' && !files.has(m.file))) return m;
      let e = exact.get(m);
      if (!e) exact.set(m, (e = analyzeFile(m.file, { text: m.lines.text }, side.config)));
      changed = true;
      return e;
    });
    return changed;
  };
  // Most places a review shows are the changed entities' own: reading their files first usually
  // leaves nothing to read after the review, which is then worked out once.
  const entities = pointedInto({ changes: [], diff: structuralDiff(before.models, after.models) });
  place(before, entities.before);
  place(after, entities.after);
  for (;;) {
    const review = reviewDiff(before.models, after.models, levels);
    const wanted = pointedInto(review);
    const placedBefore = place(before, wanted.before);
    const placedAfter = place(after, wanted.after);
    if (placedBefore || placedAfter) continue;
    // Every place the review shows is now in a file read with positions, unless a check located a
    // change in a file other than those it names: then every file is read with positions.
    if (!showsNowhere(review)) return { review, levels, withoutPositions: new Set([...before.models, ...after.models].filter((m) => m.withoutPositions)).size };
    place(before, 'all');
    place(after, 'all');
  }
}

async function sideOf(rev: Revision, cache: ModelCache, positions: 'now' | 'later'): Promise<Side & { levels: Record<string, DiffLevel | 'off'> }> {
  const options = positions === 'later' ? { positions, keepValue: true } : {};
  const { workspace } = await openWorkspace(rev.host, rev.folder, [], cache, options);
  return { models: [...workspace.files.values()], config: workspace.config, levels: workspace.config.diffLevels };
}

/** The files each side's places in the review are in. A related place may be on either side. */
function pointedInto(review: Pick<JourneyReview, 'changes' | 'diff'>): { before: Set<string>; after: Set<string> } {
  const before = new Set<string>();
  const after = new Set<string>();
  for (const c of review.changes) {
    (c.side === 'before' ? before : after).add(c.file);
    for (const r of c.related ?? []) before.add(r.file), after.add(r.file);
  }
  for (const c of review.diff.changes) {
    if ('before' in c) before.add(c.before.file);
    if ('after' in c) after.add(c.after.file);
  }
  return { before, after };
}

/** Whether any range the review shows is the placeholder of a model read without positions. */
function showsNowhere(review: JourneyReview): boolean {
  const nowhere = (r: Range) => r === NOWHERE;
  for (const c of review.changes) if (nowhere(c.range) || c.related?.some((r) => nowhere(r.range))) return true;
  for (const c of review.diff.changes) if (('before' in c && nowhere(c.before.range)) || ('after' in c && nowhere(c.after.range))) return true;
  return false;
}
