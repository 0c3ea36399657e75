import { analyzeFile } from '../analyze';
import { findConfigFile, openWorkspace, readInput } from '../workspace/load';
import { applySettings } from '../workspace/settings';
import { compareFindings, type Finding } from '../finding';
import type { Host } from '../host';
import type { Workspace } from '../workspace/workspace';
import { dirname } from '../util/paths';
import { parseChecklist } from './parse';
import { scoreChecklist, type AuditScore } from './score';
import { validateChecklist } from './validate';

export interface AuditResult {
  /** Every score, in file order; empty when they were handed to `onAudit` instead. */
  audits: AuditScore[];
  findings: Finding[];
  /** The workspace of each checklist's folder (by root), for reports that compare with the journey maps. */
  workspaces: Workspace[];
}

/**
 * Reads, checks and scores filled-in checklists. Each is checked against the workspace around it
 * (the nearest peakend.yaml above it), whose rule settings apply to its findings. With `onAudit`
 * each score is handed over as soon as it is made and not kept: thousands of audits are never
 * held at once.
 */
export async function auditChecklists(
  host: Host,
  files: readonly string[],
  onAudit?: (audit: AuditScore, findings: readonly Finding[]) => void | Promise<void>,
  /** The findings to keep (default: all); a report that shows only errors keeps only those. */
  keepFinding: (finding: Finding) => boolean = () => true,
): Promise<AuditResult> {
  const auditor = new ChecklistAuditor(host, keepFinding);
  const audits: AuditScore[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const one = await auditor.audit(file);
    findings.push(...one.findings);
    if (!one.score) continue;
    if (onAudit) await onAudit(one.score, one.findings);
    else audits.push(one.score);
  }
  return { audits, findings: findings.sort(compareFindings), workspaces: await auditor.workspacesOf(files) };
}

/** What auditing one checklist gives: its score (none when it could not be read as a checklist) and the findings kept. */
export interface FileAudit {
  score?: AuditScore;
  findings: Finding[];
}

/**
 * Audits checklists one at a time, keeping the config of each folder and the workspace of each
 * root between them. A result holds only its own strings (no slice of a checklist's text), so a
 * caller may keep it, or another thread may be sent it, without keeping the checklist.
 */
export class ChecklistAuditor {
  private readonly workspaces = new Map<string, { ws: Workspace; checklists: Set<string> }>();
  // The config found for each folder: audits of one touchpoint share a folder.
  private readonly configs = new Map<string, string | undefined>();

  constructor(
    private readonly host: Host,
    private readonly keepFinding: (finding: Finding) => boolean = () => true,
  ) {}

  /** The workspace a checklist is checked against, opened once per root. */
  private async opened(file: string): Promise<{ ws: Workspace; checklists: Set<string> }> {
    const folder = dirname(file);
    if (!this.configs.has(folder)) this.configs.set(folder, await findConfigFile(this.host, folder));
    const config = this.configs.get(folder);
    const root = config ? dirname(config) : dirname(file);
    let opened = this.workspaces.get(root);
    if (!opened) {
      // The workspace's own checklists are read here, one at a time, as the workspace would read them.
      // Scores need the standards and touchpoints, never their positions.
      const loaded = await openWorkspace(this.host, root, [], undefined, { skipChecklists: true, positions: 'later' });
      opened = { ws: loaded.workspace, checklists: new Set(loaded.checklists) };
      this.workspaces.set(root, opened);
    }
    return opened;
  }

  /** The workspaces of these files, each once, in the order the files first name them. */
  async workspacesOf(files: readonly string[]): Promise<Workspace[]> {
    const out = new Set<Workspace>();
    for (const file of files) out.add((await this.opened(file)).ws);
    return [...out];
  }

  async audit(file: string): Promise<FileAudit> {
    const host = this.host;
    const opened = await this.opened(file);
    const ws = opened.ws;
    const known = opened.checklists.has(file) ? analyzeFile(file, await readInput(host, file, ws.config.maxFileBytes), ws.config) : ws.getFile(file);
    if (known) {
      if (known.checklist) {
        const checked = validateChecklist(known.checklist, ws.getIndex());
        return this.kept(applySettings([...known.findings, ...checked.findings], ws.config, new Map()), scoreChecklist(known.checklist, checked.specs));
      }
      return { findings: known.findings.filter(this.keepFinding) };
    }
    let text: string;
    try {
      const read = await host.readFile(file, ws.config.maxFileBytes);
      if (!('bytes' in read)) throw new Error('tooLarge' in read ? `it is ${read.tooLarge} bytes, over limits.maxFileBytes` : 'it is not a regular file');
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch (e) {
      const finding: Finding = {
        ruleId: 'file-unreadable',
        severity: 'error',
        message: `The file cannot be read: ${e instanceof Error ? e.message : String(e)}`,
        messageId: 'file.unreadable',
        args: { detail: e instanceof Error ? e.message : String(e) },
        file,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      };
      return { findings: [finding] };
    }
    const parsed = parseChecklist(file, text);
    const checked = validateChecklist(parsed, ws.getIndex());
    return this.kept(applySettings([...parsed.findings, ...checked.findings], ws.config, new Map()), scoreChecklist(parsed, checked.specs));
  }

  // Kept as copies: the strings of a score and its findings are slices of the checklist's text,
  // which would keep every checklist read in memory until the end.
  private kept(found: Finding[], audit: AuditScore): FileAudit {
    const kept = found.filter(this.keepFinding);
    return { score: ownScore(audit), findings: kept.map(ownFinding) };
  }
}

/**
 * A finding whose strings are its own, the same value as `structuredClone` gives (keys in the same
 * order). Only its arguments, related places and fixes can hold the checklist's text: the rule and
 * message IDs and the severity are constants, the file is the caller's path and the message is
 * rendered anew.
 */
function ownFinding(f: Finding): Finding {
  const out: Record<string, unknown> = {};
  const from = f as unknown as Record<string, unknown>;
  // `for…in` over a plain object: its own keys in order, without an array of entries per finding.
  for (const k in from) out[k] = k === 'args' || k === 'related' || k === 'fixes' || k === 'range' ? ownCopy(from[k]) : from[k];
  return out as unknown as Finding;
}

/**
 * A deep copy of plain data (objects, arrays, strings, numbers…) whose strings are its own, keys in
 * the same order (strings repeat across audits and are copied once per distinct text).
 */
function ownCopy<T>(value: T): T {
  if (typeof value === 'string') return own(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(ownCopy) as T;
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  for (const k in from) out[k] = ownCopy(from[k]);
  return out as T;
}

/** Strings of a score that may be slices of its checklist's text, copied once per distinct text. */
const owned = new Map<string, string>();
function own(s: string): string {
  let copy = owned.get(s);
  if (copy === undefined) {
    if (owned.size > 100_000) owned.clear();
    copy = (JSON.parse(JSON.stringify(s)) as string);
    owned.set(copy, copy);
  }
  return copy;
}

/**
 * A score whose strings are its own. Item IDs and dimensions are the standards' (see
 * `scoreChecklist`); the audit's facts repeat across audits and are shared; the person's words
 * (actions, unknown IDs) are copied. Same fields in the same order as the score.
 */
function ownScore(a: AuditScore): AuditScore {
  const out = { ...a } as AuditScore;
  out.touchpoint = own(a.touchpoint);
  for (const k of ['site', 'auditor', 'date'] as const) if (a[k] !== undefined) out[k] = own(a[k]!);
  for (const i of a.items) if (i.action) i.action = JSON.parse(JSON.stringify(i.action)) as NonNullable<typeof i.action>;
  out.unknown = a.unknown.map(own);
  return out;
}
