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

const HEADER = ['file', 'touchpoint', 'site', 'auditor', 'date', 'outcome', 'standard', 'dimension', 'weight', 'critical', 'result', 'measured', 'action', 'owner', 'due', 'action status', 'overdue'];

/**
 * Every scored item of every audit, one row each, for pivot tables. UTF-8 with a byte-order mark
 * and CRLF line ends, so that Excel and LibreOffice open Chinese text correctly.
 */
export function auditCsv(audits: readonly AuditScore[], today: string, fileName: (f: string) => string = (f) => f): string {
  return auditCsvHeader() + audits.map((a) => auditCsvRows(a, today, fileName)).join('');
}

/** How `auditCsv` starts: the byte-order mark and the header row. */
export function auditCsvHeader(): string {
  return '\uFEFF' + HEADER.map(csvCell).join(',') + '\r\n';
}

/** One audit's rows of `auditCsv`, so that a report of thousands of audits is written as they are scored. */
export function auditCsvRows(a: AuditScore, today: string, fileName: (f: string) => string = (f) => f): string {
  let rows = '';
  for (const i of a.items) {
    const overdue = i.action && i.action.due !== undefined && i.action.due < today && statusWord(i.action.status ?? '') !== 'done';
    rows +=
      [fileName(a.file), a.touchpoint, a.site, a.auditor, a.date, a.outcome, i.id, i.dimension, i.weight, i.critical ? 'yes' : 'no', i.status, i.value, i.action?.text, i.action?.owner, i.action?.due, i.action?.status, i.action ? (overdue ? 'yes' : 'no') : undefined]
        .map(csvCell)
        .join(',') + '\r\n';
  }
  return rows;
}
