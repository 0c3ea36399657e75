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

/** The standards that apply to each touchpoint, in the order given. */
export function coverage(touchpoints: readonly Touchpoint[], standards: readonly Standard[]): Map<Touchpoint, Standard[]> {
  const out = new Map<Touchpoint, Standard[]>();
  for (const tp of touchpoints) out.set(tp, standards.filter((s) => applies(s, tp)));
  return out;
}
