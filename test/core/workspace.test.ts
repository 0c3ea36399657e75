import { describe, expect, it } from 'vitest';
import { defaultConfig, definitionsIn, renameEdits, targetAt, Workspace, type PeakendConfig } from '../../src/core';
import { describeFinding } from '../helpers/expectations';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const STEP = '      - { id: a, title: 来电, touchpoints: [service-hotline], emotions: { owner: 1, tenant: 2 } }\n';

function workspace(files: Record<string, string>, config: Partial<PeakendConfig> = {}): Workspace {
  const ws = new Workspace({ ...defaultConfig('/ws'), ...config });
  for (const [name, text] of Object.entries(files)) ws.setFile(`/ws/${name}`, { text });
  return ws;
}

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

describe('Workspace', () => {
  it('rechecks cross-file rules when a file changes or goes away', () => {
    const ws = workspace({ ...base, 'j.journey.yaml': journey(STEP) });
    expect(ws.findings()).toEqual([]);
    ws.setFile('/ws/t.touchpoints.yaml', { text: TOUCHPOINTS.replace('service-hotline', 'hotline-new') });
    expect(ws.findings().map(describeFinding)).toEqual(['unknown-touchpoint 10:43-10:58']);
    expect(ws.deleteFile('/ws/t.touchpoints.yaml')).toBe(true);
    expect(ws.deleteFile('/ws/t.touchpoints.yaml')).toBe(false);
    // Without any inventory the standard applies to nothing, and nothing can be suggested or created.
    expect(ws.findings().map(describeFinding)).toEqual(['unknown-touchpoint 10:43-10:58', 'unused-standard 6:9-6:30']);
    expect(ws.findings()[0]!.fixes).toBeUndefined();
    ws.setFile('/ws/t.touchpoints.yaml', { text: TOUCHPOINTS });
    expect(ws.findings()).toEqual([]);
    expect(ws.getFile('/ws/nope.yaml')).toBeUndefined();
    expect(ws.findingsFor('/ws/nope.yaml')).toEqual([]);
  });

  it('applies severities and "off" from the config to file and workspace rules alike', () => {
    const files = { ...base, 'j.journey.yaml': journey('      - { id: a, title: x, touchpoints: [nowhere], emotions: { owner: 9, tenant: 1 } }\n') };
    const findings = (rules: PeakendConfig['rules']) => workspace(files, { rules }).findings().map((f) => `${f.ruleId} ${f.severity}`);
    expect(findings({})).toEqual(['unknown-touchpoint error', 'score-out-of-scale error']);
    expect(findings({ 'unknown-touchpoint': 'off', 'score-out-of-scale': 'info' })).toEqual(['score-out-of-scale info']);
    expect(findings({ 'unknown-touchpoint': 'warning', 'score-out-of-scale': 'off' })).toEqual(['unknown-touchpoint warning']);
    expect(findings({ 'unknown-touchpoint': 'error' })).toEqual(['unknown-touchpoint error', 'score-out-of-scale error']);
  });

  it('indexes definitions and references, and offers the inventory next to a similar touchpoint for new ones', () => {
    const second = TOUCHPOINTS.replace('id: inventory', 'id: inventory-2').replace(/service-hotline/g, 'night-hotline').replace(/service-center/g, 'lobby');
    const ws = workspace({ ...base, 'u.touchpoints.yaml': second, 'j.journey.yaml': journey(STEP) });
    const index = ws.getIndex();
    expect(ws.getIndex()).toBe(index);
    expect(index.definitionsOf('touchpoint', 'lobby').map((d) => d.file)).toEqual(['/ws/u.touchpoints.yaml']);
    expect(index.definitionsOf('persona', 'owner').map((d) => d.file)).toEqual(['/ws/p.personas.yaml']);
    expect(index.definitionsOf('standard', 'answer-within-3-rings')).toHaveLength(1);
    expect(index.definitionsOf('touchpoint', 'none')).toEqual([]);
    expect(index.referencesTo('touchpoint', 'service-hotline').map((r) => r.file)).toEqual(['/ws/j.journey.yaml']);
    expect(index.referencesTo('persona', 'owner').map((r) => [r.file, r.role ?? 'list'])).toEqual([
      ['/ws/j.journey.yaml', 'list'],
      ['/ws/j.journey.yaml', 'score'],
    ]);
    expect(index.fileFor('touchpoints')!.file).toBe('/ws/t.touchpoints.yaml');
    expect(index.fileFor('touchpoints', 'lobby')!.file).toBe('/ws/u.touchpoints.yaml');
    expect(index.fileFor('touchpoints', 'missing')!.file).toBe('/ws/t.touchpoints.yaml');
    expect(index.fileFor('personas')!.file).toBe('/ws/p.personas.yaml');
    expect(index.allTouchpoints().map((t) => t.def.id)).toEqual(['service-hotline', 'service-center', 'night-hotline', 'lobby']);
    expect(index.allStandards().map((s) => s.def.id)).toEqual(['answer-within-3-rings']);
    expect(index.coverage()).toBe(index.coverage());
    expect(index.defs.map((d) => `${d.kind}:${d.id}`)).toEqual([
      'journey:j', 'stage:s', 'step:a', 'persona:owner', 'persona:tenant', 'standards-set:standards', 'standard:answer-within-3-rings',
      'inventory:inventory', 'touchpoint:service-hotline', 'touchpoint:service-center', 'inventory:inventory-2', 'touchpoint:night-hotline', 'touchpoint:lobby',
    ]);
  });
});

describe('targets and rename', () => {
  const ws = () => workspace({ ...base, 'j.journey.yaml': journey(STEP) });

  it('finds the reference or definition under the cursor, inclusive of both ends', () => {
    const index = ws().getIndex();
    // The reference "service-hotline" is at line 9 (0-based), columns 42 to 57.
    expect(targetAt(index, '/ws/j.journey.yaml', { line: 9, character: 42 })).toMatchObject({ type: 'ref', ref: { id: 'service-hotline' } });
    expect(targetAt(index, '/ws/j.journey.yaml', { line: 9, character: 57 })).toMatchObject({ type: 'ref', ref: { id: 'service-hotline' } });
    expect(targetAt(index, '/ws/j.journey.yaml', { line: 9, character: 41 })).toBeUndefined();
    expect(targetAt(index, '/ws/j.journey.yaml', { line: 2, character: 4 })).toMatchObject({ type: 'def', def: { kind: 'journey', id: 'j' } });
    expect(targetAt(index, '/ws/t.touchpoints.yaml', { line: 9, character: 44 })).toBeUndefined();
  });

  it('lists a file\'s definitions, stages and steps under their journey', () => {
    const w = ws();
    expect(definitionsIn(w.getFile('/ws/j.journey.yaml')!).map((d) => `${d.kind}:${d.id}`)).toEqual(['journey:j', 'stage:s', 'step:a']);
    expect(definitionsIn(w.getFile('/ws/t.touchpoints.yaml')!).map((d) => `${d.kind}:${d.id}`)).toEqual(['inventory:inventory', 'touchpoint:service-hotline', 'touchpoint:service-center']);
    expect(definitionsIn(w.getFile('/ws/p.personas.yaml')!).map((d) => d.id)).toEqual(['owner', 'tenant']);
  });

  it('renames a persona in its definition, the journey\'s list and each score key; a step only within its journey', () => {
    const index = ws().getIndex();
    const persona = targetAt(index, '/ws/p.personas.yaml', { line: 3, character: 10 })!;
    const r = renameEdits(index, persona, '业主');
    expect(r.ok && r.edits.map((e) => `${e.file.slice(4)} ${e.range.start.line}:${e.range.start.character}-${e.range.end.character} ${e.newText}`)).toEqual([
      'p.personas.yaml 3:10-15 业主',
      'j.journey.yaml 4:11-16 业主',
      'j.journey.yaml 9:72-77 业主',
    ]);
    expect(renameEdits(index, persona, 'owner')).toEqual({ ok: true, edits: [] });
    expect(renameEdits(index, persona, 'Tenant')).toEqual({ ok: false, messageId: 'rename.collision', args: { kind: 'persona', id: 'Tenant' } });
    expect(renameEdits(index, persona, 'a b')).toEqual({ ok: false, messageId: 'rename.invalid', args: { id: 'a b' } });
    const step = targetAt(index, '/ws/j.journey.yaml', { line: 9, character: 15 })!;
    expect(step).toMatchObject({ type: 'def', def: { kind: 'step', id: 'a', scope: 'j' } });
    const renamed = renameEdits(index, step, 'b');
    expect(renamed.ok && renamed.edits.map((e) => e.newText)).toEqual(['b']);
  });
});
