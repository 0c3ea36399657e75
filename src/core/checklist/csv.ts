import { statusWord } from './labels';
import type { AuditScore } from './score';

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; a cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe.
 * Numbers stay numbers.
 */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Every scored item of every audit, one row each, for pivot tables. UTF-8 with a byte-order mark
 * and CRLF line ends, so that Excel and LibreOffice open Chinese text correctly.
 */
export function auditCsv(audits: readonly AuditScore[], today: string, fileName: (f: string) => string = (f) => f): string {
  const header = ['file', 'touchpoint', 'site', 'auditor', 'date', 'outcome', 'standard', 'dimension', 'weight', 'critical', 'result', 'measured', 'action', 'owner', 'due', 'action status', 'overdue'];
  const rows = [header.map(csvCell).join(',')];
  for (const a of audits) {
    for (const i of a.items) {
      const overdue = i.action && i.action.due !== undefined && i.action.due < today && statusWord(i.action.status ?? '') !== 'done';
      rows.push(
        [fileName(a.file), a.touchpoint, a.site, a.auditor, a.date, a.outcome, i.id, i.dimension, i.weight, i.critical ? 'yes' : 'no', i.status, i.value, i.action?.text, i.action?.owner, i.action?.due, i.action?.status, i.action ? (overdue ? 'yes' : 'no') : undefined]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
