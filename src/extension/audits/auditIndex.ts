import { scoreChecklist, validateChecklist, type AuditScore, type FileModel, type Workspace } from '../../core';
import { lastAudits } from './lastAudit';

interface Cached {
  score: AuditScore;
  /** The state of the index it was scored against (its stamp); undefined when every item carries its own snapshot. */
  stamp?: number;
}

/**
 * The scored audits of the session's workspaces. A checklist's file model is replaced when its text
 * changes, so a score is kept per model and a file is parsed and scored once per version. Items
 * carry a snapshot of their standard; only a checklist whose snapshot comments were removed is
 * scored against the workspace's standards, and scored again when they change.
 */
export class AuditIndex {
  private readonly scores = new WeakMap<FileModel, Cached>();

  /** Every checklist of a workspace, scored. */
  audits(ws: Workspace): AuditScore[] {
    const out: AuditScore[] = [];
    for (const model of ws.files.values()) {
      const s = this.score(ws, model);
      if (s) out.push(s);
    }
    return out;
  }

  /** The score of one checklist file, or undefined when the file is not a checklist of the workspace. */
  score(ws: Workspace, model: FileModel | undefined): AuditScore | undefined {
    if (!model?.file.toLowerCase().endsWith('.md')) return undefined;
    const parsed = model.checklist;
    if (!parsed) return undefined;
    const cached = this.scores.get(model);
    if (cached && (cached.stamp === undefined || cached.stamp === ws.getIndex().stamp)) return cached.score;
    const standalone = parsed.items.every((i) => i.spec || i.obsolete);
    const index = ws.getIndex();
    const score = scoreChecklist(parsed, standalone ? new Map() : validateChecklist(parsed, index).specs);
    this.scores.set(model, standalone ? { score } : { score, stamp: index.stamp });
    return score;
  }

  /** The newest audit of each touchpoint of a workspace (see lastAudits). */
  last(ws: Workspace, measured = false): Map<string, AuditScore> {
    return lastAudits(this.audits(ws), measured);
  }
}
