import { parentPort, workerData } from 'node:worker_threads';
import { ChecklistAuditor, openWorkspace, type FileAudit, type Touchpoint } from '../core';
import { nodeHost } from '../node/nodeHost';
import { UsageError } from './args';
import { planChecklist, selectTouchpoints, type ChecklistJob, type Outcome, type PlannedWrite } from './checklistPlan';

/*
 * A worker thread of `peakend audit` (src/node/parallelAudit.ts) or `peakend checklist`
 * (src/cli/commands/checklist.ts). It is sent chunks of work and answers each item with its
 * result, or null when it could not do it, so that the main thread does that item itself.
 *  - audit: an item is a checklist's path; the result its score and findings.
 *  - checklist: an item is a touchpoint's index and ID in the command's list; the result what
 *    `planChecklist` gives (the main thread writes), or the usage error it threw.
 */
export type PlanResult = Outcome | PlannedWrite | { usageError: string };

type Task = { task: 'audit'; errorsOnly: boolean } | { task: 'checklist'; root: string; all: boolean; ids: string[]; job: ChecklistJob };
const data = workerData as Task;

const answer = (start: number, results: unknown[]) => parentPort!.postMessage({ start, results });

if (data.task === 'audit') {
  const auditor = new ChecklistAuditor(nodeHost, data.errorsOnly ? (f) => f.severity === 'error' : undefined);
  parentPort!.on('message', async ({ start, items }: { start: number; items: string[] }) => {
    const results: (FileAudit | null)[] = [];
    for (const file of items) results.push(await auditor.audit(file).catch(() => null));
    answer(start, results);
  });
} else {
  const { root, all, ids, job } = data;
  // The workspace as the main thread opened it; a touchpoint whose ID differs at its index (the
  // files changed in between) is left to the main thread.
  const opened = openWorkspace(nodeHost, root, [], undefined, { skipChecklists: true, positions: 'later' }).then(({ workspace }) => {
    const index = workspace.getIndex();
    return { index, touchpoints: selectTouchpoints(index, all, ids) as (Touchpoint | undefined)[] };
  });
  parentPort!.on('message', async ({ start, items }: { start: number; items: string[] }) => {
    const results: (PlanResult | null)[] = [];
    const ws = await opened.catch(() => undefined);
    for (let k = 0; k < items.length; k++) {
      const tp = ws?.touchpoints[start + k];
      if (!ws || !tp || tp.def.id !== items[k]) {
        results.push(null);
        continue;
      }
      // A usage error (a checklist path that is a folder…) is the command's to report; any other is left to the main thread, which throws it as its own.
      results.push(await planChecklist(ws.index, tp, job).catch((e: unknown) => (e instanceof UsageError ? { usageError: e.message } : null)));
    }
    answer(start, results);
  });
}
