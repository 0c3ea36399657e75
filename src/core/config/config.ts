import type { Severity } from '../finding';
import { CONFIG_NAMES, ENDING_GLOBS } from '../kinds';
import { readScale } from '../model/scale';
import type { Scale } from '../model/types';
import { globProblem } from './globs';
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
  /** The options a rule takes besides its severity (`weak-ending: { severity: warning, margin: 0.1 }`), by rule ID. */
  ruleOptions: Record<string, Record<string, unknown>>;
  checklistsDir: string;
  maxFileBytes: number;
  /** `analysis.cuts`: where importance–performance analysis cuts the quadrants. */
  ipaCuts: 'midpoint' | 'mean' | { importance: number; performance: number };
  /** How deeply lists and mappings may nest (limits.maxDepth). */
  maxDepth: number;
  /** `diff.checks`: the level of each diff check, or off. */
  diffLevels: Record<string, 'breaking' | 'warning' | 'info' | 'off'>;
}

export const CONFIG_FILE_NAMES: string[] = [...CONFIG_NAMES];

/** Every file whose name announces its kind by its ending (see ../kinds.ts). */
export const DEFAULT_INCLUDE: string[] = [...ENDING_GLOBS];

/** Never walked into: dependencies, version control, and the folder where `peakend check` keeps its cache. */
export const ALWAYS_EXCLUDED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.peakend-cache']);

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The schema's minimum for limits.maxFileBytes: below it not even peakend.yaml could be read. */
export const MIN_FILE_BYTES = 1024;

export const DEFAULT_OFF_RULES: Readonly<Record<string, RuleSetting>> = { 'unevidenced-extreme': 'off' };

export function defaultConfig(root: string): PeakendConfig {
  return {
    root,
    include: DEFAULT_INCLUDE,
    exclude: [],
    scale: { min: -5, max: 5, neutral: 0 },
    // Rules that are off unless peakend.yaml gives them a severity.
    rules: { ...DEFAULT_OFF_RULES },
    ruleOptions: {},
    checklistsDir: 'checklists',
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    ipaCuts: 'midpoint',
    maxDepth: DEFAULT_MAX_DEPTH,
    diffLevels: {},
  };
}

/** Reads settings from the config file's data; anything of the wrong shape keeps its default (the schema reports it). */
export function resolveConfig(value: unknown, root: string, file: string | undefined): PeakendConfig {
  const c = defaultConfig(root);
  if (file) c.file = file;
  if (!isObject(value)) return c;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : undefined);
  // A glob that could take minutes to match is ignored (the config file's analysis reports it).
  // An empty list (written so, or left empty by ignored globs) would check nothing: keep the default.
  const include = strings(value.include)?.filter((g) => !globProblem(g));
  if (include?.length) c.include = include;
  c.exclude = strings(value.exclude)?.filter((g) => !globProblem(g)) ?? c.exclude;
  c.scale = readScale(value.scale).scale ?? c.scale;
  if (isObject(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules)) {
      // A plain severity, or a mapping of an optional severity and the rule's options.
      const severity = isObject(setting) ? setting.severity : setting;
      if (isRuleSetting(severity)) c.rules[id] = severity;
      if (isObject(setting)) {
        const { severity: _severity, ...options } = setting;
        if (Object.keys(options).length) c.ruleOptions[id] = options;
      }
    }
  }
  if (isObject(value.checklists) && typeof value.checklists.dir === 'string') c.checklistsDir = value.checklists.dir;
  const cuts = isObject(value.analysis) ? value.analysis.cuts : undefined;
  if (cuts === 'midpoint' || cuts === 'mean') c.ipaCuts = cuts;
  else if (isObject(cuts) && isRating(cuts.importance) && isRating(cuts.performance)) c.ipaCuts = { importance: cuts.importance, performance: cuts.performance };
  const checks = isObject(value.diff) ? value.diff.checks : undefined;
  if (isObject(checks)) {
    for (const [id, level] of Object.entries(checks)) if (level === 'breaking' || level === 'warning' || level === 'info' || level === 'off') c.diffLevels[id] = level;
  }
  const max = isObject(value.limits) ? value.limits.maxFileBytes : undefined;
  if (typeof max === 'number' && Number.isInteger(max) && max >= MIN_FILE_BYTES) c.maxFileBytes = max;
  const depth = isObject(value.limits) ? value.limits.maxDepth : undefined;
  if (typeof depth === 'number' && Number.isInteger(depth) && depth >= MIN_DEPTH_LIMIT && depth <= MAX_DEPTH_LIMIT) c.maxDepth = depth;
  return c;
}

function isRating(v: unknown): v is number {
  return typeof v === 'number' && v >= 1 && v <= 5;
}

function isRuleSetting(v: unknown): v is RuleSetting {
  return v === 'error' || v === 'warning' || v === 'info' || v === 'off';
}

/** A rule's numeric option from peakend.yaml, else its default; out-of-range values keep the default (the schema reports them). */
export function numberOption(config: PeakendConfig, ruleId: string, name: string, fallback: number, min = 0, max = 1): number {
  const v = config.ruleOptions[ruleId]?.[name];
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

/** A rule's option that takes one of a few words, else its default. */
export function choiceOption<T extends string>(config: PeakendConfig, ruleId: string, name: string, choices: readonly T[], fallback: T): T {
  const v = config.ruleOptions[ruleId]?.[name];
  return typeof v === 'string' && (choices as readonly string[]).includes(v) ? (v as T) : fallback;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
