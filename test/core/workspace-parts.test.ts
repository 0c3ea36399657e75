import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, ModelCache, restoreModel, storeModel, type FileModel, type Finding, type PeakendConfig } from '../../src/core';
import type { Ref } from '../../src/core/model/types';
import { NOWHERE } from '../../src/core/report';
import { contributions } from '../../src/core/workspace/crossFile';
import { duplicateKey, fileDefs, fileRefs, forEachRefOfKind } from '../../src/core/workspace/fileEntries';
import { ioErrorDetail } from '../../src/core/workspace/ioError';
import { applySettings } from '../../src/core/workspace/settings';

const config = defaultConfig('/ws');

function finding(ruleId: string, line: number, file = '/ws/j.journey.yaml'): Finding {
  const at = { line, character: 0 };
  return { ruleId, severity: 'warning', message: 'm', messageId: 'm', args: {}, file, range: { start: at, end: at } };
}

describe('applySettings', () => {
  const silenced = (lines: [number, string[]][]) => ({ suppressions: new Map(lines.map(([l, r]) => [l, new Set(r)])) }) as unknown as FileModel;

  it('drops rules set off, changes severities that differ, keeps the rest as they are', () => {
    const a = finding('rule-a', 1);
    const b = finding('rule-b', 2);
    const c = finding('rule-c', 3);
    const rules = { 'rule-a': 'off', 'rule-b': 'warning', 'rule-c': 'error' } as PeakendConfig['rules'];
    const out = applySettings([a, b, c, finding('rule-d', 4)], { ...config, rules }, new Map());
    expect(out.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['rule-b warning', 'rule-c error', 'rule-d warning']);
    // Unchanged findings are the same objects; a changed one is a copy, the original untouched.
    expect(out[0]).toBe(b);
    expect(out[2]!.ruleId).toBe('rule-d');
    expect(out[1]).not.toBe(c);
    expect(c.severity).toBe('warning');
  });

  it('silences findings on a line a disable comment names: all rules for an empty list, else the rules listed', () => {
    const files = new Map([
      ['/ws/j.journey.yaml', silenced([[1, []], [2, ['rule-a']]])],
      ['/ws/k.journey.yaml', silenced([])],
    ]);
    const input = [finding('rule-a', 1), finding('rule-b', 1), finding('rule-a', 2), finding('rule-b', 2), finding('rule-a', 3), finding('rule-a', 1, '/ws/k.journey.yaml'), finding('rule-a', 1, '/ws/x.yaml')];
    const out = applySettings(input, config, files);
    expect(out.map((f) => `${f.file.slice(4)} ${f.range.start.line} ${f.ruleId}`)).toEqual([
      'j.journey.yaml 2 rule-b',
      'j.journey.yaml 3 rule-a',
      'k.journey.yaml 1 rule-a',
      'x.yaml 1 rule-a',
    ]);
  });
});

describe('ModelCache keys on the content as read', () => {
  const file = '/ws/p.personas.yaml';
  const text = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: O }\n';
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('takes the same text, bytes, or unread size and error again; anything else is analysed anew', () => {
    const cache = new ModelCache();
    const t = cache.analyze(file, { text }, config);
    expect(cache.analyze(file, { text }, config)).toBe(t);
    expect(cache.analyze(file, { text: text + '\n' }, config)).not.toBe(t);
    const b = cache.analyze(file, { bytes: bytes(text) }, config);
    expect(cache.analyze(file, { bytes: bytes(text) }, config)).toBe(b);
    // Same length, one byte other; then another length.
    expect(cache.analyze(file, { bytes: bytes(text.replace('O }', 'P }')) }, config).personas[0]!.name).toBe('P');
    expect(cache.analyze(file, { bytes: bytes(text.replace('O }', 'PQ }')) }, config).personas[0]!.name).toBe('PQ');
    expect(cache.hits).toBe(2);
    // The same bytes and one more.
    const prefix = cache.analyze(file, { bytes: bytes(text) }, config);
    expect(cache.analyze(file, { bytes: bytes(text + '#') }, config)).not.toBe(prefix);
    const big = cache.analyze(file, { size: 10_000_000 }, config);
    expect(cache.analyze(file, { size: 10_000_000 }, config)).toBe(big);
    expect(cache.analyze(file, { size: 10_000_001 }, config)).not.toBe(big);
    const failed = cache.analyze(file, { size: 0, error: 'EIO: i/o error' }, config);
    expect(cache.analyze(file, { size: 0, error: 'EIO: i/o error' }, config)).toBe(failed);
    expect(cache.analyze(file, { size: 0, error: 'other' }, config)).not.toBe(failed);
    expect(cache.analyze(file, { size: 0 }, config)).not.toBe(failed);
    const folder = cache.analyze(file, { notFile: 'directory' }, config);
    expect(cache.analyze(file, { notFile: 'directory' }, config)).not.toBe(folder);
    expect(cache.hits).toBe(4);
  });

  it('analyses anew with other options', () => {
    const cache = new ModelCache();
    const now = cache.analyze(file, { text }, config);
    const later = cache.analyze(file, { text }, config, { positions: 'later' });
    expect(later).not.toBe(now);
    expect(later.withoutPositions).toBe(true);
    expect(cache.analyze(file, { text }, config, { positions: 'later' })).toBe(later);
    const kept = cache.analyze(file, { text }, config, { positions: 'later', keepValue: true });
    expect(kept).not.toBe(later);
    expect(cache.analyze(file, { text }, config, { positions: 'now' })).not.toBe(now);
    expect(cache.hits).toBe(1);
    // Positions now is what no option means.
    expect(cache.analyze(file, { text }, config)).toBe(cache.analyze(file, { text }, config, { positions: 'now' }));
    expect(cache.hits).toBe(3);
  });
});

describe('stored models', () => {
  const text = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: O }\n  - { id: owner, name: P }\n# peakend-disable-next-line unused-persona\n  - { id: guest, name: G }\n';

  it('come back as they were, placeholder ranges and the file path included', () => {
    for (const positions of ['now', 'later'] as const) {
      const m = analyzeFile('/ws/p.personas.yaml', { text }, config, { positions });
      const back = restoreModel(storeModel(m), '/ws/moved.personas.yaml', text);
      expect(back.file).toBe('/ws/moved.personas.yaml');
      expect(back.personas.map((p) => [p.def.id, p.def.file])).toEqual([
        ['owner', '/ws/moved.personas.yaml'],
        ['owner', '/ws/moved.personas.yaml'],
        ['guest', '/ws/moved.personas.yaml'],
      ]);
      expect([...back.suppressions].map(([l, r]) => [l, [...r]])).toEqual([[6, ['unused-persona']]]);
      expect(back.lines.text).toBe(text);
      expect(back.value).toBeNull();
      expect(back.findings.map((f) => f.ruleId)).toEqual(m.findings.map((f) => f.ruleId));
      expect(back.personas[1]!.def.range).toEqual(m.personas[1]!.def.range);
    }
    // Read without positions, every range is the one placeholder.
    const plain = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: O }\n';
    const m = analyzeFile('/ws/p.personas.yaml', { text: plain }, config, { positions: 'later' });
    expect(m.withoutPositions).toBe(true);
    const back = restoreModel(storeModel(m), '/ws/q.personas.yaml', plain);
    expect(back.personas[0]!.def.range).toBe(NOWHERE);
    expect(back.personas[0]!.def.fullRange).toBe(NOWHERE);
    expect(back.personas[0]!.def.file).toBe('/ws/q.personas.yaml');
    expect(back.withoutPositions).toBe(true);
  });

  it('refuse text that is not a stored model', () => {
    const good = JSON.parse(storeModel(analyzeFile('/ws/p.personas.yaml', { text }, config))) as Record<string, unknown>;
    const bad = ['null', '5', '"x"', '[]', JSON.stringify({ ...good, file: '/ws/p.personas.yaml' }), JSON.stringify({ ...good, findings: {} }), JSON.stringify({ ...good, suppressions: 1 })];
    for (const json of bad) expect(() => restoreModel(json, '/ws/p.personas.yaml', text), json.slice(0, 40)).toThrow('not a stored model');
    expect(restoreModel(JSON.stringify(good), '/ws/p.personas.yaml', text).personas).toHaveLength(3);
  });
});

describe('what one file contributes', () => {
  const journey = `peakend: 1
kind: journey
id: j
title: J
personas: [owner, tenant]
stages:
  - id: s
    title: S
    steps:
      - id: a
        title: A
        touchpoints: [web, app]
        emotions: { owner: 1 }
        quotes: [{ text: q, persona: tenant }]
  - id: t
    title: T
    steps:
      - { id: b, title: B }
`;

  it('lists definitions and references in order', () => {
    const m = analyzeFile('/ws/j.journey.yaml', { text: journey }, config);
    expect(fileDefs(m).map((d) => `${d.kind}:${d.id}`)).toEqual(['journey:j', 'stage:s', 'stage:t', 'step:a', 'step:b']);
    expect(fileRefs(m).map((r) => `${r.kind}:${r.id}:${r.role ?? ''}:${r.range.start.line}`)).toEqual([
      'persona:owner::4',
      'persona:tenant::4',
      'persona:tenant::13',
      'touchpoint:web::11',
      'touchpoint:app::11',
      'persona:owner:score:12',
    ]);
    const tps = analyzeFile('/ws/t.touchpoints.yaml', { text: 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n  - { id: web, name: W, phase: p, channel: c, type: digital, standards: [fast] }\n' }, config);
    expect(fileDefs(tps).map((d) => `${d.kind}:${d.id}`)).toEqual(['inventory:inv', 'touchpoint:web']);
    expect(fileRefs(tps).map((r) => `${r.kind}:${r.id}`)).toEqual(['standard:fast']);
    const std = analyzeFile(
      '/ws/s.standards.yaml',
      { text: 'peakend: 1\nkind: standards\nid: st\ntitle: S\nstandards:\n  - { id: fast, title: F, requirement: R, method: observation, appliesTo: { touchpoints: [web] } }\n' },
      config,
    );
    expect(fileDefs(std).map((d) => `${d.kind}:${d.id}`)).toEqual(['standards-set:st', 'standard:fast']);
    expect(fileRefs(std).map((r) => `${r.kind}:${r.id}`)).toEqual(['touchpoint:web']);
    // One kind at a time, in the same order, without the scores' personas.
    const ofKind = (f: FileModel, kind: 'touchpoint' | 'standard' | 'persona') => {
      const out: Ref[] = [];
      forEachRefOfKind(f, kind, (r) => out.push(r));
      return out;
    };
    for (const f of [m, tps, std])
      for (const kind of ['touchpoint', 'standard', 'persona'] as const) expect(ofKind(f, kind)).toEqual(fileRefs(f).filter((r) => r.kind === kind && r.role !== 'score'));
    expect(ofKind(m, 'persona').map((r) => `${r.id}:${r.range.start.line}`)).toEqual(['owner:4', 'tenant:4', 'tenant:13']);
  });

  it('keys duplicates on kind, scope and the ID in lower case', () => {
    const m = analyzeFile('/ws/j.journey.yaml', { text: journey }, config);
    const [j, s, , a] = fileDefs(m);
    expect(duplicateKey(j!)).toBe('journey\u0000\u0000j');
    expect(duplicateKey(s!)).toBe('stage\u0000j\u0000s');
    expect(duplicateKey({ ...a!, id: 'Ab-中' })).toBe('step\u0000j\u0000ab-中');
  });
});

describe('why a read failed, for every code known', () => {
  const sysError = (code: unknown) => Object.assign(new Error(`${String(code)}: text`), { code });
  it('names each code, and keeps the text of anything else', () => {
    const codes: [string, string][] = [
      ['EACCES', 'io.permissionDenied'], ['EPERM', 'io.permissionDenied'], ['ENOENT', 'io.notFound'], ['ENOTDIR', 'io.notFound'], ['ENAMETOOLONG', 'io.nameTooLong'],
      ['ELOOP', 'io.linkLoop'], ['EMFILE', 'io.tooManyOpen'], ['ENFILE', 'io.tooManyOpen'], ['EIO', 'io.deviceError'],
    ];
    for (const [code, message] of codes) expect(ioErrorDetail(sysError(code))).toEqual({ message });
    expect(ioErrorDetail(sysError(13))).toBe('13: text');
    expect(ioErrorDetail({ code: 'EWHAT' })).toBe('[object Object]');
    expect(ioErrorDetail({ code: 'EIO' })).toEqual({ message: 'io.deviceError' });
    expect(ioErrorDetail(null)).toBe('null');
    expect(ioErrorDetail(undefined)).toBe('undefined');
  });
});

describe('contributions', () => {
  const TPS = 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n  - { id: web, name: W, phase: ph, channel: site, type: digital, tags: [t1], standards: [fast] }\n';
  const STD =
    'peakend: 1\nkind: standards\nid: st\ntitle: S\nstandards:\n  - { id: fast, title: F, requirement: R, method: observation, appliesTo: { touchpoints: [web], channels: [site], phases: [ph], tags: [t1] } }\n';
  const keys = (m: FileModel) => [...contributions(m, false).keys()].map((k) => k.replace(/\u0000/g, '|'));
  const read = (name: string, text: string) => analyzeFile(`/ws/${name}`, { text }, config);

  it('names every lookup a file answers', () => {
    expect(keys(read('t.touchpoints.yaml', TPS))).toEqual(['D:inventory||inv', 'D:touchpoint||web', 'T:web', 'TS:fast', 'TC:site', 'TP:ph', 'TG:t1', 'T*']);
    expect(keys(read('s.standards.yaml', STD))).toEqual(['D:standards-set||st', 'D:standard||fast', 'S:fast', 'SelT:web', 'SelC:site', 'SelP:ph', 'SelG:t1', 'S*']);
    expect(keys(read('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: O }\n'))).toEqual(['D:persona||owner', 'P:owner', 'P*']);
    // Files of a kind without entries still take new ones; a standard without a selector selects nothing.
    expect(keys(read('e.touchpoints.yaml', 'peakend: 1\nkind: touchpoints\nid: e\ntitle: E\ntouchpoints:\n  - name: x\n'))).toEqual(['D:inventory||e', 'T*']);
    expect(keys(read('e.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - name: x\n'))).toEqual(['P*']);
    expect(keys(read('b.standards.yaml', 'peakend: 1\nkind: standards\nid: b\ntitle: B\nstandards:\n  - { id: slow, title: F, requirement: R, method: observation }\n'))).toEqual([
      'D:standards-set||b',
      'D:standard||slow',
      'S:slow',
      'S*',
    ]);
    const journey = read('j.journey.yaml', 'peakend: 1\nkind: journey\nid: j\ntitle: J\nstages:\n  - id: s\n    title: S\n    steps: &x\n      - { id: a, title: A }\n  - id: t\n    title: T\n    steps: *x\n');
    // A journey's stages and steps, the one repeated by the alias too, answer under one key for the journey.
    expect(keys(journey)).toEqual(['D:journey||j', 'DS:j']);
    expect(contributions(journey, true).get('DS:j')!.split('\u0000')).toHaveLength(5);
    expect(contributions(journey, false).get('DS:j')).toBe('');
  });

  it('signs what a lookup shows: moved definitions change duplicates and the lists of IDs, not what an entry says', () => {
    for (const [name, text] of [['t.touchpoints.yaml', TPS], ['s.standards.yaml', STD]]) {
      const before = contributions(read(name!, text!), true);
      const moved = contributions(read(name!, text!.replace('\n', '\n# a line more\n')), true);
      const changed = [...before.keys()].filter((k) => before.get(k) !== moved.get(k)).map((k) => k.replace(/\u0000/g, '|'));
      expect(changed, name).toEqual(name === 't.touchpoints.yaml' ? ['D:inventory||inv', 'D:touchpoint||web', 'T*'] : ['D:standards-set||st', 'D:standard||fast', 'S*']);
      // The file's own title is part of its definition only.
      const retitled = contributions(read(name!, text!.replace('title: ', 'title: X')), true);
      expect([...before.keys()].filter((k) => before.get(k) !== retitled.get(k)), name).toEqual([[...before.keys()][0]]);
    }
    const p = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: O }\n';
    const a = contributions(read('p.personas.yaml', p), true);
    const b = contributions(read('p.personas.yaml', p.replace('name: O', 'name: Q')), true);
    expect([...a.keys()].filter((k) => a.get(k) !== b.get(k)).map((k) => k.replace(/\u0000/g, '|'))).toEqual(['D:persona||owner', 'P:owner', 'P*']);
  });
});
