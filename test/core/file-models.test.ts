import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, type Range } from '../../src/core';
import { journeySteps } from '../../src/core/model/walk';

const model = (name: string, text: string) => analyzeFile(`/ws/${name}`, { text }, defaultConfig('/ws'));
/** "line:col-line:col", 1-based. */
const at = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

describe('the file model', () => {
  it('of an inventory: every field, tags and standards, and where a new entry goes', () => {
    const m = model('t.touchpoints.yaml', [
      'peakend: 1',
      'kind: touchpoints',
      'id: inv',
      'title: 接触点',
      'touchpoints:',
      '    - id: hotline',
      '      name: 热线',
      '      phase: service',
      '      channel: phone',
      '      type: human',
      '      owner: 客服部',
      '      tags: [a, 1, b]',
      '      standards: [s1, 2]',
      '      importance: 4',
      '      performance: 2.5',
      '    - { id: 7, name: 七 }   # a comment',
      '    - { name: no id }',
      '',
      '# end',
      '',
    ].join('\n'));
    expect(m.def).toMatchObject({ kind: 'inventory', id: 'inv', name: '接触点' });
    const [t, seven] = m.touchpoints;
    expect(m.touchpoints).toHaveLength(2);
    expect(t).toMatchObject({ name: '热线', phase: 'service', channel: 'phone', type: 'human', owner: '客服部', tags: ['a', 'b'], importance: 4, performance: 2.5 });
    expect(at(t!.def.range)).toBe('6:11-6:18');
    expect(at(t!.def.fullRange)).toBe('6:7-15:23');
    expect(t!.standards.map((r) => [r.kind, r.id, at(r.range)])).toEqual([['standard', 's1', '13:19-13:21']]);
    expect(seven!.def.id).toBe('7');
    expect(seven).toEqual({ def: expect.objectContaining({ id: '7', name: '七' }), name: '七', tags: [], standards: [] });
    expect(m.listEnd).toEqual({ position: { line: 16, character: 21 }, indent: '    ' });
  });

  it('of a standards file: weights, critical, dimension, selector and each kind of expectation', () => {
    const m = model('s.standards.yaml', [
      'peakend: 1',
      'kind: standards',
      'id: std',
      'title: S',
      'standards:',
      '  - { id: a, title: A, requirement: R, weight: 3, critical: true, dimension: empathy, kano: basic, method: audit, evidence: [photo, 1], expect: { type: rating, atLeast: good } }',
      '  - { id: b, weight: 0, critical: "true", appliesTo: { touchpoints: [t1, 2], channels: [phone], phases: [p], tags: [x, y] }, expect: { type: measure, unit: seconds, comparator: "<=", threshold: 20 } }',
      '  - { id: c, weight: -2, expect: { type: measure, unit: seconds, comparator: "=>", threshold: 20 } }',
      '  - { id: d, expect: { type: pass-fail } }',
      '  - { id: e, expect: { type: rating } }',
      '  - { id: f, expect: { type: measure, unit: s, comparator: "<" } }',
      '  - { id: g, appliesTo: [phone], expect: { type: other } }',
    ].join('\n') + '\n');
    const [a, b, c, d, e, f, g] = m.standards;
    expect(a).toMatchObject({ title: 'A', requirement: 'R', weight: 3, critical: true, kano: 'basic', method: 'audit', evidence: ['photo'], expect: { type: 'rating', atLeast: 'good' } });
    expect(a!.dimension).toEqual({ value: 'empathy', range: { start: { line: 5, character: 77 }, end: { line: 5, character: 84 } } });
    expect(b).toMatchObject({ weight: 1, critical: false, expect: { type: 'measure', unit: 'seconds', comparator: '<=', threshold: 20 } });
    expect(b!.appliesTo).toEqual({ touchpoints: [expect.objectContaining({ kind: 'touchpoint', id: 't1' })], channels: ['phone'], phases: ['p'], tags: ['x', 'y'] });
    expect(c!.weight).toBe(1);
    expect(c!.expect).toBeUndefined();
    expect(d!.expect).toEqual({ type: 'pass-fail' });
    expect(e!.expect).toBeUndefined();
    expect(f!.expect).toBeUndefined();
    expect(g!.appliesTo).toBeUndefined();
    expect(g!.expect).toBeUndefined();
    expect(a!.appliesTo).toBeUndefined();
    expect(m.listEnd).toEqual({ position: { line: 11, character: 58 }, indent: '  ' });
  });

  it('of a journey: its scale, personas, stages, steps, scores, quotes and moments of truth', () => {
    const m = model('j.journey.yaml', [
      'peakend: 1',
      'kind: journey',
      'id: j',
      'title: 旅程',
      'personas: [owner, tenant]',
      'scale: { min: 0, max: 10 }',
      'stages:',
      '  - id: s',
      '    title: 阶段',
      '    steps:',
      '      - id: a',
      '        title: 来电',
      '        channel: phone',
      '        momentOfTruth: true',
      '        touchpoints: [hotline]',
      '        emotions:',
      '          owner: 3   # fine',
      '          guest: x',
      '        quotes: [{ text: t, persona: tenant }, { text: u }]',
      '      - { id: b, title: 回访, momentOfTruth: "true", emotions: {} }',
      '      - { title: no id }',
      '  - { title: no id }',
    ].join('\n') + '\n');
    const j = m.journey!;
    expect(j.title).toBe('旅程');
    expect(j.scale).toEqual({ min: 0, max: 10, neutral: 5 });
    expect(j.personas.map((p) => p.id)).toEqual(['owner', 'tenant']);
    expect(j.quotePersonas.map((p) => [p.id, at(p.range)])).toEqual([['tenant', '19:38-19:44']]);
    expect(j.stages).toHaveLength(1);
    const [a, b] = j.stages[0]!.steps;
    expect(j.stages[0]!.steps).toHaveLength(2);
    expect(j.stages[0]!.title).toBe('阶段');
    expect(a).toMatchObject({ title: '来电', channel: 'phone', momentOfTruth: true });
    expect(a!.def).toMatchObject({ kind: 'step', id: 'a', scope: 'j' });
    expect(a!.touchpoints.map((r) => r.id)).toEqual(['hotline']);
    expect(a!.emotions.map((e) => [e.persona, e.value, at(e.keyRange), at(e.valueRange)])).toEqual([
      ['owner', 3, '17:11-17:16', '17:18-17:19'],
      ['guest', undefined, '18:11-18:16', '18:18-18:19'],
    ]);
    expect(at(a!.emotionsKey!)).toBe('16:9-16:17');
    // tenant is not scored: a new score goes after the last entry's line, at the entries' indentation.
    expect(a!.scoreInsert).toEqual({ position: { line: 17, character: 18 }, style: 'block', indent: '          ', empty: false });
    expect(b).toMatchObject({ momentOfTruth: false, emotions: [] });
    expect(b!.scoreInsert).toEqual({ position: { line: 19, character: 62 }, style: 'flow', indent: '', empty: true });
  });

  it('of a journey without its own scale: the workspace default, and neutral halfway when not given', () => {
    const j = (scale: string) => model('j.journey.yaml', `peakend: 1\nkind: journey\nid: j\ntitle: t\npersonas: [p]\n${scale}stages: []\n`).journey!.scale;
    expect(j('')).toEqual({ min: -5, max: 5, neutral: 0 });
    expect(j('scale: { min: 1, max: 7, neutral: 2 }\n')).toEqual({ min: 1, max: 7, neutral: 2 });
    expect(j('scale: { min: 1, max: 4 }\n')).toEqual({ min: 1, max: 4, neutral: 2.5 });
    expect(j('scale: { min: 4, max: 4 }\n')).toEqual({ min: -5, max: 5, neutral: 0 });
    expect(j('scale: { min: 1 }\n')).toEqual({ min: -5, max: 5, neutral: 0 });
  });

  it('of peakend.yaml: the rule names with their ranges, and the scale\'s range', () => {
    const m = model('peakend.yaml', 'peakend: 1\nkind: config\nrules:\n  duplicate-id: off\n  ? [x]\n  : off\n  7: warning\nscale: { min: 1, max: 5 }\n');
    expect(m.ruleSettings!.map((r) => [r.id, at(r.range)])).toEqual([['duplicate-id', '4:3-4:15'], ['7', '7:3-7:4']]);
    expect(at(m.scaleRange!)).toBe('8:8-8:26');
    expect(model('peakend.yaml', 'peakend: 1\nkind: config\nrules: []\n').ruleSettings).toEqual([]);
  });
});

describe('the journey step walk', () => {
  it('visits steps in stage order with a running index, and nothing without a journey', () => {
    const j = model('j.journey.yaml', 'peakend: 1\nkind: journey\nid: j\ntitle: t\npersonas: [p]\nstages:\n  - { id: s1, title: a, steps: [{ id: a, title: a }, { id: b, title: b }] }\n  - { id: s2, title: b, steps: [] }\n  - { id: s3, title: c, steps: [{ id: c, title: c }] }\n').journey;
    expect([...journeySteps(j)].map((v) => `${v.stage.def.id}/${v.step.def.id}#${v.index}`)).toEqual(['s1/a#0', 's1/b#1', 's3/c#2']);
    expect([...journeySteps(undefined)]).toEqual([]);
  });
});
