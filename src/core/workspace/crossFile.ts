import type { Finding } from '../finding';
import type { Def, FileModel, Persona, Ref, Standard, Touchpoint } from '../model/types';
import type { KnownIds } from '../rules/unknownReference';
import type { CrossFileContext, WorkspaceRule } from '../rules/workspaceRule';
import { duplicateKey, forEachFileDef } from './fileEntries';
import { append, type WorkspaceIndex } from './index';
import type { CrossFileResult } from './store';
import { detached } from '../util/detached';

/**
 * The findings of the workspace rules, kept per file and worked out again only where a change can
 * affect them. A rule reads other files only through its context, which notes a key for each
 * lookup (`T:id`: the touchpoints with that ID, `S:id`: the standards, …). A changed file
 * changes the keys whose answers differ between its old and its new model (`contributions`); the
 * files that read any of them are checked again, with the changed file itself. Findings are the
 * same as checking every file afresh, which is what the first call does.
 */
export class CrossFileFindings {
  private readonly results = new Map<string, CrossFileResult>();
  /**
   * Key → the file whose findings read it, or the files (most keys have one reader). Made only after
   * a few changes needed readers (`markReaders`), and kept up to date from then on: a run that checks
   * once asks for readers a few times, which scanning every file's reads answers for less.
   */
  private readers?: Map<string, string | Set<string>>;
  private scans = 0;
  private readonly dirty = new Set<string>();
  private readonly changedKeys = new Set<string>();

  /**
   * `kept`: each file's findings as an earlier state of the same index left them (a run's cache),
   * checked again only when a change reaches them. `partial`: files whose model in the index is cut
   * down (`indexModel`); their whole model is put in the index before a rule reads the file.
   */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly rules: readonly WorkspaceRule[],
    kept?: ReadonlyMap<string, CrossFileResult>,
    private readonly partial?: { has(file: string): boolean; complete(file: string): void },
  ) {
    for (const f of index.files) {
      const r = kept?.get(f.file);
      if (!r) {
        this.dirty.add(f.file);
        continue;
      }
      this.results.set(f.file, r);
    }
  }

  /** The findings located in one file and the keys they read, as last worked out. */
  resultOf(file: string): CrossFileResult | undefined {
    this.update();
    return this.results.get(file);
  }

  /** Notes that a file changed (was added: no `old`; was removed: no `now`); the index already holds `now`. */
  changed(file: string, old: FileModel | undefined, now: FileModel | undefined): void {
    this.dirty.add(file);
    if (!old || !now) {
      for (const key of contributions(old ?? now!, false).keys()) this.changedKeys.add(key);
      return;
    }
    // Only the keys whose answers differ: the same file read again with positions changes ranges
    // only, which no lookup but duplicates and "did you mean" shows.
    const before = contributions(old, true);
    const after = contributions(now, true);
    for (const [key, sig] of before) if (after.get(key) !== sig) this.changedKeys.add(key);
    for (const key of after.keys()) if (!before.has(key)) this.changedKeys.add(key);
  }

  /** Every finding, files by path, each file's in rule order. */
  all(): Finding[] {
    this.update();
    const out: Finding[] = [];
    for (const f of this.index.files) {
      const r = this.results.get(f.file);
      if (r) append(out, r.findings);
    }
    return out;
  }

  /** The findings located in one file. */
  forFile(file: string): readonly Finding[] {
    this.update();
    return this.results.get(file)?.findings ?? [];
  }

  private update(): void {
    for (;;) {
      const read: string[] = [];
      for (const key of this.changedKeys) {
        if (key.startsWith('D:')) {
          // A duplicate group is read by the files of its members: the index knows them.
          for (const file of this.index.filesOfGroup(key.slice(2))) this.dirty.add(file);
          continue;
        }
        if (key.startsWith('DS:')) {
          // The groups of a journey's stages and steps: read by the files that define any of them.
          for (const file of this.index.filesOfScope(key.slice(3))) this.dirty.add(file);
          continue;
        }
        read.push(key);
      }
      if (read.length) this.markReaders(read);
      this.changedKeys.clear();
      // Whole models for the files to check; one that differs from its cut-down model (read again
      // with other positions) changes keys, and so maybe more files to check.
      const partial = this.partial;
      const cut = partial ? [...this.dirty].filter((file) => partial.has(file)) : [];
      if (cut.length === 0) break;
      for (const file of cut) partial!.complete(file);
    }
    for (const file of this.dirty) {
      const before = this.results.get(file);
      if (before) for (const key of before.reads) this.unread(key, file);
      const model = this.index.getFile(file);
      if (!model) {
        this.results.delete(file);
        continue;
      }
      const ctx = new ReadingContext(this.index);
      const findings: Finding[] = [];
      for (const rule of this.rules) rule.check(model, ctx, (f) => findings.push(f));
      const reads = ctx.keys();
      for (const key of reads) this.read(key, file);
      this.results.set(file, { findings, reads });
    }
    this.dirty.clear();
  }

  /** Marks dirty every file whose findings read one of these keys. */
  private markReaders(keys: readonly string[]): void {
    if (!this.readers && ++this.scans > SCANS_BEFORE_INDEX) {
      this.readers = new Map();
      for (const [file, r] of this.results) for (const key of r.reads) this.read(key, file);
    }
    const readers = this.readers;
    if (!readers) {
      const wanted = new Set(keys);
      for (const [file, r] of this.results) {
        if (this.dirty.has(file)) continue;
        for (const key of r.reads) {
          if (!wanted.has(key)) continue;
          this.dirty.add(file);
          break;
        }
      }
      return;
    }
    for (const key of keys) {
      const r = readers.get(key);
      if (typeof r === 'string') this.dirty.add(r);
      else if (r) for (const file of r) this.dirty.add(file);
    }
  }

  private read(key: string, file: string): void {
    const readers = this.readers;
    if (!readers) return;
    const r = readers.get(key);
    if (r === undefined) readers.set(key, file);
    else if (typeof r === 'string') {
      if (r !== file) readers.set(key, new Set([r, file]));
    } else r.add(file);
  }

  private unread(key: string, file: string): void {
    const readers = this.readers;
    if (!readers) return;
    const r = readers.get(key);
    if (r === file) readers.delete(key);
    else if (typeof r === 'object') {
      r.delete(file);
      if (r.size === 0) readers.delete(key);
    }
  }
}

/** Changes that need readers before they are indexed: each scans every file's reads once. */
const SCANS_BEFORE_INDEX = 4;

/**
 * The keys whose lookups a model's content answers, each with what its answer shows of this file
 * (when `signed`). The keys a rule reads (ReadingContext) must cover every way a file can change
 * what a lookup returns.
 */
export function contributions(m: FileModel, signed: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const add = (key: string, sig: () => string) => out.set(key, signed ? (out.get(key) ?? '') + sig() + '\u0000' : '');
  // Duplicates and "did you mean" show where definitions are; the other lookups only what they say.
  const once = (make: () => string) => {
    let text: string | undefined;
    return () => (text ??= make());
  };
  // Unsigned, only the keys are asked for: no signature is made (nor a function to make one) per entry.
  const placed = (x: unknown) => (signed ? once(() => JSON.stringify(x)) : UNSIGNED);
  const said = (x: unknown) => (signed ? once(() => JSON.stringify(x, withoutRanges)) : UNSIGNED);
  // A journey's stages and steps collide only with others of the same journey (scope), which is
  // nearly always in one file: one key for all its groups.
  let scope: string | undefined;
  let scopeKey = '';
  const groupKey = (d: Def) => {
    if (!d.scope) return `D:${duplicateKey(d)}`;
    if (d.scope !== scope) scopeKey = `DS:${(scope = d.scope)}`;
    return scopeKey;
  };
  forEachFileDef(m, (d) => add(groupKey(d), placed(d)));
  for (const d of m.journey?.repeated ?? []) add(groupKey(d), placed(d));
  for (const t of m.touchpoints) {
    const sig = said(t);
    add(`T:${t.def.id}`, sig);
    for (const r of t.standards) add(`TS:${r.id}`, sig);
    if (t.channel !== undefined) add(`TC:${t.channel}`, sig);
    if (t.phase !== undefined) add(`TP:${t.phase}`, sig);
    for (const g of t.tags) add(`TG:${g}`, sig);
  }
  for (const s of m.standards) {
    const sig = said(s);
    add(`S:${s.def.id}`, sig);
    const sel = s.appliesTo;
    if (!sel) continue;
    for (const r of sel.touchpoints) add(`SelT:${r.id}`, sig);
    for (const c of sel.channels) add(`SelC:${c}`, sig);
    for (const p of sel.phases) add(`SelP:${p}`, sig);
    for (const g of sel.tags) add(`SelG:${g}`, sig);
  }
  for (const p of m.personas) add(`P:${p.def.id}`, said(p));
  // Every ID of a kind with where it is defined ("did you mean"), and the files that take new entries.
  const kindOf = (list: readonly { def: Def }[]) => placed([m.kind, m.listEnd, list.map((x) => x.def)]);
  if (m.touchpoints.length > 0 || m.kind === 'touchpoints') add('T*', kindOf(m.touchpoints));
  if (m.standards.length > 0) add('S*', kindOf(m.standards));
  if (m.personas.length > 0 || m.kind === 'personas') add('P*', kindOf(m.personas));
  return out;
}

const UNSIGNED = (): string => '';

function withoutRanges(key: string, value: unknown): unknown {
  return key === 'range' || key === 'fullRange' || key === 'keyRange' || key === 'valueRange' ? undefined : value;
}

/**
 * The lookup keys of IDs, made once per ID: every journey names the same touchpoints and personas,
 * and a file's reads are kept for the run (and by the store). Bounded for a long-lived process.
 */
const TOUCHPOINT_KEYS = new Map<string, string>();
const STANDARD_KEYS = new Map<string, string>();
const PERSONA_KEYS = new Map<string, string>();
const MAX_ID_KEYS = 1 << 14;

function idKey(keys: Map<string, string>, prefix: string, id: string): string {
  let key = keys.get(id);
  if (key === undefined) {
    if (keys.size >= MAX_ID_KEYS) keys.clear();
    key = detached(prefix + id);
    keys.set(detached(id), key);
  }
  return key;
}

/** The lookup key of each list of definitions the index answers a lookup with (all of one ID), made once per list. */
const LIST_KEYS = new WeakMap<readonly { def: Def }[], string>();

function listKey(prefix: string, list: readonly { def: Def }[]): string {
  let key = LIST_KEYS.get(list);
  if (key === undefined) {
    key = detached(prefix + list[0]!.def.id);
    LIST_KEYS.set(list, key);
  }
  return key;
}

/** The index as a rule sees it, noting the key of every lookup. */
class ReadingContext implements CrossFileContext {
  private readonly reads = new Set<string>();
  // The IDs looked up most (a journey's every reference), noted as they are and made keys once: an
  // ID the index knows by the list it answers with (an ID string compared again costs more), others
  // by the ID.
  private readonly touchpointIds = new Set<string>();
  private readonly standardIds = new Set<string>();
  private readonly personaIds = new Set<string>();
  private readonly touchpointLists = new Set<readonly Touchpoint[]>();
  private readonly standardLists = new Set<readonly Standard[]>();
  private readonly personaLists = new Set<readonly Persona[]>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** The keys of every lookup, each a string of its own: a key made of an ID would keep the text of the file it was read from. */
  keys(): string[] {
    const out = new Set<string>();
    for (const key of this.reads) out.add(detached(key));
    for (const list of this.touchpointLists) out.add(listKey('T:', list));
    for (const id of this.touchpointIds) out.add(idKey(TOUCHPOINT_KEYS, 'T:', id));
    for (const list of this.standardLists) out.add(listKey('S:', list));
    for (const id of this.standardIds) out.add(idKey(STANDARD_KEYS, 'S:', id));
    for (const list of this.personaLists) out.add(listKey('P:', list));
    for (const id of this.personaIds) out.add(idKey(PERSONA_KEYS, 'P:', id));
    return [...out];
  }

  touchpoints(id: string): readonly Touchpoint[] | undefined {
    const list = this.index.touchpoints.get(id);
    if (list) this.touchpointLists.add(list);
    else this.touchpointIds.add(id);
    return list;
  }

  standards(id: string): readonly Standard[] | undefined {
    const list = this.index.standards.get(id);
    if (list) this.standardLists.add(list);
    else this.standardIds.add(id);
    return list;
  }

  personas(id: string): readonly Persona[] | undefined {
    const list = this.index.personas.get(id);
    if (list) this.personaLists.add(list);
    else this.personaIds.add(id);
    return list;
  }

  known(kind: Ref['kind']): KnownIds {
    this.reads.add(kind === 'touchpoint' ? 'T*' : kind === 'standard' ? 'S*' : 'P*');
    return this.index.knownIds(kind);
  }

  fileFor(kind: 'touchpoints' | 'personas', nearId?: string): FileModel | undefined {
    this.reads.add(kind === 'touchpoints' ? 'T*' : 'P*');
    return this.index.fileFor(kind, nearId);
  }

  /** Not noted: a group is read by the files of its members, which the index lists (CrossFileFindings.update). */
  duplicatesOf(def: Def): readonly Def[] | undefined {
    return this.index.duplicatesOf(def);
  }

  /** A standard applies to a touchpoint that lists it, that its selector names, or whose channel, phase or tag it selects. */
  isCovered(tp: Touchpoint): boolean {
    for (const r of tp.standards) this.standardIds.add(r.id);
    this.reads.add(`SelT:${tp.def.id}`);
    if (tp.channel !== undefined) this.reads.add(`SelC:${tp.channel}`);
    if (tp.phase !== undefined) this.reads.add(`SelP:${tp.phase}`);
    for (const g of tp.tags) this.reads.add(`SelG:${g}`);
    return this.index.coverage().covers(tp);
  }

  /** The same relation seen from the standard: touchpoints listing it, named by it, or of a channel, phase or tag it selects. */
  isUsed(s: Standard): boolean {
    this.reads.add(`TS:${s.def.id}`);
    const sel = s.appliesTo;
    if (sel) {
      for (const r of sel.touchpoints) this.touchpointIds.add(r.id);
      for (const c of sel.channels) this.reads.add(`TC:${c}`);
      for (const p of sel.phases) this.reads.add(`TP:${p}`);
      for (const g of sel.tags) this.reads.add(`TG:${g}`);
    }
    return this.index.usedStandards().has(s);
  }
}
