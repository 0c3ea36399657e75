import { detached } from '../util/detached';
import { corePlain, isCoreText } from './coreScalars';

/*
 * The quickest read of a YAML file: block mappings and sequences whose every scalar sits on one line
 * (plain, or quoted without escapes) and flow collections broken over lines only between entries, which
 * is how Peakend's files are written. It reads only what every YAML 1.2 parser reads alike and gives
 * up (undefined) on anything else, for fastLoad's other reader and then `yaml` to read: block
 * scalars, text over several lines, escapes, anchors, aliases, tags, explicit or complex keys,
 * duplicate keys, tabs, control characters, document markers. Giving up is always safe; it only
 * costs time.
 */

const GIVE_UP = new Error('simpleLoad: given up');
function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 0x20, HASH = 0x23, DQ = 0x22, SQ = 0x27, COLON = 0x3a, DASH = 0x2d, COMMA = 0x2c, QUESTION = 0x3f;
const OPEN_SEQ = 0x5b, CLOSE_SEQ = 0x5d, OPEN_MAP = 0x7b, CLOSE_MAP = 0x7d, LT = 0x3c;
const AMPERSAND = 0x26, ASTERISK = 0x2a, EXCLAMATION = 0x21;
/** Characters by what they may do in plain text, below 0x80 (`charClass`). */
const INDICATOR = 1, FLOW_OR_SPACE_CHAR = 2, NOTABLE_IN_PLAIN = 4;
const CHAR_CLASS = new Uint8Array(0x80);
for (const c of '-?:,[]{}#&*!|>\'"%@`') CHAR_CLASS[c.charCodeAt(0)]! |= INDICATOR;
for (const c of ' ,[]{}') CHAR_CLASS[c.charCodeAt(0)]! |= FLOW_OR_SPACE_CHAR;
for (const c of ':#,[]{}&*!?<') CHAR_CLASS[c.charCodeAt(0)]! |= NOTABLE_IN_PLAIN;
const charClass = (c: number, cls: number): boolean => c < 0x80 && (CHAR_CLASS[c]! & cls) !== 0;
/** YAML's indicators: none of them may begin a plain scalar here (a dash may, before a non-space: "-3"). */
const isIndicator = (c: number): boolean => charClass(c, INDICATOR);
/** Longer keys may break yaml's 1024-character limit on implicit keys: left to the full path. */
export const MAX_KEY = 256;
/**
 * Plain keys read before, by a hash of their characters: most keys of a workspace are the same few
 * dozen words, and one kept string is neither cut out of each file again nor looked up again as a
 * property name. Each has passed every check a key must pass, and none points into a file's text.
 */
const KNOWN_KEYS = new Map<number, string>();
const MAX_KNOWN_KEYS = 4096;
function know(hash: number, name: string): void {
  if (KNOWN_KEYS.size >= MAX_KNOWN_KEYS) KNOWN_KEYS.clear();
  KNOWN_KEYS.set(hash, detached(name));
}
const INTEGER_LIKE = /^(?:0|[1-9][0-9]*)$/;
/** Stand-ins for the kind of flow collection not being read: never written to. */
const NO_ITEMS: unknown[] = Object.freeze([]) as unknown as unknown[];
const NO_ENTRIES: Record<string, unknown> = Object.freeze({});

/**
 * The document's data when it is a mapping no deeper than `maxDepth` written in the plain subset
 * above (and so read alike by every parser); otherwise undefined.
 */
export function simpleLoad(text: string, maxDepth: number): Record<string, unknown> | undefined {
  return read(text, maxDepth, undefined);
}

/**
 * `simpleLoad`'s data with the place of every node as `yaml` gives it (`range`: start, end of the
 * value, end of the node with what trails it on its line), four numbers a node: the three and 1 for
 * a flow collection. Nodes come in the order they end: a key, then its value, and a collection
 * after its items (`placedNodes` reads them back). Gives up besides on the empty values whose place
 * depends on the lines after them.
 */
export function simpleLoadPlaced(text: string, maxDepth: number): { value: Record<string, unknown>; spans: number[] } | undefined {
  const spans: number[] = [];
  const value = read(text, maxDepth, spans);
  return value && { value, spans };
}

function read(text: string, maxDepth: number, spans: number[] | undefined): Record<string, unknown> | undefined {
  if (!plainCharacters(text)) return undefined;
  try {
    return new Reader(text, maxDepth, spans).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/**
 * No tab, no control character but LF and CRLF, no DEL or C1 control, no line or paragraph
 * separator, no byte-order mark or non-character, no lone surrogate: the characters on which
 * parsers disagree or which `yaml` reports.
 */
function plainCharacters(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0x0a) continue;
    if (c === 0x0d) {
      if (s.charCodeAt(i + 1) === 0x0a) continue;
      return false;
    }
    if (c < 0xa0) return false;
    if (c < 0xd800) {
      if (c === 0x2028 || c === 0x2029) return false;
      continue;
    }
    if (c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
    if (c <= 0xdfff || c === 0xfeff || c === 0xfffe || c === 0xffff) return false;
  }
  return true;
}

class Reader {
  /** The start of the line being read. */
  private pos = 0;
  /** The end of that line's content (before its CR LF or LF), and where the next line starts. */
  private eol = 0;
  private next = 0;
  /** Where the text read by the last `key`, `quoted`, `plain` or `flow` ends (after a key: its colon). */
  private end = 0;
  /** Where the last key read begins. */
  private keyStart = 0;
  /** Inside a flow collection: the column of the block collection holding the outermost one; else -1. */
  private flowIndent = -1;
  /** The column of the block collection whose value `inline` reads. */
  private blockIndent = 0;
  private readonly n: number;

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
    private readonly spans: number[] | undefined,
  ) {
    this.n = s.length;
  }

  document(): Record<string, unknown> {
    if (this.content() !== 0) giveUp();
    // The top mapping ends only where the text does: a line at column 0 is its next key or a give-up.
    return this.mapping(0, 1, this.key(this.pos), this.end + 1);
  }

  private place(start: number, end: number, nodeEnd: number, flow: boolean): void {
    this.spans!.push(start, end, nodeEnd, flow ? 1 : 0);
  }

  /** A block collection ends where its last node (the last one placed) does. */
  private placeBlock(start: number): void {
    const spans = this.spans!;
    const end = spans[spans.length - 2]!;
    spans.push(start, end, end, 0);
  }

  /**
   * Moves to the next line with content (not blank, not only a comment) from the current line on and
   * returns its indentation; -1 at the end. The current line itself counts, so calling it twice is
   * the same as once.
   */
  private content(): number {
    const s = this.s;
    // The deepest comment line passed over.
    let comment = -1;
    while (this.pos < this.n) {
      this.measureLine();
      let i = this.pos;
      while (i < this.eol && s.charCodeAt(i) === SPACE) i++;
      if (i < this.eol && s.charCodeAt(i) !== HASH) {
        const indent = i - this.pos;
        // Document markers and directives.
        if (indent === 0 && (s.startsWith('---', i) || s.startsWith('...', i))) giveUp();
        // yaml's place of the node before a comment indented past the next line takes the comment in.
        if (comment > indent && this.spans) giveUp();
        return indent;
      }
      if (i < this.eol && i - this.pos > comment) comment = i - this.pos;
      this.pos = this.next;
    }
    if (comment >= 0 && this.spans) giveUp();
    return -1;
  }

  /** Where the line starting at `pos` ends (before its CR LF or LF) and where the next one starts. */
  private measureLine(): void {
    const lf = this.s.indexOf('\n', this.pos);
    this.next = lf < 0 ? this.n : lf + 1;
    this.eol = lf < 0 ? this.n : this.s.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf;
  }

  private isEntry(p: number): boolean {
    return this.s.charCodeAt(p) === DASH && (p + 1 >= this.eol || this.s.charCodeAt(p + 1) === SPACE);
  }

  /** A block collection whose first line has content at column `indent`. */
  private block(indent: number, depth: number): unknown {
    const at = this.pos + indent;
    return this.isEntry(at) ? this.sequence(indent, depth) : this.mapping(indent, depth, this.key(at), this.end + 1);
  }

  /**
   * A block mapping at column `indent` whose first key (after "- " in a sequence, mid-line) is
   * `first`, its value starting at `afterColon`.
   */
  private mapping(indent: number, depth: number, first: string | undefined, afterColon: number): Record<string, unknown> {
    if (depth > this.maxDepth) giveUp();
    const out: Record<string, unknown> = {};
    const start = this.keyStart;
    for (let name = first; ; ) {
      if (name === undefined) giveUp();
      if (Object.hasOwn(out, name)) giveUp();
      const q = this.skipSpaces(afterColon);
      if (q >= this.eol || this.s.charCodeAt(q) === HASH) {
        // Nothing on the key's line: the value is the block below, or empty.
        const { eol, next } = this;
        this.pos = next;
        const below = this.content();
        if (below > indent) out[name] = this.block(below, depth + 1);
        else if (below === indent && this.isEntry(this.pos + below)) out[name] = this.sequence(indent, depth + 1);
        else {
          out[name] = null;
          if (this.spans) this.placeEmpty(q, eol, next, below);
        }
      } else {
        this.blockIndent = indent;
        out[name] = this.inline(q, depth + 1);
      }
      const below = this.content();
      if (below > indent) giveUp();
      if (below < indent) {
        if (this.spans) this.placeBlock(start);
        return out;
      }
      const p = this.pos + below;
      // An entry where a key was expected: "a: 1" then "- b".
      if (this.isEntry(p)) giveUp();
      name = this.key(p);
      afterColon = this.end + 1;
    }
  }

  /** A block sequence at column `indent`; the current line is its first entry. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > this.maxDepth) giveUp();
    const out: unknown[] = [];
    const start = this.pos + indent;
    for (;;) {
      const q = this.skipSpaces(this.pos + indent + 1);
      // An empty entry, or one holding a sequence ("- - a"): left to the other readers.
      if (q >= this.eol || this.s.charCodeAt(q) === HASH || this.isEntry(q)) giveUp();
      const key = this.key(q);
      this.blockIndent = indent;
      out.push(key !== undefined ? this.mapping(q - this.pos, depth + 1, key, this.end + 1) : this.inline(q, depth + 1));
      const below = this.content();
      if (below > indent) giveUp();
      if (below < indent || !this.isEntry(this.pos + below)) {
        if (this.spans) this.placeBlock(start);
        return out;
      }
    }
  }

  /**
   * Places an empty value (null) whose key's line ends at `eol`, with a comment from `q` or none, and
   * whose next line starts at `next`, with content at column `below`: yaml's place for it takes in
   * the blank and comment lines after it, which are given up on here, and after a comment the next
   * line's indentation.
   */
  private placeEmpty(q: number, eol: number, next: number, below: number): void {
    if (this.pos !== next) giveUp();
    if (q >= eol) this.place(eol, eol, eol, false);
    else if (below < 0) giveUp();
    else this.place(q, q, next + below, false);
  }

  /**
   * The implicit key that begins at `p` (`end` at its colon), or undefined when no key begins
   * there. Gives up on keys other parsers may read otherwise.
   */
  private key(p: number): string | undefined {
    const s = this.s;
    const c = s.charCodeAt(p);
    let name: string;
    let colon: number;
    if (c === DQ || c === SQ) {
      const value = this.quoted(p);
      const end = this.end;
      // `"a" : b` and `"a":b` are keys too, read alike only in the common spelling.
      if (s.charCodeAt(end) !== COLON || (end + 1 < this.eol && s.charCodeAt(end + 1) !== SPACE)) return undefined;
      if (INTEGER_LIKE.test(value)) giveUp();
      name = value;
      colon = end;
    } else {
      if (isIndicator(c)) return undefined;
      colon = -1;
      let hash = 0;
      for (let i = p; i < this.eol; i++) {
        const ch = s.charCodeAt(i);
        if (ch === COLON && (i + 1 >= this.eol || s.charCodeAt(i + 1) === SPACE)) {
          colon = i;
          break;
        }
        if (ch === HASH && s.charCodeAt(i - 1) === SPACE) return undefined;
        hash = (Math.imul(hash, 31) + ch) | 0;
      }
      if (colon < 0) return undefined;
      // "a : b": the space before the colon.
      if (s.charCodeAt(colon - 1) === SPACE) giveUp();
      const known = KNOWN_KEYS.get(hash);
      if (known !== undefined && known.length === colon - p && s.startsWith(known, p)) name = known;
      else {
        name = s.slice(p, colon);
        this.checkPlain(name);
        if (!isCoreText(name)) giveUp();
        if (name.length <= MAX_KEY && name !== '__proto__') know(hash, name);
      }
    }
    // A plain "<<" (a merge key elsewhere) is given up on by checkPlain; quoted, it is an ordinary key.
    if (name.length > MAX_KEY || name === '__proto__') giveUp();
    this.end = colon;
    this.keyStart = p;
    if (this.spans) this.place(p, colon, colon, false);
    return name;
  }

  /** A value on the current line from `q`, then only spaces and a comment; moves to the next line. */
  private inline(q: number, depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(q);
    const flow = c === OPEN_SEQ || c === OPEN_MAP;
    const value = c === DQ || c === SQ ? this.quoted(q) : flow ? this.flow(q, depth) : this.plain(q, false);
    const end = this.end;
    if (this.spans) this.place(q, end, this.next, flow);
    const r = this.skipSpaces(end);
    // A comment needs a space before it.
    if (r < this.eol && (s.charCodeAt(r) !== HASH || r === end)) giveUp();
    this.pos = this.next;
    return value;
  }

  /** A quoted scalar that closes on its line, without escapes: its text (`end` after it). */
  private quoted(q: number): string {
    const s = this.s;
    const quote = s.charCodeAt(q);
    if (quote === DQ) {
      const close = s.indexOf('"', q + 1);
      if (close < 0 || close >= this.eol) giveUp();
      const text = s.slice(q + 1, close);
      if (text.includes('\\')) giveUp();
      this.end = close + 1;
      return text;
    }
    let text = '';
    for (let from = q + 1; ; ) {
      const close = s.indexOf("'", from);
      if (close < 0 || close >= this.eol) giveUp();
      if (s.charCodeAt(close + 1) === SQ) {
        text += s.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      this.end = close + 1;
      return text + s.slice(from, close);
    }
  }

  /**
   * A plain scalar from `q` to the end of its line (block) or to the next `,`, `]` or `}` (flow),
   * before a comment, trailing spaces trimmed, read by the core schema (`end` after it).
   */
  private plain(q: number, flow: boolean): unknown {
    const s = this.s;
    const c = s.charCodeAt(q);
    // A dash begins text only before a character that is neither a space nor a flow indicator ("-3").
    if (isIndicator(c) && !(c === DASH && q + 1 < this.eol && !charClass(s.charCodeAt(q + 1), FLOW_OR_SPACE_CHAR))) giveUp();
    // A lone question mark after a space or comma, given up on (`checkPlain`) when it ends the text.
    let question = -1;
    let i = q;
    for (; i < this.eol; i++) {
      const ch = s.charCodeAt(i);
      if (!charClass(ch, NOTABLE_IN_PLAIN)) continue;
      if (ch === COLON) {
        // ": " would make a key: left to the other readers, as is a colon before anything in flow.
        if (i + 1 >= this.eol || s.charCodeAt(i + 1) === SPACE || flow) giveUp();
      } else if (ch === HASH) {
        if (s.charCodeAt(i - 1) === SPACE) break;
      } else if (flow && (ch === COMMA || ch === CLOSE_SEQ || ch === CLOSE_MAP)) break;
      else if (flow && (ch === OPEN_SEQ || ch === OPEN_MAP)) giveUp();
      else if (i > q) {
        // `checkPlain`'s tests, on the text as it is read.
        const before = s.charCodeAt(i - 1);
        if (ch === LT) {
          if (before === LT) giveUp();
        } else if ((ch === AMPERSAND || ch === ASTERISK || ch === EXCLAMATION || ch === QUESTION) && (before === SPACE || before === COMMA)) {
          if (ch !== QUESTION || s.charCodeAt(i + 1) === SPACE) giveUp();
          question = i;
        }
      }
    }
    let end = i;
    while (end > q && s.charCodeAt(end - 1) === SPACE) end--;
    if (end === q || question + 1 >= end) giveUp();
    const text = s.slice(q, end);
    this.end = end;
    return corePlain(text);
  }

  /**
   * What fastLoad's other reader gives up on inside plain text, given up on here too so that both
   * readers take the same documents: an anchor, alias or tag sign, or a lone question mark, after a
   * space or comma; a merge-key sign.
   */
  private checkPlain(text: string): void {
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === AMPERSAND || c === ASTERISK || c === EXCLAMATION || c === QUESTION) {
        const before = text.charCodeAt(i - 1);
        if (before !== SPACE && before !== COMMA) continue;
        if (c !== QUESTION || i + 1 >= text.length || text.charCodeAt(i + 1) === SPACE) giveUp();
      } else if (c === LT && text.charCodeAt(i - 1) === LT) giveUp();
    }
  }

  /**
   * A flow sequence or mapping (`end` after it). It may go on over the lines that follow, broken
   * after its opening bracket, after a comma or before its closing bracket, each line indented past
   * the block collection holding it (the closing bracket may stand at its column).
   */
  private flow(q: number, depth: number): unknown {
    if (depth > this.maxDepth) giveUp();
    const s = this.s;
    const isMap = s.charCodeAt(q) === OPEN_MAP;
    const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
    const outermost = this.flowIndent < 0;
    if (outermost) this.flowIndent = this.blockIndent;
    // One of the two, made for every flow collection of a file.
    const seq: unknown[] = isMap ? NO_ITEMS : [];
    const map: Record<string, unknown> = isMap ? {} : NO_ENTRIES;
    const value = isMap ? map : seq;
    let i = this.flowSpace(q + 1);
    if (s.charCodeAt(i) === close) return this.flowEnd(i, outermost, value);
    for (;;) {
      if (i >= this.eol) giveUp();
      if (isMap) {
        const c = s.charCodeAt(i);
        let name: string;
        if (c === DQ || c === SQ) name = this.quoted(i);
        else {
          let k = i;
          while (k < this.eol && s.charCodeAt(k) !== COLON) k++;
          name = this.flowKey(i, k);
        }
        const end = this.end;
        if (s.charCodeAt(end) !== COLON || s.charCodeAt(end + 1) !== SPACE) giveUp();
        if (INTEGER_LIKE.test(name) || name.length > MAX_KEY || name === '__proto__' || Object.hasOwn(map, name)) giveUp();
        if (this.spans) this.place(i, end, end, false);
        const v = this.skipSpaces(end + 1);
        map[name] = this.flowValue(v, depth + 1);
        i = this.skipSpaces(this.end);
      } else {
        seq.push(this.flowValue(i, depth + 1));
        i = this.skipSpaces(this.end);
      }
      if (i >= this.eol) {
        // An entry that ends its line: only the closing bracket may follow (anything else would be
        // text going on over the line break). yaml's place for the entry takes in the line break,
        // in a sequence the next line's indentation too.
        const lineEnd = this.next;
        i = this.nextFlowLine();
        if (s.charCodeAt(i) !== close) giveUp();
        if (this.spans) this.spans[this.spans.length - 2] = isMap ? lineEnd : i;
      }
      const c = s.charCodeAt(i);
      if (c === close) return this.flowEnd(i, outermost, value);
      if (c !== COMMA) giveUp();
      i = this.flowSpace(i + 1);
      // An empty entry, or a comma before the closing bracket.
      const d = s.charCodeAt(i);
      if (d === COMMA || d === close) giveUp();
    }
  }

  /** A flow collection's value, its closing bracket at `at` (`end` after it). */
  private flowEnd(at: number, outermost: boolean, value: unknown): unknown {
    this.end = at + 1;
    if (outermost) this.flowIndent = -1;
    return value;
  }

  /** Spaces from `i` in a flow collection, and at the end of the line the next line's indentation: where the next entry or the closing bracket begins. */
  private flowSpace(i: number): number {
    i = this.skipSpaces(i);
    return i < this.eol ? i : this.nextFlowLine();
  }

  /**
   * Moves to the next line of a flow collection and returns where its content begins. Gives up on
   * a blank or comment line, the end of the text, and a line not indented past the block collection
   * holding it (but for a closing bracket at its column).
   */
  private nextFlowLine(): number {
    const s = this.s;
    this.pos = this.next;
    if (this.pos >= this.n) giveUp();
    this.measureLine();
    const i = this.skipSpaces(this.pos);
    if (i >= this.eol || s.charCodeAt(i) === HASH) giveUp();
    const indent = i - this.pos;
    const c = s.charCodeAt(i);
    if (indent < this.flowIndent || (indent === this.flowIndent && c !== CLOSE_SEQ && c !== CLOSE_MAP)) giveUp();
    return i;
  }

  /** A plain key in a flow mapping, from `i` to the colon at `colon` (`end`). */
  private flowKey(i: number, colon: number): string {
    const s = this.s;
    if (colon >= this.eol || isIndicator(s.charCodeAt(i))) giveUp();
    const text = s.slice(i, colon);
    for (let k = 0; k < text.length; k++) {
      const ch = text.charCodeAt(k);
      if (ch === COMMA || ch === OPEN_SEQ || ch === CLOSE_SEQ || ch === OPEN_MAP || ch === CLOSE_MAP || ch === HASH || ch === SPACE) giveUp();
    }
    this.checkPlain(text);
    if (!isCoreText(text)) giveUp();
    this.end = colon;
    return text;
  }

  /** An item or value in a flow collection (`end` after it); its place takes in the spaces after it. */
  private flowValue(i: number, depth: number): unknown {
    const c = this.s.charCodeAt(i);
    const flow = c === OPEN_SEQ || c === OPEN_MAP;
    const value = c === DQ || c === SQ ? this.quoted(i) : flow ? this.flow(i, depth) : this.plain(i, true);
    if (this.spans) this.place(i, this.end, this.skipSpaces(this.end), flow);
    return value;
  }

  private skipSpaces(i: number): number {
    while (i < this.eol && this.s.charCodeAt(i) === SPACE) i++;
    return i;
  }
}
