import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import { MAX_KEY, simpleLoad } from './simpleLoad';
import { coreBool, coreFloat, coreInt, isCoreBool, isCoreFloat, isCoreInt, isCoreNull } from './coreScalars';

/*
 * A quick read of plain YAML for files that turn out valid. simpleLoad reads the plain block YAML
 * most files are written in; js-yaml takes what it gives up on. js-yaml reads about ten times faster
 * than `yaml` but keeps no positions, and the two disagree on some corners of the language. So this
 * path takes only documents where they cannot disagree and gives up (undefined) on everything else:
 * the caller then parses with `yaml` as always. Giving up is always safe; it only costs time.
 */

const scalar = (tag: string, resolve: (s: string) => boolean, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => s !== null && resolve(s), construct });
// js-yaml applies implicit types to plain scalars only, as yaml does, and keeps one type per tag.
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', isCoreNull, () => null),
    scalar('bool', isCoreBool, coreBool),
    scalar('int', isCoreInt, coreInt),
    scalar('float', isCoreFloat, coreFloat),
  ],
});

/**
 * Anything where the two parsers may read a document differently, or where `yaml` reports what
 * js-yaml accepts: tabs, directives and document markers, anchors, aliases, tags, explicit and
 * collection keys, merge keys, empty sequence entries, quoted scalars and flow collections over several
 * lines, odd line breaks (a lone CR ends a line for js-yaml, not for yaml) and
 * control characters. Over-matching (an `&` in a
 * sentence) only sends a file down the full path.
 */
const UNSAFE = [
  // eslint-disable-next-line no-control-regex
  /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/,
  /\r(?!\n)/,
  /<</,
  /[\]}]\s*:/,
  /[\s,[{][&*!]|[\s,[{]\?(?:\s|$)/,
  /^(?:[&*!%]|\?(?:\s|$)|---|\.\.\.)/m,
  // An empty entry ending a nested sequence: js-yaml puts the next, less indented entry into it.
  /^ *(?:- +)*-[ ]*(?:#.*)?$/m,
];
// Lone surrogates need no test here: js-yaml refuses them in any scalar, and both parsers skip them in comments.
function unsafe(text: string): boolean {
  for (const re of UNSAFE) if (re.test(text)) return true;
  return spansLines(text);
}

const SPACE = 0x20, HASH = 0x23, DQ = 0x22, SQ = 0x27, BACKSLASH = 0x5c, COLON = 0x3a, DASH = 0x2d, COMMA = 0x2c;
const OPENS = (c: number) => c === 0x5b || c === 0x7b;
const CLOSES = (c: number) => c === 0x5d || c === 0x7d;

/**
 * Whether a quoted scalar or a flow collection goes on past the end of its line. js-yaml takes the
 * lines that continue it at any indentation; yaml rejects those indented less than their parent. A
 * line is read loosely (a bracket or quote inside plain text may count as opening): over-matching
 * only sends the file down the full path.
 */
function spansLines(text: string): boolean {
  // Only lines with a quote or an opening bracket can leave one open.
  const candidate = /["'[{]/g;
  for (let m = candidate.exec(text); m !== null; m = candidate.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    if (lineLeftOpen(text, start, end)) return true;
    candidate.lastIndex = end + 1;
  }
  return false;
}

function lineLeftOpen(text: string, start: number, end: number): boolean {
  let depth = 0;
  let quote = 0;
  // Where a scalar may begin: after the indentation, "- ", ": ", and in a flow after "[", "{" or ",".
  let scalarStart = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (quote === DQ && c === BACKSLASH) k++;
      else if (c === quote) {
        if (quote === SQ && text.charCodeAt(k + 1) === SQ) k++;
        else quote = 0;
      }
      continue;
    }
    if (c === SPACE) continue;
    if (c === HASH && (k === start || text.charCodeAt(k - 1) === SPACE)) break;
    if ((c === DQ || c === SQ) && scalarStart) quote = c;
    else if (OPENS(c) && (scalarStart || depth > 0)) {
      depth++;
      scalarStart = true;
      continue;
    } else if (CLOSES(c) && depth > 0) depth--;
    else if (c === COMMA && depth > 0) {
      scalarStart = true;
      continue;
    } else if (c === COLON || (c === DASH && scalarStart)) {
      const next = text.charCodeAt(k + 1);
      // At the line's end it makes no difference: nothing follows.
      if (next === SPACE || (c === COLON && depth > 0)) {
        scalarStart = true;
        continue;
      }
    }
    scalarStart = false;
  }
  return quote !== 0 || depth > 0;
}

/**
 * The document's data when `yaml` would read the same data from it without any error or warning
 * and it is a mapping no deeper than `maxDepth`; otherwise undefined.
 */
export function fastLoad(text: string, maxDepth: number): Record<string, unknown> | undefined {
  const simple = simpleLoad(text, maxDepth);
  if (simple) return simple;
  if (unsafe(text)) return undefined;
  let value: unknown;
  try {
    // Duplicate keys throw here (json: false): yaml's path reports them.
    value = load(text, { schema: CORE });
  } catch {
    return undefined;
  }
  if (!isPlainObject(value) || !plain(value, 1, maxDepth)) return undefined;
  return value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** No key that yaml would read otherwise (a null key is "" there, "null" here), no nesting over the limit. */
function plain(v: unknown, depth: number, maxDepth: number): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (depth > maxDepth) return false;
  if (Array.isArray(v)) {
    for (const item of v) if (!plain(item, depth + 1, maxDepth)) return false;
    return true;
  }
  for (const key of Object.keys(v)) {
    if (key === 'null' || key.length > MAX_KEY) return false;
    if (!plain((v as Record<string, unknown>)[key], depth + 1, maxDepth)) return false;
  }
  return true;
}
