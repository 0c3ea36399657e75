import * as vscode from 'vscode';
import { isDate, sanitizeSegment } from '../../core';

/** Who audits where and when: the checklist's header, as `peakend checklist --site --auditor --date` write it. */
export interface AuditInfo {
  site?: string;
  auditor?: string;
  /** YYYY-MM-DD; today when unset. */
  date?: string;
}

/** The last answers, per Peakend workspace (its root folder), kept in the VS Code workspace's state. */
const LAST = 'peakend.lastAudit';
type Remembered = Record<string, { site: string; auditor: string }>;

/**
 * Asks for the audit's site and auditor, each optional: the boxes start with the last answers given
 * in this workspace, an empty answer means none, Escape cancels (undefined: nothing is written).
 */
export async function askAuditInfo(state: vscode.Memento, root: string): Promise<AuditInfo | undefined> {
  const t = vscode.l10n.t;
  const all = state.get<Remembered>(LAST) ?? {};
  const last = all[root] ?? { site: '', auditor: '' };
  const site = await vscode.window.showInputBox({
    title: t('Audit site (optional)'),
    prompt: t('The site audited: part of the file name and the header. Leave empty for none.'),
    value: last.site,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() && !sanitizeSegment(v.trim()) ? t('Use letters (Latin or Chinese) or digits: the site is part of the file name.') : undefined),
  });
  if (site === undefined) return undefined;
  const auditor = await vscode.window.showInputBox({
    title: t('Auditor (optional)'),
    prompt: t('Who audits, for the header. Leave empty for none.'),
    value: last.auditor,
    ignoreFocusOut: true,
  });
  if (auditor === undefined) return undefined;
  const info: AuditInfo = {};
  if (site.trim()) info.site = site.trim();
  if (auditor.trim()) info.auditor = auditor.trim();
  await state.update(LAST, { ...all, [root]: { site: info.site ?? '', auditor: info.auditor ?? '' } });
  return info;
}

/**
 * An AuditInfo passed to the command by another extension or a test: only its well-formed fields.
 * Anything else (no argument, what a menu passes) is undefined: then the command asks.
 */
export function auditInfoArg(value: unknown): AuditInfo | undefined {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) return undefined;
  const v = value as Record<string, unknown>;
  if (!('site' in v || 'auditor' in v || 'date' in v)) return undefined;
  const info: AuditInfo = {};
  const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
  const site = text(v.site);
  const auditor = text(v.auditor);
  const date = text(v.date);
  if (site && sanitizeSegment(site)) info.site = site;
  if (auditor) info.auditor = auditor;
  if (date && isDate(date)) info.date = date;
  return info;
}
