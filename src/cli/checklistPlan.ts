import {
  buildChecklist,
  checklistPath,
  parseChecklist,
  relativePath,
  renderChecklist,
  type ChecklistChange,
  type ChecklistLanguage,
  type Touchpoint,
  type WorkspaceIndex,
} from '../core';
import { linkBelow } from '../node/links';
import { nodeHost } from '../node/nodeHost';
import { UsageError } from './args';
import type { CliIo } from './io';

/** What `peakend checklist` was asked to write: the same for every touchpoint, on every thread. */
export interface ChecklistJob {
  /** The folder checklists go to. */
  dir: string;
  date: string;
  site?: string;
  auditor?: string;
  lang: ChecklistLanguage;
  dryRun: boolean;
  /** Paths are shown relative to it. */
  cwd: string;
}

/** What is printed for a touchpoint, in touchpoint order. */
export interface Outcome {
  stdout?: string;
  stderr?: string;
  failed?: boolean;
}

/** A checklist to write: its text, and what the file held when it was read to be merged. */
export interface PlannedWrite {
  path: string;
  text: string;
  before?: string;
  summary: string;
}

/** The touchpoints of the command line (or every one, once per ID), in order. */
export function selectTouchpoints(index: WorkspaceIndex, all: boolean, ids: readonly string[]): Touchpoint[] {
  const touchpoints: Touchpoint[] = [];
  if (all) {
    const seen = new Set<string>();
    for (const tp of index.allTouchpoints()) if (!seen.has(tp.def.id)) (seen.add(tp.def.id), touchpoints.push(tp));
  } else {
    for (const id of ids) {
      const tp = index.touchpoints.get(id)?.[0];
      if (!tp) throw new UsageError(`Unknown touchpoint "${id}".`);
      touchpoints.push(tp);
    }
  }
  return touchpoints;
}

/**
 * Everything for one touchpoint's checklist up to the write: the file is read and merged, and
 * either there is nothing to write (an outcome says why) or a text to write. Another thread may
 * do this; `writePlanned` then writes on the thread that prints.
 */
export async function planChecklist(index: WorkspaceIndex, tp: Touchpoint, job: ChecklistJob): Promise<Outcome | PlannedWrite> {
  const shown = (p: string) => relativePath(job.cwd, p);
  const path = checklistPath(job.dir, tp.def.id, job.date, job.site);
  if (!path) return { stderr: `peakend: no file name can be made for touchpoint "${tp.def.id}"; skipped.\n`, failed: true };
  const spec = buildChecklist(index, tp, { site: job.site, auditor: job.auditor, date: job.date });
  if (spec.items.length === 0) return { stdout: `${tp.def.id}: no standard applies to this touchpoint; no checklist written\n` };
  // Never through a link: what it points to may lie outside the checklists folder.
  const link = linkBelow(job.dir, path);
  if (link) return { stderr: `peakend: ${shown(link)} is a symbolic link, which is not followed; no checklist written for "${tp.def.id}".\n`, failed: true };
  const before = await readText(path, shown(path));
  const previous = before === undefined ? undefined : parseChecklist(path, before);
  const { text, changes } = renderChecklist(spec, job.lang, previous);
  const summary = describeChanges(changes, before === undefined);
  if (before === text) return { stdout: `${shown(path)}: up to date\n` };
  if (job.dryRun) return { stdout: `${shown(path)}: would ${before === undefined ? 'create' : 'update'} (${summary})\n` };
  const planned: PlannedWrite = { path, text, summary };
  if (before !== undefined) planned.before = before;
  return planned;
}

/** Writes a planned checklist, unless the file changed since it was read. */
export async function writePlanned(p: PlannedWrite, job: ChecklistJob, io: CliIo): Promise<Outcome> {
  const shown = relativePath(job.cwd, p.path);
  // A person may have saved the file while it was merged: never overwrite what was not merged.
  if ((await readText(p.path, shown)) !== p.before) {
    return { stderr: `peakend: ${shown} changed on disk while its checklist was generated; nothing written. Run the command again.\n`, failed: true };
  }
  await io.writeFile(p.path, p.text);
  return { stdout: `${shown}: ${p.before === undefined ? 'created' : 'updated'} (${p.summary})\n` };
}

export function isPlannedWrite(x: Outcome | PlannedWrite): x is PlannedWrite {
  return 'text' in x;
}

/** A checklist larger than this is no checklist a person filled in. */
const MAX_CHECKLIST_BYTES = 5 * 1024 * 1024;

/** The checklist at `path` (named `shown` in messages), or undefined when there is none yet. */
async function readText(path: string, shown: string): Promise<string | undefined> {
  const st = await nodeHost.stat(path);
  if (!st) return undefined;
  if (st.type !== 'file') throw new UsageError(`${shown} exists and is not a file.`);
  const read = await nodeHost.readFile(path, MAX_CHECKLIST_BYTES);
  if (!('bytes' in read)) throw new UsageError('tooLarge' in read ? `${shown} is too large (${read.tooLarge} bytes).` : `${shown} is not a regular file.`);
  return new TextDecoder().decode(read.bytes);
}

function describeChanges(changes: ChecklistChange[], created: boolean): string {
  if (created) return `${changes.length} item(s)`;
  const by = (c: ChecklistChange['change']) => changes.filter((x) => x.change === c).map((x) => x.id);
  const parts: string[] = [];
  for (const [kind, label] of [
    ['added', 'added'],
    ['recheck', 're-check'],
    ['obsolete', 'obsolete'],
  ] as const) {
    const list = by(kind);
    if (list.length) parts.push(`${label}: ${list.join(', ')}`);
  }
  parts.push(`${by('kept').length} kept`);
  return parts.join('; ');
}
