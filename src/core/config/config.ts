import type { Severity } from '../finding';
import type { Scale } from '../model/types';
import { DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT, MIN_DEPTH_LIMIT } from '../yaml/depth';

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
  /** How deeply lists and mappings may nest (limits.maxDepth). */
  maxDepth: number;
}

export const CONFIG_FILE_NAMES = ['peakend.yaml', 'peakend.yml'];

export const DEFAULT_INCLUDE = [
  '**/*.journey.yaml',
  '**/*.journey.yml',
  '**/*.touchpoints.yaml',
  '**/*.touchpoints.yml',
  '**/*.standards.yaml',
  '**/*.standards.yml',
  '**/*.personas.yaml',
  '**/*.personas.yml',
];

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
    maxDepth: DEFAULT_MAX_DEPTH,
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
  const s = value.scale;
  if (isObject(s) && typeof s.min === 'number' && typeof s.max === 'number' && s.min < s.max) {
    const neutral = typeof s.neutral === 'number' ? s.neutral : (s.min + s.max) / 2;
    if (neutral >= s.min && neutral <= s.max) c.scale = { min: s.min, max: s.max, neutral };
  }
  if (isObject(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules)) {
      if (setting === 'error' || setting === 'warning' || setting === 'info' || setting === 'off') c.rules[id] = setting;
    }
  }
  if (isObject(value.checklists) && typeof value.checklists.dir === 'string') c.checklistsDir = value.checklists.dir;
  const max = isObject(value.limits) ? value.limits.maxFileBytes : undefined;
  if (typeof max === 'number' && Number.isInteger(max) && max >= MIN_FILE_BYTES) c.maxFileBytes = max;
  const depth = isObject(value.limits) ? value.limits.maxDepth : undefined;
  if (typeof depth === 'number' && Number.isInteger(depth) && depth >= MIN_DEPTH_LIMIT && depth <= MAX_DEPTH_LIMIT) c.maxDepth = depth;
  return c;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
