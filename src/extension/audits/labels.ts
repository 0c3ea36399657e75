import { percent, type AuditScore } from '../../core';

/** A message translator with vscode.l10n.t's signature; tests pass a plain formatter. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** The outcome as a word: FAIL stays loud, an audit with unanswered items says so. */
export function outcomeWord(outcome: AuditScore['outcome'], t: Translate): string {
  return outcome === 'pass' ? t('pass') : outcome === 'fail' ? t('FAIL') : t('incomplete');
}

/** "3 standards apply" above a touchpoint. */
export function standardsLabel(count: number, t: Translate): string {
  if (count === 0) return t('No standard applies');
  return count === 1 ? t('1 standard applies') : t('{0} standards apply', count);
}

/** "Last audit 2026-12-01: 85.7 % · pass", or that there is none. */
export function auditLabel(audit: AuditScore | undefined, t: Translate): string {
  if (!audit) return t('No audit yet');
  return t('Last audit {0}: {1} · {2}', audit.date ?? '—', percent(audit.overall), outcomeWord(audit.outcome, t));
}

/** The tree item's description: "3 standards · 85.7 %". */
export function treeDescription(standards: number, measured: AuditScore | undefined, t: Translate): string {
  const s = standards === 1 ? t('1 standard') : t('{0} standards', standards);
  return measured ? `${s} · ${percent(measured.overall)}` : s;
}
