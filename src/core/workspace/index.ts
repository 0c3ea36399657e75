import { Coverage } from '../model/coverage';
import type { Def, FileModel, Persona, Ref, Standard, Touchpoint } from '../model/types';
import { knownIds, type KnownIds } from '../rules/unknownReference';
import { duplicateKey, fileDefs, fileRefs, forEachFileDef } from './fileEntries';

/** A definition in its duplicate group, with its place in the workspace's order of definitions. */
interface GroupEntry {
  def: Def;
  /** Stages and steps an alias repeats come after every other definition. */
  repeated: boolean;
  /** Its position among its file's definitions (`fileDefs`, then the repeated ones). */
  seq: number;
}

/**
 * All IDs of a workspace (ID → definitions) and all references to them, built from the file models.
 * It is kept up to date file by file (`set`, `delete`): one file's definitions and references are
 * taken out and put back without rebuilding the rest. The maps of touchpoints, standards and personas
 * (a few thousand entries at most) are rebuilt when a file that defines any of them changes; the
 * flat lists of all definitions and references only when asked for after a change.
 */
export class WorkspaceIndex {
  private readonly byPath = new Map<string, FileModel>();
  private sorted?: FileModel[];
  private entities?: Entities;
  private flat?: { defs: Def[]; repeatedDefs: Def[]; refs: Ref[] };
  /** Definitions without a scope by duplicate key (kind, scope, ID in lower case), in workspace order. */
  private readonly groups = new Map<string, GroupEntry[]>();
  /**
   * The files with stages and steps of each scope (journey ID); their groups are made when a
   * definition of the scope is asked about, so that a file's stages and steps are read only then.
   */
  private readonly scopes = new Map<string, Set<string>>();
  private readonly scopeGroups = new Map<string, Map<string, GroupEntry[]>>();
  /** Whether each scope asked about is without duplicates, since it last changed. */
  private readonly cleanScopes = new Map<string, boolean>();
  /** The definitions of each group asked for since it last changed. */
  private readonly groupDefs = new Map<string, Def[]>();
  /** A number no other state of any index had: caches of derived results compare it. */
  stamp = nextStamp();

  constructor(files: Iterable<FileModel> = []) {
    for (const f of files) this.set(f);
  }

  /** Adds a file's model, or replaces the model of a file already indexed. */
  set(model: FileModel): void {
    const old = this.byPath.get(model.file);
    if (old) this.removeGroups(old);
    this.byPath.set(model.file, model);
    this.addGroups(model);
    if (old && this.sorted) this.sorted[indexOfFile(this.sorted, model.file)] = model;
    else this.sorted = undefined;
    this.changed(old, model);
  }

  /** Takes a file's definitions and references out; false when it was not indexed. */
  delete(file: string): boolean {
    const old = this.byPath.get(file);
    if (!old) return false;
    this.removeGroups(old);
    this.byPath.delete(file);
    this.sorted = undefined;
    this.changed(old, undefined);
    return true;
  }

  private changed(old: FileModel | undefined, now: FileModel | undefined): void {
    this.stamp = nextStamp();
    this.flat = undefined;
    if ((old && definesEntities(old)) || (now && definesEntities(now))) this.entities = undefined;
  }

  /** Every file, sorted by path. */
  get files(): readonly FileModel[] {
    this.sorted ??= [...this.byPath.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return this.sorted;
  }

  getFile(file: string): FileModel | undefined {
    return this.byPath.get(file);
  }

  get touchpoints(): ReadonlyMap<string, Touchpoint[]> {
    return this.entityMaps().touchpoints;
  }

  get standards(): ReadonlyMap<string, Standard[]> {
    return this.entityMaps().standards;
  }

  get personas(): ReadonlyMap<string, Persona[]> {
    return this.entityMaps().personas;
  }

  /** Every definition, including journeys, stages and steps. */
  get defs(): readonly Def[] {
    return this.flatLists().defs;
  }

  /** Stages and steps repeated by aliases, located at the alias: duplicates, never edit targets. */
  get repeatedDefs(): readonly Def[] {
    return this.flatLists().repeatedDefs;
  }

  get refs(): readonly Ref[] {
    return this.flatLists().refs;
  }

  private flatLists(): { defs: Def[]; repeatedDefs: Def[]; refs: Ref[] } {
    if (!this.flat) {
      const defs: Def[] = [];
      const repeatedDefs: Def[] = [];
      const refs: Ref[] = [];
      for (const f of this.files) {
        append(defs, fileDefs(f));
        if (f.journey) append(repeatedDefs, f.journey.repeated);
        append(refs, fileRefs(f));
      }
      this.flat = { defs, repeatedDefs, refs };
    }
    return this.flat;
  }

  private entityMaps(): Entities {
    if (!this.entities) {
      const e: Entities = { touchpoints: new Map(), standards: new Map(), personas: new Map(), firstOfKind: new Map(), known: new Map() };
      for (const f of this.files) {
        for (const t of f.touchpoints) push(e.touchpoints, t.def.id, t);
        for (const s of f.standards) push(e.standards, s.def.id, s);
        for (const p of f.personas) push(e.personas, p.def.id, p);
      }
      this.entities = e;
    }
    return this.entities;
  }

  /** Which standards apply to which touchpoints (built once per set of touchpoints and standards). */
  coverage(): Coverage {
    const e = this.entityMaps();
    e.coverage ??= new Coverage(this.allTouchpoints(), this.allStandards());
    return e.coverage;
  }

  /** The standards that apply to at least one touchpoint. */
  usedStandards(): ReadonlySet<Standard> {
    const e = this.entityMaps();
    if (!e.used) {
      const coverage = this.coverage();
      e.used = new Set(coverage.standards.filter((s) => coverage.reaches(s)));
    }
    return e.used;
  }

  allTouchpoints(): Touchpoint[] {
    return [...this.touchpoints.values()].flat();
  }

  allStandards(): Standard[] {
    return [...this.standards.values()].flat();
  }

  /** The defined IDs of one kind, for "did you mean" (built once per set of definitions). */
  knownIds(kind: Ref['kind']): KnownIds {
    const e = this.entityMaps();
    let k = e.known.get(kind);
    if (!k) {
      const map: ReadonlyMap<string, { def: Def }[]> = kind === 'touchpoint' ? e.touchpoints : kind === 'standard' ? e.standards : e.personas;
      e.known.set(kind, (k = knownIds([...map.values()].flat().map((x) => x.def))));
    }
    return k;
  }

  /** The first file of a kind that can take a new entry (for "create …" fixes). */
  fileFor(kind: 'touchpoints' | 'personas', nearId?: string): FileModel | undefined {
    // Looked up once per unknown reference: by ID, never by scanning every file's entries.
    if (nearId && kind === 'touchpoints') {
      for (const t of this.touchpoints.get(nearId) ?? []) {
        const near = this.byPath.get(t.def.file);
        if (near?.kind === kind && near.listEnd) return near;
      }
    }
    const first = this.entityMaps().firstOfKind;
    if (!first.has(kind)) first.set(kind, this.files.find((f) => f.kind === kind && f.listEnd));
    return first.get(kind);
  }

  /** The definitions an ID resolves to (more than one is a duplicate). */
  definitionsOf(kind: Ref['kind'], id: string): Def[] {
    const map: ReadonlyMap<string, { def: Def }[]> = kind === 'touchpoint' ? this.touchpoints : kind === 'standard' ? this.standards : this.personas;
    return (map.get(id) ?? []).map((e) => e.def);
  }

  referencesTo(kind: Ref['kind'], id: string): Ref[] {
    return this.refs.filter((r) => r.kind === kind && r.id === id);
  }

  /**
   * The definitions that share a definition's duplicate key (same kind and scope, ID equal but for
   * letter case), in workspace order: files by path, each file's definitions in order, and the ones
   * aliases repeat last. Undefined when the definition is the only one.
   */
  duplicatesOf(def: Def): readonly Def[] | undefined {
    if (def.scope !== undefined && this.scopeWithoutDuplicates(def.scope)) return undefined;
    const key = duplicateKey(def);
    const g = this.groupOf(key, def.scope);
    if (!g || g.length < 2) return undefined;
    let defs = this.groupDefs.get(key);
    if (!defs) this.groupDefs.set(key, (defs = g.map((e) => e.def)));
    return defs;
  }

  /** The files that define something under a duplicate key (`duplicateKey`). */
  filesOfGroup(key: string): string[] {
    const parts = key.split('\u0000');
    // A scope or an ID with a NUL in it: every scope the key may hold.
    const scopes = parts.length === 3 ? [parts[1]!] : ['', ...[...this.scopes.keys()].filter((s) => key.startsWith(`${parts[0]}\u0000${s}\u0000`))];
    const out: string[] = [];
    for (const scope of scopes) for (const e of this.groupOf(key, scope) ?? []) out.push(e.def.file);
    return out;
  }

  /** The files that define stages or steps of a scope (a journey's ID). */
  filesOfScope(scope: string): Iterable<string> {
    return this.scopes.get(scope) ?? [];
  }

  /**
   * Whether no two stages or steps of a scope collide, as is nearly always so: then none is asked
   * about in its group, and the scope's groups are never made.
   */
  private scopeWithoutDuplicates(scope: string): boolean {
    let clean = this.cleanScopes.get(scope);
    if (clean === undefined) {
      clean = true;
      const seen = new Map<string, Set<string>>();
      for (const file of this.scopes.get(scope) ?? []) {
        forEachDef(this.byPath.get(file)!, (def) => {
          if (def.scope !== scope) return;
          let ids = seen.get(def.kind);
          if (!ids) seen.set(def.kind, (ids = new Set()));
          const id = def.id.toLowerCase();
          if (ids.has(id)) clean = false;
          else ids.add(id);
        });
      }
      this.cleanScopes.set(scope, clean);
    }
    return clean;
  }

  private groupOf(key: string, scope: string | undefined): GroupEntry[] | undefined {
    if (!scope) return this.groups.get(key);
    let groups = this.scopeGroups.get(scope);
    if (!groups) {
      groups = new Map();
      for (const file of this.scopes.get(scope) ?? []) {
        forEachDef(this.byPath.get(file)!, (def, repeated, seq) => {
          if (def.scope === scope) add(groups!, def, repeated, seq);
        });
      }
      for (const g of groups.values()) g.sort(compareEntries);
      this.scopeGroups.set(scope, groups);
    }
    return groups.get(key);
  }

  private addGroups(model: FileModel): void {
    const unsorted = new Set<GroupEntry[]>();
    forEachUnscopedDef(model, (def, repeated, seq) => {
      const g = add(this.groups, def, repeated, seq);
      // Files mostly come in order: a group is sorted again only when an entry lands out of it.
      if (g.length > 1 && compareEntries(g[g.length - 2]!, g[g.length - 1]!) > 0) unsorted.add(g);
      this.groupDefs.delete(duplicateKey(def));
    });
    for (const g of unsorted) g.sort(compareEntries);
    for (const scope of scopesOf(model)) {
      let files = this.scopes.get(scope);
      if (!files) this.scopes.set(scope, (files = new Set()));
      files.add(model.file);
      this.dropScope(scope);
    }
  }

  private removeGroups(model: FileModel): void {
    const keys = new Set<string>();
    forEachUnscopedDef(model, (def) => keys.add(duplicateKey(def)));
    for (const key of keys) {
      const rest = (this.groups.get(key) ?? []).filter((e) => e.def.file !== model.file);
      if (rest.length) this.groups.set(key, rest);
      else this.groups.delete(key);
      this.groupDefs.delete(key);
    }
    for (const scope of scopesOf(model)) {
      const files = this.scopes.get(scope);
      files?.delete(model.file);
      if (files?.size === 0) this.scopes.delete(scope);
      this.dropScope(scope);
    }
  }

  /** Forgets a scope's groups (made again when next asked for). */
  private dropScope(scope: string): void {
    this.cleanScopes.delete(scope);
    const groups = this.scopeGroups.get(scope);
    if (!groups) return;
    for (const key of groups.keys()) this.groupDefs.delete(key);
    this.scopeGroups.delete(scope);
  }
}

function add(groups: Map<string, GroupEntry[]>, def: Def, repeated: boolean, seq: number): GroupEntry[] {
  const entry: GroupEntry = { def, repeated, seq };
  const key = duplicateKey(def);
  const g = groups.get(key);
  if (g) g.push(entry);
  else groups.set(key, [entry]);
  return g ?? groups.get(key)!;
}

/**
 * The scopes (journey IDs) of a file's scoped definitions: its stages and steps. A cut-down model
 * whose journey is read only when needed names them itself (`lazyScopes`).
 */
function scopesOf(f: FileModel): readonly string[] {
  const named = lazyScopes.get(f);
  if (named) return named;
  if (!f.journey) return [];
  const out = new Set<string>();
  forEachDef(f, (def) => {
    if (def.scope) out.add(def.scope);
  });
  return [...out];
}

/** The scopes of models whose journey is read when first asked for (workspace/store.ts). */
export const lazyScopes = new WeakMap<FileModel, readonly string[]>();

/**
 * Calls `each` for the definitions `forEachDef` gives that have no scope, with the same positions.
 * A model with `lazyScopes` has only scoped definitions in its journey, which is then not read.
 */
function forEachUnscopedDef(f: FileModel, each: (def: Def, repeated: boolean, seq: number) => void): void {
  if (lazyScopes.has(f)) {
    let seq = 0;
    if (f.def) each(f.def, false, seq++);
    for (const t of f.touchpoints) each(t.def, false, seq++);
    for (const s of f.standards) each(s.def, false, seq++);
    for (const p of f.personas) each(p.def, false, seq++);
    return;
  }
  forEachDef(f, (def, repeated, seq) => {
    if (!def.scope) each(def, repeated, seq);
  });
}

interface Entities {
  touchpoints: Map<string, Touchpoint[]>;
  standards: Map<string, Standard[]>;
  personas: Map<string, Persona[]>;
  firstOfKind: Map<string, FileModel | undefined>;
  known: Map<string, KnownIds>;
  coverage?: Coverage;
  used?: Set<Standard>;
}

let stamps = 0;
function nextStamp(): number {
  return ++stamps;
}

/** Whether a file takes part in the maps of touchpoints, standards and personas or in "create …" fixes. */
function definesEntities(f: FileModel): boolean {
  return f.touchpoints.length > 0 || f.standards.length > 0 || f.personas.length > 0 || f.kind === 'touchpoints' || f.kind === 'personas';
}

/** Calls `each` for every definition of a file: `fileDefs`, then the ones aliases repeat. */
function forEachDef(f: FileModel, each: (def: Def, repeated: boolean, seq: number) => void): void {
  const own = forEachFileDef(f, (d, i) => each(d, false, i));
  f.journey?.repeated.forEach((d, i) => each(d, true, own + i));
}

function compareEntries(a: GroupEntry, b: GroupEntry): number {
  if (a.repeated !== b.repeated) return a.repeated ? 1 : -1;
  if (a.def.file !== b.def.file) return a.def.file < b.def.file ? -1 : 1;
  return a.seq - b.seq;
}

function indexOfFile(sorted: readonly FileModel[], file: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.file < file) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
