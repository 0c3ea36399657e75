import type { Finding } from '../finding';
import type { FileModel } from '../model/types';
import { LineIndex } from '../text/lineIndex';
import { parseChecklist } from './parse';
import type { ParsedChecklist } from './types';

/**
 * A checklist file's model: no entities, its own findings, and the parsed checklist for the
 * workspace rule. Parsed on first use: commands that only need the YAML (such as `peakend
 * checklist`) never pay for reading every audit in the folder.
 */
export function analyzeChecklist(file: string, text: string): FileModel {
  let parsed: ParsedChecklist | undefined;
  const parse = () => (parsed ??= parseChecklist(file, text));
  let lines: LineIndex | undefined;
  const model = { file, value: null, touchpoints: [], standards: [], personas: [], suppressions: new Map() } as unknown as FileModel;
  Object.defineProperties(model, {
    lines: { get: () => (lines ??= new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)), enumerable: true },
    findings: { get: (): Finding[] => parse().findings, enumerable: true },
    checklist: { get: () => parse(), enumerable: true },
  });
  return model;
}
