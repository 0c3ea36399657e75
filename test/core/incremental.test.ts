import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ModelCache, resolveConfig, Workspace, type PeakendConfig } from '../../src/core';
import { unknownTouchpoint } from '../../src/core/rules/unknownTouchpoint';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';
import { DOCUMENTS, writeYaml, type Kind } from '../helpers/yamlDocuments';

// A workspace kept up to date edit by edit must report exactly what a workspace given the same
// files afresh reports: every finding (rule, message, range, related places, fixes) and the index.

const ROOT = '/w';
const repo = join(__dirname, '..', '..');

function filesUnder(folder: string): string[] {
  const dir = join(repo, folder);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const STEP = (tp: string, persona = 'owner') => `      - { id: a, title: 来电, touchpoints: [${tp}], emotions: { ${persona}: 1, tenant: 2 } }\n`;

/** A touchpoint and standards that meet by one criterion each, so that one word changes coverage. */
const LONE = `peakend: 1
kind: touchpoints
id: lone
title: 单个
touchpoints:
  - { id: lone, name: 单个, phase: service, channel: website, type: human, tags: [hotline] }
  - { id: listed, name: 列出, phase: community, channel: sms, type: digital, standards: [by-tag] }
`;
const bySelector = (id: string, selector: string) => `peakend: 1
kind: standards
id: set-${id}
title: 标准
standards:
  - id: ${id}
    title: 标准
    requirement: 要求
    appliesTo: ${selector}
    method: observation
    expect: { type: pass-fail }
`;

/** Small files that refer to each other, with their IDs, channels and tags replaced to make findings come and go. */
const SMALL = [
  PERSONAS,
  TOUCHPOINTS,
  STANDARDS,
  journey(STEP('service-hotline')),
  journey(STEP('service-hotlin')),
  journey(STEP('service-center', 'renter')),
  journey(STEP('hotline-new'), 'personas: [owner, renter]\n'),
  TOUCHPOINTS.replace('id: inventory', 'id: inventory-2').replace(/service-hotline/g, 'hotline-new'),
  STANDARDS.replace(/answer-within-3-rings/g, 'Answer-Within-3-Rings'),
  PERSONAS.replace(/owner/g, 'Owner'),
  LONE,
  bySelector('by-tag', '{ tags: [hotline] }'),
  bySelector('by-channel', '{ channels: [website] }'),
  bySelector('by-phase', '{ phases: [service] }'),
  bySelector('by-id', '{ touchpoints: [lone] }'),
];

/** Whole files: both examples (with their audit checklists and configs) and the small ones. */
const TEXTS = [...filesUnder('examples/property-management'), ...filesUnder('examples/online-service'), ...SMALL];

/** File names: one per kind, two of some (duplicates across files), checklists under the configured folder. */
const NAMES = [
  'a.journey.yaml',
  'b.journey.yaml',
  'sub/c.journey.yaml',
  'p.touchpoints.yaml',
  'q.touchpoints.yaml',
  's.standards.yaml',
  't.standards.yaml',
  'people.personas.yaml',
  'more.personas.yaml',
  'peakend.yaml',
  'audits/service-center/2026-12-01.md',
  'audits/service-hotline/2026-11-30.md',
  'notes.yaml',
];

/**
 * IDs, channels and tags the files use: replacing one by another makes unknown references,
 * duplicates, case clashes and changes of coverage, and mends them.
 */
const IDS = ['service-hotline', 'service-center', 'owner', 'tenant', 'answer-within-3-rings', 'Owner', 'hotline-new', 'stage-1', 'a', 'homeowner', '客服热线', 'nowhere'];
const WORDS = [...IDS, 'phone', 'store', 'chat', 'agent', 'hotline', 'self-service', 'website', 'service', 'lone', 'by-tag'];

const CONFIGS: PeakendConfig[] = [
  resolveConfig({ peakend: 1, kind: 'config', checklists: { dir: 'audits' } }, ROOT, `${ROOT}/peakend.yaml`),
  resolveConfig(
    {
      peakend: 1,
      kind: 'config',
      checklists: { dir: 'audits' },
      rules: {
        'duplicate-id': 'off',
        'unused-standard': 'error',
        'unknown-touchpoint': 'info',
      },
    },
    ROOT,
    `${ROOT}/peakend.yaml`,
  ),
  resolveConfig(
    {
      peakend: 1,
      kind: 'config',
      scale: { min: 1, max: 7, neutral: 4 },
      rules: {
        'checklist-unknown-item': 'off',
        'uncovered-touchpoint': 'off',
        'unknown-persona': 'warning',
      },
    },
    ROOT,
    `${ROOT}/peakend.yaml`,
  ),
];

type Source = { from: 'text'; index: number } | { from: 'current' } | { from: 'generated'; kind: Kind; value: unknown; seed: number };
type Change = { type: 'replace'; from: number; to: number; all: boolean } | { type: 'shift' } | { type: 'none' };
type Op = { type: 'set'; name: number; source: Source; change: Change } | { type: 'delete'; name: number } | { type: 'rename'; from: number; to: number } | { type: 'check' } | { type: 'index' };

const name = fc.nat(NAMES.length - 1);
const sourceOf = (texts: number): fc.Arbitrary<Source> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.nat(texts - 1).map((index) => ({ from: 'text' as const, index })),
    },
    { weight: 4, arbitrary: fc.constant({ from: 'current' as const }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...(Object.keys(DOCUMENTS) as Kind[])).chain((kind) =>
        fc.record({
          from: fc.constant('generated' as const),
          kind: fc.constant(kind),
          value: DOCUMENTS[kind],
          seed: fc.integer(),
        }),
      ),
    },
  );
const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('replace' as const),
      from: fc.nat(WORDS.length - 1),
      to: fc.nat(WORDS.length - 1),
      all: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'shift' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'none' as const }) },
);
const opOf = (texts: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('set' as const),
        name,
        source: sourceOf(texts),
        change,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ type: fc.constant('delete' as const), name }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('rename' as const),
        from: name,
        to: name,
      }),
    },
    { weight: 2, arbitrary: fc.constant({ type: 'check' as const }) },
    { weight: 1, arbitrary: fc.constant({ type: 'index' as const }) },
  );

function textOf(s: Source, current: string | undefined, texts: readonly string[]): string | undefined {
  if (s.from === 'text') return texts[s.index]!;
  if (s.from === 'current') return current;
  return writeYaml(s.value as never, s.seed);
}

function applyChange(text: string, c: Change): string {
  if (c.type === 'shift') return text.replace('\n', '\n# a line more\n');
  if (c.type === 'replace') {
    // One of the words the text holds, so that most changes change something.
    const present = WORDS.filter((w) => text.includes(w));
    if (present.length === 0) return text;
    const [from, to] = [present[c.from % present.length]!, WORDS[c.to]!];
    return c.all ? text.split(from).join(to) : text.replace(from, to);
  }
  return text;
}

/** Everything the index lists, as text. */
function indexText(ws: Workspace): string {
  const i = ws.getIndex();
  return JSON.stringify({
    files: i.files.map((f) => f.file),
    defs: i.defs,
    repeated: i.repeatedDefs,
    refs: i.refs,
    touchpoints: [...i.touchpoints],
    standards: [...i.standards],
    personas: [...i.personas],
    fileFor: [i.fileFor('touchpoints')?.file, i.fileFor('personas')?.file, i.fileFor('touchpoints', 'hotline-new')?.file],
    used: i.allStandards().map((s) => i.usedStandards().has(s)),
  });
}

describe('a workspace kept up to date edit by edit', () => {
  const pools = { 'the examples and small files': [TEXTS, 100], 'small files': [SMALL, 300] } as const;
  for (const [pool, [texts, runs]] of Object.entries(pools))
    it(`reports what a workspace given the same files afresh reports, after every edit, add, delete and rename (${pool})`, () => {
      const cache = new ModelCache();
      fc.assert(
        fc.property(fc.nat(CONFIGS.length - 1), fc.constantFrom('now' as const, 'later' as const), fc.array(opOf(texts.length), { minLength: 1, maxLength: 14 }), (c, positions, ops) => {
          const config = CONFIGS[c]!;
          const live = new Workspace(config, undefined, { positions });
          const files = new Map<string, string>();
          const set = (file: string, text: string) => {
            files.set(file, text);
            live.setFile(file, { text });
          };
          const compare = () => {
            const fresh = new Workspace(config, cache, { positions });
            for (const [file, text] of [...files].sort()) fresh.setFile(file, { text });
            expect(JSON.stringify(live.findings())).toBe(JSON.stringify(fresh.findings()));
            for (const file of files.keys()) expect(JSON.stringify(live.findingsFor(file))).toBe(JSON.stringify(fresh.findingsFor(file)));
            // Read without positions, a file's ranges depend on whether a finding pointed into it before.
            if (positions === 'now') expect(indexText(live)).toBe(indexText(fresh));
          };
          for (const o of ops) {
            if (o.type === 'set') {
              const file = `${ROOT}/${NAMES[o.name]}`;
              const text = textOf(o.source, files.get(file), texts);
              if (text !== undefined) set(file, applyChange(text, o.change));
            } else if (o.type === 'delete') {
              const file = `${ROOT}/${NAMES[o.name]}`;
              expect(live.deleteFile(file)).toBe(files.delete(file));
            } else if (o.type === 'rename') {
              const [from, to] = [`${ROOT}/${NAMES[o.from]}`, `${ROOT}/${NAMES[o.to]}`];
              const text = files.get(from);
              if (text === undefined || from === to) continue;
              files.delete(from);
              live.deleteFile(from);
              set(to, text);
            } else if (o.type === 'check') {
              compare();
            } else {
              live.getIndex();
            }
          }
          compare();
        }),
        { numRuns: runs },
      );
    });

  it('keeps duplicates of a journey\'s stages and steps across files up to date: a file deleted, a step or the journey given another ID', () => {
    const ws = new Workspace(CONFIGS[0]!);
    const one = journey(STEP('service-hotline'));
    const files = new Map<string, string>([
      [`${ROOT}/p.touchpoints.yaml`, TOUCHPOINTS],
      [`${ROOT}/people.personas.yaml`, PERSONAS],
      [`${ROOT}/a.journey.yaml`, one],
      [`${ROOT}/b.journey.yaml`, one],
    ]);
    for (const [file, text] of files) ws.setFile(file, { text });
    const duplicates = () => {
      const fresh = new Workspace(CONFIGS[0]!);
      for (const [file, text] of [...files].sort()) fresh.setFile(file, { text });
      const found = ws.findings();
      expect(JSON.stringify(found)).toBe(JSON.stringify(fresh.findings()));
      return found.filter((f) => f.ruleId === 'duplicate-id').map((f) => `${relative(ROOT, f.file)} ${f.args?.kind}`);
    };
    // The journey, its stage and its step, in both files.
    const both = ['a.journey.yaml journey', 'a.journey.yaml stage', 'a.journey.yaml step', 'b.journey.yaml journey', 'b.journey.yaml stage', 'b.journey.yaml step'];
    expect(duplicates()).toEqual(both);
    files.delete(`${ROOT}/b.journey.yaml`);
    ws.deleteFile(`${ROOT}/b.journey.yaml`);
    expect(duplicates()).toEqual([]);
    files.set(`${ROOT}/b.journey.yaml`, one);
    ws.setFile(`${ROOT}/b.journey.yaml`, { text: one });
    expect(duplicates()).toEqual(both);
    // A step given another ID in one file only (the journey and its stage stay where they were):
    // the other file's step is no longer a duplicate, and is again when the ID comes back.
    const renamed = one.replace('- { id: a,', '- { id: b,');
    files.set(`${ROOT}/b.journey.yaml`, renamed);
    ws.setFile(`${ROOT}/b.journey.yaml`, { text: renamed });
    const withoutSteps = both.filter((d) => !d.endsWith(' step'));
    expect(duplicates()).toEqual(withoutSteps);
    files.set(`${ROOT}/a.journey.yaml`, renamed);
    ws.setFile(`${ROOT}/a.journey.yaml`, { text: renamed });
    expect(duplicates()).toEqual(both);
    files.set(`${ROOT}/a.journey.yaml`, one);
    ws.setFile(`${ROOT}/a.journey.yaml`, { text: one });
    expect(duplicates()).toEqual(withoutSteps);
    files.set(`${ROOT}/b.journey.yaml`, one);
    ws.setFile(`${ROOT}/b.journey.yaml`, { text: one });
    expect(duplicates()).toEqual(both);
    // Another ID: its stages and steps are of another scope.
    const other = one.replace('id: j', 'id: k');
    files.set(`${ROOT}/b.journey.yaml`, other);
    ws.setFile(`${ROOT}/b.journey.yaml`, { text: other });
    expect(duplicates()).toEqual([]);
    files.set(`${ROOT}/a.journey.yaml`, other);
    ws.setFile(`${ROOT}/a.journey.yaml`, { text: other });
    expect(duplicates()).toEqual(both);
  });

  it('rechecks only the files a change can affect', () => {
    const checked = vi.spyOn(unknownTouchpoint, 'check');
    const files = () => checked.mock.calls.map(([m]) => relative(ROOT, m.file)).sort();
    const ws = new Workspace(CONFIGS[0]!);
    const hotline = journey(STEP('service-hotline'));
    ws.setFile(`${ROOT}/p.touchpoints.yaml`, { text: TOUCHPOINTS });
    ws.setFile(`${ROOT}/s.standards.yaml`, { text: STANDARDS });
    ws.setFile(`${ROOT}/people.personas.yaml`, { text: PERSONAS });
    ws.setFile(`${ROOT}/a.journey.yaml`, { text: hotline });
    ws.setFile(`${ROOT}/b.journey.yaml`, {
      text: hotline.replace('id: j', 'id: k'),
    });
    expect(ws.findings()).toEqual([]);
    expect(files()).toEqual(['a.journey.yaml', 'b.journey.yaml', 'p.touchpoints.yaml', 'people.personas.yaml', 's.standards.yaml']);
    // An edit of one journey: only that journey is checked again.
    checked.mockClear();
    ws.setFile(`${ROOT}/a.journey.yaml`, {
      text: hotline.replace('title: 来电', 'title: 回电'),
    });
    expect(ws.findings()).toEqual([]);
    expect(files()).toEqual(['a.journey.yaml']);
    // The touchpoint both journeys use renamed: both journeys are checked again, with the inventory and the
    // standards file that names it; the personas file is not.
    checked.mockClear();
    ws.setFile(`${ROOT}/p.touchpoints.yaml`, {
      text: TOUCHPOINTS.replace('id: service-hotline', 'id: hotline-new'),
    });
    expect(ws.findings().map((f) => `${relative(ROOT, f.file)} ${f.ruleId}`)).toEqual(['a.journey.yaml unknown-touchpoint', 'b.journey.yaml unknown-touchpoint']);
    expect(files()).toEqual(['a.journey.yaml', 'b.journey.yaml', 'p.touchpoints.yaml', 's.standards.yaml']);
    // Nothing changed: nothing is checked.
    checked.mockClear();
    ws.findings();
    expect(files()).toEqual([]);
    checked.mockRestore();
  });
});
