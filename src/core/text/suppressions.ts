const DIRECTIVE = /^\s*#\s*peakend-disable-next-line\b(.*)$/;

/**
 * Finds `# peakend-disable-next-line [rule-id …]` comments. Maps the line they silence to the rule IDs
 * named (an empty set silences every rule). Only whole-line comments count, so text inside a quoted
 * value can never act as a directive.
 */
export function scanSuppressions(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  if (!text.includes('peakend-disable')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const ids = m[1]!.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
    out.set(i + 1, new Set(ids));
  });
  return out;
}
