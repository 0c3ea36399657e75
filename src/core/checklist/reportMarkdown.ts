import { heading, para, type MdNode } from './mdast';
import type { Language } from '../messages/render';
import { reportStringify } from './reportWriter';
import type { AuditReport, WeightTotals } from './report';
import { REPORT_WORDS } from './reportWords';
import { table } from './scoreMarkdown';

export function pct(t: { compliance?: number }): string {
  return t.compliance === undefined ? '—' : `${(t.compliance * 100).toFixed(1)} %`;
}

const w = (t: WeightTotals) => `${t.passedWeight} / ${t.answeredWeight}`;
const num = (n: number | undefined) => (n === undefined ? '—' : String(n));

/** The audit report as GitHub-flavoured Markdown in `lang`; every user text goes through mdast, so it is escaped. */
export function reportMarkdown(r: AuditReport, lang: Language = 'en'): string {
  const words = REPORT_WORDS[lang];
  const s = words.sections;
  const out: MdNode[] = [heading(1, [{ type: 'text', value: words.reportTitle }]), para(words.reportIntro(r.audits, r.today))];
  const section = ([title, header]: [string, string[]], rows: string[][]) => {
    out.push(heading(2, [{ type: 'text', value: title }]));
    out.push(rows.length ? table(header, rows) : para(words.none));
  };
  const yes = (b: boolean) => (b ? words.yes : '');
  section(s.touchpoints, r.touchpoints.map((t) => [t.id, t.name ?? '', String(t.audits), pct(t), w(t), num(t.declared), num(t.measured), t.gap === undefined ? '—' : (t.gap > 0 ? '+' : '') + t.gap]));
  section(s.dimensions, r.dimensions.map((d) => [d.dimension || '—', pct(d), w(d)]));
  section(s.standards, r.standards.map((x) => [x.id, String(x.pass), String(x.fail), String(x.na), String(x.unanswered), pct(x)]));
  section(s.trend, r.trend.map((t) => [t.date || '—', String(t.audits), pct(t), w(t)]));
  section(s.mostFailed, r.mostFailed.map((m) => [m.id, String(m.fail), String(m.audits)]));
  section(s.repeatFailures, r.repeatFailures.map((f) => [f.touchpoint, f.standard, f.dates.map((d) => d || '—').join(', ')]));
  section(s.criticalFailures, r.criticalFailures.map((c) => [c.touchpoint, c.date ?? '', c.site ?? '', c.standard]));
  section(s.openActions, r.openActions.flatMap((o) => o.actions.map((a) => [o.owner || words.noOwner, a.touchpoint, a.standard, a.text, a.due ?? '', yes(a.overdue)])));
  return reportStringify(out);
}
