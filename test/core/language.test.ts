import { describe, expect, it } from 'vitest';
import { disableLineFix, LineIndex, openWorkspace, referenceSlot, renameEdits, targetAt, definitionsOf, referencesOf, identity } from '../../src/core';
import { applyEdits, marked, memoryHost } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

async function load(files: Record<string, string>) {
  const all: Record<string, string> = { '/ws/peakend.yaml': 'peakend: 1\nkind: config\n' };
  for (const [k, v] of Object.entries(files)) all[`/ws/${k}`] = v;
  return (await openWorkspace(memoryHost(all), '/ws')).workspace;
}

const J = journey('      - { id: a, title: 来电, touchpoints: [service-hotline], emotions: { owner: 1, tenant: 2 } }\n');
const files = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS, 'j.journey.yaml': J };

describe('targets', () => {
  it('finds the reference under the cursor and its definition and references', async () => {
    const ws = await load(files);
    const index = ws.getIndex();
    const t = targetAt(index, '/ws/j.journey.yaml', { line: 9, character: 42 })!;
    expect(t).toMatchObject({ type: 'ref', ref: { kind: 'touchpoint', id: 'service-hotline' } });
    const { kind, id } = identity(t);
    expect(definitionsOf(index, kind, id).map((d) => [d.file, d.range.start])).toEqual([['/ws/t.touchpoints.yaml', { line: 5, character: 10 }]]);
    expect(referencesOf(index, 'persona', 'owner').map((r) => [r.file, r.role ?? 'list'])).toEqual([
      ['/ws/j.journey.yaml', 'list'],
      ['/ws/j.journey.yaml', 'score'],
    ]);
  });
});

describe('rename', () => {
  it('edits the definition and every reference across files', async () => {
    const ws = await load(files);
    const index = ws.getIndex();
    const t = targetAt(index, '/ws/p.personas.yaml', { line: 3, character: 12 })!;
    const r = renameEdits(index, t, '业主');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byFile = (f: string) => r.edits.filter((e) => e.file === f);
    const personas = applyEdits(PERSONAS, byFile('/ws/p.personas.yaml'));
    const j = applyEdits(J, byFile('/ws/j.journey.yaml'));
    expect(personas).toContain('- { id: 业主, name: 业主 }');
    expect(j).toContain('personas: [业主, tenant]');
    expect(j).toContain('emotions: { 业主: 1, tenant: 2 }');
    expect((await load({ ...files, 'p.personas.yaml': personas, 'j.journey.yaml': j })).findings()).toEqual([]);
  });

  it('refuses an ID that collides or breaks the pattern', async () => {
    const index = (await load(files)).getIndex();
    const t = targetAt(index, '/ws/p.personas.yaml', { line: 3, character: 12 })!;
    expect(renameEdits(index, t, 'Tenant')).toEqual({ ok: false, messageId: 'rename.collision', args: { kind: 'persona', id: 'Tenant' } });
    expect(renameEdits(index, t, '../x')).toMatchObject({ ok: false, messageId: 'rename.invalid' });
  });
});

/** The slot at the ‸ in a text. */
function slotAt(source: string, kind: 'journey' | 'touchpoints' | 'standards') {
  const offset = source.indexOf('‸');
  const text = source.replace('‸', '');
  return referenceSlot(text, kind, new LineIndex(text).position(offset));
}

describe('reference slots for completion', () => {
  it('in flow lists, block lists, emotions keys and quote personas', () => {
    expect(slotAt('stages:\n  - id: s\n    steps:\n      - id: a\n        touchpoints: [service-hotline, se‸', 'journey')).toEqual({
      kind: 'touchpoint',
      range: { start: { line: 4, character: 39 }, end: { line: 4, character: 41 } },
      siblings: ['service-hotline'],
    });
    expect(slotAt('personas:\n  - owner\n  - ‸\n', 'journey')).toMatchObject({ kind: 'persona', siblings: ['owner'] });
    expect(slotAt('steps:\n  - id: a\n    emotions:\n      owner: 1\n      ‸\n', 'journey')).toMatchObject({ kind: 'persona', siblings: ['owner'] });
    expect(slotAt('      - { id: a, emotions: { owner: 1, ‸ } }', 'journey')).toMatchObject({ kind: 'persona', siblings: ['owner'] });
    expect(slotAt('        quotes:\n          - text: 慢\n            persona: ‸', 'journey')).toMatchObject({ kind: 'persona' });
    expect(slotAt('  - id: t\n    standards:\n    - ans‸', 'touchpoints')).toMatchObject({ kind: 'standard', range: { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } } });
    expect(slotAt('    appliesTo:\n      touchpoints: [‸]', 'standards')).toMatchObject({ kind: 'touchpoint', siblings: [] });
  });

  it('nowhere else', () => {
    expect(slotAt('title: ‸', 'journey')).toBeUndefined();
    expect(slotAt('      - { id: a, emotions: { owner: ‸ } }', 'journey')).toBeUndefined();
    expect(slotAt('    tags: [‸]', 'touchpoints')).toBeUndefined();
    expect(slotAt('stages:\n  - id: s\n    steps:\n      - ‸', 'journey')).toBeUndefined();
  });
});

describe('disable-line fix', () => {
  it('adds a directive at the line\'s indentation, or extends the one above', async () => {
    const src = journey('      - { id: a, title: x, touchpoints: [hotline], emotions: { owner: 1, tenant: 9 } }\n');
    const ws = await load({ ...files, 'j.journey.yaml': src });
    const [unknown, score] = ws.findingsFor('/ws/j.journey.yaml');
    const lines = new LineIndex(src);
    const once = applyEdits(src, disableLineFix(lines, unknown!).edits);
    expect(once).toContain('      # peakend-disable-next-line unknown-touchpoint\n      - { id: a');
    const twice = applyEdits(once, disableLineFix(new LineIndex(once), { ...score!, range: { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } } }).edits);
    expect(twice).toContain('      # peakend-disable-next-line unknown-touchpoint, score-out-of-scale\n');
    expect((await load({ ...files, 'j.journey.yaml': twice })).findings()).toEqual([]);
  });

  it('puts the rule before a "-- reason" of the directive above, so that it takes effect', async () => {
    const src = journey('      # peakend-disable-next-line score-out-of-scale -- the survey allows 9\n      - { id: a, title: x, touchpoints: [hotline], emotions: { owner: 1, tenant: 9 } }\n');
    const ws = await load({ ...files, 'j.journey.yaml': src });
    const [unknown, ...rest] = ws.findingsFor('/ws/j.journey.yaml');
    expect([unknown!.ruleId, rest]).toEqual(['unknown-touchpoint', []]);
    const fixed = applyEdits(src, disableLineFix(new LineIndex(src), unknown!).edits);
    expect(fixed).toContain('      # peakend-disable-next-line score-out-of-scale, unknown-touchpoint -- the survey allows 9\n      - { id: a');
    expect((await load({ ...files, 'j.journey.yaml': fixed })).findings()).toEqual([]);
  });
});
