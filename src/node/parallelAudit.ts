import { availableParallelism } from 'node:os';
import { ChecklistAuditor, compareFindings, type AuditResult, type AuditScore, type FileAudit, type Finding } from '../core';
import { nodeHost } from './nodeHost';
import { checklistWorkerFile, chunkQueue, coresToSpare, runWorker } from './workerChunks';

/** Below this many checklists a worker's start-up (its own copy of the workspace) costs more than it saves. */
const MIN_FILES = 200;
/** Checklists per message: small enough that the threads finish together, large enough to keep messages few. */
const CHUNK = 16;
/**
 * Workers, which audit while this thread only hands their results on in order. Auditing is
 * CPU-bound; two keep two cores busy.
 */
const WORKERS = 2;
/**
 * Fewer cores than this and no worker starts. Each worker reads the workspace again, warms up on
 * its own and sends every score across, and this thread still writes the output: on two cores that
 * cost more than it saved (docs/performance.md), where one thread alone meets the targets.
 */
const MIN_CORES = 4;
/**
 * Each worker's heap. A worker holds its workspace and the few checklists in flight (a score is
 * sent and dropped), so its live set is far below this; the bound only keeps V8 from letting
 * garbage grow the heap, which unbounded took the process's peak from about 350 MB alone to
 * about 460 MB with two workers. A worker that runs out of it fails, and this thread audits its
 * files.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 };

export interface AuditOptions {
  /** Each score (with its file's findings) as soon as it is made, in file order; then the result holds none. */
  onAudit?: (audit: AuditScore, findings: readonly Finding[]) => void | Promise<void>;
  /** Keep only error findings (a report shows no others); default: all. */
  errorsOnly?: boolean;
  /** The result names the files' workspaces (default); without, this thread never opens them. */
  workspaces?: boolean;
}

export interface AuditTuning {
  /** Fewer files than this are audited on this thread alone. */
  minFiles?: number;
  /** Worker threads (default 2; none with fewer than four cores, nor on a machine without cores to spare). */
  workers?: number;
  /** Counts, for tests: files audited here, and files whose audit came from a worker. */
  counts?: { here: number; inWorkers: number };
}

/**
 * `auditChecklists` over the file system, on worker threads (dist/checklistWorker.js beside the
 * CLI): each takes chunks of files from one queue in turn. The results are handed on in file
 * order, so scores, findings and workspaces are exactly those `auditChecklists` gives. What a
 * worker that fails or cannot start leaves, and every file when there are no workers or few
 * files, is audited on this thread.
 */
export async function parallelAuditChecklists(
  files: readonly string[],
  options: AuditOptions = {},
  workerFile: string | URL | undefined = checklistWorkerFile(),
  tuning: AuditTuning = {},
): Promise<AuditResult> {
  const { onAudit, errorsOnly = false, workspaces: wanted = true } = options;
  const { minFiles = MIN_FILES, workers = availableParallelism() >= MIN_CORES && coresToSpare() ? WORKERS : 0, counts } = tuning;
  const auditor = new ChecklistAuditor(nodeHost, errorsOnly ? (f) => f.severity === 'error' : undefined);
  const results = new Array<FileAudit | undefined>(files.length);
  const audits: AuditScore[] = [];
  const findings: Finding[] = [];
  // Results are handed on in file order, as soon as every earlier file's result is in.
  let handed = 0;
  const handOn = async () => {
    for (; handed < files.length && results[handed]; handed++) {
      const one = results[handed]!;
      results[handed] = undefined;
      findings.push(...one.findings);
      if (!one.score) continue;
      if (onAudit) await onAudit(one.score, one.findings);
      else audits.push(one.score);
    }
  };
  // One hand-over at a time, whichever thread's result let it go on. A failed one (standard output
  // closed) fails every later one, and the last, awaited, throws.
  let handing = Promise.resolve();
  const kick = () => (handing = handing.then(handOn));
  const here = async (i: number) => {
    results[i] = await auditor.audit(files[i]!);
    if (counts) counts.here++;
  };
  const take = chunkQueue(files.length, CHUNK);
  const threads = workerFile === undefined || files.length < minFiles ? 0 : workers;
  const lostHere: number[] = [];
  const running = Array.from({ length: Math.max(0, threads) }, () =>
    runWorker<string, FileAudit>(
      workerFile!,
      { task: 'audit', errorsOnly },
      RESOURCE_LIMITS,
      files,
      take,
      (i, r) => {
        if (!r) lostHere.push(i);
        else {
          results[i] = r;
          if (counts) counts.inWorkers++;
        }
      },
      () => void kick().catch(() => undefined),
    ),
  );
  // While the workers start, this thread opens the workspaces the result names (a report reads them).
  const workspaces = wanted ? auditor.workspacesOf(files) : Promise.resolve([]);
  // Its failure is thrown where it is awaited, at the end.
  workspaces.catch(() => undefined);
  await Promise.all(running);
  // What no worker audited (none started, or they failed) is audited here.
  for (const i of lostHere) await here(i);
  for (let chunk = take(); chunk; chunk = take()) {
    for (let i = chunk[0]; i < chunk[1]; i++) await here(i);
    await kick();
  }
  await kick();
  return { audits, findings: findings.sort(compareFindings), workspaces: await workspaces };
}
