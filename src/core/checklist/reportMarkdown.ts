import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { heading, para, type MdNode } from './mdast';
import type { AuditReport, WeightTotals } from './report';
import { table } from './scoreMarkdown';

const processor = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', listItemIndent: 'one' });

export function pct(t: { compliance?: number }): string {
  return t.compliance === undefined ? '—' : `${(t.compliance * 100).toFixed(1)} %`;
}

const w = (t: WeightTotals) => `${t.passedWeight} / ${t.answeredWeight}`;
const num = (n: number | undefined) => (n === undefined ? '—' : String(n));

/** The audit report as GitHub-flavoured Markdown; every user text goes through mdast, so it is escaped. */
export function reportMarkdown(r: AuditReport): string {
  const out: MdNode[] = [heading(1, [{ type: 'text', value: 'Audit report' }]), para(`${r.audits} audit(s); actions overdue as of ${r.today}.`)];
  const section = (title: string, header: string[], rows: string[][], empty = 'None.') => {
    out.push(heading(2, [{ type: 'text', value: title }]));
    out.push(rows.length ? table(header, rows) : para(empty));
  };
  section('Compliance by touchpoint', ['Touchpoint', 'Name', 'Audits', 'Compliance', 'Weight passed / answered', 'Declared performance', 'Measured performance', 'Gap'], r.touchpoints.map((t) => [t.id, t.name ?? '', String(t.audits), pct(t), w(t), num(t.declared), num(t.measured), t.gap === undefined ? '—' : (t.gap > 0 ? '+' : '') + t.gap]));
  section('Compliance by dimension', ['Dimension', 'Compliance', 'Weight passed / answered'], r.dimensions.map((d) => [d.dimension || '—', pct(d), w(d)]));
  section('Compliance by standard', ['Standard', 'Pass', 'Fail', 'N/A', 'Unanswered', 'Pass rate'], r.standards.map((s) => [s.id, String(s.pass), String(s.fail), String(s.na), String(s.unanswered), pct(s)]));
  section('Trend by audit date', ['Date', 'Audits', 'Compliance', 'Weight passed / answered'], r.trend.map((t) => [t.date || '—', String(t.audits), pct(t), w(t)]));
  section('Most-failed standards', ['Standard', 'Failures', 'Audits'], r.mostFailed.map((m) => [m.id, String(m.fail), String(m.audits)]));
  section('Repeat failures', ['Touchpoint', 'Standard', 'Consecutive audits'], r.repeatFailures.map((f) => [f.touchpoint, f.standard, f.dates.join(', ')]));
  section('Critical failures', ['Touchpoint', 'Date', 'Site', 'Standard'], r.criticalFailures.map((c) => [c.touchpoint, c.date ?? '', c.site ?? '', c.standard]));
  section(
    'Open corrective actions by owner',
    ['Owner', 'Touchpoint', 'Standard', 'Action', 'Due', 'Overdue'],
    r.openActions.flatMap((o) => o.actions.map((a) => [o.owner || '(no owner)', a.touchpoint, a.standard, a.text, a.due ?? '', a.overdue ? 'yes' : ''])),
  );
  return processor.stringify({ type: 'root', children: out } as never);
}
