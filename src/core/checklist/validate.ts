import type { Finding } from '../finding';
import { FileReporter } from '../report';
import { LineIndex } from '../text/lineIndex';
import type { Standard } from '../model/types';
import { itemSpec } from './build';
import { checkAgainstSpec } from './parse';
import type { ItemSpec, ParsedChecklist } from './types';

/** The IDs a checklist is checked against (a WorkspaceIndex is one). */
export interface ChecklistLookup {
  touchpoints: { has(id: string): boolean };
  standards: { get(id: string): readonly Standard[] | undefined };
}

/**
 * Checks a parsed checklist against the workspace: the touchpoint it names and the standards its
 * items name. Items whose snapshot comment is gone are checked against the workspace's standard.
 * Returns the findings and the standards to score such items by.
 */
export function validateChecklist(parsed: ParsedChecklist, index: ChecklistLookup): { findings: Finding[]; specs: Map<string, ItemSpec> } {
  const report = new FileReporter(parsed.file, new LineIndex(parsed.text));
  const specs = new Map<string, ItemSpec>();
  const tp = parsed.header.touchpoint;
  if (tp && !index.touchpoints.has(tp)) report.atRange('checklist-unknown-touchpoint', parsed.headerRanges.touchpoint!, 'checklist.unknownTouchpoint', { id: tp });
  const seen = new Set<string>();
  for (const item of parsed.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const standard = index.standards.get(item.id)?.[0];
    // An obsolete item's standard may be gone: that is why it is obsolete.
    if (!standard && !item.obsolete) report.atRange('checklist-unknown-item', item.idRange, 'checklist.unknownItem', { id: item.id });
    if (standard && !item.spec) {
      const spec = itemSpec(standard);
      specs.set(item.id, spec);
      checkAgainstSpec(item, spec, report);
    }
  }
  return { findings: report.findings, specs };
}
