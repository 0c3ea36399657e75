import type { FileInput } from '../analyze';
import type { Finding, Range } from '../finding';
import type { FileModel } from '../model/types';
import { NOWHERE } from '../report';
import { LineIndex } from '../text/lineIndex';

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
  /** The model kept for this file and content, or undefined. */
  model(file: string, input: FileInput, text: string): FileModel | undefined;
  /** Offers a model (read with or without positions) for the file as read. */
  keep(file: string, input: FileInput, model: FileModel): void;
  /** The findings of an earlier run over exactly these files and contents, or undefined. */
  findings(files: readonly StoreFile[]): Finding[] | undefined;
  /** Keeps this run's findings (and the models offered), for the next run. */
  keepFindings(files: readonly StoreFile[], findings: readonly Finding[]): void;
}

// Stand for the one placeholder range of a model without positions, and for the model's own file
// (which every definition and reference repeats): no such model holds a NUL.
const NOWHERE_MARK = '\u0000';
const SAME_FILE = '\u0000f';

/**
 * A model as JSON text, without its text and data (nothing after analysis reads them): its
 * entities, its findings and its disable comments.
 */
export function storeModel(model: FileModel): string {
  const { lines: _lines, value: _value, suppressions, ...rest } = model;
  const stored = { ...rest, suppressions: [...suppressions].map(([line, rules]) => [line, [...rules]]) };
  return JSON.stringify(stored, (key, v: unknown) => (v === NOWHERE ? NOWHERE_MARK : key === 'file' && v === model.file ? SAME_FILE : v));
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

/** Puts the placeholder range and the file's path back (a walk: JSON.parse with a reviver is several times slower). */
function revive(v: object, file: string): void {
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'object' && x !== null) revive(x, file);
    else if (x === NOWHERE_MARK) o[k] = NOWHERE;
    else if (x === SAME_FILE) o[k] = file;
  }
}
