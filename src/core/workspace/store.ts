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
 * settings (the CLI keeps it on disk, src/node/diskStore.ts). Only models read without positions
 * are kept: a valid file with nothing to report. Everything it hands back was made from the same
 * bytes under the same settings and engine, or it hands back nothing.
 */
export interface ModelStore {
  /** The model kept for this file and content, or undefined. */
  model(file: string, input: FileInput, text: string): FileModel | undefined;
  /** Offers a model read without positions. */
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

/** A model without positions as JSON text: no text, no data, no findings (only those of rules that are off). */
export function storeModel(model: FileModel): string {
  const { lines: _lines, value: _value, findings: _findings, suppressions: _suppressions, ...rest } = model;
  return JSON.stringify(rest, (key, v: unknown) => (v === NOWHERE ? NOWHERE_MARK : key === 'file' && v === model.file ? SAME_FILE : v));
}

/** The model back from `storeModel`'s text, over the file's text. Throws on text that is not such a model. */
export function restoreModel(json: string, file: string, text: string): FileModel {
  const rest = JSON.parse(json, (_key, v: unknown) => (v === NOWHERE_MARK ? (NOWHERE as Range) : v === SAME_FILE ? file : v)) as Partial<FileModel>;
  if (typeof rest !== 'object' || rest === null || rest.file !== file || rest.withoutPositions !== true) throw new Error('not a stored model of this file');
  return { ...rest, file, lines: new LineIndex(text), value: null, findings: [], suppressions: new Map(), touchpoints: rest.touchpoints ?? [], standards: rest.standards ?? [], personas: rest.personas ?? [] } as FileModel;
}
