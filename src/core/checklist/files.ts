import type { PeakendConfig } from '../config/config';
import { basename, isInside, join } from '../util/paths';

/** Markdown files in the checklists folder that are notes about it, not checklists. */
const NOT_CHECKLISTS = new Set(['readme.md', 'index.md']);

/** Whether a file is an audit checklist: a Markdown file below the config's checklists folder. */
export function isChecklistFile(file: string, config: PeakendConfig): boolean {
  const base = basename(file).toLowerCase();
  if (!base.endsWith('.md') || NOT_CHECKLISTS.has(base)) return false;
  const dir = join(config.root, config.checklistsDir);
  return dir !== file && isInside(dir, file);
}
