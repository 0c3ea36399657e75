/**
 * Markdown documents: the chart in a ```mermaid block, then the tables. All user text goes through
 * markdownText, so a title or a pain point can never become markup, a link, a mention or a table
 * column.
 */
import type { InventoryAnalysis, JourneyAnalysis } from '../analysis/types';
import { emotionCurve, type ChartVariant } from './emotionCurve';
import { ipaChart } from './ipaChart';
import { renderLabels, type RenderLanguage } from './labels';
import { chartNotes, cutsLine, figuresTable, missingLines, priorityTable, stepsTable, type Table } from './tables';
import { plainText } from './text';

export interface DocumentOptions {
  variant?: ChartVariant;
  lang?: RenderLanguage;
}

const WORD_JOINER = '\u2060';

/** Anything markdownText acts on: a sign, a colon, `www`, leading or trailing white space. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>&|#~$!@:]|www|^\s|\s$/i;

/**
 * Inline Markdown text (GFM, as GitHub and GitLab render it) that shows exactly `plainText(s)`.
 * Punctuation that could start markup is written as a numeric character reference, which
 * CommonMark always reads as a literal character: `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `|`
 * (table cells) `#` `~` (strikethrough) `$` (math) `!` `@`, and a `:` that could open an emoji code
 * (`:name:`); other colons ("11:30", "Note: …") stay as written.
 * Mentions and e-mail / `www.` autolinks are found by GitHub after the references are decoded, so
 * a word joiner (U+2060, invisible) follows every `@`, the `www` of `www.` and the `:` of `://`. Spaces at either
 * end are references too: table cells and headings would trim them.
 */
export function markdownText(s: string): string {
  const plain = plainText(s);
  // Most cells need no reference at all: one search instead of three replacements.
  if (!MARKDOWN_SPECIAL.test(plain)) return plain;
  const ref = (c: string) => `&#${c.codePointAt(0)};`;
  return plain
    .replace(/(www)(?=\.)|:(?=\/\/)/gi, (m) => `${m}${WORD_JOINER}`)
    .replace(/[\\`*_[\]<>&|#~$!@]|:(?=[\w+-]+:)/g, (c) => (c === '@' ? `${ref(c)}${WORD_JOINER}` : ref(c)))
    .replace(/^\s+|\s+$/gu, (ws) => [...ws].map(ref).join(''));
}

/**
 * Text that starts a paragraph or a list item: as markdownText, and a first `-` `+` `=` or digit is
 * a reference too (there it could begin a list, a heading underline or a rule).
 */
export function markdownBlockText(s: string): string {
  return markdownText(s).replace(/^[-+=0-9]/, (c) => `&#${c.charCodeAt(0)};`);
}

export function markdownTable(t: Table): string {
  const row = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : markdownText(c))).join(' | ')} |`;
  const rule = `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  return [row(t.head), rule, ...t.rows.map(row)].join('\n');
}

function fence(mermaid: string): string {
  // The encoders never emit a backtick, so a three-backtick fence cannot be closed from inside.
  return ['```mermaid', mermaid.trimEnd(), '```'].join('\n');
}

export function journeyMarkdown(a: JourneyAnalysis, opts: DocumentOptions = {}): string {
  const L = renderLabels(opts.lang);
  const variant = opts.variant ?? 'rich';
  const parts = [`# ${markdownText(a.title || a.journeyId)}`, fence(emotionCurve(a, opts))];
  parts.push(markdownBlockText(chartNotes(a, opts.lang).join(' — ')));
  parts.push(`## ${markdownText(L.stepsTable)}`, markdownTable(stepsTable(a, { variant, lang: opts.lang })));
  parts.push(`## ${markdownText(L.figuresTable)}`, markdownTable(figuresTable(a, { variant, lang: opts.lang })));
  return `${parts.join('\n\n')}\n`;
}

export function inventoryMarkdown(a: InventoryAnalysis, opts: DocumentOptions = {}): string {
  const L = renderLabels(opts.lang);
  const parts = [`# ${markdownText(a.title || a.inventoryId)}`, fence(ipaChart(a, opts)), markdownBlockText(cutsLine(a, opts.lang))];
  parts.push(`## ${markdownText(L.priority)}`, markdownTable(priorityTable(a, opts)));
  parts.push(`## ${markdownText(L.missingData)}`);
  const missing = missingLines(a, opts.lang);
  parts.push(missing.length ? missing.map((m) => `- ${markdownBlockText(m)}`).join('\n') : markdownBlockText(L.noMissing));
  return `${parts.join('\n\n')}\n`;
}
