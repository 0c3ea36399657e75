/**
 * Text that leaves Peakend for a terminal, a CI log or a report viewer carries names and values
 * from the files checked, file names included. Control characters in them would act instead of
 * show: ESC starts colour changes, screen clearing and OSC-8 hyperlinks, BEL rings, CR rewrites the
 * line, LF starts a new one (a line GitHub Actions may read as a workflow command). The
 * bidirectional controls reorder what is displayed (the "Trojan Source" trick).
 */

// C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Line breaks and tabs, including the Unicode line and paragraph separators.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/**
 * One line of text that only shows: line breaks and tabs become a space, every other control
 * character becomes U+FFFD (the replacement character), so nothing in it can act on a terminal.
 * With `keepBreaks`, CR, LF and tab stay for a caller that escapes them itself (GitHub's %0A).
 */
export function terminalSafe(s: string, keepBreaks = false): string {
  if (keepBreaks) return s.replace(UNSAFE, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : '\ufffd'));
  return s.replace(BREAKS, ' ').replace(UNSAFE, '\ufffd');
}

// What JSON.stringify leaves raw that a terminal or viewer could still act on (it escapes U+0000–U+001F).
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with every remaining control character written as a \u escape: the same data when
 * parsed, nothing that acts when the file is printed (`cat report.json`) or shown.
 */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
