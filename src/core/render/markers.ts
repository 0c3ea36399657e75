/** Best / worst / end markers per step and persona, shared by the chart and the tables. */
import type { JourneyAnalysis, PersonaPeakEnd } from '../analysis/types';

export const MARK = { best: '▲', worst: '▼', end: '●' } as const;

/** The markers of one persona at one step, in the order ▲ ▼ ●. */
export function markersAt(p: PersonaPeakEnd, index: number): string {
  let m = '';
  if (p.best?.index === index) m += MARK.best;
  if (p.worst?.index === index) m += MARK.worst;
  if (p.end?.index === index) m += MARK.end;
  return m;
}

/** A short tag per persona ("A", "B", …) for places too narrow for names; none for a single persona. */
export function personaTags(a: JourneyAnalysis): Map<string, string> {
  const tags = new Map<string, string>();
  if (a.personas.length < 2) {
    for (const p of a.personas) tags.set(p.persona, '');
    return tags;
  }
  a.personas.forEach((p, i) => tags.set(p.persona, tagOf(i)));
  return tags;
}

function tagOf(i: number): string {
  // A…Z, then AA, AB…: stays unique for any number of personas.
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** Keeps only the named personas, in the order given; returns the IDs that the journey does not have. */
export function selectPersonas(a: JourneyAnalysis, ids: readonly string[] | undefined): { analysis: JourneyAnalysis; unknown: string[] } {
  if (!ids || ids.length === 0) return { analysis: a, unknown: [] };
  const unknown = ids.filter((id) => !a.personas.some((p) => p.persona === id));
  const personas = [...new Set(ids)].flatMap((id) => a.personas.filter((p) => p.persona === id));
  return { analysis: { ...a, personas }, unknown };
}
