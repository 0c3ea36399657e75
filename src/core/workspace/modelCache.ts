import { analyzeFile, type AnalyzeOptions, type FileInput } from '../analyze';
import type { PeakendConfig } from '../config/config';
import type { FileModel } from '../model/types';

interface Entry {
  config: string;
  input: FileInput;
  model: FileModel;
}

/**
 * Remembers each file's model with the content and settings it was made from, so that a file that
 * is the same in two loads (two revisions of a diff) is parsed once. Models are never changed after
 * analysis, so two workspaces can share one.
 */
export class ModelCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;

  analyze(file: string, input: FileInput, config: PeakendConfig, options: AnalyzeOptions = {}): FileModel {
    const settings = JSON.stringify([config, options.positions ?? 'now', options.keepValue === true]);
    const e = this.entries.get(file);
    if (e && e.config === settings && sameInput(e.input, input)) {
      this.hits++;
      return e.model;
    }
    const model = analyzeFile(file, input, config, options);
    this.entries.set(file, { config: settings, input, model });
    return model;
  }
}

function sameInput(a: FileInput, b: FileInput): boolean {
  if ('text' in a && 'text' in b) return a.text === b.text;
  if ('bytes' in a && 'bytes' in b) return sameBytes(a.bytes, b.bytes);
  // A read error is a string or a message with arguments, made anew by each read.
  if ('size' in a && 'size' in b) return a.size === b.size && JSON.stringify(a.error) === JSON.stringify(b.error);
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
