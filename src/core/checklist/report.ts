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
  const tps = new Map<string, AuditReport['touchpoints'][number]>();
  const dims = new Map<string, WeightTotals & { dimension: string }>();
  const stds = new Map<string, AuditReport['standards'][number]>();
  const dates = new Map<string, WeightTotals & { date: string; audits: number }>();
  const critical: AuditReport['criticalFailures'] = [];
  const actions: ActionRow[] = [];
  for (const a of audits) {
    let tp = tps.get(a.touchpoint);
    if (!tp) {
      tp = { id: a.touchpoint, audits: 0, ...totals() };
      const def = touchpoints.get(a.touchpoint);
      if (def?.name !== undefined) tp.name = def.name;
      if (def?.performance !== undefined) tp.declared = def.performance;
      tps.set(a.touchpoint, tp);
    }
    tp.audits++;
    const dateKey = a.date ?? '';
    let d = dates.get(dateKey);
    if (!d) dates.set(dateKey, (d = { date: dateKey, audits: 0, ...totals() }));
    d.audits++;
    for (const i of a.items) {
      addItem(tp, i);
      addItem(d, i);
      let dim = dims.get(i.dimension);
      if (!dim) dims.set(i.dimension, (dim = { dimension: i.dimension, ...totals() }));
      addItem(dim, i);
      let s = stds.get(i.id);
      if (!s) stds.set(i.id, (s = { id: i.id, pass: 0, fail: 0, na: 0, unanswered: 0 }));
      s[i.status]++;
      s.compliance = s.pass + s.fail > 0 ? s.pass / (s.pass + s.fail) : undefined;
      if (i.status === 'fail' && i.critical) critical.push(withOptional({ touchpoint: a.touchpoint, standard: i.id, file: a.file }, { date: a.date, site: a.site }));
      if (i.action) {
        const status = statusWord(i.action.status ?? '') ?? 'open';
        const row: ActionRow = withOptional(
          { owner: i.action.owner ?? '', touchpoint: a.touchpoint, standard: i.id, text: i.action.text, status, overdue: status === 'open' && i.action.due !== undefined && i.action.due < today, file: a.file },
          { auditDate: a.date, site: a.site, due: i.action.due },
        );
        actions.push(row);
      }
    }
  }
  for (const tp of tps.values()) {
    if (tp.compliance !== undefined) tp.measured = round(1 + 4 * tp.compliance);
    if (tp.measured !== undefined && tp.declared !== undefined) tp.gap = round(tp.measured - tp.declared);
  }
  const open = actions.filter((r) => r.status === 'open');
  const owners = new Map<string, ActionRow[]>();
  for (const r of open) owners.set(r.owner, [...(owners.get(r.owner) ?? []), r]);
  const standards = [...stds.values()].sort((x, y) => byText(x.id, y.id));
  return {
    today,
    audits: audits.length,
    touchpoints: [...tps.values()].sort((x, y) => byText(x.id, y.id)),
    dimensions: [...dims.values()].sort((x, y) => byText(x.dimension, y.dimension)),
    standards,
    trend: [...dates.values()].sort((x, y) => byText(x.date, y.date)),
    mostFailed: standards
      .filter((s) => s.fail > 0)
      .map((s) => ({ id: s.id, fail: s.fail, audits: s.pass + s.fail + s.na + s.unanswered }))
      .sort((x, y) => y.fail - x.fail || byText(x.id, y.id)),
    repeatFailures: repeatFailures(audits),
    criticalFailures: critical.sort((x, y) => byText(x.touchpoint, y.touchpoint) || byText(x.date ?? '', y.date ?? '') || byText(x.standard, y.standard)),
    openActions: [...owners]
      .sort(([x], [y]) => byText(x, y))
      .map(([owner, rows]) => ({ owner, open: rows.length, overdue: rows.filter((r) => r.overdue).length, actions: rows.sort((x, y) => byText(x.due ?? '\uffff', y.due ?? '\uffff')) })),
  };
}

/** A standard that fails in two or more consecutive audits of one touchpoint (audits in date order). */
function repeatFailures(audits: readonly AuditScore[]): AuditReport['repeatFailures'] {
  const out: AuditReport['repeatFailures'] = [];
  const byTp = new Map<string, AuditScore[]>();
  for (const a of audits) byTp.set(a.touchpoint, [...(byTp.get(a.touchpoint) ?? []), a]);
  for (const [touchpoint, list] of [...byTp].sort(([x], [y]) => byText(x, y))) {
    list.sort((x, y) => byText(x.date ?? '', y.date ?? '') || byText(x.site ?? '', y.site ?? '') || byText(x.file, y.file));
    const ids = [...new Set(list.flatMap((a) => a.items.map((i) => i.id)))].sort(byText);
    for (const id of ids) {
      let run: string[] = [];
      const flush = () => {
        if (run.length >= 2) out.push({ touchpoint, standard: id, dates: run });
        run = [];
      };
      for (const a of list) {
        const item = a.items.find((i) => i.id === id);
        if (item?.status === 'fail') run.push(a.date ?? '');
        else flush();
      }
      flush();
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function withOptional<T extends object, O extends Record<string, string | undefined>>(base: T, optional: O): T & Partial<Record<keyof O, string>> {
  const out = { ...base } as T & Partial<Record<keyof O, string>>;
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
