import type { FileModel } from '../model/types';
import { entitiesOf, entityKey, isRecord, type DiffKind, type Entity } from './entities';

/** One field that differs, as a path into the entity's data (`["expect", "threshold"]`). Absent sides are undefined. */
export interface FieldChange {
  path: string[];
  before: unknown;
  after: unknown;
}

export type EntityChange =
  | { type: 'added'; kind: DiffKind; after: Entity }
  | { type: 'removed'; kind: DiffKind; before: Entity }
  | { type: 'modified'; kind: DiffKind; before: Entity; after: Entity; fields: FieldChange[] }
  /** A stage or step whose place changed: another stage, or out of order among the siblings both sides share. */
  | { type: 'moved'; kind: DiffKind; before: Entity; after: Entity; fields: FieldChange[] }
  /** An ID change, recognised by the content staying alike; `similarity` is the share of equal fields. */
  | { type: 'renamed'; kind: DiffKind; before: Entity; after: Entity; fields: FieldChange[]; similarity: number };

export interface StructuralDiff {
  changes: EntityChange[];
}

/** How alike a removed and an added entity must be (share of equal fields, ID aside) to count as a rename. */
export const RENAME_SIMILARITY = 0.6;

/**
 * Compares two revisions' file models entity by entity, keyed by ID, never by position or file: a
 * journey that moved to another file is the same journey. Entities that appear twice on one side (a
 * duplicate ID) are compared by their first definition.
 */
export function structuralDiff(before: Iterable<FileModel>, after: Iterable<FileModel>): StructuralDiff {
  const a = byKey(before);
  const b = byKey(after);
  const changes: EntityChange[] = [];
  const removed: Entity[] = [];
  const added: Entity[] = [];
  for (const [key, old] of a) {
    const now = b.get(key);
    if (!now) removed.push(old);
    // The same entity object: a file with the same content on both sides (its model is shared).
    else if (now !== old) {
      const fields = fieldChanges(old.data, now.data);
      if (fields.length) changes.push({ type: 'modified', kind: old.kind, before: old, after: now, fields });
    }
  }
  for (const [key, now] of b) if (!a.has(key)) added.push(now);
  for (const m of moves(a, b)) changes.push(m);
  const renames = pairRenames(removed, added);
  for (const r of renames) changes.push(r);
  const renamedBefore = new Set(renames.map((r) => r.before));
  const renamedAfter = new Set(renames.map((r) => r.after));
  for (const e of removed) if (!renamedBefore.has(e)) changes.push({ type: 'removed', kind: e.kind, before: e });
  for (const e of added) if (!renamedAfter.has(e)) changes.push({ type: 'added', kind: e.kind, after: e });
  return { changes: changes.sort(compareChanges) };
}

/** Each model's entities, made once: a model both sides share yields the very same entities on each. */
const entityCache = new WeakMap<FileModel, Entity[]>();

function entitiesOfModel(m: FileModel): Entity[] {
  let list = entityCache.get(m);
  if (!list) entityCache.set(m, (list = entitiesOf(m)));
  return list;
}

function byKey(models: Iterable<FileModel>): Map<string, Entity> {
  const out = new Map<string, Entity>();
  // Files in path order, so that "first definition" means the same thing on both sides.
  const sorted = [...models].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  for (const m of sorted) {
    for (const e of entitiesOfModel(m)) {
      const key = entityKey(e);
      if (!out.has(key)) out.set(key, e);
    }
  }
  return out;
}

/** Field-by-field differences; nested mappings are followed, lists are compared whole. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, path: string[] = []): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys) {
    const x = before[k];
    const y = after[k];
    if (isRecord(x) && isRecord(y)) {
      for (const c of fieldChanges(x, y, [...path, k])) out.push(c);
    } else if (!deepEqual(x, y)) out.push({ path: [...path, k], before: x, after: y });
  }
  return out;
}

export function deepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x === 'number' && typeof y === 'number') return Number.isNaN(x) && Number.isNaN(y);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  if (isRecord(x) && isRecord(y)) {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && deepEqual(x[k], y[k]));
  }
  return false;
}

/**
 * Stages and steps present on both sides whose place changed: a step now in another stage, or a
 * sibling out of the longest common order (so inserting one step does not "move" all that follow).
 */
function moves(a: Map<string, Entity>, b: Map<string, Entity>): EntityChange[] {
  const out: EntityChange[] = [];
  const siblings = (m: Map<string, Entity>) => {
    const groups = new Map<string, Entity[]>();
    for (const e of m.values()) {
      if (e.kind !== 'stage' && e.kind !== 'step') continue;
      const parent = `${e.kind}\u0000${e.journey}\u0000${e.kind === 'step' ? e.stage : ''}`;
      const g = groups.get(parent);
      if (g) g.push(e);
      else groups.set(parent, [e]);
    }
    for (const g of groups.values()) g.sort((x, y) => x.position - y.position);
    return groups;
  };
  const before = siblings(a);
  const after = siblings(b);
  for (const [parent, list] of after) {
    const old = before.get(parent) ?? [];
    // The very same entities in the same order (a file both sides share): nothing moved.
    if (old.length === list.length && old.every((e, i) => e === list[i])) continue;
    const oldKeys = new Set(old.map(entityKey));
    const common = list.filter((e) => oldKeys.has(entityKey(e)));
    const newKeys = new Set(common.map(entityKey));
    const kept = new Set(longestCommonOrder(old.filter((e) => newKeys.has(entityKey(e))).map(entityKey), common.map(entityKey)));
    for (const e of list) {
      const key = entityKey(e);
      const was = a.get(key);
      if (!was) continue;
      const otherStage = e.kind === 'step' && was.stage !== e.stage;
      if (otherStage || (oldKeys.has(key) && !kept.has(key))) {
        const fields: FieldChange[] = [{ path: ['position'], before: was.position, after: e.position }];
        if (otherStage) fields.unshift({ path: ['stage'], before: was.stage, after: e.stage });
        out.push({ type: 'moved', kind: e.kind, before: was, after: e, fields });
      }
    }
  }
  return out;
}

/** The keys of the longest common subsequence of two sequences of distinct keys. */
function longestCommonOrder(x: string[], y: string[]): string[] {
  // Distinct keys: the LCS is the longest increasing run of y-positions in x's order (patience, O(n log n)).
  const posInY = new Map(y.map((k, i) => [k, i]));
  const seq = x.map((k) => posInY.get(k)!);
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
  });
  const out: string[] = [];
  for (let i = tails.length ? tailIdx[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(x[i]!);
  return out.reverse();
}

/** Pairs removed and added entities of the same kind (and journey) whose content stayed alike: best pairs first. */
function pairRenames(removed: Entity[], added: Entity[]): Extract<EntityChange, { type: 'renamed' }>[] {
  const candidates: { before: Entity; after: Entity; similarity: number }[] = [];
  for (const r of removed) {
    for (const n of added) {
      if (r.kind !== n.kind || r.journey !== n.journey) continue;
      const similarity = similarityOf(r.data, n.data);
      if (similarity >= RENAME_SIMILARITY) candidates.push({ before: r, after: n, similarity });
    }
  }
  candidates.sort((x, y) => y.similarity - x.similarity || x.before.position - y.before.position);
  const used = new Set<Entity>();
  const out: Extract<EntityChange, { type: 'renamed' }>[] = [];
  for (const c of candidates) {
    if (used.has(c.before) || used.has(c.after)) continue;
    used.add(c.before);
    used.add(c.after);
    // The ID change is what `renamed` says; the fields are what else changed.
    const fields = fieldChanges(c.before.data, c.after.data).filter((f) => !(f.path.length === 1 && f.path[0] === 'id'));
    out.push({ type: 'renamed', kind: c.before.kind, before: c.before, after: c.after, fields, similarity: c.similarity });
  }
  return out;
}

/** The share of fields (ID aside) equal on both sides; an entity with nothing but its ID never matches. */
function similarityOf(x: Record<string, unknown>, y: Record<string, unknown>): number {
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  keys.delete('id');
  if (keys.size === 0) return 0;
  let same = 0;
  for (const k of keys) if (k in x && k in y && deepEqual(x[k], y[k])) same++;
  return same / keys.size;
}

const KIND_ORDER: DiffKind[] = ['persona', 'journey', 'stage', 'step', 'inventory', 'touchpoint', 'standards-set', 'standard'];

function compareChanges(x: EntityChange, y: EntityChange): number {
  const ex = 'after' in x ? x.after : x.before;
  const ey = 'after' in y ? y.after : y.before;
  return (
    KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
    (ex.journey ?? '').localeCompare(ey.journey ?? '') ||
    (ex.file < ey.file ? -1 : ex.file > ey.file ? 1 : 0) ||
    ex.range.start.line - ey.range.start.line ||
    x.type.localeCompare(y.type)
  );
}
