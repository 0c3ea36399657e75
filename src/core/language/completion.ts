import type { Position, Range } from '../finding';
import type { DocumentKind } from '../model/kinds';
import type { Ref } from '../model/types';
import { LineIndex } from '../text/lineIndex';

export interface ReferenceSlot {
  /** What kind of ID belongs here. */
  kind: Ref['kind'];
  /** The partial ID under the cursor, to be replaced by the completion. */
  range: Range;
  /** IDs already listed in the same list (not offered again). */
  siblings: string[];
}

const ID_CHAR = /[A-Za-z0-9_\u3400-\u9fff-]/;

/** Which key's values (or keys) are references, per document kind. */
const SLOTS: Partial<Record<DocumentKind, Record<string, Ref['kind']>>> = {
  journey: { touchpoints: 'touchpoint', personas: 'persona', persona: 'persona', emotions: 'persona' },
  touchpoints: { standards: 'standard' },
  standards: { touchpoints: 'touchpoint' },
};

/**
 * Whether the cursor is where an ID is referenced, read from the text around it so that it works
 * while the line is still being typed (and the YAML may not parse): a flow list (`touchpoints: [a, |`),
 * a block list item (`- |` under `touchpoints:`), an emotions key, or a quote's `persona: |`.
 */
export function referenceSlot(text: string, kind: DocumentKind, pos: Position): ReferenceSlot | undefined {
  const slots = SLOTS[kind];
  if (!slots) return undefined;
  const lines = new LineIndex(text);
  const line = lines.lineText(pos.line);
  const before = line.slice(0, pos.character);
  let start = pos.character;
  while (start > 0 && ID_CHAR.test(line[start - 1]!)) start--;
  let end = pos.character;
  while (end < line.length && ID_CHAR.test(line[end]!)) end++;
  const range = { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } };
  const head = before.slice(0, start);

  // Inside a flow list or mapping opened on this line: `key: [a, b, |` or `emotions: { a: 1, |`.
  const flow = /([A-Za-z]+):\s*([[{])([^\]}]*)$/.exec(head);
  if (flow) {
    const [, key, bracket, inside] = flow;
    const refKind = slots[key!];
    if (!refKind) return undefined;
    if (bracket === '[' && key !== 'emotions') return { kind: refKind, range, siblings: splitFlow(inside!) };
    // In a flow mapping only key positions (after `{` or `,`) take a persona.
    if (bracket === '{' && key === 'emotions' && /(^|,)\s*$/.test(inside!)) {
      return { kind: refKind, range, siblings: [...inside!.matchAll(/([^\s,:]+)\s*:/g)].map((m) => m[1]!) };
    }
    return undefined;
  }
  // A scalar value: `persona: |` (quotes).
  const value = /^\s*(?:-\s+)?(?:\{.*,\s*)?([A-Za-z]+):\s*$/.exec(head);
  if (value) {
    return value[1] === 'persona' && slots.persona ? { kind: slots.persona, range, siblings: [] } : undefined;
  }
  // A block list item `- |` or a block mapping key `|` under its parent key.
  const item = /^(\s*)(-\s+)?$/.exec(head);
  if (!item) return undefined;
  const indent = item[1]!.length;
  const parent = parentKey(lines, pos.line, indent, Boolean(item[2]));
  if (!parent) return undefined;
  const refKind = slots[parent.key];
  if (!refKind) return undefined;
  if (parent.key === 'emotions') return item[2] ? undefined : { kind: refKind, range, siblings: parent.children.map((c) => c.replace(/:.*$/, '').trim()) };
  if (!item[2]) return undefined;
  return { kind: refKind, range, siblings: parent.children.map((c) => c.replace(/^-\s*/, '').trim()) };
}

/** The nearest `key:` line above that owns the line at `indent`, with the sibling lines between. */
function parentKey(lines: LineIndex, lineNo: number, indent: number, isItem: boolean): { key: string; children: string[] } | undefined {
  const children: string[] = [];
  for (let l = lineNo - 1; l >= 0; l--) {
    const text = lines.lineText(l);
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const ind = text.length - text.trimStart().length;
    const m = /^\s*(?:-\s+)?([A-Za-z]+):\s*(#.*)?$/.exec(text);
    // Block sequences may sit at their key's indentation (`key:` then `- x`); mapping keys sit deeper.
    const keyCol = m ? text.indexOf(m[1]!) : ind;
    if (m && (keyCol < indent || (isItem && keyCol === indent))) return { key: m[1]!, children };
    if (ind < indent) return undefined;
    if (ind === indent) children.push(text.trim());
  }
  return undefined;
}

function splitFlow(inside: string): string[] {
  return inside
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
