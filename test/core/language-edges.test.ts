import { describe, expect, it } from 'vitest';
import { definitionsIn, definitionsOf, disableLineFix, LineIndex, openWorkspace, referencesOf, renameEdits, targetAt, type Finding } from '../../src/core';
import { memoryHost } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const STEP = '      - { id: a, title: x, touchpoints: [service-hotline], emotions: { owner: 1, tenant: 1 } }\n';
const OTHER = 'peakend: 1\nkind: journey\nid: k\ntitle: k\npersonas: [owner]\nstages:\n  - { id: s, title: s, steps: [{ id: a, title: b, emotions: { owner: 0 } }] }\n';
// A touchpoint that lists the standard, so that renaming the standard has a reference to edit.
const INVENTORY = TOUCHPOINTS.replace('type: human }\n', 'type: human, standards: [answer-within-3-rings] }\n');

async function index() {
  const files: Record<string, string> = {
    '/ws/peakend.yaml': 'peakend: 1\nkind: config\n',
    '/ws/p.personas.yaml': PERSONAS,
    '/ws/t.touchpoints.yaml': INVENTORY,
    '/ws/s.standards.yaml': STANDARDS,
    '/ws/j.journey.yaml': journey(STEP),
    '/ws/k.journey.yaml': OTHER,
  };
  return (await openWorkspace(memoryHost(files), '/ws')).workspace.getIndex();
}

const where = (xs: { file: string; range: { start: { line: number; character: number } } }[]) => xs.map((x) => `${x.file.slice(4)} ${x.range.start.line}:${x.range.start.character}`);

describe('definitions and references of an ID', () => {
  it('are of the kind asked for, and within the journey asked for', async () => {
    const ix = await index();
    expect(where(definitionsOf(ix, 'step', 'a'))).toEqual(['j.journey.yaml 9:14', 'k.journey.yaml 6:37']);
    expect(where(definitionsOf(ix, 'step', 'a', 'k'))).toEqual(['k.journey.yaml 6:37']);
    // "s" is a stage of both journeys and no step.
    expect(definitionsOf(ix, 'step', 's')).toEqual([]);
    expect(where(referencesOf(ix, 'standard', 'answer-within-3-rings'))).toEqual(['t.touchpoints.yaml 6:95']);
    expect(referencesOf(ix, 'persona', 'service-hotline')).toEqual([]);
  });

  it('are found under the cursor only in the file asked about', async () => {
    const ix = await index();
    // Line 9, column 42 is the reference to service-hotline in j.journey.yaml; k.journey.yaml has no line 9.
    expect(targetAt(ix, '/ws/j.journey.yaml', { line: 9, character: 42 })).toMatchObject({ type: 'ref', ref: { id: 'service-hotline' } });
    expect(targetAt(ix, '/ws/k.journey.yaml', { line: 9, character: 42 })).toBeUndefined();
    // Line 2, column 4 is the journey's ID in both journeys: each finds its own.
    expect(targetAt(ix, '/ws/k.journey.yaml', { line: 2, character: 4 })).toMatchObject({ type: 'def', def: { file: '/ws/k.journey.yaml', id: 'k' } });
  });
});

describe('rename, at the edges', () => {
  it('refuses a Windows device name, and says which', async () => {
    const ix = await index();
    const persona = targetAt(ix, '/ws/p.personas.yaml', { line: 3, character: 10 })!;
    expect(renameEdits(ix, persona, 'con')).toEqual({ ok: false, messageId: 'rename.reserved', args: { id: 'con' } });
    expect(renameEdits(ix, persona, 'a/b')).toEqual({ ok: false, messageId: 'rename.invalid', args: { id: 'a/b' } });
  });

  it('changes only the letter case of an ID, which is no collision with itself', async () => {
    const ix = await index();
    const persona = targetAt(ix, '/ws/p.personas.yaml', { line: 3, character: 10 })!;
    const r = renameEdits(ix, persona, 'Owner');
    expect(r.ok && r.edits.map((e) => `${e.file.slice(4)} ${e.range.start.line}:${e.range.start.character} ${e.newText}`)).toEqual([
      'p.personas.yaml 3:10 Owner',
      'j.journey.yaml 4:11 Owner',
      'j.journey.yaml 9:71 Owner',
      'k.journey.yaml 4:11 Owner',
      'k.journey.yaml 6:62 Owner',
    ]);
  });

  it('renames a standard where the inventory lists it, and a step only in its own journey', async () => {
    const ix = await index();
    const standard = targetAt(ix, '/ws/s.standards.yaml', { line: 5, character: 10 })!;
    const r = renameEdits(ix, standard, 'ring-3');
    expect(r.ok && r.edits.map((e) => `${e.file.slice(4)} ${e.range.start.line}:${e.range.start.character} ${e.newText}`)).toEqual([
      's.standards.yaml 5:8 ring-3',
      't.touchpoints.yaml 6:95 ring-3',
    ]);
    const step = targetAt(ix, '/ws/k.journey.yaml', { line: 6, character: 38 })!;
    const s = renameEdits(ix, step, 'b');
    expect(s.ok && s.edits.map((e) => `${e.file.slice(4)} ${e.range.start.line}:${e.range.start.character}`)).toEqual(['k.journey.yaml 6:37']);
  });
});

describe('the disable-line fix before a bare "--"', () => {
  it('puts the rule before a "--" that ends the directive above', () => {
    const text = '# peakend-disable-next-line x --\nb: 1\n';
    const f = { ruleId: 'schema', file: '/f', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } } as Finding;
    // "# peakend-disable-next-line x" is 29 characters: the rule goes right after "x".
    expect(disableLineFix(new LineIndex(text), f).edits).toEqual([{ file: '/f', range: { start: { line: 0, character: 29 }, end: { line: 0, character: 29 } }, newText: ', schema' }]);
  });
});

describe('rename of a touchpoint, and the outline of a standards file', () => {
  it('renames a touchpoint where journeys list it', async () => {
    const ix = await index();
    const tp = targetAt(ix, '/ws/t.touchpoints.yaml', { line: 5, character: 12 })!;
    const r = renameEdits(ix, tp, 'hotline');
    expect(r.ok && r.edits.map((e) => `${e.file.slice(4)} ${e.range.start.line}:${e.range.start.character} ${e.newText}`)).toEqual([
      't.touchpoints.yaml 5:10 hotline',
      'j.journey.yaml 9:41 hotline',
    ]);
  });

  it('lists the set of standards and each standard', async () => {
    const ws = (await openWorkspace(memoryHost({ '/ws/peakend.yaml': 'peakend: 1\nkind: config\n', '/ws/s.standards.yaml': STANDARDS }), '/ws')).workspace;
    expect(definitionsIn(ws.getFile('/ws/s.standards.yaml')!).map((d) => `${d.kind}:${d.id}`)).toEqual(['standards-set:standards', 'standard:answer-within-3-rings']);
  });
});
