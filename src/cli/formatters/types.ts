import type { Finding, Language } from '../../core';

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** How many files were checked (for the summary line). */
  fileCount: number;
  color: boolean;
  toolVersion: string;
  /** The language of messages and of the summary line. */
  lang?: Language;
}

/** A formatter turns findings into the text of one output; it never writes anything itself. */
export type Formatter = (findings: readonly Finding[], ctx: FormatContext) => string;
