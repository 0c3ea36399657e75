import { describe, expect, it } from 'vitest';
import { disableLineFix, LineIndex, renameEdits, targetAt, type Finding } from '../../src/core';
import { describeFinding } from '../helpers/expectations';
import { check, memoryHost } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';
import { openWorkspace } from '../../src/core';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };
const STEP = '      - { id: a, title: x, touchpoints: [service-hotline], emotions: { owner: 1, tenant: 1 } }\n';
const rules = async (files: Record<string, string>, ruleId: string) => (await check({ ...base, ...files })).filter((f) => f.ruleId === ruleId).map((f) => `${describeFinding(f)} ${f.message}`);

describe('invalid-scale', () => {
  const withScale = (scale: string) => ({ 'j.journey.yaml': journey(STEP, `personas: [owner, tenant]\nscale: ${scale}\n`) });
  it('refuses min equal to max, and a neutral point outside by any amount, inclusive ends allowed', async () => {
    expect(await rules(withScale('{ min: 2, max: 2 }'), 'invalid-scale')).toEqual(["invalid-scale 6:8-6:26 The scale's min (2) must be below its max (2)."]);
    expect(await rules(withScale('{ min: -3, max: 3, neutral: -3 }'), 'invalid-scale')).toEqual([]);
    expect(await rules(withScale('{ min: -3, max: 3, neutral: 3 }'), 'invalid-scale')).toEqual([]);
    expect(await rules(withScale('{ min: -3, max: 3, neutral: -4 }'), 'invalid-scale')).toEqual(['invalid-scale 6:8-6:40 The neutral point -4 is outside the scale -3 to 3.']);
    expect(await rules(withScale('{ min: -3, max: 3, neutral: 3.5 }'), 'invalid-scale')).toEqual(['invalid-scale 6:8-6:41 The neutral point 3.5 is outside the scale -3 to 3.']);
  });

  it('says nothing of scales that are not two numbers (the schema does)', async () => {
    for (const scale of ['5', '{ min: a, max: 3 }', '{ min: 1, max: b }', '{ min: 1 }', '[1, 2]']) expect(await rules(withScale(scale), 'invalid-scale')).toEqual([]);
  });
});

describe('unknown-dimension', () => {
  const standards = (dims: string, dimension: string) => ({
    's.standards.yaml': STANDARDS.replace('kind: standards\n', `kind: standards\n${dims}`).replace('    method: mystery-shopping', `    method: mystery-shopping\n    dimension: ${dimension}`),
  });
  it('holds a file to its own dimensions when it declares them, suggesting the closest with a fix', async () => {
    const found = (await check({ ...base, ...standards('dimensions: [speed, 1, care]\n', 'sped') })).filter((f) => f.ruleId === 'unknown-dimension');
    expect(found.map((f) => `${describeFinding(f)} ${f.severity} ${f.message}`)).toEqual(['unknown-dimension 12:16-12:20 warning Unknown dimension "sped". Did you mean "speed"?']);
    expect(found[0]!.fixes!.map((x) => [x.title, x.preferred, x.edits.map((e) => e.newText)])).toEqual([['Change to "speed"', true, ['speed']]]);
    expect(await rules(standards('dimensions: [speed, care]\n', 'reliability'), 'unknown-dimension')).toEqual(['unknown-dimension 12:16-12:27 Unknown dimension "reliability". This file allows: speed, care.']);
    expect(await rules(standards('dimensions: [speed, care]\n', 'care'), 'unknown-dimension')).toEqual([]);
    expect(await rules(standards('', 'tangibles'), 'unknown-dimension')).toEqual([]);
    expect(await rules(standards('dimensions: nope\n', 'xyz'), 'unknown-dimension')).toEqual([
      'unknown-dimension 12:16-12:19 Unknown dimension "xyz". This file allows: reliability, responsiveness, assurance, empathy, tangibles, etiquette, norms, efficiency.',
    ]);
  });
});

describe('missing-persona-score', () => {
  it('leaves a step without emotions to the schema', async () => {
    expect(await rules({ 'j.journey.yaml': journey('      - { id: a, title: x, touchpoints: [service-hotline] }\n') }, 'missing-persona-score')).toEqual([]);
  });
});

describe('rename', () => {
  it('lets IDs of other kinds and other journeys\' steps be taken, and leaves references alone for steps', async () => {
    const other = 'peakend: 1\nkind: journey\nid: k\ntitle: k\npersonas: [owner]\nstages:\n  - { id: s, title: s, steps: [{ id: b, title: b, emotions: { owner: 0 } }] }\n';
    const all: Record<string, string> = { '/ws/peakend.yaml': 'peakend: 1\nkind: config\n', '/ws/k.journey.yaml': other, '/ws/j.journey.yaml': journey(STEP) };
    for (const [k, v] of Object.entries(base)) all[`/ws/${k}`] = v;
    const index = (await openWorkspace(memoryHost(all), '/ws')).workspace.getIndex();
    const step = targetAt(index, '/ws/j.journey.yaml', { line: 9, character: 15 })!;
    for (const id of ['b', 'service-hotline', 'owner']) {
      const r = renameEdits(index, step, id);
      expect(r.ok && r.edits.map((e) => `${e.file} ${e.range.start.line}:${e.range.start.character}`)).toEqual(['/ws/j.journey.yaml 9:14']);
    }
    const stage = targetAt(index, '/ws/j.journey.yaml', { line: 6, character: 9 })!;
    expect(renameEdits(index, stage, 'S')).toEqual({ ok: true, edits: [expect.objectContaining({ newText: 'S' })] });
    const persona = targetAt(index, '/ws/p.personas.yaml', { line: 3, character: 10 })!;
    const r = renameEdits(index, persona, 'service-center');
    expect(r.ok && r.edits.length).toBe(5);
    const touchpoint = targetAt(index, '/ws/t.touchpoints.yaml', { line: 5, character: 12 })!;
    expect(renameEdits(index, touchpoint, 'Service-Center')).toEqual({ ok: false, messageId: 'rename.collision', args: { kind: 'touchpoint', id: 'Service-Center' } });
    const standard = targetAt(index, '/ws/s.standards.yaml', { line: 5, character: 10 })!;
    expect(renameEdits(index, standard, 'fast').ok).toBe(true);
  });
});

describe('the disable-line fix, at the edges', () => {
  const f = (line: number) => ({ ruleId: 'schema', file: '/f', range: { start: { line, character: 0 }, end: { line, character: 1 } } }) as Finding;
  it('adds a directive above the first line, and treats a directive with only spaces after it as naming no rule', () => {
    expect(disableLineFix(new LineIndex('# peakend-disable-next-line x\n'), f(0)).edits[0]).toMatchObject({ range: { start: { line: 0, character: 0 } }, newText: '# peakend-disable-next-line schema\n' });
    const fix = disableLineFix(new LineIndex('# peakend-disable-next-line   \nb\n'), f(1));
    expect(fix).toMatchObject({ title: 'Disable schema for this line', messageId: 'fix.disableLine', args: { rule: 'schema' } });
    expect(fix.edits[0]).toMatchObject({ file: '/f', range: { start: { line: 0, character: 27 }, end: { line: 0, character: 27 } }, newText: ' schema' });
  });
});
