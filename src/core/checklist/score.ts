import { ratingWord } from './labels';
import { compare, convert, parseMeasurement } from './units';
import { RATING_LEVELS, type Answer, type ItemSpec, type ParsedChecklist, type RatingLevel } from './types';

export type ItemStatus = 'pass' | 'fail' | 'na' | 'unanswered';

export interface ItemJudgement {
  status: ItemStatus;
  /** The measured value in the threshold's unit, when there is one. */
  value?: number;
  /** The answer could not be read (it is reported as a finding) and counts as unanswered. */
  invalid?: boolean;
}

/** Judges one answer against what its standard expects. An answer that cannot be read is unanswered, never a guess. */
export function judgeItem(a: Answer, spec: ItemSpec): ItemJudgement {
  const e = spec.expect;
  if (e?.type === 'measure') {
    if (a.measured === undefined) return { status: a.result === 'na' ? 'na' : 'unanswered' };
    if (a.result === 'na') return { status: 'unanswered', invalid: true };
    const m = parseMeasurement(a.measured);
    const value = m && (m.unit === undefined ? m.value : convert(m.value, m.unit, e.unit));
    if (value === undefined || value === null) return { status: 'unanswered', invalid: true };
    return { status: compare(value, e.comparator, e.threshold) ? 'pass' : 'fail', value };
  }
  if (e?.type === 'rating') {
    if (a.rating === undefined) return { status: a.result === 'na' ? 'na' : 'unanswered' };
    if (a.result === 'na') return { status: 'unanswered', invalid: true };
    const level = ratingWord(a.rating);
    const min = RATING_LEVELS.indexOf(e.atLeast as RatingLevel);
    if (!level || min < 0) return { status: 'unanswered', invalid: true };
    return { status: RATING_LEVELS.indexOf(level) <= min ? 'pass' : 'fail' };
  }
  return { status: a.result ?? 'unanswered' };
}

export interface Compliance {
  passedWeight: number;
  /** Weight of the items answered pass or fail: N.A. and unanswered items stay out. */
  answeredWeight: number;
  /** passed / answered, 0…1; undefined when nothing was answered. */
  compliance?: number;
  counts: Record<ItemStatus, number>;
}

export interface ScoredItem {
  id: string;
  dimension: string;
  weight: number;
  critical: boolean;
  status: ItemStatus;
  invalid: boolean;
  value?: number;
  recheck: boolean;
  action?: { text: string; owner?: string; due?: string; status?: string };
}

export interface AuditScore {
  file: string;
  touchpoint: string;
  site?: string;
  auditor?: string;
  date?: string;
  /** fail: a critical item failed; incomplete: items remain unanswered; else pass. */
  outcome: 'pass' | 'fail' | 'incomplete';
  overall: Compliance;
  dimensions: { dimension: string; compliance: Compliance }[];
  items: ScoredItem[];
  criticalFailures: string[];
  unanswered: string[];
  failedWithoutAction: string[];
  /** Items without a standard to judge them by (reported as unknown items). */
  unknown: string[];
}

function emptyCompliance(): Compliance {
  return { passedWeight: 0, answeredWeight: 0, counts: { pass: 0, fail: 0, na: 0, unanswered: 0 } };
}

function add(c: Compliance, item: ScoredItem): void {
  c.counts[item.status]++;
  if (item.status === 'pass' || item.status === 'fail') c.answeredWeight += item.weight;
  if (item.status === 'pass') c.passedWeight += item.weight;
  c.compliance = c.answeredWeight > 0 ? c.passedWeight / c.answeredWeight : undefined;
}

/**
 * Scores a parsed checklist: items of the obsolete section and duplicates are left out; `specs`
 * supplies a standard for items whose snapshot comment was removed.
 */
export function scoreChecklist(parsed: ParsedChecklist, specs: ReadonlyMap<string, ItemSpec> = new Map()): AuditScore {
  const s: AuditScore = {
    file: parsed.file,
    touchpoint: parsed.header.touchpoint,
    outcome: 'pass',
    overall: emptyCompliance(),
    dimensions: [],
    items: [],
    criticalFailures: [],
    unanswered: [],
    failedWithoutAction: [],
    unknown: [],
  };
  for (const k of ['site', 'auditor', 'date'] as const) if (parsed.header[k] !== undefined) s[k] = parsed.header[k];
  const dims = new Map<string, Compliance>();
  const seen = new Set<string>();
  for (const item of parsed.items) {
    if (item.obsolete || seen.has(item.id)) continue;
    seen.add(item.id);
    const spec = item.spec ?? specs.get(item.id);
    if (!spec) {
      s.unknown.push(item.id);
      continue;
    }
    const j = judgeItem(item.answer, spec);
    // The standard's copy of the ID (the same text): the score then holds no slice of the checklist's text.
    const id = spec.id === item.id ? spec.id : item.id;
    const scored: ScoredItem = { id, dimension: spec.dimension, weight: spec.weight, critical: spec.critical, status: j.status, invalid: Boolean(j.invalid), recheck: item.recheck };
    if (j.value !== undefined) scored.value = j.value;
    const a = item.answer;
    if (a.action !== undefined) {
      scored.action = { text: a.action };
      if (a.owner !== undefined) scored.action.owner = a.owner;
      if (a.due !== undefined) scored.action.due = a.due;
      if (a.status !== undefined) scored.action.status = a.status;
    }
    s.items.push(scored);
    add(s.overall, scored);
    let d = dims.get(spec.dimension);
    if (!d) dims.set(spec.dimension, (d = emptyCompliance()));
    add(d, scored);
    if (j.status === 'unanswered') s.unanswered.push(id);
    if (j.status === 'fail' && spec.critical) s.criticalFailures.push(id);
    if (j.status === 'fail' && a.action === undefined) s.failedWithoutAction.push(id);
  }
  s.dimensions = [...dims].map(([dimension, compliance]) => ({ dimension, compliance }));
  s.outcome = s.criticalFailures.length ? 'fail' : s.unanswered.length ? 'incomplete' : 'pass';
  return s;
}
