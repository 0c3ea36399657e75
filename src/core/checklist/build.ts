import type { Standard, Touchpoint } from '../model/types';
import type { WorkspaceIndex } from '../workspace/index';
import { sha256Hex } from './hash';
import type { ChecklistHeader, ChecklistSpec, ItemSpec } from './types';

/**
 * The standards that apply to a touchpoint: the ones it lists and every one whose selectors match
 * it (the workspace's coverage), each once, in file order.
 */
export function applicableStandards(index: WorkspaceIndex, tp: Touchpoint): Standard[] {
  const seen = new Set<string>();
  const out: Standard[] = [];
  for (const s of index.coverage().standardsFor(tp)) {
    // An ID defined twice is a duplicate-id error elsewhere; the checklist takes its first definition.
    if (seen.has(s.def.id)) continue;
    seen.add(s.def.id);
    out.push(s);
  }
  return out;
}

/** Built once per standard: a standard applies to many touchpoints, and its fingerprint is a hash. */
const specs = new WeakMap<Standard, ItemSpec>();

/** What a checklist keeps of a standard. Shared between checklists: never changed after it is made. */
export function itemSpec(s: Standard): ItemSpec {
  let item = specs.get(s);
  if (!item) specs.set(s, (item = makeItemSpec(s)));
  return item;
}

function makeItemSpec(s: Standard): ItemSpec {
  const item: ItemSpec = {
    id: s.def.id,
    dimension: s.dimension?.value ?? '',
    weight: s.weight,
    critical: s.critical,
    evidence: [...s.evidence],
    fingerprint: '',
  };
  if (s.title !== undefined) item.title = s.title;
  if (s.requirement !== undefined) item.requirement = s.requirement;
  if (s.method !== undefined) item.method = s.method;
  if (s.expect) item.expect = { ...s.expect };
  item.fingerprint = fingerprint(item);
  return item;
}

/** What an answer depends on; a change of any of these flags the answer for re-check. */
export function fingerprint(item: Pick<ItemSpec, 'requirement' | 'expect' | 'weight' | 'critical'>): string {
  return sha256Hex(JSON.stringify([item.requirement ?? '', item.expect ?? null, item.weight, item.critical])).slice(0, 16);
}

/** Content hash of the items a checklist is built from, independent of file order. */
export function standardsHash(items: readonly ItemSpec[]): string {
  // The JSON of the sorted list, put together from each item's JSON (written once per item).
  const canonical = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(canonicalJson);
  return `sha256:${sha256Hex(`[${canonical.join(',')}]`)}`;
}

const canonicalJsons = new WeakMap<ItemSpec, string>();

function canonicalJson(i: ItemSpec): string {
  let json = canonicalJsons.get(i);
  if (json === undefined) {
    json = JSON.stringify([i.id, i.title ?? '', i.dimension, i.requirement ?? '', i.method ?? '', i.expect ?? null, i.weight, i.critical, i.evidence]);
    canonicalJsons.set(i, json);
  }
  return json;
}

export interface AuditInfo {
  site?: string;
  auditor?: string;
  date?: string;
}

/** The checklist of one touchpoint for one audit. */
export function buildChecklist(index: WorkspaceIndex, tp: Touchpoint, audit: AuditInfo = {}): ChecklistSpec {
  const items = applicableStandards(index, tp).map(itemSpec);
  const header: ChecklistHeader = { touchpoint: tp.def.id };
  if (tp.name !== undefined) header.touchpointName = tp.name;
  if (audit.site) header.site = audit.site;
  if (audit.auditor) header.auditor = audit.auditor;
  if (audit.date) header.date = audit.date;
  header.standards = standardsHash(items);
  return { header, items };
}
