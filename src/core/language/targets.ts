import type { Position, Range } from '../finding';
import type { Def, EntityKind, FileModel, Ref } from '../model/types';
import type { WorkspaceIndex } from '../workspace/index';

/** An ID under the cursor: where it is defined, or a reference to it. */
export type Target = { type: 'def'; def: Def } | { type: 'ref'; ref: Ref };

export function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** The ID definition or reference at a position of a file. */
export function targetAt(index: WorkspaceIndex, file: string, pos: Position): Target | undefined {
  for (const ref of index.refs) if (ref.file === file && contains(ref.range, pos)) return { type: 'ref', ref };
  for (const def of index.defs) if (def.file === file && contains(def.range, pos)) return { type: 'def', def };
  return undefined;
}

/** The kind, ID and scope a target names. */
export function identity(t: Target): { kind: EntityKind; id: string; scope?: string } {
  return t.type === 'def' ? { kind: t.def.kind, id: t.def.id, scope: t.def.scope } : { kind: t.ref.kind, id: t.ref.id };
}

export function definitionsOf(index: WorkspaceIndex, kind: EntityKind, id: string, scope?: string): Def[] {
  return index.defs.filter((d) => d.kind === kind && d.id === id && (scope === undefined || d.scope === scope));
}

export function referencesOf(index: WorkspaceIndex, kind: EntityKind, id: string): Ref[] {
  return index.refs.filter((r) => r.kind === kind && r.id === id);
}

/** Every definition in a file, for outlines: stages and steps nest under their journey. */
export function definitionsIn(model: FileModel): Def[] {
  const out: Def[] = [];
  if (model.def) out.push(model.def);
  for (const stage of model.journey?.stages ?? []) {
    out.push(stage.def);
    for (const step of stage.steps) out.push(step.def);
  }
  for (const t of model.touchpoints) out.push(t.def);
  for (const s of model.standards) out.push(s.def);
  for (const p of model.personas) out.push(p.def);
  return out;
}
