import type { FileInput } from '../analyze';
import type { Finding, Range } from '../finding';
import type { Def, FileModel, Journey } from '../model/types';
import { NOWHERE } from '../report';
import { LineIndex } from '../text/lineIndex';
import { detached } from '../util/detached';
import { lazyScopes } from './index';

/** A file of a run as a store sees it: its path and what was read. */
export interface StoreFile {
  file: string;
  input: FileInput;
}

/**
 * Keeps what a run that only reports worked out, for the next run over the same contents and
 * settings (the CLI keeps it on disk, src/node/diskStore.ts). Everything it hands back was made
 * from the same bytes under the same settings and engine, or it hands back nothing.
 */
export interface ModelStore {
  /**
   * The file as the last run read it, when nothing says it changed since (its size and times are
   * those of then): its bytes are read only if asked for. Undefined when it must be read.
   */
  input?(file: string): FileInput | undefined;
  /** The model kept for this file and content, or undefined. */
  model(file: string, input: FileInput, text: string): FileModel | undefined;
  /** Offers a model (read with or without positions) for the file as read. */
  keep(file: string, input: FileInput, model: FileModel): void;
  /** The findings of an earlier run over exactly these files and contents, or undefined. */
  findings(files: readonly StoreFile[]): Finding[] | undefined;
  /** Keeps this run's findings (and the models offered), for the next run. */
  keepFindings(files: readonly StoreFile[], findings: readonly Finding[]): void;
  /**
   * What the last run ended with, per file, and which of these files are the same now: a run after
   * an edit takes the index and the workspace rules' findings from it instead of every file's model.
   */
  lastRun?(files: readonly StoreFile[]): LastRun | undefined;
  /** Keeps what this run ended with (each file's model is cut down to `indexModel` by the store). */
  keepRun?(files: readonly StoreFile[], state: ReadonlyMap<string, FileState>): void;
}

/** The workspace rules' findings in one file and the lookup keys they read (workspace/crossFile.ts). */
export interface CrossFileResult {
  findings: Finding[];
  reads: readonly string[];
}

/** One file as a run ended with it. */
export interface FileState {
  /** The whole model, or (handed back by a store) its `indexModel`. */
  model: FileModel;
  cross: CrossFileResult;
}

export interface LastRun {
  /** Every file of the last run, its model cut down to `indexModel`. */
  files: Map<string, FileState>;
  /** The files of this run whose content is the one the last run read. */
  unchanged: Set<string>;
}

/**
 * What the index and the disk store need of a model, and no more: its findings, disable comments,
 * entities and definitions, without its text and data, a checklist's parsed Markdown, or what a
 * journey says beyond the IDs of its stages and steps. The workspace rules check whole models only:
 * a workspace takes a file's whole model again (from the store, or by analysing it) before any rule
 * reads the file.
 */
export function indexModel(model: FileModel): FileModel {
  const { checklist: _checklist, journey, ...rest } = model;
  const cut: FileModel = { ...rest, lines: EMPTY_LINES, value: null };
  if (journey) {
    cut.journey = {
      def: journey.def,
      stages: journey.stages.map((s) => ({ def: s.def, steps: s.steps.map((st) => ({ def: st.def })) })),
      repeated: journey.repeated,
    } as unknown as Journey;
  }
  return cut;
}

const EMPTY_LINES = new LineIndex('');

/**
 * `indexModel` for a model kept until the run ends, holding nothing of the file's text: IDs and
 * names read from a file are slices of its text, each of which would keep the whole text alive. A
 * journey whose stages and steps all have a scope names its scopes (`lazyScopes`), so that the index
 * reads them only for a scope a rule asks about. Given `reread` (the file analysed again, as it was),
 * such a journey keeps none of them: they are taken from `reread` when first read. Most journeys are
 * never asked about, and their stages and steps were most of what a run kept.
 */
export function detachedIndexModel(model: FileModel, reread?: () => FileModel): FileModel {
  const { checklist: _checklist, journey, ...rest } = model;
  const cut: FileModel = { ...rest, lines: EMPTY_LINES, value: null };
  if (cut.def) cut.def = detachedDef(cut.def);
  if (!journey) return cut;
  const scopes = reread && journeyScopes(journey);
  if (scopes) {
    lazyJourney(cut, () => {
      const again = reread().journey;
      return again && detachedJourney(again).journey;
    });
    lazyScopes.set(cut, scopes.map((s) => detached(s)));
    return cut;
  }
  const detachedOne = detachedJourney(journey);
  cut.journey = detachedOne.journey;
  if (detachedOne.scopes) lazyScopes.set(cut, detachedOne.scopes);
  return cut;
}

/** A journey cut down as `indexModel` does, copied off the text; its scopes when every stage and step has one. */
function detachedJourney(j: Journey): { journey: Journey; scopes?: string[] } {
  const scopes = new Set<string>();
  let scoped = true;
  // Every stage and step of a journey has the same scope (its ID): one copy for all.
  let scope: [string, string] | undefined;
  const each = (d: Def): Def => {
    const copy = detachedDef(d, false);
    if (d.scope !== undefined) {
      if (scope?.[0] !== d.scope) {
        scope = [d.scope, detached(d.scope)];
        if (d.scope) scopes.add(scope[1]);
      }
      copy.scope = scope[1];
    }
    // Scoped as the index reads it: an empty scope (a journey whose ID is "") is none.
    if (!d.scope) scoped = false;
    return copy;
  };
  const journey = {
    def: j.def && detachedDef(j.def),
    stages: j.stages.map((s) => ({ def: each(s.def), steps: s.steps.map((st) => ({ def: each(st.def) })) })),
    repeated: j.repeated.map(each),
  } as unknown as Journey;
  return scoped ? { journey, scopes: [...scopes] } : { journey };
}

/** The scopes of a journey's stages and steps (and the ones aliases repeat), or undefined when one has none. */
function journeyScopes(j: Journey): string[] | undefined {
  const scopes = new Set<string>();
  const each = (d: Def): boolean => !!d.scope && scopes.add(d.scope) !== undefined;
  for (const stage of j.stages) {
    if (!each(stage.def)) return undefined;
    for (const step of stage.steps) if (!each(step.def)) return undefined;
  }
  for (const d of j.repeated) if (!each(d)) return undefined;
  return [...scopes];
}

/** Gives a model a journey made when first read, then kept. */
function lazyJourney(model: FileModel, make: () => Journey | undefined): void {
  Object.defineProperty(model, 'journey', {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(model, 'journey', { configurable: true, enumerable: true, writable: true, value });
      return value;
    },
  });
}

function detachedDef(d: Def, withScope = true): Def {
  const out: Def = { kind: d.kind, id: detached(d.id), file: d.file, range: d.range, fullRange: d.fullRange };
  if (d.name !== undefined) out.name = detached(d.name);
  if (withScope && d.scope !== undefined) out.scope = detached(d.scope);
  return out;
}

/** A model cut down by `indexModel` as text: its journey apart when the index can go without reading it. */
export interface StoredIndexModel {
  head: string;
  /** The journey (as a model holding only it), when every stage and step has a scope. */
  journey?: string;
  /** The scopes (journey IDs) of its stages and steps, with `journey`. */
  scopes?: string[];
}

/** `indexModel` as text, for `restoreIndexModel`. */
export function storeIndexModel(model: FileModel): StoredIndexModel {
  const cut = indexModel(model);
  const j = cut.journey;
  const scopes = new Set<string>();
  let scoped = j !== undefined;
  if (j) {
    const each = (d: Def) => {
      if (d.scope) scopes.add(d.scope);
      else scoped = false;
    };
    for (const stage of j.stages) {
      each(stage.def);
      for (const step of stage.steps) each(step.def);
    }
    for (const d of j.repeated) each(d);
  }
  if (!scoped) return { head: storeModel(cut) };
  const { journey, ...head } = cut;
  const alone = { file: cut.file, findings: [], suppressions: new Map(), journey } as unknown as FileModel;
  return { head: storeModel(head as FileModel), journey: storeModel(alone), scopes: [...scopes] };
}

/**
 * The model back from `storeIndexModel`'s parts. A journey kept apart is read when first asked for:
 * the index reads a file's stages and steps only for a scope a rule asks about (`lazyScopes`).
 * Throws on text that is not such a model.
 */
export function restoreIndexModel(file: string, head: string, journey?: () => string, scopes?: readonly string[]): FileModel {
  const model = restoreModel(head, file, '');
  model.lines = EMPTY_LINES;
  if (!journey || !scopes) return model;
  lazyJourney(model, () => restoreModel(journey(), file, '').journey);
  lazyScopes.set(model, scopes);
  return model;
}

// Stand for the one placeholder range of a model without positions, for the model's own file
// (which every definition and reference repeats) and for a definition in that file, written as an
// array (the most frequent object of a model, at a third of its length). A string of the model
// that starts with a NUL is written with ESCAPED before it, so no string is read as a mark.
const NOWHERE_MARK = '\u0000';
const SAME_FILE = '\u0000f';
const DEF_MARK = '\u0000d';
const ESCAPED = '\u0000s';

/** A definition's keys in the order the extractor writes them (model/extract.ts); `name` and `scope` may be missing. */
const DEF_KEYS = ['kind', 'id', 'file', 'range', 'fullRange', 'name', 'scope'];
const REQUIRED_DEF_KEYS = 5;

/**
 * A model as JSON text, without its text and data (nothing after analysis reads them): its
 * entities, its findings and its disable comments.
 */
export function storeModel(model: FileModel): string {
  const { lines: _lines, value: _value, suppressions, ...rest } = model;
  const stored = { ...rest, suppressions: [...suppressions].map(([line, rules]) => [line, [...rules]]) };
  // The arrays written for definitions: their first item is the mark itself, not a string to escape.
  const written = new WeakSet<object>();
  return JSON.stringify(stored, function (this: unknown, key, v: unknown) {
    if (v === NOWHERE) return NOWHERE_MARK;
    if (typeof v === 'string') {
      if (key === 'file' && v === model.file) return SAME_FILE;
      return v.charCodeAt(0) === 0 && !(key === '0' && written.has(this as object)) ? ESCAPED + v : v;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && isOwnDef(v as Record<string, unknown>, model.file)) {
      const d = v as Def;
      const out = [DEF_MARK, d.kind, d.id, d.range, d.fullRange, d.name ?? null, d.scope ?? null];
      written.add(out);
      return out;
    }
    return v;
  });
}

/** Whether an object is a definition in the model's own file, with exactly a definition's keys in their order. */
function isOwnDef(o: Record<string, unknown>, file: string): boolean {
  if (o.file !== file) return false;
  let i = 0;
  for (const k in o) {
    while (i >= REQUIRED_DEF_KEYS && i < DEF_KEYS.length && DEF_KEYS[i] !== k) i++;
    if (DEF_KEYS[i] !== k) return false;
    i++;
  }
  return (
    i >= REQUIRED_DEF_KEYS &&
    typeof o.kind === 'string' &&
    typeof o.id === 'string' &&
    typeof o.range === 'object' &&
    o.range !== null &&
    typeof o.fullRange === 'object' &&
    o.fullRange !== null &&
    (o.name === undefined || typeof o.name === 'string') &&
    (o.scope === undefined || typeof o.scope === 'string')
  );
}

/** The model back from `storeModel`'s text, over the file's text. Throws on text that is not such a model. */
export function restoreModel(json: string, file: string, text: string): FileModel {
  const rest = JSON.parse(json) as Record<string, unknown>;
  if (typeof rest !== 'object' || rest === null || rest.file !== SAME_FILE || !Array.isArray(rest.findings) || !Array.isArray(rest.suppressions)) {
    throw new Error('not a stored model');
  }
  revive(rest, file);
  const suppressions = new Map((rest.suppressions as [number, string[]][]).map(([line, rules]) => [line, new Set(rules)]));
  return { touchpoints: [], standards: [], personas: [], ...rest, file, lines: new LineIndex(text), value: null, suppressions } as unknown as FileModel;
}

/** Puts the marks' values back (a walk: JSON.parse with a reviver is several times slower). */
function revive(v: object, file: string): void {
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'string') {
      if (x.charCodeAt(0) === 0) o[k] = unmark(x, file);
    } else if (typeof x === 'object' && x !== null) {
      if (Array.isArray(x) && x[0] === DEF_MARK) o[k] = toDef(x, file);
      else revive(x, file);
    }
  }
}

function unmark(x: string, file: string): unknown {
  if (x === NOWHERE_MARK) return NOWHERE;
  if (x === SAME_FILE) return file;
  if (x.startsWith(ESCAPED)) return x.slice(ESCAPED.length);
  throw new Error('not a stored model');
}

function toDef(x: unknown[], file: string): Def {
  const [, kind, id, range, fullRange, name, scope] = x;
  const isRange = (r: unknown) => r === NOWHERE_MARK || (typeof r === 'object' && r !== null);
  if (x.length !== 7 || typeof kind !== 'string' || typeof id !== 'string' || !isRange(range) || !isRange(fullRange)) throw new Error('not a stored model');
  const str = (s: unknown) => (typeof s === 'string' && s.charCodeAt(0) === 0 ? (unmark(s, file) as string) : s);
  const place = (r: unknown) => (r === NOWHERE_MARK ? NOWHERE : r);
  const d = { kind: str(kind), id: str(id), file, range: place(range), fullRange: place(fullRange) } as Def;
  if (name !== null) d.name = str(name) as string;
  if (scope !== null) d.scope = str(scope) as string;
  return d;
}
