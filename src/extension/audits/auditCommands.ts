import * as vscode from 'vscode';
import { auditReport, percent, relativePath, reportMarkdown, scoreMarkdown, toLanguage, type AuditScore, type Touchpoint, type Workspace } from '../../core';
import { toPath } from '../convert';
import type { ReportContent, ReportPanels } from '../reports/panel';
import { markdownHtml } from '../reports/markdownHtml';
import type { Sessions } from '../sessions';
import type { AuditIndex } from './auditIndex';
import { today } from './checklists';
import { outcomeWord } from './labels';

export const SCORE_VIEW = 'peakend.auditScore';
export const REPORT_VIEW = 'peakend.auditReport';

/**
 * "Score Checklist": the open checklist as it is in the editor (saved or not), scored like
 * `peakend audit score`; the result in a panel and a one-line summary. Problems in the checklist are
 * already diagnostics. Writes nothing.
 */
export async function scoreOpenChecklist(sessions: Sessions, audits: AuditIndex, panels: ReportPanels, uri?: vscode.Uri): Promise<AuditScore | undefined> {
  const t = vscode.l10n.t;
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri)) : vscode.window.activeTextEditor?.document;
  const path = doc && doc.uri.scheme === 'file' ? toPath(doc.uri) : undefined;
  const ws = path ? sessions.workspaceFor(path) : undefined;
  if (doc && ws) sessions.analyzeDocument(doc);
  const score = ws && path ? audits.score(ws, ws.getFile(path)) : undefined;
  if (!ws || !score) {
    void vscode.window.showWarningMessage(t('Open an audit checklist (a Markdown file in the checklists folder) to score it.'));
    return undefined;
  }
  const content = (s: AuditScore): ReportContent => ({ title: t('Audit score: {0}', s.touchpoint), body: markdownHtml(scoreMarkdown([s], (f) => relativePath(ws.config.root, f), toLanguage(vscode.env.language))) });
  // The panel follows the checklist as it is typed.
  panels.show(SCORE_VIEW, content(score), () => {
    // Looked up again: a reload replaces the session's workspaces.
    const w = sessions.workspaceFor(path!);
    const now = w && audits.score(w, w.getFile(path!));
    return now && content(now);
  });
  const critical = score.criticalFailures.length ? ' ' + t('Critical items failed: {0}.', score.criticalFailures.join(', ')) : '';
  const summary = t('{0}: {1}, compliance {2}.', score.touchpoint, outcomeWord(score.outcome, t), percent(score.overall)) + critical;
  if (score.outcome === 'fail') void vscode.window.showWarningMessage(summary);
  else void vscode.window.showInformationMessage(summary);
  return score;
}

/** "Open Audit Report": `peakend audit report` of the workspace of the active editor (or the first with audits), in a panel. */
export function openAuditReport(sessions: Sessions, audits: AuditIndex, panels: ReportPanels): { html: string } | undefined {
  const t = vscode.l10n.t;
  const active = vscode.window.activeTextEditor?.document.uri;
  const near = active?.scheme === 'file' ? sessions.workspaceFor(toPath(active)) : undefined;
  const ws = near && audits.audits(near).length ? near : sessions.workspaces().find((w) => audits.audits(w).length > 0);
  if (!ws) {
    void vscode.window.showInformationMessage(t('No audit checklists yet. Generate one with "Peakend: Generate Checklist".'));
    return undefined;
  }
  const folder = ws.config.root.slice(ws.config.root.lastIndexOf('/') + 1);
  const root = ws.config.root;
  const content = (w: Workspace): ReportContent => ({ title: t('Audit report: {0}', folder), body: markdownHtml(reportMarkdown(auditReport(audits.audits(w), touchpointsOf(w), today()), toLanguage(vscode.env.language))) });
  panels.show(REPORT_VIEW, content(ws), () => {
    const w = sessions.workspaces().find((x) => x.config.root === root);
    return w && content(w);
  });
  return { html: panels.shown.get(REPORT_VIEW) ?? '' };
}

function touchpointsOf(ws: Workspace): Map<string, Touchpoint> {
  const out = new Map<string, Touchpoint>();
  for (const [id, list] of ws.getIndex().touchpoints) if (list[0]) out.set(id, list[0]);
  return out;
}
