import type { Finding, Fix } from '../finding';
import { fix } from '../report';
import type { LineIndex } from '../text/lineIndex';

const DIRECTIVE = /^(\s*)#\s*peakend-disable-next-line\b(.*)$/;

/**
 * A fix that silences one finding with `# peakend-disable-next-line <rule>` above its line, at the
 * line's indentation; an existing directive there gets the rule added.
 */
export function disableLineFix(lines: LineIndex, f: Finding): Fix {
  const line = f.range.start.line;
  const above = line > 0 ? lines.lineText(line - 1) : undefined;
  const m = above !== undefined ? DIRECTIVE.exec(above) : null;
  const args = { rule: f.ruleId };
  if (m) {
    // The rule goes after the IDs already named and before a "-- reason", which is not read as IDs.
    const rest = m[2]!;
    const reason = /\s--(\s|$)/.exec(rest);
    const ids = (reason ? rest.slice(0, reason.index) : rest).trimEnd();
    const at = { line: line - 1, character: above!.length - rest.length + ids.length };
    return fix('fix.disableLine', args, [{ file: f.file, range: { start: at, end: at }, newText: ids.trim() ? `, ${f.ruleId}` : ` ${f.ruleId}` }]);
  }
  const indent = /^\s*/.exec(lines.lineText(line))![0];
  const at = { line, character: 0 };
  return fix('fix.disableLine', args, [{ file: f.file, range: { start: at, end: at }, newText: `${indent}# peakend-disable-next-line ${f.ruleId}\n` }]);
}
