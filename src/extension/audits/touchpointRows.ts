import { applicableStandards, type AuditScore, type Range, type Workspace } from '../../core';

export interface TouchpointRow {
  id: string;
  /** The touchpoint's name, else its ID. */
  title: string;
  phase?: string;
  standards: number;
  /** The newest audit with something answered. */
  measured?: AuditScore;
  file: string;
  range: Range;
}

export interface PhaseGroup {
  /** undefined: touchpoints without a phase. */
  phase?: string;
  rows: TouchpointRow[];
}

/** Each touchpoint of a workspace once (its first definition), with its applicable standards and last measured audit. */
export function touchpointRows(ws: Workspace, measured: ReadonlyMap<string, AuditScore>): TouchpointRow[] {
  const index = ws.getIndex();
  const seen = new Set<string>();
  const rows: TouchpointRow[] = [];
  for (const tp of index.allTouchpoints()) {
    if (seen.has(tp.def.id)) continue;
    seen.add(tp.def.id);
    const row: TouchpointRow = { id: tp.def.id, title: tp.name?.trim() || tp.def.id, standards: applicableStandards(index, tp).length, file: tp.def.file, range: tp.def.range };
    if (tp.phase) row.phase = tp.phase;
    const audit = measured.get(tp.def.id);
    if (audit) row.measured = audit;
    rows.push(row);
  }
  return rows;
}

/** Rows grouped by phase in the order the inventories name the phases; touchpoints without one last. */
export function groupByPhase(rows: readonly TouchpointRow[]): PhaseGroup[] {
  const groups = new Map<string | undefined, TouchpointRow[]>();
  for (const r of rows) {
    const list = groups.get(r.phase);
    if (list) list.push(r);
    else groups.set(r.phase, [r]);
  }
  const out: PhaseGroup[] = [];
  for (const [phase, list] of groups) if (phase !== undefined) out.push({ phase, rows: list });
  const none = groups.get(undefined);
  if (none) out.push({ rows: none });
  return out;
}
