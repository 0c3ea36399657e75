import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as yamlStringify } from 'yaml';
import { FORMAT_VERSION } from '../model/kinds';
import { LABELS, type ChecklistLanguage, type Labels } from './labels';
import { heading, para, text, type MdNode } from './mdast';
import { COMPARATOR_SIGNS } from './units';
import type { ChecklistHeader, ChecklistSpec, ItemSpec, ParsedChecklist, ParsedItem, RatingLevel } from './types';

const processor = unified().use(remarkGfm, { stringLength: displayWidth }).use(remarkFrontmatter, ['yaml']).use(remarkStringify, {
  bullet: '-',
  listItemIndent: 'one',
  emphasis: '_',
  strong: '*',
  rule: '-',
});

function md(children: MdNode[]): string {
  return processor.stringify({ type: 'root', children } as never);
}

/**
 * A document of top-level blocks, as `md` writes it: blocks one blank line apart, a final line
 * break. Raw nodes are taken as they are and only the few others are serialised, so the blocks
 * are not walked again. `test/checklist/format.test.ts` holds it to `md` byte for byte.
 */
function joinBlocks(children: MdNode[]): string {
  // Front matter is written between its fences as it is (remark-frontmatter's own form).
  const text = children.map((n) => (n.type === 'html' ? n.value! : n.type === 'yaml' && n.value ? `---\n${n.value}\n---` : fragment([n]))).join('\n\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Serialising Markdown escapes every text against every construct, which dominates writing
 * thousands of checklists; an item's generated part is the same in every checklist it appears in.
 * So each part is written once per item (and language) and carried into the tree as a raw node:
 * at the top level of a document, blocks are joined the same way whatever they are (no two lists
 * ever touch), so the text is the one the whole tree would give.
 */
const fragments = new WeakMap<ItemSpec, Map<string, string>>();
const introFragments = new Map<ChecklistLanguage, string>();
const dimensionFragments = new Map<string, string>();

function fragment(children: MdNode[]): string {
  return md(children).replace(/\n$/, '');
}

function cached(item: ItemSpec, key: string, make: () => MdNode[]): MdNode {
  let byKey = fragments.get(item);
  if (!byKey) fragments.set(item, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = fragment(make())));
  return { type: 'html', value };
}

/** The marker of an item's snapshot: an HTML comment GitHub does not show. */
export const ITEM_MARKER = 'peakend-item';

export interface ChecklistChange {
  id: string;
  change: 'added' | 'kept' | 'recheck' | 'obsolete';
}

export interface RenderResult {
  text: string;
  changes: ChecklistChange[];
}

/**
 * Writes a checklist. With `previous` (the same file, parsed) it merges: every item keeps what the
 * person wrote below its table byte for byte, items whose requirement, threshold or weight changed
 * are marked for re-check, items that no longer apply move to the obsolete section.
 */
export function renderChecklist(spec: ChecklistSpec, language: ChecklistLanguage = 'en', previous?: ParsedChecklist, writer: 'join' | 'tree' = 'join'): RenderResult {
  // A checklist stays in the language it was first written in, so that merged answers match their labels.
  const lang: ChecklistLanguage = previous?.header.language === 'zh-cn' || previous?.header.language === 'en' ? previous.header.language : language;
  const L = LABELS[lang];
  const header: ChecklistHeader = { ...spec.header, language: lang };
  if (previous) {
    // The audit's own facts are the person's: what the file says wins over the command line.
    for (const k of ['site', 'auditor', 'date'] as const) if (previous.header[k] !== undefined) header[k] = previous.header[k];
  }
  const prevById = new Map<string, ParsedItem>();
  const leftovers: ParsedItem[] = [];
  for (const item of previous?.items ?? []) {
    if (prevById.has(item.id)) leftovers.push(item);
    else prevById.set(item.id, item);
  }
  const changes: ChecklistChange[] = [];
  // One tree, written once: what a person wrote is carried over as raw nodes, byte for byte.
  const raw = (value: string): MdNode => ({ type: 'html', value });
  let intro = introFragments.get(lang);
  if (intro === undefined) introFragments.set(lang, (intro = fragment([para(L.intro)])));
  const nodes: MdNode[] = [frontMatter(header), titleHeading(header, L), raw(intro)];

  const groups = new Map<string, ItemSpec[]>();
  for (const item of spec.items) {
    const list = groups.get(item.dimension) ?? [];
    list.push(item);
    groups.set(item.dimension, list);
  }
  // What a person wrote under a section heading, before its first item: kept under the same heading
  // (a heading written twice keeps the text under each, in order).
  const notes = new Map<string, string>();
  for (const s of previous?.sections ?? []) {
    const note = previous!.text.slice(s.start, s.end).trim();
    const before = notes.get(s.heading);
    if (note) notes.set(s.heading, before ? `${before}\n\n${note}` : note);
  }
  const obsoleteNote = notes.get(L.obsolete);
  notes.delete(L.obsolete);
  const used = new Set<string>();
  for (const [dimension, items] of groups) {
    const title = dimension || L.noDimension;
    let h = dimensionFragments.get(title);
    if (h === undefined) {
      // Dimensions are few; the bound only keeps a long-lived process from collecting every name it saw.
      if (dimensionFragments.size > 1000) dimensionFragments.clear();
      dimensionFragments.set(title, (h = fragment([heading(2, [text(title)])])));
    }
    nodes.push(raw(h));
    const note = notes.get(title);
    if (note) nodes.push(raw(note));
    notes.delete(title);
    for (const item of items) {
      const prev = prevById.get(item.id);
      used.add(item.id);
      const recheck = Boolean(prev && (prev.recheck || (prev.spec && prev.spec.fingerprint !== item.fingerprint)));
      const answered = prev ? previous!.text.slice(prev.answerStart, prev.end).trim() : '';
      nodes.push(cached(item, `${lang}:${recheck ? 'recheck' : 'item'}`, () => describe(item, L, recheck)));
      nodes.push(answered ? raw(answered) : cached(item, `${lang}:answers`, () => [answerList(item, L)]));
      changes.push({ id: item.id, change: !prev ? 'added' : recheck ? 'recheck' : 'kept' });
    }
  }
  const obsolete = [...(previous?.items ?? []).filter((i) => !used.has(i.id) && prevById.get(i.id) === i), ...leftovers];
  // A section that no longer exists keeps its text in the obsolete section, with its heading's name.
  const orphans = [...notes].map(([title, note]) => raw(`${md([para(`${title}:`)]).trimEnd()}\n\n${note}`));
  if (obsolete.length || orphans.length || obsoleteNote) {
    nodes.push(heading(2, [text(L.obsolete)]));
    nodes.push(obsoleteNote ? raw(obsoleteNote) : para(L.obsoleteIntro), ...orphans);
    for (const item of obsolete) {
      nodes.push(raw(previous!.text.slice(item.start, item.end).trim()));
      changes.push({ id: item.id, change: 'obsolete' });
    }
  }
  return { text: writer === 'join' ? joinBlocks(nodes) : md(nodes), changes };
}

function frontMatter(h: ChecklistHeader): MdNode {
  const data: Record<string, unknown> = { peakend: FORMAT_VERSION, kind: 'checklist', touchpoint: h.touchpoint };
  for (const k of ['site', 'auditor', 'date', 'standards', 'language'] as const) if (h[k] !== undefined) data[k] = oneLine(h[k]!);
  return { type: 'yaml', value: yamlStringify(data, { lineWidth: 0 }).trimEnd() };
}

function titleHeading(h: ChecklistHeader, L: Labels): MdNode {
  const children: MdNode[] = [text(`${L.title}: `)];
  if (h.touchpointName) children.push(text(`${oneLine(h.touchpointName)} `));
  children.push({ type: 'inlineCode', value: h.touchpoint });
  return heading(1, children);
}

function describe(item: ItemSpec, L: Labels, recheck: boolean): MdNode[] {
  const title: MdNode[] = [{ type: 'inlineCode', value: item.id }];
  if (item.title) title.push(text(` ${oneLine(item.title)}`));
  if (item.critical) title.push(text(' '), { type: 'strong', children: [text(`⚠ ${L.critical}`)] });
  const out: MdNode[] = [heading(3, title)];
  if (recheck) out.push({ type: 'blockquote', children: [para(L.recheck)] });
  out.push({ type: 'html', value: `<!-- ${ITEM_MARKER} ${snapshot(item)} -->` });
  const cells = [
    item.requirement ?? L.none,
    item.method ?? L.none,
    passesText(item, L),
    `${item.weight}${item.critical ? ` · ${L.critical}` : ''}`,
    item.evidence.length ? item.evidence.join(', ') : L.none,
  ];
  const row = (values: string[]) => ({ type: 'tableRow' as const, children: values.map((v): MdNode => ({ type: 'tableCell', children: [text(oneLine(v))] })) });
  const table: MdNode = { type: 'table', align: [], children: [row([L.requirement, L.method, L.passes, L.weight, L.evidenceRequired]), row(cells)] };
  out.push(table);
  return out;
}

/** The item's standard as JSON inside an HTML comment; ">" is escaped so that no text can end the comment. */
function snapshot(item: ItemSpec): string {
  const data: Record<string, unknown> = { fp: item.fingerprint, dimension: item.dimension, weight: item.weight, critical: item.critical };
  if (item.expect) data.expect = item.expect;
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

export function passesText(item: Pick<ItemSpec, 'expect'>, L: Labels): string {
  const e = item.expect;
  if (!e || e.type === 'pass-fail') return L.met;
  if (e.type === 'measure') return `${COMPARATOR_SIGNS[e.comparator] ?? e.comparator} ${e.threshold} ${e.unit}`;
  const level = e.atLeast as RatingLevel;
  const word = LABELS['zh-cn'].ratings[level] ?? e.atLeast;
  return `${word} (${LABELS.en.ratings[level] ?? e.atLeast}) ${L.orBetter}`;
}

function answerList(item: ItemSpec, L: Labels): MdNode {
  const box = (label: string): MdNode => ({ type: 'listItem', checked: false, spread: false, children: [para(label)] });
  const field = (label: string): MdNode => ({ type: 'listItem', spread: false, children: [para(`${label}:`)] });
  const items: MdNode[] = [];
  const e = item.expect;
  if (e?.type === 'measure') items.push(box(L.na), field(`${L.measured} (${passesText(item, L)})`));
  else if (e?.type === 'rating') items.push(box(L.na), field(`${L.rating} (${passesText(item, L)})`));
  else items.push(box(L.pass), box(L.fail), box(L.na));
  items.push(field(L.note), field(L.evidence), field(L.action), field(L.owner), field(`${L.due} (YYYY-MM-DD)`), field(`${L.status} (${L.statusChoices})`));
  return { type: 'list', ordered: false, spread: false, children: items };
}

/** Line breaks and control characters in a one-line value become spaces. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** Columns a text takes in a monospaced editor: East Asian wide characters take two, so tables line up. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}
