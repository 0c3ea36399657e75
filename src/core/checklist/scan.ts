import type { AnswerLine, Placed } from './blocks';
import type { MdNode } from './mdast';

/**
 * A line scanner for the Markdown Peakend writes: front matter, headings, the intro paragraph, the
 * snapshot comments, the tables and the answer lists, each block one blank line from the next.
 * It gives the nodes `parseChecklist` reads (types, depths, offsets, heading and box texts, task
 * boxes) as remark-parse + remark-gfm would, for documents made only of lines whose reading is
 * certain. Any other line (indented, fenced, an HTML block, a link definition, a carriage return,
 * markup in a heading or box, two blocks without a blank line between them…) returns undefined
 * and the document is read with remark. `test/checklist/scan.test.ts` holds the two to the same
 * results. The start of every line is pushed onto `lineStarts` (which holds the first line's, 0),
 * as `LineIndex` counts them, so that the text is searched for line breaks once. An answer list
 * is given as the lines `readAnswers` reads (`Placed.answers`), not as list items.
 *
 * remark reads a NUL as U+FFFD. Only the texts taken from the document (front matter, headings,
 * IDs, box words, comments) could show it, so those are refused when they hold one: a search of
 * the whole text for NUL is slow, as every UTF-16 character but the ASCII ones holds a zero byte.
 */
export function scanBlocks(text: string, lineStarts: number[] = [0]): Placed[] | undefined {
  if (text.includes('\r')) return undefined;
  const out: Placed[] = [];
  const n = text.length;
  /** Where the line starting at `from` ends; each line's end is found once, and the next line's start noted. */
  const lineEnd = (from: number): number => {
    const le = text.indexOf('\n', from);
    if (le < 0) return n;
    lineStarts.push(le + 1);
    return le;
  };
  let ls = 0;
  // A block must follow a blank line (or the start): then no block can continue into it.
  let needBlank = false;
  if (text.startsWith('---\n')) {
    const close = text.indexOf('\n---', 3);
    if (close < 0) return undefined;
    const fenceEnd = close + 4;
    if (fenceEnd < n && text.charCodeAt(fenceEnd) !== 10) return undefined;
    // The closing fence is the first line that is "---" exactly.
    if (close === 3) return undefined;
    const value = text.slice(4, close);
    if (value.includes('\0')) return undefined;
    out.push(place({ type: 'yaml', value }, 0, fenceEnd));
    for (let i = lineEnd(0); i < fenceEnd; i = lineEnd(i + 1));
    ls = fenceEnd + 1;
    needBlank = true;
  }
  while (ls < n) {
    let le = lineEnd(ls);
    const c = text.charCodeAt(ls);
    if (isBlank(text, ls, le)) {
      needBlank = false;
      ls = le + 1;
      continue;
    }
    if (needBlank) return undefined;
    needBlank = true;
    if (c === 35 /* # */) {
      const node = heading(text, ls, le);
      if (!node) return undefined;
      out.push(place(node, ls, le));
    } else if (c === 45 /* - */) {
      const answers: AnswerLine[] = [];
      const first = ls;
      for (;;) {
        const line = answerLine(text, ls, le);
        if (!line) return undefined;
        answers.push(line);
        if (le >= n || text.charCodeAt(le + 1) !== 45) break;
        ls = le + 1;
        le = lineEnd(ls);
      }
      const list = place({ type: 'list', ordered: false }, first, le);
      list.answers = answers;
      out.push(list);
    } else if (c === 124 /* | */) {
      const first = ls;
      const header = cells(text, ls, le);
      if (header === undefined || le >= n) return undefined;
      const dls = le + 1;
      const dle = lineEnd(dls);
      if (header !== delimiterCells(text, dls, dle)) return undefined;
      let end = dle;
      ls = dls;
      le = dle;
      // Body rows: every following line that starts with a pipe.
      while (le < n && text.charCodeAt(le + 1) === 124) {
        ls = le + 1;
        le = lineEnd(ls);
        end = le;
      }
      if (isSpace(text.charCodeAt(end - 1))) return undefined;
      out.push(place({ type: 'table' }, first, end));
    } else if (c === 62 /* > */) {
      if (text.charCodeAt(ls + 1) !== 32 || le - ls < 3 || isSpace(text.charCodeAt(ls + 2)) || isSpace(text.charCodeAt(le - 1))) return undefined;
      out.push(place({ type: 'blockquote' }, ls, le));
    } else if (c === 60 /* < */) {
      // One HTML comment on its own line, closed at the line's end: a snapshot, or a person's note.
      if (!text.startsWith('<!-- ', ls) || le - ls < 9 || !text.startsWith(' -->', le - 4) || text.indexOf('-->', ls + 4) !== le - 3) return undefined;
      const value = text.slice(ls, le);
      if (value.includes('\0')) return undefined;
      out.push(place({ type: 'html', value }, ls, le));
    } else if (isLetter(text, ls)) {
      // A paragraph of lines that each start with a letter: no such line starts or ends a block.
      const first = ls;
      while (le < n && isLetter(text, le + 1)) {
        ls = le + 1;
        le = lineEnd(ls);
      }
      out.push(place({ type: 'paragraph' }, first, le));
    } else return undefined;
    ls = le + 1;
  }
  return out;
}

function place(node: MdNode, start: number, end: number): Placed {
  // Only offsets: nothing reads a scanned node's lines and columns.
  node.position = { start: { offset: start }, end: { offset: end } } as NonNullable<MdNode['position']>;
  return { node, base: 0 };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isBlank(text: string, ls: number, le: number): boolean {
  for (let i = ls; i < le; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

const LETTER = /\p{L}/uy;
function isLetter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  // No ASCII character but A–Z and a–z is a letter.
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  LETTER.lastIndex = at;
  return LETTER.test(text);
}

/** Inline text that is only text: no escape, code, emphasis, strike, link, image, HTML, entity or autolink (nor NUL). */
const PLAIN = /^[^\\`*_~[\]!<&\t\0]+$/;

/** "# …", "## …" or "### …": the title, a section (its text plain) or an item (its ID first, in backticks). */
function heading(text: string, ls: number, le: number): MdNode | undefined {
  let depth = 0;
  while (text.charCodeAt(ls + depth) === 35) depth++;
  if (depth > 3 || text.charCodeAt(ls + depth) !== 32) return undefined;
  const from = ls + depth + 1;
  const last = text.charCodeAt(le - 1);
  if (le <= from || isSpace(text.charCodeAt(from)) || isSpace(last) || last === 35) return undefined;
  const content = text.slice(from, le);
  if (depth === 1) return { type: 'heading', depth, children: [] };
  if (depth === 2) {
    if (!PLAIN.test(content)) return undefined;
    return { type: 'heading', depth, children: [{ type: 'text', value: content }] };
  }
  if (content.charCodeAt(0) !== 96) return { type: 'heading', depth, children: [{ type: 'text' }] };
  const close = content.indexOf('`', 1);
  const id = content.slice(1, close);
  // A code span of one backtick on each side, its text without spaces at either end.
  if (close < 2 || content.charCodeAt(close + 1) === 96 || isSpace(id.charCodeAt(0)) || isSpace(id.charCodeAt(id.length - 1)) || id.includes('\0')) return undefined;
  const code: MdNode = { type: 'inlineCode', value: id };
  place(code, from, from + close + 1);
  return { type: 'heading', depth, children: [code] };
}

/** "- [x] Word" (a box, its word plain text) or "- Label: value" (text starting with a letter). */
function answerLine(text: string, ls: number, le: number): AnswerLine | undefined {
  if (text.charCodeAt(ls + 1) !== 32) return undefined;
  // "- [ ] ", "- [x] " or "- [X] " and no space or tab next (a line break or the end counts as a word, an empty one).
  const box = text.charCodeAt(ls + 3);
  const after = text.charCodeAt(ls + 6);
  if (text.charCodeAt(ls + 2) === 91 && (box === 32 || box === 120 || box === 88) && text.charCodeAt(ls + 4) === 93 && text.charCodeAt(ls + 5) === 32 && ls + 6 < text.length && after !== 32 && after !== 9) {
    const word = text.slice(ls + 6, le);
    if (!PLAIN.test(word)) return undefined;
    return { checked: box !== 32, start: ls, bodyStart: ls + 6, bodyEnd: le, end: le, word: word.trimEnd() };
  }
  if (!isLetter(text, ls + 2)) return undefined;
  return { checked: null, start: ls, bodyStart: ls + 2, bodyEnd: le, end: le };
}

/** The cells of a table's header row: "| a | b |", no escapes, no spaces after the last pipe. */
function cells(text: string, ls: number, le: number): number | undefined {
  if (le - ls < 2 || text.charCodeAt(le - 1) !== 124) return undefined;
  HEADER_ROW.lastIndex = ls;
  if (!HEADER_ROW.test(text) || HEADER_ROW.lastIndex !== le) return undefined;
  return pipes(text, ls, le) - 1;
}
/** A row without backslashes or backticks, up to its line's end (regular expressions run far faster than a loop over characters). */
const HEADER_ROW = /[^\\`\n]*/y;

/** The cells of a delimiter row, which must read /^\|(?: *:?-+:? *\|)+$/; undefined when it does not. */
function delimiterCells(text: string, ls: number, le: number): number | undefined {
  DELIMITER_ROW.lastIndex = ls;
  if (!DELIMITER_ROW.test(text) || DELIMITER_ROW.lastIndex !== le) return undefined;
  return pipes(text, ls, le) - 1;
}
const DELIMITER_ROW = /\|(?: *:?-+:? *\|)+/y;

/** The pipes between two offsets of a line that ends with one. */
function pipes(text: string, ls: number, le: number): number {
  let count = 0;
  for (let i = text.indexOf('|', ls); i >= 0 && i < le; i = text.indexOf('|', i + 1)) count++;
  return count;
}
