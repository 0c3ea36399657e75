const DIRECTIVE = /^\s*#\s*peakend-disable-next-line(?=\s|$)(.*)$/;

/**
 * Finds `# peakend-disable-next-line [rule-id …] [-- reason]` comments. Maps the line they silence
 * to the rule IDs named (an empty set silences every rule; words that are not rule IDs silence
 * nothing). Only whole-line comments count; parseYaml's caller drops lines inside multi-line text.
 */
export function scanSuppressions(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  if (!text.includes('peakend-disable')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const [ids] = m[1]!.split(/\s--\s|\s--$/);
    out.set(i + 1, new Set(ids!.split(/[\s,]+/).filter(Boolean).map((s) => s.toLowerCase())));
  });
  return out;
}
