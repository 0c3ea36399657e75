import { heading, para, text, type MdNode } from './mdast';
import type { Language } from '../messages/render';
import { reportStringify } from './reportWriter';
import { REPORT_WORDS } from './reportWords';
import type { AuditScore, Compliance } from './score';

export function percent(c: Compliance): string {
  return c.compliance === undefined ? '—' : `${(c.compliance * 100).toFixed(1)} %`;
}

/** Audit scores as GitHub-flavoured Markdown (a PR comment, a report page) in `lang`; every user text is escaped. */
export function scoreMarkdown(audits: readonly AuditScore[], fileName: (file: string) => string = (f) => f, lang: Language = 'en'): string {
  const writer = new ScoreMarkdownWriter(fileName, lang);
  return audits.map((a) => writer.part(a)).join('') + writer.end();
}

/**
 * `scoreMarkdown` one audit at a time, so that thousands of audits are written as they are scored,
 * none of them kept: every part, then `end()`, joined, are `scoreMarkdown`'s text.
 */
export class ScoreMarkdownWriter {
  private readonly words: (typeof REPORT_WORDS)[Language];
  private readonly cells = new Map<string, string>();
  private parts = 0;

  constructor(
    private readonly fileName: (file: string) => string = (f) => f,
    lang: Language = 'en',
  ) {
    this.words = REPORT_WORDS[lang];
  }

  part(a: AuditScore): string {
    const words = this.words;
    const out: MdNode[] = [];
    out.push(heading(2, [text(`${a.touchpoint} · ${a.date ?? '—'}${a.site ? ` · ${a.site}` : ''}`)]));
    out.push({
      type: 'paragraph',
      children: [{ type: 'strong', children: [text(words.outcome[a.outcome])] }, text(` · ${percent(a.overall)} (${a.overall.passedWeight} / ${a.overall.answeredWeight}) · ${this.fileName(a.file)}${a.auditor ? ` · ${a.auditor}` : ''}`)],
    });
    out.push(table(words.dimensionTable, a.dimensions.map((d) => [d.dimension || '—', percent(d.compliance), String(d.compliance.passedWeight), String(d.compliance.answeredWeight), ...counts(d.compliance)])));
    out.push(table(words.itemTable, a.items.map((i) => [i.id, words.status[i.status] + (i.invalid ? words.invalidAnswer : '') + (i.recheck ? words.recheck : ''), String(i.weight), i.critical ? words.yes : '', i.value === undefined ? '' : String(i.value), i.action ? actionText(i.action) : ''])));
    for (const [label, list] of [
      [words.criticalFailures, a.criticalFailures],
      [words.unanswered, a.unanswered],
      [words.failedWithoutAction, a.failedWithoutAction],
      [words.unknownItems, a.unknown],
    ] as const) {
      if (list.length) out.push(para(words.list(label, list)));
    }
    // Each part ends with a line break; one more makes the blank line between blocks.
    return (this.parts++ ? '\n' : '') + reportStringify(out, this.cells);
  }

  /** What follows the last part: nothing, or an empty document's text when there was none. */
  end(): string {
    return this.parts ? '' : reportStringify([], this.cells);
  }
}

/** "text (owner, due)", naming only the owner and due date that are written. */
function actionText(a: NonNullable<AuditScore['items'][number]['action']>): string {
  const who = [a.owner, a.due].filter((x) => x !== undefined);
  return who.length ? `${a.text} (${who.join(', ')})` : a.text;
}

function counts(c: Compliance): string[] {
  return [c.counts.pass, c.counts.fail, c.counts.na, c.counts.unanswered].map(String);
}

export function table(header: string[], rows: string[][]): MdNode {
  const row = (cells: string[]): MdNode => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [text(c.replace(/[\r\n]+/g, ' '))] })) });
  return { type: 'table', align: [], children: [row(header), ...rows.map(row)] };
}
