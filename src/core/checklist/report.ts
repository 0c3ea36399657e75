import type { Touchpoint } from '../model/types';
import { statusWord } from './labels';
import type { AuditScore, ScoredItem } from './score';

export interface WeightTotals {
  passedWeight: number;
  answeredWeight: number;
  compliance?: number;
}

export interface ActionRow {
  owner: string;
  touchpoint: string;
  standard: string;
  auditDate?: string;
  site?: string;
  text: string;
  due?: string;
  status: 'open' | 'done';
  overdue: boolean;
  file: string;
}

export interface AuditReport {
  today: string;
  audits: number;
  touchpoints: (WeightTotals & { id: string; name?: string; audits: number; declared?: number; measured?: number; gap?: number })[];
  dimensions: (WeightTotals & { dimension: string })[];
  standards: { id: string; pass: number; fail: number; na: number; unanswered: number; compliance?: number }[];
  trend: (WeightTotals & { date: string; audits: number })[];
  mostFailed: { id: string; fail: number; audits: number }[];
  repeatFailures: { touchpoint: string; standard: string; dates: string[] }[];
  criticalFailures: { touchpoint: string; standard: string; date?: string; site?: string; file: string }[];
  /** Corrective actions not done, by owner (owner "" = none named). */
  openActions: { owner: string; open: number; overdue: number; actions: ActionRow[] }[];
}

const totals = (): WeightTotals => ({ passedWeight: 0, answeredWeight: 0 });

function addItem(t: WeightTotals, i: ScoredItem): void {
  if (i.status === 'pass' || i.status === 'fail') t.answeredWeight += i.weight;
  if (i.status === 'pass') t.passedWeight += i.weight;
  t.compliance = t.answeredWeight > 0 ? t.passedWeight / t.answeredWeight : undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Aggregates many audits: compliance per touchpoint, dimension and standard; the trend by audit
 * date; repeat and critical failures; open corrective actions; and each touchpoint's declared
 * performance (1–5) beside its measured one (1 + 4 × compliance), for importance–performance analysis.
 */
export function auditReport(audits: readonly AuditScore[], touchpoints: ReadonlyMap<string, Touchpoint>, today: string): AuditReport {
  const totals = new ReportTotals(today);
  for (const a of audits) totals.add(a);
  return totals.report(touchpoints);
}

/** Whether an item with the same ID comes before this one in its audit (a score lists each ID once). */
function seenIn(a: AuditScore, item: ScoredItem): boolean {
  for (const x of a.items) {
    if (x === item) return false;
    if (x.id === item.id) return true;
  }
  return false;
}

/** What a repeat failure needs of an audit: when and where, and which standards failed. */
interface AuditFailures {
  date?: string;
  site?: string;
  file: string;
  failed: Set<string>;
}

/**
 * `auditReport` one audit at a time: each audit is added as it is scored and only the totals are
 * kept, so a report over thousands of audits never holds them all.
 */
export class ReportTotals {
  private audits = 0;
  private readonly tps = new Map<string, AuditReport['touchpoints'][number]>();
  private readonly dims = new Map<string, WeightTotals & { dimension: string }>();
  private readonly stds = new Map<string, AuditReport['standards'][number]>();
  private readonly dates = new Map<string, WeightTotals & { date: string; audits: number }>();
  private readonly critical: AuditReport['criticalFailures'] = [];
  private readonly actions: ActionRow[] = [];
  /** Per touchpoint: its audits' failures, and every standard its audits list. */
  private readonly byTp = new Map<string, { audits: AuditFailures[]; ids: Set<string> }>();

  constructor(private readonly today: string) {}

  add(a: AuditScore): void {
    const today = this.today;
    this.audits++;
    let tp = this.tps.get(a.touchpoint);
    if (!tp) this.tps.set(a.touchpoint, (tp = { id: a.touchpoint, audits: 0, ...totals() }));
    tp.audits++;
    const dateKey = a.date ?? '';
    let d = this.dates.get(dateKey);
    if (!d) this.dates.set(dateKey, (d = { date: dateKey, audits: 0, ...totals() }));
    d.audits++;
    let history = this.byTp.get(a.touchpoint);
    if (!history) this.byTp.set(a.touchpoint, (history = { audits: [], ids: new Set() }));
    const failures: AuditFailures = withOptional({ file: a.file, failed: new Set<string>() }, { date: a.date, site: a.site });
    history.audits.push(failures);
    for (const i of a.items) {
      // The first item of an ID decides whether the standard failed in this audit.
      if (i.status === 'fail' && !seenIn(a, i)) failures.failed.add(i.id);
      history.ids.add(i.id);
      addItem(tp, i);
      addItem(d, i);
      let dim = this.dims.get(i.dimension);
      if (!dim) this.dims.set(i.dimension, (dim = { dimension: i.dimension, ...totals() }));
      addItem(dim, i);
      let s = this.stds.get(i.id);
      if (!s) this.stds.set(i.id, (s = { id: i.id, pass: 0, fail: 0, na: 0, unanswered: 0 }));
      s[i.status]++;
      s.compliance = s.pass + s.fail > 0 ? s.pass / (s.pass + s.fail) : undefined;
      if (i.status === 'fail' && i.critical) this.critical.push(withOptional({ touchpoint: a.touchpoint, standard: i.id, file: a.file }, { date: a.date, site: a.site }));
      if (i.action) {
        const status = statusWord(i.action.status ?? '') ?? 'open';
        const row: ActionRow = withOptional(
          { owner: i.action.owner ?? '', touchpoint: a.touchpoint, standard: i.id, text: i.action.text, status, overdue: status === 'open' && i.action.due !== undefined && i.action.due < today, file: a.file },
          { auditDate: a.date, site: a.site, due: i.action.due },
        );
        this.actions.push(row);
      }
    }
  }

  report(touchpoints: ReadonlyMap<string, Touchpoint>): AuditReport {
    const tpsOut: AuditReport['touchpoints'] = [];
    for (const t of this.tps.values()) {
      // The fields in the order the report has always listed them.
      const { id, audits, passedWeight, answeredWeight, compliance } = t;
      const tp: AuditReport['touchpoints'][number] = { id, audits, passedWeight, answeredWeight };
      const def = touchpoints.get(id);
      if (def?.name !== undefined) tp.name = def.name;
      if (def?.performance !== undefined) tp.declared = def.performance;
      if ('compliance' in t) tp.compliance = compliance;
      if (tp.compliance !== undefined) tp.measured = round(1 + 4 * tp.compliance);
      if (tp.measured !== undefined && tp.declared !== undefined) tp.gap = round(tp.measured - tp.declared);
      tpsOut.push(tp);
    }
    const open = this.actions.filter((r) => r.status === 'open');
    const owners = new Map<string, ActionRow[]>();
    for (const r of open) {
      const list = owners.get(r.owner);
      if (list) list.push(r);
      else owners.set(r.owner, [r]);
    }
    const standards = [...this.stds.values()].sort((x, y) => byText(x.id, y.id));
    return {
      today: this.today,
      audits: this.audits,
      touchpoints: tpsOut.sort((x, y) => byText(x.id, y.id)),
      dimensions: [...this.dims.values()].sort((x, y) => byText(x.dimension, y.dimension)),
      standards,
      trend: [...this.dates.values()].sort((x, y) => byText(x.date, y.date)),
      mostFailed: standards
        .filter((s) => s.fail > 0)
        .map((s) => ({ id: s.id, fail: s.fail, audits: s.pass + s.fail + s.na + s.unanswered }))
        .sort((x, y) => y.fail - x.fail || byText(x.id, y.id)),
      repeatFailures: this.repeatFailures(),
      criticalFailures: [...this.critical].sort((x, y) => byText(x.touchpoint, y.touchpoint) || byText(x.date ?? '', y.date ?? '') || byText(x.standard, y.standard)),
      openActions: [...owners]
        .sort(([x], [y]) => byText(x, y))
        .map(([owner, rows]) => ({ owner, open: rows.length, overdue: rows.filter((r) => r.overdue).length, actions: rows.sort((x, y) => byText(x.due ?? '\uffff', y.due ?? '\uffff')) })),
    };
  }

  /** A standard that fails in two or more consecutive audits of one touchpoint (audits in date order). */
  private repeatFailures(): AuditReport['repeatFailures'] {
    const out: AuditReport['repeatFailures'] = [];
    for (const [touchpoint, history] of [...this.byTp].sort(([x], [y]) => byText(x, y))) {
      const list = [...history.audits].sort((x, y) => byText(x.date ?? '', y.date ?? '') || byText(x.site ?? '', y.site ?? '') || byText(x.file, y.file));
      for (const id of [...history.ids].sort(byText)) {
        let run: string[] = [];
        const flush = () => {
          if (run.length >= 2) out.push({ touchpoint, standard: id, dates: run });
          run = [];
        };
        for (const a of list) {
          if (a.failed.has(id)) run.push(a.date ?? '');
          else flush();
        }
        flush();
      }
    }
    return out;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function withOptional<T extends object, O extends Record<string, string | undefined>>(base: T, optional: O): T & Partial<Record<keyof O, string>> {
  const out = { ...base } as T & Partial<Record<keyof O, string>>;
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
