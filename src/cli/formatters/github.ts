import { relativePath } from '../../core';
import type { Formatter } from './types';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub shows as
 * annotations on the pull request. Lines and columns are 1-based there.
 */
export const github: Formatter = (findings, ctx) =>
  findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(relativePath(ctx.cwd, f.file))}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(`peakend ${f.ruleId}`)}`,
      ];
      return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
    })
    .join('');

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
