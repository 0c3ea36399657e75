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
  if (f.def) out.push(f.def);
  for (const t of f.touchpoints) out.push(t.def);
  for (const s of f.standards) out.push(s.def);
  for (const p of f.personas) out.push(p.def);
  const j = f.journey;
  if (j) {
    for (const stage of j.stages) out.push(stage.def);
    for (const { step } of journeySteps(j)) out.push(step.def);
  }
  return out;
}

/** The last file's references: the three unknown-reference rules ask for them one after the other. */
let lastRefs: { model: FileModel; refs: readonly Ref[] } | undefined;

/** A file's references in order: touchpoints' standards, standards' touchpoints, a journey's personas, quotes, steps. */
export function fileRefs(f: FileModel): readonly Ref[] {
  if (lastRefs?.model !== f) lastRefs = { model: f, refs: collectRefs(f) };
  return lastRefs.refs;
}

function collectRefs(f: FileModel): Ref[] {
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
