import type { DiffCheck } from '../review';

/** Findings that leave a file without data to compare (errors all: a model's findings carry no settings yet). */
const UNREADABLE = new Set(['file-empty', 'file-too-large', 'file-encoding', 'file-unreadable', 'yaml-syntax', 'yaml-alias-limit', 'yaml-multiple-documents']);

/** A file one side cannot read: its entities are missing from that side, so the diff says so instead of reporting them removed in silence. */
export const unparsableFile: DiffCheck = {
  id: 'file-unparsable',
  level: 'warning',
  summary: 'A file cannot be read on one side of the diff; its entities are missing from that side.',
  run(ctx, emit) {
    for (const side of ['before', 'after'] as const) {
      for (const m of ctx[side].models) {
        const cause = m.findings.find((f) => UNREADABLE.has(f.ruleId));
        if (!cause || m.kind === 'config') continue;
        emit({ messageId: side === 'before' ? 'diff.unparsable.before' : 'diff.unparsable.after', args: { detail: { message: cause.messageId, args: cause.args } }, side, file: m.file, range: cause.range });
      }
    }
  },
};
