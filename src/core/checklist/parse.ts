import type { MessageId } from '../messages/render';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Range } from '../finding';
import type { Expectation } from '../model/types';
import { FileReporter, related } from '../report';
import { LineIndex } from '../text/lineIndex';
import { topLevelBlocks, type AnswerLine, type Placed } from './blocks';
import { scanBlocks } from './scan';
import { ITEM_MARKER } from './format';
import { fieldWord, isObsoleteHeading, LABELS, ratingWord, resultWord, statusWord } from './labels';
import { plainText, type MdNode } from './mdast';
import { judgeItem } from './score';
import { convert, parseMeasurement } from './units';
import type { Answer, ChecklistHeader, ItemSpec, ParsedChecklist, ParsedItem } from './types';

const HEADER_KEYS = ['touchpoint', 'site', 'auditor', 'date', 'standards', 'language'] as const;

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * How a checklist's Markdown is read: 'scan' reads the shape Peakend writes line by line and hands
 * anything else to remark; 'remark' always uses remark. Both give the same result.
 */
export type ChecklistReader = 'scan' | 'remark';

/**
 * Reads a filled-in checklist back: the header, and each item's answers keyed by the ID in its
 * heading. Problems the file shows on its own become findings; it never throws on bad input.
 */
export function parseChecklist(file: string, source: string, reader: ChecklistReader = 'scan'): ParsedChecklist {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lineStarts = [0];
  const scanned = reader === 'scan' ? scanBlocks(text, lineStarts) : undefined;
  const nodes = scanned ?? topLevelBlocks(text);
  const report = new FileReporter(file, new LineIndex(text, scanned && lineStarts));
  const out: ParsedChecklist = { file, text, header: { touchpoint: '' }, headerRanges: {}, items: [], sections: [], findings: report.findings };
  const first = nodes[0];
  if (first?.node.type === 'yaml') readHeader(first, text, report, out, scanned !== undefined);
  else report.at('checklist-header', 0, 0, 'checklist.noFrontMatter');

  let obsolete = false;
  let current: { heading: Placed; nodes: Placed[] } | undefined;
  const close = (end: number) => {
    if (current) out.items.push(readItem(current.heading, current.nodes, end, obsolete, text, report));
    current = undefined;
  };
  let section: ParsedChecklist['sections'][number] | undefined;
  for (const placed of nodes) {
    const node = placed.node;
    if (node.type === 'heading' && (node.depth ?? 9) <= 3) {
      close(start(placed));
      if (section) section.end = start(placed);
      section = undefined;
      if (node.depth! <= 2) obsolete = node.depth === 2 && isObsoleteHeading(plainText(node));
      if (node.depth === 2) out.sections.push((section = { heading: plainText(node), start: end(placed), end: text.length }));
      if (node.depth === 3 && node.children?.[0]?.type === 'inlineCode') current = { heading: placed, nodes: [] };
    } else if (current) current.nodes.push(placed);
  }
  close(text.length);

  const seen = new Map<string, ParsedItem>();
  for (const item of out.items) {
    const firstOne = seen.get(item.id);
    if (firstOne) {
      report.atRange('checklist-duplicate-item', item.idRange, 'checklist.duplicateItem', { id: item.id }, {
        related: [related(file, firstOne.idRange, 'checklist.duplicateItemRelated', { id: item.id })],
      });
    } else seen.set(item.id, item);
    if (item.spec) checkAgainstSpec(item, item.spec, report);
  }
  return out;
}

/** Offsets in the document of a top-level node, or of a node inside it. */
function start(p: Placed, n: MdNode = p.node): number {
  return p.base + (n.position?.start.offset ?? 0);
}
function end(p: Placed, n: MdNode = p.node): number {
  return p.base + (n.position?.end.offset ?? 0);
}

function readHeader(node: Placed, text: string, report: FileReporter, out: ParsedChecklist, scan: boolean): void {
  const value = node.node.value ?? '';
  out.headerRanges.frontmatter = report.range(start(node), end(node));
  const base = text.indexOf(value, start(node));
  const pairs = (scan && plainHeader(value)) || headerPairs(value, base, report, out);
  if (!pairs) return;
  for (const pair of pairs) {
    if (!(HEADER_KEYS as readonly string[]).includes(pair.key)) continue;
    const k = pair.key as (typeof HEADER_KEYS)[number];
    out.header[k] = pair.value;
    out.headerRanges[k] = pair.start === undefined ? out.headerRanges.frontmatter! : report.range(base + pair.start, base + pair.end!);
  }
  if (!out.header.touchpoint) report.atRange('checklist-header', out.headerRanges.frontmatter, 'checklist.noTouchpoint');
  if (out.header.date !== undefined && !isDate(out.header.date)) {
    report.atRange('checklist-invalid-date', out.headerRanges.date!, 'checklist.invalidDate', { value: out.header.date });
  }
}

interface HeaderPair {
  key: string;
  /** The value as text, and where it is written in the front matter (when known). */
  value: string;
  start?: number;
  end?: number;
}

/** The front matter's scalar values, read with `yaml`; undefined (and a finding) when it is no mapping. */
function headerPairs(value: string, base: number, report: FileReporter, out: ParsedChecklist): HeaderPair[] | undefined {
  const doc = parseDocument(value, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents)) {
    const detail = doc.errors[0]?.message.split('\n')[0] ?? 'it is not a mapping';
    const at = doc.errors.length ? null : doc.contents?.range;
    report.atRange('checklist-header', at ? report.range(base + at[0], base + at[1]) : out.headerRanges.frontmatter!, 'checklist.badFrontMatter', { detail });
    return undefined;
  }
  const pairs: HeaderPair[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isScalar(pair.value) || pair.value.value === null) continue;
    const range = pair.value.range;
    pairs.push(range ? { key, value: String(pair.value.value), start: range[0], end: range[1] } : { key, value: String(pair.value.value) });
  }
  return pairs;
}

/**
 * Front matter as Peakend writes it, read without `yaml`: every line "key: value" with a value
 * that YAML reads as the very same text (a plain word, an ID, a date, a hash, a small whole
 * number). Undefined for anything else, which `yaml` reads.
 */
function plainHeader(value: string): HeaderPair[] | undefined {
  const pairs: HeaderPair[] = [];
  let ls = 0;
  for (const line of value.split('\n')) {
    const m = ASCII_HEADER_LINE.exec(line) ?? HEADER_LINE.exec(line);
    if (!m || YAML_WORDS.test(m[2]!)) return undefined;
    const start = ls + m[1]!.length + 2;
    pairs.push({ key: m[1]!, value: m[2]!, start, end: start + m[2]!.length });
    ls += line.length + 1;
  }
  return pairs;
}
const HEADER_LINE = /^([a-z][a-z_-]*): ((?:[\p{L}_][\p{L}\p{N}_.-]*(?::[\p{L}\p{N}_.-]+)*)|\d{4}-\d{2}-\d{2}|0|[1-9]\d{0,8})$/u;
/** The same for ASCII values (what it matches, HEADER_LINE matches alike), without the slower Unicode classes. */
const ASCII_HEADER_LINE = /^([a-z][a-z_-]*): ((?:[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z0-9_.-]+)*)|\d{4}-\d{2}-\d{2}|0|[1-9]\d{0,8})$/;
/** Plain words YAML reads as something else (null, booleans). */
const YAML_WORDS = /^(?:null|true|false)$/i;

function readItem(heading: Placed, nodes: Placed[], itemEnd: number, obsolete: boolean, text: string, report: FileReporter): ParsedItem {
  const code = heading.node.children![0]!;
  const id = code.value ?? '';
  // The ID itself, inside its backticks.
  const codeStart = start(heading, code);
  const idStart = Math.max(codeStart, text.indexOf(id, codeStart));
  const item: ParsedItem = {
    id,
    idRange: report.range(idStart, idStart + id.length),
    obsolete,
    recheck: false,
    answer: {},
    ranges: {},
    start: start(heading),
    answerStart: end(heading),
    end: itemEnd,
  };
  // The generated part: an optional re-check note, the snapshot comment, the table. The person's part follows.
  const tableAt = nodes.findIndex((p) => p.node.type === 'table');
  const generated = tableAt >= 0 ? nodes.slice(0, tableAt + 1) : nodes.filter((p) => p.node.type === 'html' || p.node.type === 'blockquote');
  for (const p of generated) {
    const n = p.node;
    if (n.type === 'blockquote') item.recheck = true;
    if (n.type === 'html' && n.value?.startsWith(SNAPSHOT_OPEN)) item.spec = readSnapshot(item.id, n.value);
    item.answerStart = Math.max(item.answerStart, end(p));
  }
  for (const p of nodes) if (start(p) >= item.answerStart && p.node.type === 'list') readAnswers(p.answers ?? answerLines(p), item, text, report);
  return item;
}

const SNAPSHOT_OPEN = `<!-- ${ITEM_MARKER} `;

/** The items of a list remark read, as answer lines: those whose first child is a paragraph. */
function answerLines(list: Placed): AnswerLine[] {
  const lines: AnswerLine[] = [];
  for (const li of list.node.children ?? []) {
    const body = li.children?.[0];
    if (!body || body.type !== 'paragraph') continue;
    const line: AnswerLine = { checked: li.checked ?? null, start: start(list, li), bodyStart: start(list, body), bodyEnd: end(list, body), end: end(list, li) };
    if (li.checked === true) line.word = plainText(body);
    lines.push(line);
  }
  return lines;
}

/**
 * Snapshots by ID, each with its comment: the same standard's snapshot repeats in every audit of
 * every touchpoint it applies to. Looked up by the short ID and compared with the comment, which
 * is cheaper than hashing the comment. The specs are shared and never changed. Bounded, for
 * long-lived processes.
 */
const snapshots = new Map<string, { html: string; spec: ItemSpec | undefined }[]>();
let cachedSnapshots = 0;
/** Comments kept per ID: a standard's snapshot changes only when the standard does. */
const SNAPSHOTS_PER_ID = 8;

function readSnapshot(id: string, html: string): ItemSpec | undefined {
  let seen = snapshots.get(id);
  if (seen) for (const s of seen) if (s.html === html) return s.spec;
  const spec = readSnapshotOnce(id, html);
  if (cachedSnapshots >= 20_000) {
    snapshots.clear();
    cachedSnapshots = 0;
    seen = undefined;
  }
  // Keys and spec are copies, so that the cache never keeps a checklist's text alive.
  const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  if (!seen) snapshots.set(copy(id), (seen = []));
  if (seen.length >= SNAPSHOTS_PER_ID) seen.pop();
  else cachedSnapshots++;
  const kept = { html: copy(html), spec: spec && copy(spec) };
  seen.unshift(kept);
  return kept.spec;
}

function readSnapshotOnce(id: string, html: string): ItemSpec | undefined {
  const json = html.slice(`<!-- ${ITEM_MARKER} `.length, html.lastIndexOf('-->')).trim();
  try {
    const d = JSON.parse(json) as Record<string, unknown>;
    const spec: ItemSpec = {
      id,
      dimension: typeof d.dimension === 'string' ? d.dimension : '',
      weight: typeof d.weight === 'number' && d.weight >= 0 ? d.weight : 1,
      critical: d.critical === true,
      evidence: [],
      fingerprint: typeof d.fp === 'string' ? d.fp : '',
    };
    const e = d.expect as Record<string, unknown> | undefined;
    if (e?.type === 'pass-fail') spec.expect = { type: 'pass-fail' };
    else if (e?.type === 'rating' && typeof e.atLeast === 'string') spec.expect = { type: 'rating', atLeast: e.atLeast };
    else if (e?.type === 'measure' && typeof e.unit === 'string' && typeof e.threshold === 'number' && typeof e.comparator === 'string') {
      spec.expect = { type: 'measure', unit: e.unit, threshold: e.threshold, comparator: e.comparator as Extract<Expectation, { type: 'measure' }>['comparator'] };
    }
    return spec;
  } catch {
    return undefined;
  }
}

/** One answer list: ticked boxes and "Label: value" lines. Unticked boxes and other lines are left alone. */
function readAnswers(lines: readonly AnswerLine[], item: ParsedItem, text: string, report: FileReporter): void {
  for (const li of lines) {
    if (li.checked === true) {
      const word = li.word!.trim();
      const result = resultWord(word);
      const range = report.range(li.start, li.bodyEnd);
      if (!result) report.atRange('checklist-invalid-answer', range, 'checklist.unknownBox', { text: word, choices: choices() });
      else setResult(item, result, range, report);
      continue;
    }
    if (li.checked === false) continue;
    // The label is read from the plain text; the value is the source as written, so links and emphasis survive.
    const raw = text.slice(li.bodyStart, li.end);
    const label = splitLabel(raw);
    if (!label) continue;
    const field = fieldWord(MARKUP.test(label.name) ? label.name.replace(/[*_`]/g, '') : label.name);
    if (!field) continue;
    const valueStart = li.bodyStart + label.length;
    const written = text.slice(valueStart, li.end);
    const value = dedent(written).trim();
    if (!value) continue;
    const range = report.range(valueStart, valueStart + written.trimEnd().length);
    if (field === 'result') {
      const result = resultWord(value);
      if (!result) report.atRange('checklist-invalid-answer', range, 'checklist.unknownBox', { text: value, choices: choices() });
      else setResult(item, result, range, report);
      continue;
    }
    if (item.answer[field] !== undefined) {
      report.atRange('checklist-invalid-answer', range, 'checklist.fieldTwice', { field: label.name.trim(), id: item.id });
      continue;
    }
    item.answer[field] = value;
    item.ranges[field] = range;
  }
}

/**
 * "Label (hint): value" → the label and where the value starts. The hint may hold parentheses and
 * colons of its own (a unit such as "a:b"), so the colon that ends the label is the first one
 * outside parentheses.
 */
function splitLabel(raw: string): { name: string; length: number } | undefined {
  let depth = 0;
  let nameEnd = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 /* \n */) return undefined;
    if (c === 40 /* ( */ || c === 0xff08 /* （ */) {
      if (depth === 0 && nameEnd < 0) nameEnd = i;
      depth++;
    } else if ((c === 41 /* ) */ || c === 0xff09 /* ） */) && depth > 0) depth--;
    else if ((c === 58 /* : */ || c === 0xff1a /* ： */) && depth === 0) {
      const name = raw.slice(0, nameEnd < 0 ? i : nameEnd).trim();
      let end = i + 1;
      // "**Note:** value": emphasis opened before the label closes after its colon, not in the value.
      const open = /^[*_]+/.exec(raw)?.[0];
      const closing = open && [...open].reverse().join('');
      if (closing && raw.startsWith(closing, end)) end += closing.length;
      while (raw.charCodeAt(end) === 32 || raw.charCodeAt(end) === 9) end++;
      return name ? { name, length: end } : undefined;
    }
  }
  return undefined;
}

function setResult(item: ParsedItem, result: NonNullable<Answer['result']>, range: Range, report: FileReporter): void {
  if (item.answer.result !== undefined && item.answer.result !== result) {
    report.atRange('checklist-invalid-answer', range, 'checklist.twoResults', { id: item.id, choices: choices() });
    return;
  }
  item.answer.result = result;
  item.ranges.result ??= range;
}

const choices = () => `${LABELS.en.pass}, ${LABELS.en.fail}, ${LABELS.en.na}`;

const MARKUP = /[*_`]/;

function dedent(s: string): string {
  // Most values are one line: nothing to replace.
  if (!s.includes('\n') && !s.includes('\r')) return s;
  return s.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, '\n');
}

/** Checks an item's answers against what its standard expects (from the snapshot or the workspace). */
export function checkAgainstSpec(item: ParsedItem, spec: ItemSpec, report: FileReporter): void {
  const a = item.answer;
  const r = item.ranges;
  const type = spec.expect?.type ?? 'pass-fail';
  const typeArg = { message: `checklist.type.${type}` as MessageId };
  if (type !== 'pass-fail' && (a.result === 'pass' || a.result === 'fail')) {
    report.atRange('checklist-invalid-answer', r.result!, 'checklist.boxNotForType', { id: item.id, type: typeArg, hint: { message: `checklist.hint.${type}` as MessageId } });
  }
  for (const field of ['measured', 'rating'] as const) {
    if (a[field] !== undefined && type !== (field === 'measured' ? 'measure' : 'rating')) {
      report.atRange('checklist-invalid-answer', r[field]!, 'checklist.fieldNotForType', { id: item.id, type: typeArg, field });
    }
  }
  const value = type === 'measure' ? a.measured : type === 'rating' ? a.rating : undefined;
  if (a.result === 'na' && value !== undefined) report.atRange('checklist-invalid-answer', r.result!, 'checklist.naWithValue', { id: item.id });
  const e = spec.expect;
  if (e?.type === 'measure' && a.measured !== undefined) {
    const m = parseMeasurement(a.measured);
    if (!m) report.atRange('checklist-invalid-measurement', r.measured!, 'checklist.measureNoNumber', { value: a.measured, example: `${e.threshold} ${e.unit}` });
    else if (m.unit !== undefined && convert(m.value, m.unit, e.unit) === undefined) {
      report.atRange('checklist-invalid-measurement', r.measured!, 'checklist.measureUnit', { unit: m.unit, expected: e.unit });
    }
  }
  if (e?.type === 'rating' && a.rating !== undefined && !ratingWord(a.rating)) {
    report.atRange('checklist-invalid-answer', r.rating!, 'checklist.unknownRating', { value: a.rating, allowed: Object.values(LABELS['zh-cn'].ratings).join(', ') });
  }
  if (a.status !== undefined && !statusWord(a.status)) report.atRange('checklist-invalid-answer', r.status!, 'checklist.unknownStatus', { value: a.status });
  if (a.due !== undefined && !isDate(a.due)) report.atRange('checklist-invalid-date', r.due!, 'checklist.invalidDate', { value: a.due });
  if (a.action !== undefined) {
    if (a.owner === undefined) report.atRange('checklist-incomplete-action', r.action!, 'checklist.actionNoOwner', { id: item.id });
    if (a.due === undefined) report.atRange('checklist-incomplete-action', r.action!, 'checklist.actionNoDue', { id: item.id });
  }
  if (!item.obsolete && a.action === undefined && judgeItem(item.answer, spec).status === 'fail') {
    report.atRange('checklist-missing-action', item.idRange, 'checklist.failedNoAction', { id: item.id });
  }
  if (item.recheck && !item.obsolete) report.atRange('checklist-recheck', item.idRange, 'checklist.recheck', { id: item.id });
}
