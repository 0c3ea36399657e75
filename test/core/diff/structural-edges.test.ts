/** The structural diff beyond journeys: every kind of entity, duplicates, renames at the bar, several moves, values compared deeply, and its order. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig } from '../../../src/core';
import { entitiesOf, entityKey } from '../../../src/core/diff/entities';
import { deepEqual, fieldChanges, structuralDiff, type EntityChange } from '../../../src/core/diff/structural';

const config = defaultConfig('/ws');
const model = (file: string, text: string) => analyzeFile(file, { text }, config);

function summary(changes: EntityChange[]): string[] {
  return changes.map((c) => {
    const e = 'after' in c ? c.after : c.before;
    const fields = 'fields' in c && c.fields.length ? ' ' + c.fields.map((f) => `${f.path.join('.')}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join('; ') : '';
    const from = c.type === 'renamed' ? `${c.before.id} → ` : '';
    return `${c.type} ${c.kind} ${from}${e.id}${fields}`;
  });
}

const journey = (ids: string[], id = 'j') =>
  `peakend: 1\nkind: journey\nid: ${id}\npersonas: [owner]\nstages:\n  - id: a\n    steps:\n${ids.map((s) => `      - { id: ${s}, title: 步骤${s}, emotions: { owner: 1 } }\n`).join('')}`;

describe('entities', () => {
  it('of each kind of file, with their own data (child lists, peakend and kind left out) and positions', () => {
    const plain = (file: string, text: string) => entitiesOf(model(file, text)).map(({ range: _r, fullRange: _f, ...e }) => e);
    expect(plain('/ws/p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n  - { id: 7, name: 数字 }\n')).toEqual([
      { kind: 'persona', id: 'owner', position: 0, file: '/ws/p.personas.yaml', data: { id: 'owner', name: '业主' } },
      { kind: 'persona', id: '7', position: 1, file: '/ws/p.personas.yaml', data: { id: 7, name: '数字' } },
    ]);
    expect(plain('/ws/t.touchpoints.yaml', 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: 清单\ntouchpoints:\n  - { id: hotline, name: 热线, phase: service, channel: phone, type: human }\n')).toEqual([
      { kind: 'inventory', id: 'inv', position: 0, file: '/ws/t.touchpoints.yaml', data: { id: 'inv', title: '清单' } },
      { kind: 'touchpoint', id: 'hotline', position: 0, file: '/ws/t.touchpoints.yaml', data: { id: 'hotline', name: '热线', phase: 'service', channel: 'phone', type: 'human' } },
    ]);
    expect(plain('/ws/s.standards.yaml', 'peakend: 1\nkind: standards\nid: set\nstandards:\n  - { id: x, title: 标准, expect: { type: pass-fail } }\n')).toEqual([
      { kind: 'standards-set', id: 'set', position: 0, file: '/ws/s.standards.yaml', data: { id: 'set' } },
      { kind: 'standard', id: 'x', position: 0, file: '/ws/s.standards.yaml', data: { id: 'x', title: '标准', expect: { type: 'pass-fail' } } },
    ]);
    // A step that is not a mapping is skipped and takes no position; a numeric ID is the same ID as text.
    const text = 'peakend: 1\nkind: journey\nid: j\npersonas: [owner]\nstages:\n  - id: a\n    steps:\n      - { id: s1, emotions: { owner: 1 } }\n      - 5\n      - { id: 2, emotions: { owner: 1 } }\n  - id: b\n    steps: []\n';
    const entities = entitiesOf(model('/ws/j.journey.yaml', text));
    expect(entities.map(({ range: _r, fullRange: _f, file: _file, ...e }) => e)).toEqual([
      { kind: 'journey', id: 'j', position: 0, data: { id: 'j', personas: ['owner'] } },
      { kind: 'stage', id: 'a', position: 0, journey: 'j', data: { id: 'a' } },
      { kind: 'step', id: 's1', position: 0, journey: 'j', stage: 'a', data: { id: 's1', emotions: { owner: 1 } } },
      { kind: 'step', id: '2', position: 1, journey: 'j', stage: 'a', data: { id: 2, emotions: { owner: 1 } } },
      { kind: 'stage', id: 'b', position: 1, journey: 'j', data: { id: 'b' } },
    ]);
    // The ID's range and the whole mapping's.
    expect(entities[2]!.range).toEqual({ start: { line: 7, character: 14 }, end: { line: 7, character: 16 } });
    expect(entities[2]!.fullRange).toEqual({ start: { line: 7, character: 8 }, end: { line: 7, character: 42 } });
    expect(entities[0]!.fullRange).toEqual({ start: { line: 0, character: 0 }, end: { line: 11, character: 13 } });
  });

  it('a file that is not a mapping, or one of no kind Peakend compares, yields none', () => {
    expect(entitiesOf(model('/ws/j.journey.yaml', '- 1\n- 2\n'))).toEqual([]);
    expect(entitiesOf(model('/ws/peakend.yaml', 'peakend: 1\nkind: config\n'))).toEqual([]);
    // Stages that are not a list: the journey alone.
    expect(entitiesOf(model('/ws/j.journey.yaml', 'peakend: 1\nkind: journey\nid: j\npersonas: [owner]\nstages: { a: 1 }\n')).map((e) => `${e.kind} ${e.id}`)).toEqual(['journey j']);
    // A journey without an ID has no identity to compare, nor have its stages and steps.
    expect(entitiesOf(model('/ws/j.journey.yaml', journey(['s1']).replace('id: j\n', '')))).toEqual([]);
    // An inventory without an ID still has its touchpoints.
    expect(entitiesOf(model('/ws/t.touchpoints.yaml', 'peakend: 1\nkind: touchpoints\ntouchpoints:\n  - { id: a, name: 甲 }\n')).map((e) => `${e.kind} ${e.id}`)).toEqual(['touchpoint a']);
  });

  it('stages and steps are keyed within their journey; other entities by ID alone', () => {
    expect(entityKey({ kind: 'stage', id: 'a', journey: 'j' })).not.toBe(entityKey({ kind: 'stage', id: 'a', journey: 'k' }));
    expect(entityKey({ kind: 'step', id: 'a', journey: 'j' })).not.toBe(entityKey({ kind: 'stage', id: 'a', journey: 'j' }));
    expect(entityKey({ kind: 'persona', id: 'a', journey: 'j' })).toBe(entityKey({ kind: 'persona', id: 'a', journey: 'k' }));
    const d = structuralDiff([model('/ws/j.journey.yaml', journey(['s1'], 'j'))], [model('/ws/j.journey.yaml', journey(['s1'], 'j')), model('/ws/k.journey.yaml', journey(['s1'], 'k'))]);
    expect(summary(d.changes)).toEqual(['added journey k', 'added stage a', 'added step s1']);
  });
});

describe('structural diff', () => {
  it('compares the first definition of a duplicate ID, files taken in path order', () => {
    const p = (name: string) => `peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: ${name} }\n`;
    // b.personas.yaml defines owner again: only a.personas.yaml's owner counts, whichever order the files come in.
    const d = structuralDiff([model('/ws/b.personas.yaml', p('乙')), model('/ws/a.personas.yaml', p('甲'))], [model('/ws/b.personas.yaml', p('丙')), model('/ws/a.personas.yaml', p('甲'))]);
    expect(d.changes).toEqual([]);
    const e = structuralDiff([model('/ws/b.personas.yaml', p('乙')), model('/ws/a.personas.yaml', p('甲'))], [model('/ws/b.personas.yaml', p('乙')), model('/ws/a.personas.yaml', p('丁'))]);
    expect(summary(e.changes)).toEqual(['modified persona owner name: "甲" → "丁"']);
  });

  it('several steps out of order: only those off the longest common order move', () => {
    const before = journey(['a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1']);
    // a, b, c, d, e, f keep their order (six); g and h jumped ahead.
    const after = journey(['a1', 'g1', 'b1', 'c1', 'h1', 'd1', 'e1', 'f1']);
    expect(summary(structuralDiff([model('/ws/j.journey.yaml', before)], [model('/ws/j.journey.yaml', after)]).changes)).toEqual(['moved step g1 position: 6 → 1', 'moved step h1 position: 7 → 4']);
    // Reversed: one step keeps its place in the longest order, the other three move.
    const reversed = structuralDiff([model('/ws/j.journey.yaml', journey(['a1', 'b1', 'c1', 'd1']))], [model('/ws/j.journey.yaml', journey(['d1', 'c1', 'b1', 'a1']))]);
    expect(reversed.changes.map((c) => c.type)).toEqual(['moved', 'moved', 'moved']);
    // A step removed and one added around the others: nothing moves.
    const shifted = structuralDiff([model('/ws/j.journey.yaml', journey(['a1', 'b1', 'c1']))], [model('/ws/j.journey.yaml', journey(['b1', 'c1', 'z1']))]);
    expect(summary(shifted.changes)).toEqual(['removed step a1', 'added step z1']);
  });

  it('stages that swap are a move of one stage', () => {
    const two = (first: string, second: string) =>
      `peakend: 1\nkind: journey\nid: j\npersonas: [owner]\nstages:\n  - id: ${first}\n    steps: []\n  - id: ${second}\n    steps: []\n`;
    expect(summary(structuralDiff([model('/ws/j.journey.yaml', two('a', 'b'))], [model('/ws/j.journey.yaml', two('b', 'a'))]).changes)).toEqual(['moved stage a position: 0 → 1']);
  });

  it('a rename needs three in five fields equal (the bar, 0.6), and pairs the most alike first', () => {
    const tp = (id: string, name: string, phase: string, channel: string, type: string, owner = '客服部') =>
      `  - { id: ${id}, name: ${name}, phase: ${phase}, channel: ${channel}, type: ${type}, owner: ${owner} }\n`;
    const inv = (...lines: string[]) => `peakend: 1\nkind: touchpoints\nid: inv\ntouchpoints:\n${lines.join('')}`;
    const diff = (a: string, b: string) => summary(structuralDiff([model('/ws/t.touchpoints.yaml', a)], [model('/ws/t.touchpoints.yaml', b)]).changes);
    // Five fields besides the ID; three equal: 0.6, a rename with what else changed.
    expect(diff(inv(tp('a', '热线', 'service', 'phone', 'human')), inv(tp('b', '电话', 'service', 'phone', 'digital')))).toEqual(['renamed touchpoint a → b name: "热线" → "电话"; type: "human" → "digital"']);
    // Two equal: 0.4, an addition and a removal.
    expect(diff(inv(tp('a', '热线', 'service', 'phone', 'human')), inv(tp('b', '电话', 'service', 'email', 'digital')))).toEqual(['added touchpoint b', 'removed touchpoint a']);
    // x matches y on all five fields and z on four: x pairs with y, w (four of five with z) with z.
    const d = diff(inv(tp('w', '甲', 'service', 'phone', 'human', '乙部'), tp('x', '甲', 'service', 'phone', 'human')), inv(tp('z', '甲', 'service', 'phone', 'digital', '乙部'), tp('y', '甲', 'service', 'phone', 'human')));
    expect(d).toEqual(['renamed touchpoint w → z type: "human" → "digital"', 'renamed touchpoint x → y']);
    const r = structuralDiff([model('/ws/t.touchpoints.yaml', inv(tp('a', '热线', 'service', 'phone', 'human')))], [model('/ws/t.touchpoints.yaml', inv(tp('b', '电话', 'service', 'phone', 'digital')))]).changes[0]!;
    expect(r.type === 'renamed' && r.similarity).toBe(0.6);
  });

  it('an entity with nothing but its ID is never a rename; entities of different kinds or journeys never pair', () => {
    const p = (id: string) => `peakend: 1\nkind: personas\npersonas:\n  - { id: ${id} }\n`;
    expect(summary(structuralDiff([model('/ws/p.personas.yaml', p('a'))], [model('/ws/p.personas.yaml', p('b'))]).changes)).toEqual(['added persona b', 'removed persona a']);
    const d = structuralDiff([model('/ws/j.journey.yaml', journey(['s1'], 'j'))], [model('/ws/j.journey.yaml', journey(['s2'], 'k'))]);
    // Stages and steps of other journeys are not renames of each other; journey j's come before k's.
    expect(summary(d.changes)).toEqual(['renamed journey j → k', 'removed stage a', 'added stage a', 'removed step s1', 'added step s2']);
  });

  it('orders changes of one kind by file path', () => {
    const p = (id: string, name: string) => `peakend: 1\nkind: personas\npersonas:\n  - { id: ${id}, name: ${name} }\n`;
    const files = ['c', 'a', 'b'];
    const d = structuralDiff(files.map((f) => model(`/ws/${f}.personas.yaml`, p(f, '甲'))), files.map((f) => model(`/ws/${f}.personas.yaml`, p(f, '乙'))));
    expect(d.changes.map((c) => ('after' in c ? c.after.file : ''))).toEqual(['/ws/a.personas.yaml', '/ws/b.personas.yaml', '/ws/c.personas.yaml']);
  });

  it('orders changes by kind, then journey, file, line and type', () => {
    const before = [model('/ws/b.journey.yaml', journey(['s1', 's2'], 'b')), model('/ws/a.journey.yaml', journey(['s1'], 'a')), model('/ws/p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 甲 }\n')];
    const after = [model('/ws/b.journey.yaml', journey(['s2', 's3'], 'b')), model('/ws/a.journey.yaml', journey(['s0', 's1'], 'a')), model('/ws/p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 乙 }\n')];
    // Persona first; the steps of journey a before those of b; within b, s2 (line 7) before s3 (line 8), s1 removed on line 7 of the base.
    expect(summary(structuralDiff(before, after).changes)).toEqual(['modified persona owner name: "甲" → "乙"', 'added step s0', 'removed step s1', 'added step s3']);
  });
});

describe('values', () => {
  it('fieldChanges follows mappings and compares lists whole, keys in order', () => {
    expect(fieldChanges({ b: 1, a: { x: 1, y: [1, 2] } }, { a: { x: 2, y: [1, 2], z: null }, b: 1, c: 'new' })).toEqual([
      { path: ['a', 'x'], before: 1, after: 2 },
      { path: ['a', 'z'], before: undefined, after: null },
      { path: ['c'], before: undefined, after: 'new' },
    ]);
    expect(fieldChanges({ list: [{ a: 1 }] }, { list: [{ a: 2 }] })).toEqual([{ path: ['list'], before: [{ a: 1 }], after: [{ a: 2 }] }]);
    expect(fieldChanges({ m: { a: 1 } }, { m: 'text' })).toEqual([{ path: ['m'], before: { a: 1 }, after: 'text' }]);
  });

  it('deepEqual: NaN equals NaN, lists by length and item, mappings by their own keys', () => {
    expect(deepEqual(NaN, NaN)).toBe(true);
    expect(deepEqual(NaN, 1)).toBe(false);
    expect(deepEqual(1, 2)).toBe(false);
    expect(deepEqual([1, [2, { a: 'x' }]], [1, [2, { a: 'x' }]])).toBe(true);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual([1, 2], [1, 3])).toBe(false);
    expect(deepEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: null }, { b: null })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual('1', 1)).toBe(false);
  });

  it('a score written as .nan on both sides is no change', () => {
    const t = (v: string) => `peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主, extra: ${v} }\n`;
    expect(structuralDiff([model('/ws/p.personas.yaml', t('.nan'))], [model('/ws/p.personas.yaml', t('.nan'))]).changes).toEqual([]);
    expect(summary(structuralDiff([model('/ws/p.personas.yaml', t('.nan'))], [model('/ws/p.personas.yaml', t('1'))]).changes)).toEqual(['modified persona owner extra: null → 1']);
  });
});
