import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig } from '../../src/core';
import { compareFindings, type Finding } from '../../src/core/finding';
import { didYouMean } from '../../src/core/didYouMean';
import { journey, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const model = (name: string, text: string) => analyzeFile(`/ws/${name}`, { text }, defaultConfig('/ws'));
const def = (name: string, text: string) => {
  const d = model(name, text).def;
  return d && { kind: d.kind, id: d.id, name: d.name, at: `${d.range.start.line}:${d.range.start.character}` };
};

describe('what each kind reads of its file', () => {
  it('a journey, an inventory and a set of standards: their own ID and title', () => {
    expect(def('j.journey.yaml', journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1 } }\n'))).toEqual({ kind: 'journey', id: 'j', name: '旅程', at: '2:4' });
    expect(def('t.touchpoints.yaml', TOUCHPOINTS)).toEqual({ kind: 'inventory', id: 'inventory', name: '接触点', at: '2:4' });
    expect(def('s.standards.yaml', STANDARDS)).toEqual({ kind: 'standards-set', id: 'standards', name: '标准', at: '2:4' });
  });

  it('a journey without an ID: its steps unscoped, and the schema finding, without failing', () => {
    const text = journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1 } }\n').replace('id: j\n', '');
    const m = model('j.journey.yaml', text);
    expect(m.def).toBeUndefined();
    const step = m.journey!.stages[0]!.steps[0]!.def;
    expect([step.kind, step.id, 'scope' in step]).toEqual(['step', 'a', false]);
    expect(m.findings.map((f) => [f.ruleId, f.message])).toEqual([['schema', 'Missing property "id".']]);
  });
});

describe('compareFindings', () => {
  const at = (ruleId: string, file = '/a', line = 1, character = 2) => ({ ruleId, file, range: { start: { line, character }, end: { line, character } } }) as Finding;

  it('orders by file, line, column, then rule ID, and calls equal places and rules equal', () => {
    expect(compareFindings(at('b'), at('b'))).toBe(0);
    expect(compareFindings(at('b'), at('z'))).toBe(-1);
    expect(compareFindings(at('z'), at('b'))).toBe(1);
    expect(compareFindings(at('z', '/a'), at('b', '/b'))).toBe(-1);
    expect(compareFindings(at('b', '/b'), at('z', '/a'))).toBe(1);
    expect(Math.sign(compareFindings(at('z', '/a', 1, 9), at('b', '/a', 2, 0)))).toBe(-1);
  });
});

describe('didYouMean with a writable test', () => {
  it('offers fixes only for suggestions that pass, and prefers none when there are several suggestions', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
    const r = didYouMean('ab-c', ['ab-cd', 'ab c'], '/f', range, { all: true, writable: (s) => !s.includes(' ') });
    expect(r.suggestions).toEqual(['ab-cd', 'ab c']);
    expect(r.fixes.map((f) => [f.title, f.preferred])).toEqual([['Change to "ab-cd"', undefined]]);
  });
});

describe('where a new entry goes', () => {
  it('after the last item of the block list of touchpoints, standards or personas', () => {
    const end = (name: string, text: string) => {
      const e = model(name, text).listEnd;
      return e && `${e.position.line}:${e.position.character} "${e.indent}"`;
    };
    // The last item ends at the end of its last line: line 6 of the inventory, line 10 of the standards, line 4 of the personas.
    expect(end('t.touchpoints.yaml', TOUCHPOINTS)).toBe(`6:${TOUCHPOINTS.split('\n')[6]!.length} "  "`);
    expect(end('s.standards.yaml', STANDARDS)).toBe(`10:${STANDARDS.split('\n')[10]!.length} "  "`);
    // "  - { id: tenant, name: 租户 }" is 28 UTF-16 units long.
    expect(end('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n  - { id: tenant, name: 租户 }\n')).toBe('4:28 "  "');
  });
});
