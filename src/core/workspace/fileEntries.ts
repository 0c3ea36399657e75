import type { Def, FileModel, Ref } from '../model/types';
import { journeySteps } from '../model/walk';

// What one file contributes to the workspace index, in the order the index lists it.

/** The key under which definitions collide: kind, scope and the ID in lower case. */
export function duplicateKey(d: Def): string {
  return `${d.kind}\u0000${d.scope ?? ''}\u0000${d.id.toLowerCase()}`;
}

/** A file's definitions in order: its own, touchpoints, standards, personas, stages, then steps. */
export function fileDefs(f: FileModel): Def[] {
  const out: Def[] = [];
  forEachFileDef(f, (d) => out.push(d));
  return out;
}

/**
 * Calls `each` for a file's definitions in `fileDefs` order, with their positions in it, without
 * making the list (the index and the rules walk every journey's defs several times). Returns how
 * many there were.
 */
export function forEachFileDef(f: FileModel, each: (d: Def, i: number) => void): number {
  let i = 0;
  if (f.def) each(f.def, i++);
  for (const t of f.touchpoints) each(t.def, i++);
  for (const s of f.standards) each(s.def, i++);
  for (const p of f.personas) each(p.def, i++);
  const j = f.journey;
  if (j) {
    for (const stage of j.stages) each(stage.def, i++);
    for (const { step } of journeySteps(j)) each(step.def, i++);
  }
  return i;
}

/**
 * Calls `each` for a file's references of one kind, in `fileRefs` order, without making the list: a
 * rule that looks at one kind need not build every reference of a journey. A score's persona (a
 * reference too, in `fileRefs`) is left out: the journey's own personas are what it must name.
 */
export function forEachRefOfKind(f: FileModel, kind: Ref['kind'], each: (ref: Ref) => void): void {
  if (kind === 'standard') for (const t of f.touchpoints) t.standards.forEach(each);
  if (kind === 'touchpoint') for (const s of f.standards) s.appliesTo?.touchpoints.forEach(each);
  const j = f.journey;
  if (!j) return;
  if (kind === 'persona') {
    j.personas.forEach(each);
    j.quotePersonas.forEach(each);
  }
  if (kind === 'touchpoint') for (const { step } of journeySteps(j)) step.touchpoints.forEach(each);
}

/** A file's references in order: touchpoints' standards, standards' touchpoints, a journey's personas, quotes, steps. */
export function fileRefs(f: FileModel): Ref[] {
  const out: Ref[] = [];
  for (const t of f.touchpoints) appendAll(out, t.standards);
  for (const s of f.standards) if (s.appliesTo) appendAll(out, s.appliesTo.touchpoints);
  const j = f.journey;
  if (j) {
    appendAll(out, j.personas);
    appendAll(out, j.quotePersonas);
    for (const { step } of journeySteps(j)) {
      appendAll(out, step.touchpoints);
      for (const e of step.emotions) out.push({ kind: 'persona', id: e.persona, file: f.file, range: e.keyRange, role: 'score' });
    }
  }
  return out;
}

function appendAll<T>(to: T[], list: readonly T[]): void {
  for (const x of list) to.push(x);
}
