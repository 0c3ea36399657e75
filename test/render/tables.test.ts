/** The tables beside the charts as plain cells, before Markdown or HTML escape them. */
import { describe, expect, it } from 'vitest';
import { chartNotes, cutsLine, figuresTable, formatMetric, missingLines, personaHeading, priorityTable, stepsTable } from '../../src/core/render/tables';
import { homeowner, inventory, longJourney } from './fixtures';

describe('formatMetric', () => {
  it('names the metric, then value, scale maximum, sample size and date when given', () => {
    expect(formatMetric({ type: 'csat', value: 4.2, scale: { min: 1, max: 5 }, sampleSize: 86 })).toBe('CSAT 4.2/5 n=86');
    expect(formatMetric({ type: 'nps', name: 'app', value: -12, sampleSize: 0, date: '2026-05' })).toBe('NPS (app) -12 n=0 2026-05');
    expect(formatMetric({ type: 'ces', value: 2, date: '2026-Q1' })).toBe('CES 2 2026-Q1');
    expect(formatMetric({ type: 'other', value: 3 })).toBe('other 3');
    expect(formatMetric({ type: 'other', name: 'Wait (min)', value: 12.5 })).toBe('Wait (min) 12.5');
    expect(formatMetric({ type: 'retention', value: 1 / 3, scale: { min: 0, max: 1 } })).toBe('RETENTION 0.33/1');
  });
});

describe('stepsTable', () => {
  it('marks the number columns and the rows that begin a stage', () => {
    const t = stepsTable(homeowner());
    expect(t.numeric).toEqual([true, false, false, true, true, false, false, false]);
    expect([...t.stageStarts!]).toEqual([0, 2, 4]);
    expect(t.rows[3]).toEqual(['4', '', '领取钥匙 (keys)', '+4 ▲', '–', '', '', 'CSAT 4.2/5 n=86']);
  });
  it('names a stage by its ID when it has no title or is not listed, and a step by its ID without a title', () => {
    const a = homeowner();
    a.stages[0]!.title = '';
    a.stages = a.stages.filter((s) => s.stageId !== 'live');
    a.steps[0]!.title = '';
    const rows = stepsTable(a, { lang: 'zh-cn' }).rows;
    expect(rows.map((r) => r[1])).toEqual(['buy', '', '交房', '', 'live', '']);
    expect(rows[0]![2]).toBe('see-ad');
  });
  it('joins pain points and metrics with semicolons', () => {
    const a = homeowner();
    a.steps[3]!.metrics.push({ type: 'nps', value: 30 });
    expect(stepsTable(a).rows[3]!.slice(5)).toEqual(['', '', 'CSAT 4.2/5 n=86; NPS 30']);
  });
  it('puts the stage name on a row whose stage differs from the row before, even when the stage comes back', () => {
    const a = homeowner();
    a.steps[3]!.stageId = 'buy';
    const t = stepsTable(a);
    expect(t.rows.map((r) => r[1])).toEqual(['购房', '', '交房', '购房', 'Living | "there"', '']);
    expect([...t.stageStarts!]).toEqual([0, 2, 3, 4]);
  });
});

describe('personaHeading', () => {
  it('tags a persona only in the portable variant, on a named axis, when it is drawn and has a tag', () => {
    const a = homeowner();
    const [buyer, upgrader] = a.personas as [NonNullable<(typeof a.personas)[0]>, NonNullable<(typeof a.personas)[0]>];
    expect(personaHeading(a, buyer, 'portable')).toBe('首次购房者 (A)');
    expect(personaHeading(a, upgrader, 'rich')).toBe('Upgrader; "second home"');
    const undrawn = { ...upgrader, scored: 0 };
    a.personas[1] = undrawn;
    expect(personaHeading(a, undrawn, 'portable')).toBe('Upgrader; "second home"');
    const single = { ...homeowner(), personas: [buyer] };
    expect(personaHeading(single, buyer, 'portable')).toBe('首次购房者');
    const long = longJourney(41, 2);
    expect(personaHeading(long, long.personas[1]!, 'portable')).toBe('p2');
    const short = longJourney(40, 2);
    expect(personaHeading(short, short.personas[1]!, 'portable')).toBe('p2 (B)');
  });
});

describe('figuresTable', () => {
  it('marks the number columns and writes missing figures as a dash', () => {
    const a = homeowner();
    const p = a.personas[0]!;
    delete p.best;
    delete p.peakEnd;
    p.worst = { ...p.worst!, tiedWith: ['a', 'b'] };
    const t = figuresTable(a);
    expect(t.numeric).toEqual([false, true, false, false, false, false, true, true, true]);
    expect(t.rows[0]).toEqual(['首次购房者', '6', '–', '-3 · 3 陪同验房 (tied with a, b)', '+4 · 4 领取钥匙', '-1 · 6 renew', '–', '+1', '+0.5']);
  });
  it('says that opposite peaks tied, and gives a persona without scores no figures', () => {
    const a = homeowner();
    a.personas[1]!.peakTiedOpposite = true;
    a.personas.push({ persona: 'renter', scored: 0, stages: [] });
    const rows = figuresTable(a).rows;
    expect(rows[1]![4]).toBe('-4 · 3 陪同验房 (as intense at the opposite sign)');
    expect(rows[0]![4]).toBe('+4 · 4 领取钥匙');
    expect(rows[2]).toEqual(['renter', '0', 'no scores', '', '', '', '', '', '']);
  });

  it('names a moment by its step ID when the step has no title or is unknown', () => {
    const a = homeowner();
    a.personas[0]!.best = { ...a.personas[0]!.best!, stepId: 'gone' };
    expect(figuresTable(a, { lang: 'zh-cn' }).rows[0]!.slice(0, 6)).toEqual(['首次购房者', '6', '+4 · 4 gone', '-3 · 3 陪同验房', '+4 · 4 领取钥匙', '-1 · 6 renew']);
    expect(figuresTable(a, { lang: 'zh-cn' }).head).toEqual(['用户角色', '有评分的步骤', '最好 ▲', '最差 ▼', '峰值', '终点 ●', '峰终值', '平均', '差值']);
  });
});

describe('priorityTable', () => {
  it('follows the analysis order, then the points it left out in their own order', () => {
    const a = { ...inventory(), priority: ['ad-online', 'unknown', 'wechat-account'] };
    const t = priorityTable(a, { lang: 'zh-cn' });
    expect(t.rows.map((r) => r.slice(0, 2))).toEqual([
      ['1', 'ad-online'],
      ['2', 'WeChat | account (wechat-account)'],
      ['3', '报修热线 24h: "快" (repair-hotline)'],
      ['4', '交房验收 (house-handover)'],
      ['5', 'Sales <site> & [show] (sales-site)'],
    ]);
    expect(t.rows[0]!.slice(2)).toEqual(['', '2', '1', '+1', '低优先级', 'ad-online']);
    expect(t.numeric).toEqual([true, false, false, true, true, true, false, false]);
    expect(t.head).toEqual(['#', '触点', '阶段', '重要性', '表现', '差值', '象限', '图表']);
  });
});

describe('cutsLine and missingLines', () => {
  it('say how the cuts were set, in both languages', () => {
    const a = inventory();
    expect(cutsLine({ ...a, cuts: { importance: 3.5, performance: 2.75, method: 'mean' } })).toBe('Cuts: Importance 3.5, Performance 2.75 (the inventory’s means; a value on a cut counts as high)');
    expect(cutsLine({ ...a, cuts: { importance: 4, performance: 3, method: 'fixed' } })).toBe('Cuts: Importance 4, Performance 3 (set in the configuration; a value on a cut counts as high)');
    expect(cutsLine({ ...a, cuts: { importance: 3.5, performance: 2.75, method: 'mean' } }, 'zh-cn')).toBe('分界：重要性 3.5, 表现 2.75 (清单平均值; 等于分界值计为高)');
    expect(cutsLine({ ...a, cuts: { importance: 4, performance: 3, method: 'fixed' } }, 'zh-cn')).toBe('分界：重要性 4, 表现 3 (设定值; 等于分界值计为高)');
  });
  it('name each touchpoint and what it lacks', () => {
    const a = inventory();
    a.missing.push({ touchpointId: 'x', lacks: ['importance', 'performance'] }, { touchpointId: 'y', name: 'Y', lacks: ['importance'] });
    expect(missingLines(a)).toEqual(['产权证办理 (certificate-service) — lacks Performance', 'x — lacks Importance, Performance', 'Y (y) — lacks Importance']);
    expect(missingLines(a, 'zh-cn')[1]).toBe('x — 缺少 重要性, 表现');
  });
});

describe('chartNotes', () => {
  it('adds the note on unscored steps only when a scored persona lacks a step', () => {
    const a = homeowner();
    expect(chartNotes(a, 'zh-cn')).toEqual(['▲ 最好 · ▼ 最差 · ● 终点', '未评分的步骤之间以直线连接；表中未评分处显示“–”。']);
    a.steps[3]!.scores.upgrader = 0;
    expect(chartNotes(a)).toEqual(['▲ best · ▼ worst · ● end']);
    a.personas.push({ persona: 'renter', scored: 0, stages: [] });
    expect(chartNotes(a)).toEqual(['▲ best · ▼ worst · ● end']);
  });
});
