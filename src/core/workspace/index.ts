import { Coverage } from '../model/coverage';
import type { Def, FileModel, Persona, Ref, Standard, Touchpoint } from '../model/types';
import { journeySteps } from '../model/walk';

/** All IDs of a workspace (ID → definitions) and all references to them, built from the file models. */
export class WorkspaceIndex {
  readonly touchpoints = new Map<string, Touchpoint[]>();
  readonly standards = new Map<string, Standard[]>();
  readonly personas = new Map<string, Persona[]>();
  /** Every definition, including journeys, stages and steps. */
  readonly defs: Def[] = [];
  /** Stages and steps repeated by aliases, located at the alias: duplicates, never edit targets. */
  readonly repeatedDefs: Def[] = [];
  readonly refs: Ref[] = [];
  readonly files: readonly FileModel[];

  constructor(files: Iterable<FileModel>) {
    this.files = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const f of this.files) {
      if (f.def) this.defs.push(f.def);
      for (const t of f.touchpoints) {
        push(this.touchpoints, t.def.id, t);
        this.defs.push(t.def);
        append(this.refs, t.standards);
      }
      for (const s of f.standards) {
        push(this.standards, s.def.id, s);
        this.defs.push(s.def);
        if (s.appliesTo) append(this.refs, s.appliesTo.touchpoints);
      }
      for (const p of f.personas) {
        push(this.personas, p.def.id, p);
        this.defs.push(p.def);
      }
      const j = f.journey;
      if (j) {
        append(this.repeatedDefs, j.repeated);
        append(this.refs, j.personas);
        append(this.refs, j.quotePersonas);
        for (const stage of j.stages) this.defs.push(stage.def);
        for (const { step } of journeySteps(j)) {
          this.defs.push(step.def);
          append(this.refs, step.touchpoints);
          for (const e of step.emotions) this.refs.push({ kind: 'persona', id: e.persona, file: f.file, range: e.keyRange, role: 'score' });
        }
      }
    }
  }

  private coverageCache?: Coverage;

  /** Which standards apply to which touchpoints (built once per index). */
  coverage(): Coverage {
    this.coverageCache ??= new Coverage(this.allTouchpoints(), this.allStandards());
    return this.coverageCache;
  }

  allTouchpoints(): Touchpoint[] {
    return [...this.touchpoints.values()].flat();
  }

  allStandards(): Standard[] {
    return [...this.standards.values()].flat();
  }

  /** The first file of a kind that can take a new entry (for "create …" fixes). */
  fileFor(kind: 'touchpoints' | 'personas', nearId?: string): FileModel | undefined {
    // Looked up once per unknown reference: by ID, never by scanning every file's entries.
    if (nearId && kind === 'touchpoints') {
      for (const t of this.touchpoints.get(nearId) ?? []) {
        const near = this.byFile.get(t.def.file);
        if (near?.kind === kind && near.listEnd) return near;
      }
    }
    this.firstOfKind ??= new Map();
    if (!this.firstOfKind.has(kind)) this.firstOfKind.set(kind, this.files.find((f) => f.kind === kind && f.listEnd));
    return this.firstOfKind.get(kind);
  }

  private firstOfKind?: Map<string, FileModel | undefined>;
  private get byFile(): Map<string, FileModel> {
    this.byFileCache ??= new Map(this.files.map((f) => [f.file, f]));
    return this.byFileCache;
  }
  private byFileCache?: Map<string, FileModel>;

  /** The definitions an ID resolves to (more than one is a duplicate). */
  definitionsOf(kind: Ref['kind'], id: string): Def[] {
    const map = kind === 'touchpoint' ? this.touchpoints : kind === 'standard' ? this.standards : this.personas;
    return (map.get(id) ?? []).map((e) => e.def);
  }

  referencesTo(kind: Ref['kind'], id: string): Ref[] {
    return this.refs.filter((r) => r.kind === kind && r.id === id);
  }
}

/** Appends one by one: `push(...list)` passes every item as an argument and overflows the stack on long lists. */
export function append<T>(to: T[], list: readonly T[]): void {
  for (const x of list) to.push(x);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
