import fc from 'fast-check';

/**
 * Arbitrary YAML-shaped Peakend documents for property tests: plausible journeys, inventories,
 * standards, personas and configs, with fields left out, values of the wrong type, extra keys, CJK
 * and control characters, written out in a random mix of block and flow style with anchors,
 * aliases, tags, comments and disable directives, and sometimes damaged after writing.
 */

/** A value before it is written out as YAML. */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

const CJK = fc.string({ unit: fc.integer({ min: 0x3400, max: 0x9fff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 });
const CONTROL = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
const NASTY = fc.constantFrom(
  '', ' ', '#', ': x', '- y', '"', "'", '{id}', '{kind|entity}', '@type.string', '@constructor', '__proto__', 'constructor',
  'prototype', '\t', '\r', '\n', '\u001b[31mred', '\u001b]8;;http://x\u0007link', '\u2028', '\ufeff', 'null', '~', 'yes',
  '1e400', '0x1F', '.nan', '-.inf', '*', '&a', '!tag', '%YAML 1.1', '---', '...', '<<', 'CON', 'nul', '\ud800', '😀',
);
const ID = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('owner', 'tenant', 'service-hotline', 'service-center', 'answer-fast', 'a', 'A', 'OWNER', '电梯', '客服-热线', 's', 'j') },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/) },
  { weight: 1, arbitrary: CJK },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(64), 'y'.repeat(65), '1', 'a/b', 'a.b', 'a b', '-a', '..') },
  { weight: 1, arbitrary: NASTY },
);
const TEXT = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: CJK },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(CONTROL, fc.constantFrom('a', '中', ' ')), { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: NASTY },
);
const NUMBER = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -7, max: 7 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.5, 1e308, 2 ** 53 + 2, 1024, 1023, 5 * 1024 * 1024) },
);
const SCALAR: fc.Arbitrary<Value> = fc.oneof(TEXT, NUMBER, fc.boolean(), fc.constant(null), ID);
const KEY = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('id', 'title', 'name', 'kind', 'peakend', 'steps', 'stages', 'touchpoints', 'emotions', 'personas', 'standards', 'scale', 'rules', 'appliesTo', 'x-note') },
  { weight: 1, arbitrary: ID },
  { weight: 1, arbitrary: TEXT },
);

/** Any value, nested a few levels. */
const ANY: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    SCALAR,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.array(fc.tuple(KEY, tie('v')), { maxLength: 4 }).map((e) => Object.fromEntries(e) as Value),
  ),
})).v;

/** Each field present (mostly), left out, or of any type; plus a few unknown keys. */
function shaped(fields: Record<string, fc.Arbitrary<Value>>): fc.Arbitrary<Value> {
  const entries = Object.entries(fields).map(([k, a]) =>
    fc.oneof({ weight: 12, arbitrary: a.map((v) => [[k, v]] as [string, Value][]) }, { weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: ANY.map((v) => [[k, v]] as [string, Value][]) }),
  );
  return fc
    .tuple(fc.tuple(...entries), fc.array(fc.tuple(KEY, ANY), { maxLength: 2 }))
    .map(([present, extra]) => Object.fromEntries([...present.flat(), ...extra]) as Value);
}

const list = <T extends Value>(a: fc.Arbitrary<T>, max = 3) => fc.oneof({ weight: 9, arbitrary: fc.array(a, { maxLength: max }) }, { weight: 1, arbitrary: ANY });
const VERSION = fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(2, 0, 1.5, '1', -1) });
const SCALE = shaped({ min: NUMBER, max: NUMBER, neutral: NUMBER });
const SEVERITY = fc.constantFrom('error', 'warning', 'info', 'off', 'fatal');

const JOURNEY = shaped({
  peakend: VERSION,
  kind: fc.constant('journey'),
  id: ID,
  title: TEXT,
  personas: list(ID),
  scale: SCALE,
  stages: list(
    shaped({
      id: ID,
      title: TEXT,
      steps: list(
        shaped({
          id: ID,
          title: TEXT,
          touchpoints: list(ID),
          channel: fc.oneof(TEXT, fc.constantFrom('phone', 'chat')),
          emotions: fc.array(fc.tuple(ID, NUMBER), { maxLength: 3 }).map((e) => Object.fromEntries(e) as Value),
          momentOfTruth: fc.boolean(),
          quotes: list(shaped({ text: TEXT, persona: ID })),
        }),
      ),
    }),
  ),
});
const TOUCHPOINTS = shaped({
  peakend: VERSION,
  kind: fc.constant('touchpoints'),
  id: ID,
  title: TEXT,
  touchpoints: list(
    shaped({
      id: ID,
      name: TEXT,
      phase: fc.oneof(fc.constantFrom('service', 'purchase'), TEXT),
      channel: fc.oneof(fc.constantFrom('phone', 'store', 'chat'), TEXT),
      type: fc.oneof(fc.constantFrom('human', 'digital', 'physical'), TEXT),
      tags: list(TEXT),
      standards: list(ID),
      importance: NUMBER,
      performance: NUMBER,
    }),
    4,
  ),
});
const STANDARDS = shaped({
  peakend: VERSION,
  kind: fc.constant('standards'),
  id: ID,
  title: TEXT,
  dimensions: list(TEXT),
  standards: list(
    shaped({
      id: ID,
      title: TEXT,
      requirement: TEXT,
      dimension: fc.oneof(fc.constantFrom('reliability', 'empathy', 'empaty'), TEXT),
      appliesTo: shaped({ touchpoints: list(ID), channels: list(TEXT), phases: list(TEXT), tags: list(TEXT) }),
      method: TEXT,
      weight: NUMBER,
      critical: fc.boolean(),
      expect: shaped({ type: fc.constantFrom('pass-fail', 'rating', 'measure', 'other'), unit: TEXT, comparator: fc.constantFrom('<=', '<', '>=', '>', '=', '=>'), threshold: NUMBER, atLeast: TEXT }),
    }),
  ),
});
const PERSONAS = shaped({ peakend: VERSION, kind: fc.constant('personas'), personas: list(shaped({ id: ID, name: TEXT, description: TEXT })) });
const CONFIG = shaped({
  peakend: VERSION,
  kind: fc.constant('config'),
  include: list(TEXT),
  exclude: list(TEXT),
  scale: SCALE,
  rules: fc.array(fc.tuple(fc.oneof(fc.constantFrom('duplicate-id', 'unknown-persona', 'yaml-syntax', 'unused-standard', 'uncovered-touchpoint', 'missing-persona-score', 'duplicate-ids'), ID), SEVERITY), { maxLength: 4 }).map((e) => Object.fromEntries(e) as Value),
  checklists: shaped({ dir: TEXT }),
  limits: shaped({ maxFileBytes: NUMBER }),
});

export const DOCUMENTS = { journey: JOURNEY, touchpoints: TOUCHPOINTS, standards: STANDARDS, personas: PERSONAS, config: CONFIG };
export type Kind = keyof typeof DOCUMENTS;

/** A small deterministic random source, so that the way a document is written out shrinks with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = ['!!str', '!!int', '!!binary', '!custom', '!!js/function', '!!set', '!!timestamp', '!<tag:yaml.org,2002:str>', '!!map', '!!seq', '!!python/object:os.system'];
const RULE_WORDS = ['duplicate-id', 'schema', 'unknown-touchpoint', 'nope', '-- reason', ''];

/** Writes a value as YAML text, choosing styles, anchors, aliases, tags and comments at random. */
export function writeYaml(value: Value, seed: number): string {
  const rnd = random(seed);
  const chance = (p: number) => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const step = pick([2, 2, 2, 4, 1, 3]);
  const anchors: string[] = [];

  const props = (): string => {
    let p = '';
    if (chance(0.04)) p += `${pick(TAGS)} `;
    if (chance(0.08)) {
      const name = pick(['a', 'b', 'c', '锚', 'x1']) + anchors.length;
      anchors.push(name);
      p += `&${name} `;
    }
    return p;
  };
  const alias = (): string | undefined => (chance(0.05) && anchors.length ? `*${pick(anchors)}` : chance(0.005) ? '*nope' : undefined);

  const scalar = (v: Value, inFlow: boolean, indent: string): string => {
    if (v === null) return pick(['null', '~', '', 'Null']);
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : Object.is(v, -0) ? '-0' : String(v);
    const s = String(v);
    const r = rnd();
    if (r < 0.03) return s; // raw: may well break the syntax, which is the point
    if (/^[A-Za-z0-9\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff -]*$/.test(s) && !/\s$/.test(s) && r < 0.7) return s;
    if (!inFlow && s.includes('\n') && r < 0.8) {
      const body = s.split(/\r\n|\r|\n/).map((l) => `${indent}${' '.repeat(step)}${l}`).join('\n');
      return `${pick(['|', '>', '|-', '|+', '>-'])}\n${body}`;
    }
    if (r < 0.85 && !/[\n\r]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
    return JSON.stringify(s);
  };

  const key = (k: string): string => {
    if (chance(0.01)) return `? ${pick(['[a]', '{b: c}', k])}\n:`;
    const written = scalar(k, true, '');
    return written === '' ? '""' : written;
  };

  const flow = (v: Value): string => {
    const a = alias();
    if (a) return a;
    const p = props();
    if (Array.isArray(v)) return `${p}[${v.map(flow).join(pick([', ', ',', ' , ']))}${chance(0.05) ? ',' : ''}]`;
    if (v !== null && typeof v === 'object') return `${p}{${Object.entries(v).map(([k, x]) => `${key(k)}: ${flow(x)}`).join(', ')}}`;
    return p + scalar(v, true, '');
  };

  const comment = (indent: string): string => {
    if (chance(0.03)) return `${indent}# peakend-disable-next-line ${pick(RULE_WORDS)} ${pick(RULE_WORDS)}\n`;
    if (chance(0.03)) return `${indent}# ${pick(['note', '注释', '\u001b[2J', ''])}\n`;
    return '';
  };

  /** A value after "key:" or "- " in block context: inline, or on the next lines at `indent`. */
  const block = (v: Value, indent: string): string => {
    const collection = v !== null && typeof v === 'object';
    const empty = Array.isArray(v) ? v.length === 0 : collection && Object.keys(v).length === 0;
    if (!collection || empty || chance(0.25)) return ` ${flow(v)}`;
    const a = alias();
    if (a) return ` ${a}`;
    const p = props().trimEnd();
    const inner = indent + ' '.repeat(step);
    const lines = Array.isArray(v)
      ? v.map((x) => `${comment(inner)}${inner}-${block(x, inner + '  ')}`)
      : Object.entries(v).map(([k, x]) => `${comment(inner)}${inner}${key(k)}:${block(x, inner)}${chance(0.03) ? ' # trailing' : ''}`);
    return `${p ? ' ' + p : ''}\n${lines.join('\n')}`;
  };

  if (value === null || typeof value !== 'object' || Array.isArray(value) || chance(0.05)) return flow(value) + '\n';
  const top = Object.entries(value).map(([k, x]) => `${comment('')}${key(k)}:${block(x, '')}`);
  return top.join('\n') + '\n';
}

/** Damage done to written text: line endings, a BOM, a second document, a stray character, a cut. */
export interface Damage {
  crlf: boolean;
  bom: boolean;
  secondDocument: boolean;
  insert: [number, string] | null;
  cut: number | null;
}

export const DAMAGE: fc.Arbitrary<Damage> = fc.record({
  crlf: fc.boolean(),
  bom: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  secondDocument: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
  insert: fc.option(fc.tuple(fc.nat(), fc.oneof(CONTROL, fc.constantFrom('\t', ':', '- ', '[', '{', '"', "'", '&', '*', '!', '|', '%', '@', '`', '\ud800'))), { freq: 6 }),
  cut: fc.option(fc.nat(), { freq: 10 }),
});

export function damage(text: string, d: Damage): string {
  let t = text;
  if (d.insert) {
    const at = d.insert[0] % (t.length + 1);
    t = t.slice(0, at) + d.insert[1] + t.slice(at);
  }
  if (d.cut !== null) t = t.slice(0, d.cut % (t.length + 1));
  if (d.secondDocument) t += '---\nkind: journey\n';
  if (d.crlf) t = t.replace(/\n/g, '\r\n');
  if (d.bom) t = '\ufeff' + t;
  return t;
}

/** Nesting well below the stack limit, as a value of some key: `[[[…]]]`, `{a: {a: …}}` or block mappings. */
export const DEEP = fc.record({ depth: fc.integer({ min: 20, max: 200 }), style: fc.constantFrom('flow-seq', 'flow-map', 'block-map', 'block-seq'), key: fc.constantFrom('stages', 'personas', 'x', 'rules', 'include') }).map(({ depth, style, key }) => {
  let body: string;
  if (style === 'flow-seq') body = ` ${'['.repeat(depth)}1${']'.repeat(depth)}`;
  else if (style === 'flow-map') body = ` ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
  else if (style === 'block-map') body = Array.from({ length: depth }, (_, i) => `\n${' '.repeat(2 * (i + 1))}a:`).join('') + ' 1';
  else body = Array.from({ length: depth }, (_, i) => `\n${' '.repeat(2 * (i + 1))}-`).join('') + ' 1';
  return { key, body };
});
