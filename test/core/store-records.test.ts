import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, indexModel, restoreModel, storeModel, type FileModel } from '../../src/core';
import { contributions } from '../../src/core/workspace/crossFile';
import { lazyScopes } from '../../src/core/workspace/index';
import { detachedIndexModel } from '../../src/core/workspace/store';
import { DAMAGE, damage, DOCUMENTS, writeYaml, type Kind } from '../helpers/yamlDocuments';

// A model kept by the cache must come back as it was made, and its cut-down form (what a run after an
// edit puts in the index instead) must answer every lookup of the workspace rules as the whole model does.

const repo = join(__dirname, '..', '..');
const ROOT = '/w';
const config = defaultConfig(ROOT);

function filesUnder(folder: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e)) out.push({ name: p.slice(repo.length + 1).replace(/\//g, '_'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(repo, folder));
  return out;
}

/** Everything of a model but its text and data, as text (its own fields in a fixed order: nothing reads their order). */
function shown(m: FileModel): string {
  const { lines: _lines, value: _value, suppressions, ...rest } = m;
  const fields = Object.entries({ ...rest, suppressions: [...suppressions].map(([line, rules]) => [line, [...rules]]) }).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(fields);
}

function roundTrip(file: string, text: string): void {
  for (const positions of ['now', 'later'] as const) {
    const model = analyzeFile(file, { text }, config, { positions });
    const back = restoreModel(storeModel(model), file, text);
    expect(shown(back)).toBe(shown(model));
    // The placeholder range comes back as the one object every model without positions shares.
    if (model.withoutPositions && model.def) expect(back.def!.range).toBe(model.def.range);
    const cut = restoreModel(storeModel(indexModel(model)), file, '');
    const whole = [...contributions(model, true)];
    expect([...contributions(indexModel(model), true)]).toEqual(whole);
    expect([...contributions(cut, true)]).toEqual(whole);
    expect(cut.findings).toEqual(JSON.parse(JSON.stringify(model.findings)));
    expect([...cut.suppressions]).toEqual([...model.suppressions]);
    // The cut a run keeps of each journey it has checked: the same entries, its scopes named when all have one.
    const detached = detachedIndexModel(model);
    expect(shown(detached)).toBe(shown(indexModel(model)));
    expect([...contributions(detached, true)]).toEqual(whole);
    const defs = model.journey ? [...model.journey.stages.flatMap((s) => [s.def, ...s.steps.map((st) => st.def)]), ...model.journey.repeated] : undefined;
    if (defs?.every((d) => d.scope)) expect(lazyScopes.get(detached)).toEqual([...new Set(defs.map((d) => d.scope))]);
    else expect(lazyScopes.has(detached)).toBe(false);
    // Given the file to read again, such a journey keeps none of its stages and steps until they are read.
    let rereads = 0;
    const lazy = detachedIndexModel(model, () => (rereads++, analyzeFile(file, { text }, config, { positions })));
    expect(lazyScopes.get(lazy)).toEqual(lazyScopes.get(detached));
    expect(rereads).toBe(0);
    expect(shown(lazy)).toBe(shown(detached));
    expect(rereads).toBe(lazyScopes.has(detached) ? 1 : 0);
    expect([...contributions(lazy, true)]).toEqual(whole);
    expect(rereads).toBeLessThanOrEqual(1);
  }
}

describe('models kept by the cache', () => {
  const folders = ['examples/online-service', 'examples/property-management', 'test/fixtures/bad-input', 'test/fixtures/invalid', 'test/fixtures/property'];
  for (const folder of folders) {
    it(`come back as they were made, whole and cut down (${folder})`, () => {
      const files = filesUnder(folder);
      expect(files.length).toBeGreaterThan(0);
      for (const { name, text } of files) roundTrip(`${ROOT}/${name.replace(/\.(ya?ml)$/, '')}.${kindFile(text)}.yaml`, text);
    });
  }

  it('come back as they were made for generated documents of every kind, damaged or not', () => {
    const kinds = Object.keys(DOCUMENTS) as Kind[];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds).chain((kind) => fc.tuple(fc.constant(kind), DOCUMENTS[kind] as fc.Arbitrary<unknown>)),
        fc.integer(),
        fc.option(DAMAGE),
        ([kind, doc], seed, harm) => {
          let text = writeYaml(doc as never, seed);
          if (harm) text = damage(text, harm);
          roundTrip(`${ROOT}/x.${kind === 'config' ? 'yaml' : `${kind}.yaml`}`, text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('treat the stages and steps of a journey whose ID is empty as unscoped, as the index does', () => {
    const text = 'peakend: 1\nkind: journey\nid: ""\ntitle: J\npersonas: [p]\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, emotions: { p: 1 } }\n';
    roundTrip(`${ROOT}/empty-id.journey.yaml`, text);
    const model = analyzeFile(`${ROOT}/empty-id.journey.yaml`, { text }, config, { positions: 'later' });
    expect(model.journey!.stages[0]!.def.scope).toBe('');
    expect(lazyScopes.has(detachedIndexModel(model, () => model))).toBe(false);
  });

  it('keep strings that start with a NUL or look like the marks it writes', () => {
    const names = ['\u0000', '\u0000f', '\u0000d', '\u0000s', '\u0000s\u0000', 'x\u0000'];
    for (const name of names) {
      const text = `peakend: 1\nkind: touchpoints\nid: inv\ntitle: ${JSON.stringify(name)}\ntouchpoints:\n  - { id: a, name: ${JSON.stringify(name)}, phase: ${JSON.stringify(name)}, channel: web, type: human }\n`;
      const file = `${ROOT}/t.touchpoints.yaml`;
      const model = analyzeFile(file, { text }, config);
      expect(model.touchpoints[0]!.def.name).toBe(name);
      const back = restoreModel(storeModel(model), file, text);
      expect(back.touchpoints[0]!.def.name).toBe(name);
      expect(back.touchpoints[0]!.phase).toBe(name);
      expect(shown(back)).toBe(shown(model));
    }
  });

  it('refuses text that is not a kept model', () => {
    const file = `${ROOT}/t.touchpoints.yaml`;
    for (const json of ['{}', '[]', 'null', '{"file":"\\u0000f","findings":[],"suppressions":[],"def":["\\u0000d","journey"]}', '{"file":"\\u0000f","findings":[],"suppressions":[],"title":"\\u0000x"}']) {
      expect(() => restoreModel(json, file, '')).toThrow();
    }
  });
});

/** The kind a file says it is, for its name (a file named for another kind is read as that kind). */
function kindFile(text: string): string {
  const kind = /^kind:\s*([a-z]+)/m.exec(text)?.[1];
  return kind === 'journey' || kind === 'touchpoints' || kind === 'standards' || kind === 'personas' ? kind : 'journey';
}
