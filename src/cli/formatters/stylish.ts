import { relativePath, terminalSafe, type Severity } from '../../core';
import { summaryLine } from './summary';
import type { Formatter } from './types';

const COLORS: Record<Severity | 'dim' | 'bold', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/** For people at a terminal: findings grouped by file, each as `file:line:col  severity  message  rule`. */
export const stylish: Formatter = (findings, ctx) => {
  const paint = (style: keyof typeof COLORS, s: string) => (ctx.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s);
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    // File names come from disk: a name may hold ESC, BEL or a newline.
    const file = terminalSafe(relativePath(ctx.cwd, f.file));
    if (file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(paint('bold', file));
      current = file;
    }
    const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    lines.push(`  ${where}  ${paint(f.severity, f.severity.padEnd(7))}  ${terminalSafe(f.message)}  ${paint('dim', terminalSafe(f.ruleId))}`);
  }
  if (lines.length) lines.push('');
  const summary = summaryLine(findings, ctx.fileCount, ctx.lang);
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : undefined;
  lines.push(worst ? paint(worst, summary) : summary);
  return lines.join('\n') + '\n';
};
