import * as vscode from 'vscode';
import {
  buildChecklist,
  checklistPath,
  joinPath,
  parseChecklist,
  renderChecklist,
  type ChecklistLanguage,
  type Touchpoint,
  type Workspace,
} from '../../core';
import { toPath } from '../convert';
import { openDocument } from '../host';
import { log } from '../log';
import type { Sessions } from '../sessions';
import type { AuditInfo } from './auditInfo';

export type WriteStatus = 'created' | 'updated' | 'unchanged' | 'empty' | 'conflict' | 'invalid';

export interface WriteResult {
  touchpoint: string;
  status: WriteStatus;
  uri?: vscode.Uri;
}

/** Today as YYYY-MM-DD in the local time zone: the audit date a person would write. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function language(): ChecklistLanguage {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * Writes (or merges into) one touchpoint's checklist for an audit (today's unless a date is given),
 * at the file `peakend checklist` writes, its header carrying the site and auditor. The text is
 * merged with what the file holds now, an unsaved editor's text first, so nothing a person wrote
 * is lost; the change goes through a workspace edit, and a buffer with unsaved changes is left
 * unsaved for its owner to review.
 */
export async function writeChecklist(ws: Workspace, tp: Touchpoint, audit: AuditInfo = {}): Promise<WriteResult> {
  const index = ws.getIndex();
  const date = audit.date ?? today();
  const spec = buildChecklist(index, tp, { ...audit, date });
  if (spec.items.length === 0) return { touchpoint: tp.def.id, status: 'empty' };
  const path = checklistPath(joinPath(ws.config.root, ws.config.checklistsDir), tp.def.id, date, audit.site);
  if (!path) return { touchpoint: tp.def.id, status: 'invalid' };
  const uri = vscode.Uri.file(path);
  const open = openDocument(path);
  const before = open ? open.getText() : await readText(uri);
  const { text } = renderChecklist(spec, language(), before === undefined ? undefined : parseChecklist(path, before));
  if (before === text) return { touchpoint: tp.def.id, status: 'unchanged', uri };
  const edit = new vscode.WorkspaceEdit();
  if (before === undefined) {
    // Fails rather than overwrite a file that appeared meanwhile.
    edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) return { touchpoint: tp.def.id, status: 'conflict', uri };
    log.info(`Created ${path}`);
    return { touchpoint: tp.def.id, status: 'created', uri };
  }
  const doc = open ?? (await vscode.workspace.openTextDocument(uri));
  // Saved (or typed) while the merge ran: what was not merged is never overwritten.
  if (doc.getText() !== before) return { touchpoint: tp.def.id, status: 'conflict', uri };
  const wasDirty = doc.isDirty;
  edit.replace(uri, doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0)), text);
  if (!(await vscode.workspace.applyEdit(edit))) return { touchpoint: tp.def.id, status: 'conflict', uri };
  if (!wasDirty) await doc.save();
  log.info(`Updated ${path}`);
  return { touchpoint: tp.def.id, status: 'updated', uri };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The touchpoint an editor's cursor is in (an inventory), if any. */
export function touchpointAtCursor(sessions: Sessions, editor: vscode.TextEditor | undefined): { ws: Workspace; tp: Touchpoint } | undefined {
  if (!editor || editor.document.uri.scheme !== 'file') return undefined;
  const path = toPath(editor.document.uri);
  const ws = sessions.workspaceFor(path);
  const pos = editor.selection.active;
  const tp = ws?.getFile(path)?.touchpoints.find((t) => {
    const r = t.def.fullRange;
    const after = (l: number, c: number) => pos.line > l || (pos.line === l && pos.character >= c);
    const before = (l: number, c: number) => pos.line < l || (pos.line === l && pos.character <= c);
    return after(r.start.line, r.start.character) && before(r.end.line, r.end.character);
  });
  return ws && tp ? { ws, tp } : undefined;
}

/** Finds a touchpoint by ID: in the workspace of `near` when given, else in any workspace. */
export function findTouchpoint(sessions: Sessions, id: string, near?: vscode.Uri): { ws: Workspace; tp: Touchpoint } | undefined {
  const list = near ? [sessions.workspaceFor(toPath(near))].filter((w): w is Workspace => Boolean(w)) : [...sessions.workspaces()];
  for (const ws of list) {
    const tp = ws.getIndex().touchpoints.get(id)?.[0];
    if (tp) return { ws, tp };
  }
  return undefined;
}

/** Says what a generation did, in one message. */
export function reportWrites(results: readonly WriteResult[]): void {
  const t = vscode.l10n.t;
  const n = (s: WriteStatus) => results.filter((r) => r.status === s).length;
  const conflicts = results.filter((r) => r.status === 'conflict').map((r) => r.touchpoint);
  if (conflicts.length) {
    void vscode.window.showWarningMessage(t('Checklists of {0} changed while they were generated; nothing was written to them. Run the command again.', conflicts.join(', ')));
  }
  if (results.length === 1 && results[0]!.status === 'empty') {
    void vscode.window.showInformationMessage(t('No standard applies to {0}: no checklist written.', results[0]!.touchpoint));
    return;
  }
  void vscode.window.showInformationMessage(t('Checklists: {0} created, {1} updated, {2} up to date.', n('created'), n('updated'), n('unchanged')));
}
