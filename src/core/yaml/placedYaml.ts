import { Document } from 'yaml';
import type { ParsedYaml } from './parseYaml';
import { placedNodes } from './placedNodes';
import { simpleLoadPlaced } from './simpleLoad';

/**
 * What `parseYaml` gives for a file in simpleLoad's plain subset, nodes and places included, read
 * many times faster; undefined for any other file (for `parseYaml`). Nothing in that subset is a
 * finding of parseYaml's, and no text in it spans lines.
 */
export function placedYaml(text: string, maxDepth: number): ParsedYaml | undefined {
  const placed = simpleLoadPlaced(text, maxDepth);
  if (!placed) return undefined;
  const doc = new Document();
  try {
    doc.contents = placedNodes(placed.value, placed.spans);
  } catch {
    // Places that do not match the data would be a defect here: yaml reads the file instead.
    return undefined;
  }
  return { doc: doc as Document.Parsed, value: placed.value, aliases: new Map() };
}
