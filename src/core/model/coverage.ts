import type { Standard, Touchpoint } from './types';

/**
 * Whether a standard applies to a touchpoint: the touchpoint lists it, the standard lists the
 * touchpoint, or the standard's selector matches. Within a selector the criteria given combine with
 * AND (channels: [phone] and phases: [service] = phone touchpoints of the service phase); the values
 * of one criterion combine with OR.
 */
export function applies(standard: Standard, tp: Touchpoint): boolean {
  if (tp.standards.some((r) => r.id === standard.def.id)) return true;
  const sel = standard.appliesTo;
  if (!sel) return false;
  if (sel.touchpoints.some((r) => r.id === tp.def.id)) return true;
  const hasCriteria = sel.channels.length > 0 || sel.phases.length > 0 || sel.tags.length > 0;
  if (!hasCriteria) return false;
  if (sel.channels.length && !(tp.channel && sel.channels.includes(tp.channel))) return false;
  if (sel.phases.length && !(tp.phase && sel.phases.includes(tp.phase))) return false;
  if (sel.tags.length && !sel.tags.some((t) => tp.tags.includes(t))) return false;
  return true;
}

/**
 * Which standards apply to which touchpoints, without comparing every pair: a standard can only
 * apply to a touchpoint it names, that names it, or that shares a channel, phase or tag with its
 * selector, so only those candidates are checked with `applies`.
 */
export class Coverage {
  private readonly byKey = new Map<string, Standard[]>();
  private readonly byId = new Map<string, Standard[]>();
  private readonly order = new Map<Standard, number>();
  /** Both coverage rules ask for every touchpoint: each is worked out once. */
  private readonly memo = new Map<Touchpoint, Standard[]>();

  constructor(
    readonly touchpoints: readonly Touchpoint[],
    readonly standards: readonly Standard[],
  ) {
    standards.forEach((s, i) => this.order.set(s, i));
    for (const s of standards) {
      push(this.byId, s.def.id, s);
      const sel = s.appliesTo;
      if (!sel) continue;
      for (const r of sel.touchpoints) push(this.byKey, `t\u0000${r.id}`, s);
      for (const c of sel.channels) push(this.byKey, `c\u0000${c}`, s);
      for (const p of sel.phases) push(this.byKey, `p\u0000${p}`, s);
      for (const t of sel.tags) push(this.byKey, `g\u0000${t}`, s);
    }
  }

  /** The standards that apply to a touchpoint, in file order. */
  standardsFor(tp: Touchpoint): Standard[] {
    let known = this.memo.get(tp);
    if (!known) this.memo.set(tp, (known = this.match(tp)));
    return known;
  }

  private match(tp: Touchpoint): Standard[] {
    const candidates = new Set<Standard>();
    const add = (list: Standard[] | undefined) => list?.forEach((s) => candidates.add(s));
    for (const r of tp.standards) add(this.byId.get(r.id));
    add(this.byKey.get(`t\u0000${tp.def.id}`));
    if (tp.channel !== undefined) add(this.byKey.get(`c\u0000${tp.channel}`));
    if (tp.phase !== undefined) add(this.byKey.get(`p\u0000${tp.phase}`));
    for (const t of tp.tags) add(this.byKey.get(`g\u0000${t}`));
    // Candidates only, put back in file order: scanning every standard per touchpoint is quadratic.
    const out: Standard[] = [];
    for (const s of candidates) if (applies(s, tp)) out.push(s);
    return out.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** Whether any standard applies to a touchpoint: the first one found answers, no list is made. */
  covers(tp: Touchpoint): boolean {
    const known = this.memo.get(tp);
    if (known) return known.length > 0;
    for (const r of tp.standards) if (this.byId.has(r.id)) return true;
    if (this.byKey.has(`t\u0000${tp.def.id}`)) return true;
    const keys = [`c\u0000${tp.channel}`, `p\u0000${tp.phase}`, ...tp.tags.map((t) => `g\u0000${t}`)];
    return keys.some((k) => this.byKey.get(k)?.some((s) => applies(s, tp)));
  }

  /**
   * Whether a standard applies to any touchpoint, seen from the standard: a touchpoint that lists it,
   * one it names, or one of the touchpoints sharing its first criterion that matches them all.
   */
  reaches(s: Standard): boolean {
    const t = (this.byTouchpoint ??= new TouchpointIndex(this.touchpoints));
    if (t.listing.has(s.def.id)) return true;
    const sel = s.appliesTo;
    if (!sel) return false;
    if (sel.touchpoints.some((r) => t.byId.has(r.id))) return true;
    const [kind, values] = sel.channels.length ? ['c', sel.channels] : sel.phases.length ? ['p', sel.phases] : ['g', sel.tags];
    return values.some((v) => t.byKey.get(`${kind}\u0000${v}`)?.some((tp) => applies(s, tp)));
  }

  private byTouchpoint?: TouchpointIndex;

  /** The touchpoints each standard applies to. */
  touchpointsByStandard(): Map<Standard, Touchpoint[]> {
    const out = new Map<Standard, Touchpoint[]>(this.standards.map((s) => [s, []]));
    for (const tp of this.touchpoints) for (const s of this.standardsFor(tp)) out.get(s)!.push(tp);
    return out;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Touchpoints by ID, by the standards they list, and by channel, phase and tag (for `reaches`). */
class TouchpointIndex {
  readonly byId = new Set<string>();
  readonly listing = new Set<string>();
  readonly byKey = new Map<string, Touchpoint[]>();

  constructor(touchpoints: readonly Touchpoint[]) {
    for (const tp of touchpoints) {
      this.byId.add(tp.def.id);
      for (const r of tp.standards) this.listing.add(r.id);
      // `applies` takes a channel or phase only when it is not empty.
      if (tp.channel) push(this.byKey, `c\u0000${tp.channel}`, tp);
      if (tp.phase) push(this.byKey, `p\u0000${tp.phase}`, tp);
      for (const g of new Set(tp.tags)) push(this.byKey, `g\u0000${g}`, tp);
    }
  }
}
