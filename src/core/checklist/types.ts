import type { Finding, Range } from '../finding';
import type { Expectation } from '../model/types';

/** The five rating levels, best first (很满意 … 不满意). */
export const RATING_LEVELS = ['very-satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very-dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** What Peakend keeps of a standard in a checklist item, so that a filled-in checklist scores on its own. */
export interface ItemSpec {
  id: string;
  title?: string;
  dimension: string;
  requirement?: string;
  method?: string;
  expect?: Expectation;
  weight: number;
  critical: boolean;
  evidence: string[];
  /** Hash of what an answer depends on (requirement, expectation, weight, critical): a change asks for a re-check. */
  fingerprint: string;
}

export interface ChecklistHeader {
  touchpoint: string;
  touchpointName?: string;
  site?: string;
  auditor?: string;
  date?: string;
  /** Content hash of the applicable standards ("sha256:…"). */
  standards?: string;
  /** The language the checklist's words are written in (en, zh-cn): regeneration keeps it. */
  language?: string;
}

export interface ChecklistSpec {
  header: ChecklistHeader;
  items: ItemSpec[];
}

/** An auditor's answer to one item, as written (text trimmed). */
export interface Answer {
  /** The ticked box: pass, fail or not applicable. */
  result?: 'pass' | 'fail' | 'na';
  measured?: string;
  rating?: string;
  note?: string;
  evidence?: string;
  action?: string;
  owner?: string;
  due?: string;
  status?: string;
}

export type AnswerField = Exclude<keyof Answer, 'result'>;
export const ANSWER_FIELDS: readonly AnswerField[] = ['measured', 'rating', 'note', 'evidence', 'action', 'owner', 'due', 'status'];

export interface ParsedItem {
  id: string;
  /** The ID's inline code in the item's heading. */
  idRange: Range;
  /** Under the "Obsolete" heading: its standard no longer applies. */
  obsolete: boolean;
  /** The snapshot of the standard written when the checklist was generated. */
  spec?: ItemSpec;
  /** A "re-check" note stands under the heading. */
  recheck: boolean;
  answer: Answer;
  /** Where each answer field's value (or ticked box) is written. */
  ranges: Partial<Record<keyof Answer, Range>>;
  /** Offsets: the item's heading, where the person's part starts (after the table), and the item's end. */
  start: number;
  answerStart: number;
  end: number;
}

export interface ParsedChecklist {
  file: string;
  text: string;
  header: ChecklistHeader;
  /** Ranges of the header's values, for findings. */
  headerRanges: Partial<Record<keyof ChecklistHeader, Range>> & { frontmatter?: Range };
  items: ParsedItem[];
  /**
   * What a person wrote between a section heading (a dimension, or the obsolete section) and its
   * first item: offsets of the text, by the heading's text.
   */
  sections: { heading: string; start: number; end: number }[];
  /** Problems the file shows on its own (no workspace needed). */
  findings: Finding[];
}
