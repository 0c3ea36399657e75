/**
 * What the analyses compute: plain data, keyed by IDs, versioned as the `analyze --format json`
 * output. Rules judge it, renderers draw it, the preview and the diff consume it.
 */
import type { Finding, Range } from '../finding';
import type { Metric, Scale } from '../model/types';

/** The version of the JSON shape below; bumped on any incompatible change. */
export const ANALYSIS_FORMAT_VERSION = 1;

/** One step of a journey, in journey order, with what the charts and tables show. */
export interface StepPoint {
  /** 0-based position among all the journey's steps (stage order, then step order). */
  index: number;
  stageId: string;
  stepId: string;
  title?: string;
  /** The step ID's range in the journey file (for "reveal in editor" and findings). */
  range: Range;
  /** Score per persona ID; a persona without a (numeric) score is absent. */
  scores: Record<string, number>;
  momentOfTruth: boolean;
  painPoints: string[];
  touchpoints: string[];
  /** Measured metrics on the step (CSAT, NPS, CES, retention, other), shown beside the designed emotion. */
  metrics: MetricValue[];
}

/** A measured metric as the file gives it (without its source range). */
export type MetricValue = Omit<Metric, 'range'>;

/** A moment of the curve: the step and its score for one persona. */
export interface Moment {
  stepId: string;
  stageId: string;
  index: number;
  score: number;
  /** Other steps that tie with the chosen one (same score, or same intensity for the peak). Empty when none. */
  tiedWith: string[];
}

export interface StageFigure {
  stageId: string;
  title?: string;
  /** Undefined when no step of the stage has a score for this persona. */
  average?: number;
  scored: number;
}

/** The peak-end figures of one persona on one journey, on the journey's own scale. */
export interface PersonaPeakEnd {
  persona: string;
  name?: string;
  /** How many steps carry a score for this persona; 0 means no figures below. */
  scored: number;
  best?: Moment;
  worst?: Moment;
  /** The most intense moment: largest distance from the scale's neutral point, sign kept. */
  peak?: Moment;
  /**
   * Set when the most intense moments tie at opposite signs (e.g. +4 and −4 on a scale centred at 0):
   * the chosen `peak` follows the documented tie rule, and this says the other sign was as intense.
   */
  peakTiedOpposite?: boolean;
  /** The last step that has a score for this persona. */
  end?: Moment;
  /** (peak.score + end.score) / 2. */
  peakEnd?: number;
  /** The plain mean of all scored steps. */
  average?: number;
  /** peakEnd − average: what duration neglect changes about the remembered experience. */
  gap?: number;
  stages: StageFigure[];
}

export interface JourneyAnalysis {
  journeyId: string;
  file: string;
  /** Error findings `peakend check` reports in the file: figures from a file with errors may be incomplete. */
  errors: number;
  title?: string;
  scale: Scale;
  stages: { stageId: string; title?: string; firstIndex: number; lastIndex: number }[];
  steps: StepPoint[];
  personas: PersonaPeakEnd[];
  /** What `peakend check` judges of these figures (weak-ending, unrecovered-trough, …), settings applied. */
  judgements: Finding[];
}

/** midpoint: the scale's midpoint (3 on 1–5); mean: the inventory's own means; fixed: values given by the user. */
export type CutMethod = 'midpoint' | 'mean' | 'fixed';

export type Quadrant = 'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

export interface IpaPoint {
  touchpointId: string;
  name?: string;
  phase?: string;
  range: Range;
  importance: number;
  performance: number;
  quadrant: Quadrant;
  /** importance − performance: the priority order within "concentrate here" (largest first). */
  gap: number;
}

export interface InventoryAnalysis {
  inventoryId: string;
  file: string;
  /** Error findings `peakend check` reports in the file. */
  errors: number;
  title?: string;
  /** The rating scale of importance and performance (1–5 today). */
  scale: { min: number; max: number };
  /** A value exactly on a cut counts as high. */
  cuts: { importance: number; performance: number; method: CutMethod };
  points: IpaPoint[];
  /** Touchpoint IDs in priority order: "concentrate here" first by gap, then the other quadrants. */
  priority: string[];
  /** Touchpoints lacking importance, performance or both: listed, never guessed. */
  missing: { touchpointId: string; name?: string; lacks: ('importance' | 'performance')[] }[];
}

/** `peakend analyze --format json`. */
export interface AnalysisReport {
  version: typeof ANALYSIS_FORMAT_VERSION;
  journeys: JourneyAnalysis[];
  inventories: InventoryAnalysis[];
}
