import type { AuditScore } from '../../core';

/**
 * The newest audit of each touchpoint: the latest audit date, then (two audits of one day, at two
 * sites) the greater file name, so the choice does not depend on the order files were read in.
 * An audit without a readable date is older than any dated one. `measured` keeps only audits with
 * something answered pass or fail: the last *measured* compliance skips a checklist just generated.
 */
export function lastAudits(audits: Iterable<AuditScore>, measured = false): Map<string, AuditScore> {
  const out = new Map<string, AuditScore>();
  for (const a of audits) {
    if (!a.touchpoint) continue;
    if (measured && a.overall.compliance === undefined) continue;
    const prev = out.get(a.touchpoint);
    if (!prev || newer(a, prev)) out.set(a.touchpoint, a);
  }
  return out;
}

function newer(a: AuditScore, b: AuditScore): boolean {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da > db;
  return a.file > b.file;
}
