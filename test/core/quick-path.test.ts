import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, openWorkspace, resolveConfig, Workspace, analyzeFile, type PeakendConfig } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { FileReporter } from '../../src/core/report';
import { LineIndex } from '../../src/core/text/lineIndex';
import { fastLoad } from '../../src/core/yaml/fastLoad';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { DAMAGE, damage, DEEP, DOCUMENTS, writeYaml, type Kind } from '../helpers/yamlDocuments';
import { PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

/**
 * Valid files may be read without positions (js-yaml) and are re-read with them only when a finding
 * points into them, by simpleLoad with places where it can. Whatever the path, `peakend check` must
 * report exactly what the `yaml` package alone reports: same rules, messages, ranges, related places
 * and fixes, in the same order.
 */

const repo = join(__dirname, '..', '..');
const ROOT = '/w';

/** The findings of a workspace of in-memory files, analysed with positions now or later. */
function findingsOf(files: Record<string, string>, positions: 'now' | 'later', config: PeakendConfig = defaultConfig(ROOT)) {
  // The reference: every file parsed by `yaml` alone.
  const ws = new Workspace(config, undefined, positions === 'now' ? { positions, yamlOnly: true } : { positions });
  for (const [name, text] of Object.entries(files)) ws.setFile(`${ROOT}/${name}`, { bytes: new TextEncoder().encode(text) });
  const findings = JSON.stringify(ws.findings());
  const quick = [...ws.files.values()].filter((m) => m.withoutPositions).length;
  return { findings, quick };
}

function same(files: Record<string, string>, config?: PeakendConfig): { quick: number } {
  const full = findingsOf(files, 'now', config);
  const later = findingsOf(files, 'later', config);
  expect(later.findings).toBe(full.findings);
  return { quick: later.quick };
}

describe('the quick path reports what the full path reports', () => {
  const folders = [
    'examples/online-service',
    'examples/property-management',
    'test/fixtures/bad-input',
    'test/fixtures/invalid',
    'test/fixtures/invalid/config-bad-severity',
    'test/fixtures/invalid/config-bad-limits',
    'test/fixtures/property',
    'test/fixtures/bad-config/utf16',
    'test/fixtures/bad-config/latin1',
  ];
  for (const folder of folders) {
    it(`on ${folder}`, async () => {
      const full = await openWorkspace(nodeHost, join(repo, folder), [], undefined, { positions: 'now', yamlOnly: true });
      const later = await openWorkspace(nodeHost, join(repo, folder), [], undefined, { positions: 'later' });
      expect(JSON.stringify(later.workspace.findings())).toBe(JSON.stringify(full.workspace.findings()));
    });
  }

  it('re-reads with positions exactly the files that findings point into', async () => {
    const later = await openWorkspace(nodeHost, join(repo, 'examples/property-management'), [], undefined, { positions: 'later' });
    const findings = later.workspace.findings();
    expect(findings.length).toBeGreaterThan(0);
    const pointedAt = new Set(findings.flatMap((f) => [f.file, ...(f.related ?? []).map((r) => r.file), ...(f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.file))]));
    const quick = [...later.workspace.files.values()].filter((m) => m.withoutPositions).map((m) => m.file);
    expect(quick.length).toBeGreaterThan(0);
    for (const file of quick) expect(pointedAt.has(file), file).toBe(false);
  });

  it('reads every file of a valid workspace without positions but its config', async () => {
    const later = await openWorkspace(nodeHost, join(repo, 'examples/online-service'), [], undefined, { positions: 'later' });
    expect(later.workspace.findings()).toEqual([]);
    const quick = [...later.workspace.files.values()].filter((m) => m.withoutPositions).map((m) => m.file.slice(m.file.lastIndexOf('/') + 1));
    expect(quick.sort()).toEqual(['customers.personas.yaml', 'online.standards.yaml', 'online.touchpoints.yaml', 'support-chat.journey.yaml']);
  });

  it('takes the quick path for a plain valid file, with no value kept and every range at the start', () => {
    const file = `${ROOT}/people.personas.yaml`;
    const m = analyzeFile(file, { text: PERSONAS }, defaultConfig(ROOT), { positions: 'later' });
    expect(m.withoutPositions).toBe(true);
    expect(m.value).toBeNull();
    expect(m.personas.map((p) => [p.def.id, p.def.range.start.line])).toEqual([
      ['owner', 0],
      ['tenant', 0],
    ]);
    const full = analyzeFile(file, { text: PERSONAS }, defaultConfig(ROOT));
    expect(full.withoutPositions).toBeUndefined();
    expect(full.personas.map((p) => [p.def.id, p.def.range.start.line])).toEqual([
      ['owner', 3],
      ['tenant', 4],
    ]);
  });
});

/** Plain scalars the YAML versions and parsers read differently; each is written where text is expected. */
const TRICKY = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'True', 'TRUE', 'tRUE', 'false', 'Null', 'NULL', 'nULL', '~', '', '0o17', '017', '0x1F', '0X1F', '-0x1', '0b101',
  '1_000', '12345678901234567890', '1e3', '1E+3', '1.', '.5', '+.5', '-.inf', '.Inf', '.NAN', '.nan', 'nan', '+1', '-0', '00', '0.0', '1:00',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '=', '<<', '0o8', '09', '+0x1', '1__0', '0.1e', 'e3', '.', '-', '--', '- x', '?x', 'x?', 'a: b', 'a:b',
  'a #b', 'a#b', '%x', '@x', '`x', '"a"b', "it's", '中文', '😀', 'a\\nb', 'x\u00a0y', '\u3000',
];
const TEXT_FIELDS = ['title', 'description'] as const;

/** A valid journey over PERSONAS and TOUCHPOINTS, with tricky scalars and YAML features spliced in. */
const journeyCase = fc.record({
  scalars: fc.array(fc.tuple(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...TRICKY), fc.constantFrom('plain', 'single', 'double')), { maxLength: 3 }),
  keyScalar: fc.option(fc.constantFrom('~', 'null', 'Null', '""', 'true', '1', '1.0', '0x1', 'yes', '? x', '[a]', '{a: b}', '"owner"', 'owner', 'tenant', '__proto__'), { freq: 4 }),
  flowEmotions: fc.boolean(),
  flowTouchpoints: fc.boolean(),
  feature: fc.constantFrom(
    'none', 'none', 'none', 'duplicate-key', 'duplicate-quoted-key', 'merge', 'anchor-alias', 'str-tag', 'custom-tag', 'tab-indent', 'tab-in-text', 'bom', 'crlf', 'cr',
    'second-document', 'document-end', 'directive', 'deep', 'block-literal', 'block-folded', 'comment', 'disable-comment', 'unknown-touchpoint', 'long-key', 'trailing-spaces',
    'empty-value', 'explicit-key', 'flow-multiline', 'quoted-multiline', 'indentless-seq', 'json-style',
  ),
  scores: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 4, maxLength: 4 }),
  rules: fc.boolean(),
});

type JourneyCase = typeof journeyCase extends fc.Arbitrary<infer T> ? T : never;

function writeJourney(c: JourneyCase): string {
  const quote = (s: string, how: string) => (how === 'single' ? `'${s.replace(/'/g, "''")}'` : how === 'double' ? JSON.stringify(s) : s);
  const text: Record<string, string> = { title: '旅程 journey', description: 'from first call to the survey' };
  for (const [field, s, how] of c.scalars) text[field] = quote(s, how);
  const emotions = (a: number, b: number) => (c.flowEmotions ? ` { owner: ${a}, tenant: ${b} }` : `\n          owner: ${a}\n          tenant: ${b}`);
  const touchpoints = c.flowTouchpoints ? ' [service-hotline]' : '\n          - service-hotline';
  const [s1, s2, s3, s4] = c.scores;
  const lines = [
    'peakend: 1',
    'kind: journey',
    'id: j',
    `title: ${text.title}`,
    `description: ${text.description}`,
    'personas: [owner, tenant]',
    'stages:',
    '  - id: s',
    '    title: 阶段',
    '    steps:',
    '      - id: call',
    '        title: 来电',
    `        touchpoints:${touchpoints}`,
    `        emotions:${emotions(s1!, s2!)}`,
    '      - id: visit',
    '        title: 到访',
    `        touchpoints:${touchpoints}`,
    `        emotions:${emotions(s3!, s4!)}`,
  ];
  if (c.keyScalar) lines.splice(5, 0, `${c.keyScalar}: x`);
  const f = c.feature;
  if (f === 'duplicate-key') lines.splice(4, 0, 'title: again');
  if (f === 'duplicate-quoted-key') lines.splice(4, 0, '"title": again');
  if (f === 'merge') lines.splice(11, 0, '        <<: { description: merged }');
  if (f === 'anchor-alias') (lines[8] = '    title: &t 阶段'), lines.splice(11, 0, '        description: *t');
  if (f === 'str-tag') lines[8] = '    title: !!str 阶段';
  if (f === 'custom-tag') lines[8] = '    title: !custom 阶段';
  if (f === 'tab-indent') lines[8] = '\ttitle: 阶段';
  if (f === 'tab-in-text') lines[8] = '    title: 阶\t段';
  if (f === 'document-end') lines.push('...');
  if (f === 'directive') lines.unshift('%YAML 1.2', '---');
  if (f === 'deep') lines.push(`x-deep: ${'['.repeat(70)}1${']'.repeat(70)}`);
  if (f === 'block-literal') lines.splice(4, 1, 'description: |', '  line one', '  # not a comment', '', '  line three');
  if (f === 'block-folded') lines.splice(4, 1, 'description: >-', '  folded', '  text', '   more indented');
  if (f === 'comment') lines.splice(8, 0, '    # a comment', '    # peakend is fine');
  if (f === 'disable-comment') lines.splice(11, 0, '        # peakend-disable-next-line unknown-touchpoint');
  if (f === 'unknown-touchpoint') lines[12] = '        touchpoints: [service-hotlin]';
  if (f === 'long-key') lines.splice(5, 0, `${'k'.repeat(1100)}: x`);
  if (f === 'trailing-spaces') for (let i = 0; i < lines.length; i++) lines[i] += '  ';
  if (f === 'empty-value') lines.splice(4, 1, 'description:');
  if (f === 'explicit-key') lines.splice(4, 1, '? description', ': text');
  if (f === 'flow-multiline') lines.splice(5, 1, 'personas: [owner,', '  tenant]');
  if (f === 'quoted-multiline') lines.splice(4, 1, 'description: "two', '  lines"');
  if (f === 'indentless-seq') lines.splice(5, 1, 'personas:', '- owner', '- tenant');
  if (f === 'json-style') lines.splice(5, 1, 'personas: ["owner","tenant"]', '"x-json":{"a":1}');
  let out = lines.join('\n') + '\n';
  if (f === 'second-document') out += '---\nkind: journey\n';
  if (f === 'crlf') out = out.replace(/\n/g, '\r\n');
  if (f === 'cr') out = out.replace(/\n/g, '\r');
  if (f === 'bom') out = '\ufeff' + out;
  return out;
}

const SUPPORT = { 'people.personas.yaml': PERSONAS, 'inv.touchpoints.yaml': TOUCHPOINTS, 'std.standards.yaml': STANDARDS };

describe('differential: property-generated documents', () => {
  it('valid journeys with tricky scalars, keys and YAML features', () => {
    let quick = 0;
    let runs = 0;
    fc.assert(
      fc.property(journeyCase, (c) => {
        const config = c.rules ? resolveConfig({ rules: { 'unevidenced-extreme': 'off', 'weak-ending': 'off', 'persona-gap': 'off' } }, ROOT, undefined) : defaultConfig(ROOT);
        quick += same({ ...SUPPORT, 'j.journey.yaml': writeJourney(c) }, config).quick;
        runs++;
      }),
      { numRuns: 400 },
    );
    // The valid support files and many journeys did take the quick path: the comparison is not idle.
    expect(quick).toBeGreaterThan(runs * 2);
  });

  it('arbitrary documents of every kind, written in any style and damaged', () => {
    const kinds = Object.keys(DOCUMENTS) as Kind[];
    const doc = fc.constantFrom(...kinds).chain((kind) =>
      fc.tuple(fc.constant(kind), DOCUMENTS[kind], fc.integer(), DAMAGE, fc.option(DEEP, { freq: 8 })).map(([k, value, seed, d, deep]) => ({
        name: k === 'config' ? 'sub/x.yaml' : `a.${k}.yaml`,
        text: damage(writeYaml(value, seed) + (deep ? `${deep.key}:${deep.body}\n` : ''), d),
      })),
    );
    fc.assert(
      fc.property(doc, (d) => {
        same({ ...SUPPORT, [d.name]: d.text });
      }),
      { numRuns: 300 },
    );
  });
});

/** What the full path reads from a text: its findings and its data. */
function fullRead(text: string): { findings: number; value: unknown } {
  const report = new FileReporter('/w/x.yaml', new LineIndex(text));
  const { value } = parseYaml(text, report);
  return { findings: report.findings.length, value };
}

describe('fastLoad reads only what yaml reads the same way', () => {
  it('gives up on every construct where the parsers may disagree', () => {
    const unsafe = [
      'a: 1\rb: 2\r', 'a:\tb', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !x 1\n', '<<: {a: 1}\n', '? a\n: b\n', '[a]: b\n', '{a: 1}: b\n',
      '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n', 'a: 1\nb\u2028: 2\n', 'a: \u0007\n', '\ufeffa: 1\n', 'a: 1\na: 2\n',
      // An empty entry ends a nested sequence: js-yaml reads {a: [[null, x]]}, yaml {a: [[null], x]}.
      'a:\n  -\n      -\n  - x\n', 'a:\n  - - \n  - x\n', 'a:\n  - b:\n      - # none\n  - x\n',
      // Quoted scalars and flow collections over several lines: js-yaml takes any indentation of the
      // next line (simpleLoad reads a flow collection broken between entries, indented as yaml needs).
      'a: "b\n"c: d\n', "a: 'b\nc'\n", 'a: [b,\nc]\n', 'a:\n  b: {c: 1,\n  d: 2}\n', 'a: [b, "c\n  d"]\n',
      '~: 1\n', 'null: 1\n', ': 1\n', `${'k'.repeat(300)}: 1\n`, '- a\n', 'just text\n', '', '# only a comment\n', `a: ${'['.repeat(70)}1${']'.repeat(70)}\n`,
    ];
    for (const text of unsafe) expect(fastLoad(text, 64), JSON.stringify(text)).toBeUndefined();
    expect(fastLoad('a: [[b],\n  [c]]\n', 64)).toEqual(fullRead('a: [[b],\n  [c]]\n').value);
  });

  it('reads the core schema scalars as yaml does', () => {
    for (const s of TRICKY) {
      const text = `a: ${s}\n`;
      const quick = fastLoad(text, 64);
      if (quick === undefined) continue;
      const full = fullRead(text);
      expect(full.findings, text).toBe(0);
      expect(quick, text).toEqual(full.value);
    }
    // Quotes and brackets closed on their line, and apostrophes in text, keep the quick path.
    expect(fastLoad("title: Customer's first call\ntp: [a, [b, c]]\nm: {k: 'it''s', j: \"x\\\"y # z\"}\nn: a 'b # it's\n", 64)).toEqual({
      title: "Customer's first call", tp: ['a', ['b', 'c']], m: { k: "it's", j: 'x"y # z' }, n: "a 'b",
    });
    // Spot checks computed by hand: YAML 1.2 core, not 1.1.
    expect(fastLoad('a: yes\nb: 0o17\nc: 017\nd: 0x1F\ne: 1_000\nf: .5\ng: ~\nh: TRUE\ni: 12345678901234567890\n', 64)).toEqual({
      a: 'yes', b: 15, c: 17, d: 31, e: '1_000', f: 0.5, g: null, h: true, i: 12345678901234567000,
    });
  });

  it('reads arbitrary written documents as yaml does, or gives up', () => {
    const kinds = Object.keys(DOCUMENTS) as Kind[];
    const text = fc.constantFrom(...kinds).chain((kind) => fc.tuple(DOCUMENTS[kind], fc.integer(), DAMAGE).map(([value, seed, d]) => damage(writeYaml(value, seed), d)));
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        const body = t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
        const quick = fastLoad(body, 64);
        if (quick === undefined) return;
        read++;
        const full = fullRead(body);
        expect(full.findings).toBe(0);
        expect(quick).toEqual(full.value);
      }),
      { numRuns: 1000 },
    );
    expect(read).toBeGreaterThan(50);
  });
});
