import { describe, expect, it } from 'vitest';
import { applicableStandards, buildChecklist, parseChecklist, renderChecklist, scoreChecklist } from '../../src/core';
import { indexOf } from './fixture';

describe('applicable standards', () => {
  it('takes the listed standards and every selector match, each once, in file order', async () => {
    const index = await indexOf();
    const hotline = index.touchpoints.get('hotline')![0]!;
    // ring-3 is listed and selected by channel; greet listed and selected by tag: each appears once.
    expect(applicableStandards(index, hotline).map((s) => s.def.id)).toEqual(['ring-3', 'greet', 'respond-24h', 'satisfaction']);
    const visit = index.touchpoints.get('repair-visit')![0]!;
    expect(applicableStandards(index, visit).map((s) => s.def.id)).toEqual(['respond-24h']);
  });
});

describe('a generated checklist', () => {
  it('reads back as unanswered items with the standards snapshot and header', async () => {
    const index = await indexOf();
    const spec = buildChecklist(index, index.touchpoints.get('hotline')![0]!, { site: '北区', auditor: '张三', date: '2026-12-03' });
    const { text } = renderChecklist(spec, 'zh-cn');
    const parsed = parseChecklist('/ws/audits/hotline/2026-12-03-北区.md', text);
    expect(parsed.findings).toEqual([]);
    expect(parsed.header).toEqual({ touchpoint: 'hotline', site: '北区', auditor: '张三', date: '2026-12-03', standards: spec.header.standards, language: 'zh-cn' });
    expect(parsed.items.map((i) => [i.id, i.answer, i.spec?.weight, i.spec?.critical, i.spec?.expect?.type])).toEqual([
      ['ring-3', {}, 2, true, 'measure'],
      ['respond-24h', {}, 3, false, 'measure'],
      ['greet', {}, 1, false, 'pass-fail'],
      ['satisfaction', {}, 1, false, 'rating'],
    ]);
    const score = scoreChecklist(parsed);
    expect(score.outcome).toBe('incomplete');
    expect(score.unanswered).toEqual(['ring-3', 'respond-24h', 'greet', 'satisfaction']);
    expect(score.overall.compliance).toBeUndefined();
  });

  it('changes its content hash when an applicable standard changes, not when an unrelated one does', async () => {
    const a = await indexOf();
    const tp = (i: typeof a) => i.touchpoints.get('repair-visit')![0]!;
    const base = buildChecklist(a, tp(a)).header.standards;
    const { STANDARDS } = await import('./fixture');
    const b = await indexOf({ 'service.standards.yaml': STANDARDS.replace('电话铃响三声之内接听。', '铃响三声接听。') });
    expect(buildChecklist(b, tp(b)).header.standards).toBe(base);
    const c = await indexOf({ 'service.standards.yaml': STANDARDS.replace('threshold: 24', 'threshold: 48') });
    expect(buildChecklist(c, tp(c)).header.standards).not.toBe(base);
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
