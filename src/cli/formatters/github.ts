import { relativePath, terminalSafe } from '../../core';
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

/**
 * A workflow command's message, escaped as the runner unescapes it (% CR LF): a file name or ID
 * with a newline must not start a line of its own, which the runner would read as a command.
 * Other control characters are replaced: ESC would colour, hide or link text in the log.
 */
function escapeData(s: string): string {
  return terminalSafe(s, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also ":" and ",", which would end the value or the properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
