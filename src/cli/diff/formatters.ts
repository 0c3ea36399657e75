import { diffMarkdown, jsonSafe, relativePath, renderMessage, terminalSafe, type DiffLevel, type EntityChange, type JourneyReview, type Language, type MessageId, type ReviewChange } from '../../core';

export interface DiffFormatContext {
  cwd: string;
  color: boolean;
  lang: Language;
  base: { rev: string; commit?: string };
  head: { rev: string; commit?: string };
}

export type DiffFormatter = (review: JourneyReview, ctx: DiffFormatContext) => string;

/** The version of `peakend diff --format json`; bumped on any incompatible change. */
export const DIFF_FORMAT_VERSION = 1;

const LEVELS: DiffLevel[] = ['breaking', 'warning', 'info'];

function localized(c: ReviewChange, lang: Language): string {
  return lang === 'en' ? c.message : renderMessage(c.messageId as MessageId, c.args, lang);
}

export function countLevels(changes: readonly ReviewChange[]): Record<DiffLevel, number> {
  const n: Record<DiffLevel, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) n[c.level]++;
  return n;
}

/** "1 breaking, 2 warnings, 5 info" (or the Chinese line). */
export function diffSummary(changes: readonly ReviewChange[], lang: Language): string {
  const n = countLevels(changes);
  if (lang !== 'en') return `${n.breaking} 项破坏性变更，${n.warning} 项警告，${n.info} 条提示`;
  return `${n.breaking} breaking, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info`;
}

const PAINT: Record<DiffLevel | 'dim' | 'bold', [number, number]> = { breaking: [31, 39], warning: [33, 39], info: [36, 39], dim: [2, 22], bold: [1, 22] };

/** For a terminal: changes grouped by file, most serious first within each file. */
export const stylishDiff: DiffFormatter = (review, ctx) => {
  const paint = (style: keyof typeof PAINT, s: string) => (ctx.color ? `\u001b[${PAINT[style][0]}m${s}\u001b[${PAINT[style][1]}m` : s);
  const byFile = new Map<string, ReviewChange[]>();
  for (const c of review.changes) {
    const list = byFile.get(c.file);
    if (list) list.push(c);
    else byFile.set(c.file, [c]);
  }
  const out: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const name = terminalSafe(relativePath(ctx.cwd, file));
    out.push(paint('bold', name));
    for (const c of byFile.get(file)!) {
      const where = `${name}:${c.range.start.line + 1}:${c.range.start.character + 1}`;
      out.push(`  ${where}  ${paint(c.level, c.level.padEnd(8))}  ${terminalSafe(localized(c, ctx.lang))}  ${paint('dim', c.checkId)}`);
    }
    out.push('');
  }
  const worst = LEVELS.find((l) => review.changes.some((c) => c.level === l));
  const summary = diffSummary(review.changes, ctx.lang);
  out.push(worst ? paint(worst, summary) : summary);
  return out.join('\n') + '\n';
};

/** Annotations on the head revision's lines (base-side changes are shown as notices without a line). */
export const githubDiff: DiffFormatter = (review, ctx) =>
  review.changes
    .map((c) => {
      const command = c.level === 'breaking' ? 'error' : c.level === 'warning' ? 'warning' : 'notice';
      const props = [`title=${escapeProperty(`peakend diff ${c.checkId}`)}`];
      if (c.side === 'after') {
        props.unshift(`file=${escapeProperty(relativePath(ctx.cwd, c.file))}`, `line=${c.range.start.line + 1}`, `col=${c.range.start.character + 1}`, `endLine=${c.range.end.line + 1}`, `endColumn=${c.range.end.character + 1}`);
      }
      return `::${command} ${props.join(',')}::${escapeData(localized(c, ctx.lang))}\n`;
    })
    .join('');

/**
 * GitHub's workflow-command escaping; a line break can never start a command of its own, and other
 * control characters (ESC, BEL, bidirectional overrides) from names in the files are replaced.
 */
function escapeData(s: string): string {
  return terminalSafe(s, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function entityJson(c: EntityChange, cwd: string) {
  const side = (e: { kind: string; id: string; journey?: string; stage?: string; position: number; file: string; range: unknown }) => ({
    id: e.id,
    journey: e.journey,
    stage: e.stage,
    position: e.position,
    file: relativePath(cwd, e.file),
    range: e.range,
  });
  return {
    type: c.type,
    kind: c.kind,
    before: 'before' in c ? side(c.before) : undefined,
    after: 'after' in c ? side(c.after) : undefined,
    fields: 'fields' in c ? c.fields : undefined,
    similarity: c.type === 'renamed' ? c.similarity : undefined,
  };
}

/** A stable, versioned document (see docs/diff.md): the review changes and the structural diff under them. */
export const jsonDiff: DiffFormatter = (review, ctx) =>
  jsonSafe(
    JSON.stringify(
      {
        version: DIFF_FORMAT_VERSION,
        base: ctx.base,
        head: ctx.head,
        summary: countLevels(review.changes),
        changes: review.changes.map((c) => ({
          checkId: c.checkId,
          level: c.level,
          message: localized(c, ctx.lang),
          messageId: c.messageId,
          args: c.args,
          side: c.side,
          file: relativePath(ctx.cwd, c.file),
          range: c.range,
          scope: c.scope,
          related: c.related?.map((r) => ({ ...r, file: relativePath(ctx.cwd, r.file) })),
        })),
        entities: review.diff.changes.map((c) => entityJson(c, ctx.cwd)),
      },
      null,
      2,
    ),
  ) + '\n';

/** The pull-request comment (GitHub-flavoured Markdown). */
export const markdownDiff: DiffFormatter = (review, ctx) => diffMarkdown(review, { lang: ctx.lang, cwd: ctx.cwd, range: `${ctx.base.rev}…${ctx.head.rev}` });
