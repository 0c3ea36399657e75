import type { Finding, Position, Range } from '../finding';
import type { LineIndex } from '../text/lineIndex';
import type { ParsedChecklist } from '../checklist/types';
import type { DocumentKind } from './kinds';

/** Kinds of entity that carry a stable ID. */
export type EntityKind = 'journey' | 'stage' | 'step' | 'touchpoint' | 'standard' | 'persona' | 'inventory' | 'standards-set';

/** Where an entity's ID is written. */
export interface Def {
  kind: EntityKind;
  id: string;
  file: string;
  /** The ID's value node. */
  range: Range;
  /** The whole entity (its mapping), for outlines and symbol ranges. */
  fullRange: Range;
  name?: string;
  /** For stages and steps: the ID of the journey they belong to (IDs are unique within it). */
  scope?: string;
}

/** A node that refers to an entity by ID. */
export interface Ref {
  kind: 'touchpoint' | 'standard' | 'persona';
  id: string;
  file: string;
  range: Range;
  /** `score`: the persona key of a step's emotions (checked against the journey's personas, not the workspace). */
  role?: 'score';
}

/** Where a new entry goes at the end of a file's main list (touchpoints, standards, personas). */
export interface ListEnd {
  position: Position;
  /** The indentation of the list's dashes. */
  indent: string;
}

export interface Scale {
  min: number;
  max: number;
  neutral: number;
}

export interface Persona {
  def: Def;
  name?: string;
  description?: string;
}

export interface Touchpoint {
  def: Def;
  name?: string;
  phase?: string;
  channel?: string;
  type?: string;
  owner?: string;
  tags: string[];
  importance?: number;
  performance?: number;
  standards: Ref[];
}

export interface Selector {
  touchpoints: Ref[];
  channels: string[];
  phases: string[];
  tags: string[];
}

export type Expectation =
  | { type: 'pass-fail' }
  | { type: 'measure'; unit: string; comparator: '<=' | '<' | '>=' | '>' | '='; threshold: number }
  | { type: 'rating'; atLeast: string };

export interface Standard {
  def: Def;
  title?: string;
  requirement?: string;
  dimension?: { value: string; range: Range };
  kano?: string;
  appliesTo?: Selector;
  method?: string;
  expect?: Expectation;
  weight: number;
  critical: boolean;
  evidence: string[];
}

export interface Score {
  persona: string;
  value: number | undefined;
  keyRange: Range;
  valueRange: Range;
}

/** A piece of user text with where it is written. */
export interface TextItem {
  text: string;
  range: Range;
}

export interface Quote {
  text: string;
  persona?: string;
  source?: string;
  /** The list item (a plain string or the quote's mapping). */
  range: Range;
}

export type EvidenceSource = 'survey' | 'interview' | 'complaints' | 'observation' | 'analytics' | 'social-media' | 'mystery-shopping' | 'other';

export interface Evidence {
  source: EvidenceSource;
  date?: string;
  sampleSize?: number;
  note?: string;
  range: Range;
}

/** The service blueprint lanes behind a step; a lane the file leaves out is empty. */
export interface Blueprint {
  frontstage: TextItem[];
  backstage: TextItem[];
  support: TextItem[];
  range: Range;
}

export type MetricType = 'csat' | 'nps' | 'ces' | 'retention' | 'other';

/** A measured metric on a step or stage (CSAT, NPS, CES, retention). */
export interface Metric {
  type: MetricType;
  name?: string;
  value: number;
  scale?: { min: number; max: number };
  sampleSize?: number;
  date?: string;
  range: Range;
}

export interface Step {
  def: Def;
  title?: string;
  description?: TextItem;
  painPoints: TextItem[];
  opportunities: TextItem[];
  quotes: Quote[];
  evidence: Evidence[];
  blueprint?: Blueprint;
  metrics: Metric[];
  touchpoints: Ref[];
  channel?: string;
  emotions: Score[];
  /** The `emotions` key, where a missing score is reported; absent when the step has no emotions mapping. */
  emotionsKey?: Range;
  /** Where and how a missing score is inserted into the emotions mapping (only when one is missing). */
  scoreInsert?: ScoreInsertion;
  momentOfTruth: boolean;
}

export interface ScoreInsertion {
  position: Position;
  /** Block mappings take a new line at `indent`; flow mappings (`{a: 1}`) a comma-separated entry. */
  style: 'block' | 'flow';
  indent: string;
  empty: boolean;
}

export interface Stage {
  def: Def;
  title?: string;
  description?: TextItem;
  metrics: Metric[];
  steps: Step[];
}

export interface Journey {
  def?: Def;
  title?: string;
  personas: Ref[];
  /** The journey's own scale, else the workspace default. */
  scale: Scale;
  stages: Stage[];
  /** `persona` of customer quotes. */
  quotePersonas: Ref[];
  /**
   * Stages and steps that an alias repeats (`steps: *earlier`, `- *step`), located at the alias.
   * They count for duplicate IDs only: edits (renames, fixes) never touch an alias.
   */
  repeated: Def[];
}

/** One file, parsed and analysed on its own. Cross-file rules work on these. */
export interface FileModel {
  file: string;
  kind?: DocumentKind;
  /** The declared kind was missing or unknown; `kind` then comes from the file name. */
  kindUnknown?: boolean;
  version?: number;
  lines: LineIndex;
  /** The document's plain data (null when it could not be read). */
  value: unknown;
  /** Findings that need no other file. */
  findings: Finding[];
  /** The document's own ID (journey, inventory or set of standards). */
  def?: Def;
  journey?: Journey;
  touchpoints: Touchpoint[];
  standards: Standard[];
  personas: Persona[];
  listEnd?: ListEnd;
  /** The `scale` mapping of a journey or of peakend.yaml. */
  scaleRange?: Range;
  /** The keys of peakend.yaml's `rules` mapping. */
  ruleSettings?: { id: string; range: Range }[];
  /** An audit checklist (Markdown in the checklists folder), parsed. */
  checklist?: ParsedChecklist;
  /** `# peakend-disable-next-line` comments: line → rule IDs it silences (empty set = all rules). */
  suppressions: Map<number, Set<string>>;
  /**
   * Read without positions (a valid file on the quick path): every range is the file's start, and
   * `value` is not kept (unless asked for: `keepValue`). Such a model is re-analysed with positions before any finding, related
   * place or fix points into it.
   */
  withoutPositions?: true;
}
