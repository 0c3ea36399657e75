import type { FileModel } from '../model/types';
import { LineIndex } from '../text/lineIndex';
import { parseChecklist } from './parse';

/** A checklist file's model: no entities, its own findings, and the parsed checklist for the workspace rule. */
export function analyzeChecklist(file: string, text: string): FileModel {
  const checklist = parseChecklist(file, text);
  return { file, lines: new LineIndex(checklist.text), value: null, findings: checklist.findings, touchpoints: [], standards: [], personas: [], suppressions: new Map(), checklist };
}
