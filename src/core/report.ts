import type { Finding, Fix, MessageArgs, Range, RelatedLocation } from './finding';
import { renderMessage, type MessageId } from './messages/render';
import { defaultSeverity } from './rules/severities';
import type { RuleId } from './rules/meta';
import type { LineIndex } from './text/lineIndex';

export interface FindingExtras {
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** Builds a finding in the one shape, with its default severity and English message. */
export function makeFinding(
  ruleId: RuleId,
  file: string,
  range: Range,
  messageId: MessageId,
  args: MessageArgs,
  extras: FindingExtras = {},
): Finding {
  const f: Finding = {
    ruleId,
    severity: defaultSeverity(ruleId),
    message: renderMessage(messageId, args),
    messageId,
    args,
    file,
    range,
  };
  if (extras.related?.length) f.related = extras.related;
  if (extras.fixes?.length) f.fixes = extras.fixes;
  return f;
}

export function related(file: string, range: Range, messageId: MessageId, args: MessageArgs): RelatedLocation {
  return { file, range, message: renderMessage(messageId, args), messageId, args };
}

export function fix(messageId: MessageId, args: MessageArgs, edits: Fix['edits'], preferred = false): Fix {
  const f: Fix = { title: renderMessage(messageId, args), messageId, args, edits };
  if (preferred) f.preferred = true;
  return f;
}

/** The one range of every place in a model read without positions: the file's start. */
export const NOWHERE: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

/** Collects the findings of one file, turning source offsets into ranges. */
export class FileReporter {
  readonly findings: Finding[] = [];

  constructor(
    readonly file: string,
    readonly lines: LineIndex,
  ) {}

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  at(ruleId: RuleId, start: number, end: number, messageId: MessageId, args: MessageArgs = {}, extras?: FindingExtras): Finding {
    return this.atRange(ruleId, this.range(start, end), messageId, args, extras);
  }

  atRange(ruleId: RuleId, range: Range, messageId: MessageId, args: MessageArgs = {}, extras?: FindingExtras): Finding {
    const f = makeFinding(ruleId, this.file, range, messageId, args, extras);
    this.findings.push(f);
    return f;
  }
}
