import type { Severity } from '../finding';
import { CONFIG_NAMES, ENDING_GLOBS } from '../kinds';
import { readScale } from '../model/scale';
import type { Scale } from '../model/types';

export type RuleSetting = Severity | 'off';

/** The workspace settings every analysis runs with, resolved from peakend.yaml and defaults. */
export interface PeakendConfig {
  /** The folder of peakend.yaml, or the folder checked when there is none. Paths are POSIX, absolute. */
  root: string;
  file?: string;
  include: string[];
  exclude: string[];
  scale: Scale;
  rules: Record<string, RuleSetting>;
  checklistsDir: string;
  maxFileBytes: number;
}

export const CONFIG_FILE_NAMES: string[] = [...CONFIG_NAMES];

/** Every file whose name announces its kind by its ending (see ../kinds.ts). */
export const DEFAULT_INCLUDE: string[] = [...ENDING_GLOBS];

export const ALWAYS_EXCLUDED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The schema's minimum for limits.maxFileBytes: below it not even peakend.yaml could be read. */
export const MIN_FILE_BYTES = 1024;

export function defaultConfig(root: string): PeakendConfig {
  return {
    root,
    include: DEFAULT_INCLUDE,
    exclude: [],
    scale: { min: -5, max: 5, neutral: 0 },
    rules: {},
    checklistsDir: 'checklists',
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  };
}

/** Reads settings from the config file's data; anything of the wrong shape keeps its default (the schema reports it). */
export function resolveConfig(value: unknown, root: string, file: string | undefined): PeakendConfig {
  const c = defaultConfig(root);
  if (file) c.file = file;
  if (!isObject(value)) return c;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : undefined);
  c.include = strings(value.include) ?? c.include;
  c.exclude = strings(value.exclude) ?? c.exclude;
  c.scale = readScale(value.scale).scale ?? c.scale;
  if (isObject(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules)) {
      if (setting === 'error' || setting === 'warning' || setting === 'info' || setting === 'off') c.rules[id] = setting;
    }
  }
  if (isObject(value.checklists) && typeof value.checklists.dir === 'string') c.checklistsDir = value.checklists.dir;
  const max = isObject(value.limits) ? value.limits.maxFileBytes : undefined;
  if (typeof max === 'number' && Number.isInteger(max) && max >= MIN_FILE_BYTES) c.maxFileBytes = max;
  return c;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
