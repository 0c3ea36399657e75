import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { MdNode } from './mdast';

/**
 * GFM without its autolink literals (bare www., http:// and e-mail addresses made links): what
 * Peakend reads of a checklist (headings, tables, task lists, the text of a paragraph) is the same
 * with them or without, and they cost more than the rest of GFM, tried at every letter and then
 * searched for again in every text. Recognised by their names: should those change, they are
 * merely kept, and parsing is slower, never different.
 */
function withoutAutolinkLiterals(this: Processor): void {
  const data = this.data() as unknown as { micromarkExtensions?: SyntaxExtension[]; fromMarkdownExtensions?: unknown[] };
  data.micromarkExtensions = data.micromarkExtensions?.map((ext) => {
    if (!ext.text) return ext;
    const text: SyntaxExtension['text'] = {};
    for (const [code, constructs] of Object.entries(ext.text)) {
      const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((c) => !AUTOLINK_CONSTRUCTS.has(c?.name ?? ''));
      if (kept.length) text[code] = kept;
    }
    return { ...ext, text };
  });
  const isLiteral = (e: unknown) => Boolean((e as { enter?: Record<string, unknown> })?.enter?.literalAutolink);
  data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map((e) => (Array.isArray(e) ? e.filter((x) => !isLiteral(x)) : e)).filter((e) => !isLiteral(e));
}
interface SyntaxExtension {
  text?: Record<string, { name?: string } | { name?: string }[]>;
}
const AUTOLINK_CONSTRUCTS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

const documentParser = unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkLiterals).use(remarkFrontmatter, ['yaml']);
// Front matter exists only at the start of a document: later parts are read without it.
const partParser = unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkLiterals);

/** A top-level Markdown node and the offset its positions count from. */
export interface Placed {
  node: MdNode;
  base: number;
  /** A list read by the line scanner: its items as answer lines, in place of list items. */
  answers?: AnswerLine[];
}

/** One item of an answer list as the answers are read from it; offsets in the document. */
export interface AnswerLine {
  /** A task box, ticked or not; null for any other item. */
  checked: boolean | null;
  start: number;
  /** The item's paragraph, after the marker (and box). */
  bodyStart: number;
  bodyEnd: number;
  end: number;
  /** A box's word, its plain text. */
  word?: string;
}

/** The top-level nodes of a document parsed whole: the reference that `topLevelBlocks` must equal. */
export function wholeDocumentBlocks(text: string): Placed[] {
  return ((documentParser.parse(text) as unknown as MdNode).children ?? []).map((node) => ({ node, base: 0 }));
}

/**
 * The top-level nodes of a Markdown document, as `wholeDocumentBlocks` gives them. Parsing Markdown
 * with GFM tables costs far more than anything else done with a checklist, and most of a checklist
 * is its items' generated parts (heading, snapshot, table), the same in every audit of every
 * touchpoint the standard applies to. So the document is cut at lines where no block can continue
 * across, each part is parsed once per distinct text, and the parts' nodes are placed at their
 * offsets. A document with anything that can reach across such a line (fenced code, link or
 * footnote definitions, HTML blocks that end only at their closing text, carriage returns) is
 * parsed whole.
 */
export function topLevelBlocks(text: string): Placed[] {
  const starts = partStarts(text);
  if (!starts) return wholeDocumentBlocks(text);
  const out: Placed[] = [];
  for (let i = 0; i < starts.length; i++) {
    const base = starts[i]!;
    const part = text.slice(base, starts[i + 1] ?? text.length);
    const nodes = i === 0 ? ((documentParser.parse(part) as unknown as MdNode).children ?? []) : parsePart(part);
    for (const node of nodes) out.push({ node, base });
  }
  return out;
}

/** Parsed parts by text. Shared nodes: read, never changed. Bounded, for long-lived processes. */
const parts = new Map<string, MdNode[]>();
let cachedChars = 0;
const MAX_CACHED_CHARS = 16 * 1024 * 1024;

function parsePart(slice: string): MdNode[] {
  let nodes = parts.get(slice);
  if (!nodes) {
    // A copy: a slice would keep its whole document alive for as long as the cache keeps the part.
    const part = slice.split('\n').join('\n');
    nodes = (partParser.parse(part) as unknown as MdNode).children ?? [];
    if (cachedChars + part.length > MAX_CACHED_CHARS) {
      parts.clear();
      cachedChars = 0;
    }
    parts.set(part, nodes);
    cachedChars += part.length;
  }
  return nodes;
}

const LIST_START = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Openings of HTML blocks that blank lines do not end, and of closing tags of such blocks. */
const LONG_HTML = /<(?:[?!]|\/?(?:script|pre|style|textarea)\b)/gi;

/**
 * Offsets where the document can be cut: the start of a line after a blank line that begins, at
 * its first column, a heading, a table or paragraph starting with "|", a block quote, or an HTML
 * comment closed on that line; or a list when everything since the last cut was such lines (so
 * the list cannot continue an earlier one). Undefined when the document must be parsed whole.
 */
function partStarts(text: string): number[] | undefined {
  if (text.includes('\r') || text.includes('```') || text.includes('~~~') || text.includes(']:')) return undefined;
  for (const m of text.matchAll(LONG_HTML)) {
    const lineEnd = text.indexOf('\n', m.index);
    const close = text.indexOf('-->', m.index + 4);
    if (!text.startsWith('<!--', m.index) || close < 0 || (lineEnd >= 0 && close > lineEnd)) return undefined;
  }
  let from = 0;
  if (text.startsWith('---')) {
    // No cut inside the front matter (its YAML may hold blank lines and "#" comments).
    const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3));
    if (!close) return undefined;
    from = 3 + close.index + close[0].length;
  }
  const starts = [0];
  let prevBlank = false;
  let simple = true;
  for (let ls = 0; ls < text.length; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le);
    const blank = /^[ \t]*$/.test(line);
    if (!blank && prevBlank && ls >= from) {
      const c = line[0]!;
      const cut = c === '#' || c === '|' || c === '>' || (line.startsWith('<!--') && line.indexOf('-->', 4) >= 0) || (simple && LIST_START.test(line));
      if (cut) {
        starts.push(ls);
        simple = true;
      }
    }
    if (!blank) simple &&= '#|><'.includes(line[0]!);
    prevBlank = blank;
    ls = le + 1;
  }
  return starts;
}
