import type { Finding } from '../finding';
import { FileReporter } from '../report';
import { LineIndex } from '../text/lineIndex';
import type { WorkspaceIndex } from '../workspace/index';
import { itemSpec } from './build';
import { checkAgainstSpec } from './parse';
import type { ItemSpec, ParsedChecklist } from './types';

/**
 * Checks a parsed checklist against the workspace: the touchpoint it names and the standards its
 * items name. Items whose snapshot comment is gone are checked against the workspace's standard.
 * Returns the findings and the standards to score such items by.
 */
export function validateChecklist(parsed: ParsedChecklist, index: WorkspaceIndex): { findings: Finding[]; specs: Map<string, ItemSpec> } {
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
