/** The one shape every front end receives: rule id, severity, message, exact range, related places, fixes. */

export type Severity = 'error' | 'warning' | 'info';

/** 0-based line and UTF-16 column, as in LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Location {
  file: string;
  range: Range;
}

export interface RelatedLocation extends Location {
  message: string;
  messageId?: string;
  args?: MessageArgs;
}

export interface TextEdit extends Location {
  newText: string;
}

export interface Fix {
  title: string;
  messageId?: string;
  args?: MessageArgs;
  edits: TextEdit[];
  /** The fix a front end may apply without asking (e.g. the one "did you mean" candidate). */
  preferred?: boolean;
}

/**
 * An argument that is itself a message of the catalogs ("text", "a list", another finding's message
 * with its own arguments), rendered in the finding's language. Plain string arguments are always shown
 * as they are: user text is never a message key.
 */
export interface MessageRef {
  message: string;
  args?: MessageArgs;
}

export type MessageArgs = Record<string, string | number | MessageRef>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Rendered in English; `localizeFinding` renders it in another language from `messageId` and `args`. */
  message: string;
  messageId: string;
  args: MessageArgs;
  file: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
