/** The analysis report as Markdown (`peakend analyze --format markdown`), section by section, in both languages. */
import { describe, expect, it } from 'vitest';
import {
  analysisMarkdown,
  analyzeFile,
  analyzeInventory,
  analyzeJourney,
  defaultConfig,
  formatFigure,
  ipaTable,
  metricsTable,
  metricText,
  peakEndTable,
  renderLabel,
  stageAveragesTable,
  type AnalysisReport,
  type Finding,
  type InventoryAnalysis,
  type JourneyAnalysis,
} from '../../src/core';

const config = defaultConfig('/ws');

const JOURNEY = `peakend: 1
kind: journey
id: j
title: 旅程
personas: [owner, tenant]
stages:
  - id: a
    title: 甲
    steps:
      - { id: s1, title: 一, emotions: { owner: 4, tenant: 1 } }
      - id: s2
        emotions: { owner: -4 }
        metrics:
          - { type: csat, value: 3.14159, scale: { min: 1, max: 5 }, sampleSize: 240, date: 2026-06 }
          - { type: other, name: 满意度, value: 80 }
  - id: b
    steps: []
`;

const INVENTORY = `peakend: 1
kind: touchpoints
id: inv
touchpoints:
  - { id: a, name: 甲, phase: service, channel: phone, type: human, importance: 5, performance: 2 }
  - { id: b, phase: service, channel: phone, type: human, importance: 3 }
  - { id: c, name: 丙, phase: service, channel: phone, type: human }
  - { id: d, name: 丁, phase: service, channel: phone, type: human, performance: 2 }
`;

const journey = (): JourneyAnalysis => analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text: JOURNEY }, config), { personaNames: new Map([['owner', '业主']]) })!;
const inventory = (): InventoryAnalysis => analyzeInventory(analyzeFile('/ws/t.touchpoints.yaml', { text: INVENTORY }, config));

describe('analysis Markdown', () => {
  // owner: 4 at s1, −4 at s2. Best s1, worst s2; the peak ties at ±4 and the later step (s2) wins,
  // with the opposite sign noted. End s2 (−4): peak-end (−4 − 4) / 2 = −4, average 0, gap −4.
  // tenant: 1 at s1 only. Stage a: owner (4 − 4) / 2 = 0, tenant 1; stage b has no steps.
  it('renders a journey with its errors, figures, stage averages and metrics, and an inventory with its cuts, priority and missing data', () => {
    const report: AnalysisReport = { version: 1, journeys: [{ ...journey(), errors: 2 }], inventories: [{ ...inventory(), errors: 1 }] };
    expect(analysisMarkdown(report)).toBe(`# Peakend analysis

## Journey: 旅程 (j)

File: /ws/j.journey.yaml · Scale -5 to 5, neutral 0

> This file has 2 error(s): the figures may be incomplete. Run peakend check.

| Persona | Scored steps | Best | Worst | Peak (most intense) | End | Peak-end | Average | Peak-end − average |
| --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: |
| 业主 (owner) | 2 | 4 at s1 | -4 at s2 | -4 at s2 (tied with s1; an opposite moment is as intense) | -4 at s2 | -4 | 0 | -4 |
| tenant | 1 | 1 at s1 | 1 at s1 | 1 at s1 | 1 at s1 | 1 | 1 | 0 |

### Stage averages

| Stage | 业主 (owner) | tenant |
| --- | ---: | ---: |
| 甲 (a) | 0 | 1 |
| b |  |  |

### Measured metrics beside the designed emotion

| Step | Measured | Designed emotion |
| --- | --- | --- |
| s2 | CSAT 3.14 (1–5, n = 240, 2026-06)<br>满意度 80 | owner -4 |

## Touchpoint inventory: inv

File: /ws/t.touchpoints.yaml

> This file has 1 error(s): the figures may be incomplete. Run peakend check.

Cut at importance 3 and performance 3, the scale's midpoint; a value on a cut counts as high.

### Priority

| &#35; | Touchpoint | Quadrant | Importance | Performance | Importance − performance |
| ---: | --- | --- | ---: | ---: | ---: |
| 1 | 甲 (a) | Concentrate here | 5 | 2 | 3 |

### Missing data (placed in no quadrant)

- b: no performance
- 丙 (c): no importance and performance
- 丁 (d): no importance
`);
  });

  it('renders the same report in Chinese, naming files through fileLabel', () => {
    const report: AnalysisReport = { version: 1, journeys: [{ ...journey(), errors: 2 }], inventories: [{ ...inventory(), errors: 1 }] };
    expect(analysisMarkdown(report, { lang: 'zh-cn', fileLabel: (f) => f.replace('/ws/', 'ws/') })).toBe(`# Peakend 分析

## 旅程：旅程 (j)

文件：ws/j.journey.yaml · 量表 -5 到 5，中性分 0

> 此文件有 2 个错误，数据可能不完整。请运行 peakend check。

| 客户画像 | 已评分步骤 | 最好 | 最差 | 峰值（最强烈） | 终点 | 峰终分 | 平均分 | 峰终分 − 平均分 |
| --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: |
| 业主 (owner) | 2 | 4（s1） | -4（s2） | -4（s2）（与 s1 并列；有同样强烈的相反时刻） | -4（s2） | -4 | 0 | -4 |
| tenant | 1 | 1（s1） | 1（s1） | 1（s1） | 1（s1） | 1 | 1 | 0 |

### 各阶段平均分

| 阶段 | 业主 (owner) | tenant |
| --- | ---: | ---: |
| 甲 (a) | 0 | 1 |
| b |  |  |

### 实测指标与设计情感对照

| 步骤 | 实测 | 设计情感 |
| --- | --- | --- |
| s2 | CSAT 3.14 (1–5, 样本 240, 2026-06)<br>满意度 80 | owner -4 |

## 接触点清单：inv

文件：ws/t.touchpoints.yaml

> 此文件有 1 个错误，数据可能不完整。请运行 peakend check。

分界：重要性 3、表现 3（量表中点）；恰好等于分界值的算作高。

### 优先级

| &#35; | 接触点 | 象限 | 重要性 | 表现 | 重要性 − 表现 |
| ---: | --- | --- | ---: | ---: | ---: |
| 1 | 甲 (a) | 重点改进 | 5 | 2 | 3 |

### 缺少数据（未归入任何象限）

- b：缺少表现
- 丙 (c)：缺少重要性和表现
- 丁 (d)：缺少重要性
`);
  });

  it('says when there is nothing to analyse, when a journey lists no personas and when no touchpoint is rated', () => {
    expect(analysisMarkdown({ version: 1, journeys: [], inventories: [] })).toBe('# Peakend analysis\n\nNo journeys or touchpoint inventories to analyse.\n');
    expect(analysisMarkdown({ version: 1, journeys: [], inventories: [] }, { lang: 'zh-cn' })).toBe('# Peakend 分析\n\n没有可分析的旅程或接触点清单。\n');
    const bare: JourneyAnalysis = { ...journey(), title: '  ', personas: [] };
    const unrated = analyzeInventory(analyzeFile('/ws/u.touchpoints.yaml', { text: INVENTORY.replace('importance: 5, performance: 2', 'importance: 5') }, config), { cuts: 'mean' });
    // No errors: no warning line. A blank title gives way to the ID alone.
    expect(analysisMarkdown({ version: 1, journeys: [bare], inventories: [unrated] })).toBe(`# Peakend analysis

## Journey: j

File: /ws/j.journey.yaml · Scale -5 to 5, neutral 0

The journey lists no personas.

## Touchpoint inventory: inv

File: /ws/u.touchpoints.yaml

Cut at importance 3 and performance 3, the scale's midpoint; a value on a cut counts as high.

### Priority

No touchpoint has both importance and performance.

### Missing data (placed in no quadrant)

- 甲 (a): no performance
- b: no performance
- 丙 (c): no importance and performance
- 丁 (d): no importance
`);
  });

  it('names the cut method: the inventory\'s means, or values as set', () => {
    const model = analyzeFile('/ws/t.touchpoints.yaml', { text: INVENTORY.replace('importance: 3 }', 'importance: 3, performance: 4.5 }') }, config);
    // Means over a (5, 2) and b (3, 4.5): importance 4, performance 3.25.
    const mean = analysisMarkdown({ version: 1, journeys: [], inventories: [analyzeInventory(model, { cuts: 'mean' })] });
    expect(mean).toContain('\n\nCut at importance 4 and performance 3.25, the inventory\'s means; a value on a cut counts as high.\n\n');
    const fixed = analysisMarkdown({ version: 1, journeys: [], inventories: [analyzeInventory(model, { cuts: { importance: 2.5, performance: 1 } })] });
    // Every touchpoint rated: no missing-data section.
    const rated = analyzeInventory(analyzeFile('/ws/r.touchpoints.yaml', { text: INVENTORY.replace(/\n {2}- \{ id: [bcd],.*/g, '') }, config));
    expect(rated.points).toHaveLength(1);
    expect(analysisMarkdown({ version: 1, journeys: [], inventories: [rated] }).endsWith('| 1 | 甲 (a) | Concentrate here | 5 | 2 | 3 |\n')).toBe(true);
    expect(fixed).toContain('\n\nCut at importance 2.5 and performance 1, as set; a value on a cut counts as high.\n\n');
  });

  it('lists what peakend check judges, at its line and column, in the report language', () => {
    const judgement: Finding = {
      ruleId: 'weak-ending',
      severity: 'warning',
      messageId: 'analysis.tiedOpposite',
      args: {},
      message: 'an opposite moment is as intense',
      file: '/ws/j.journey.yaml',
      range: { start: { line: 9, character: 14 }, end: { line: 9, character: 16 } },
    } as Finding;
    const a = { ...journey(), judgements: [judgement] };
    const en = analysisMarkdown({ version: 1, journeys: [a], inventories: [] });
    expect(en.split('\n').slice(-4)).toEqual(['### What peakend check judges', '', '- warning · 10:15 · an opposite moment is as intense (weak-ending)', '']);
    // One item a line.
    const two = analysisMarkdown({ version: 1, journeys: [{ ...a, judgements: [judgement, { ...judgement, severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }], inventories: [] });
    expect(two.split('\n').slice(-3)).toEqual(['- warning · 10:15 · an opposite moment is as intense (weak-ending)', '- info · 1:1 · an opposite moment is as intense (weak-ending)', '']);
    const zh = analysisMarkdown({ version: 1, journeys: [a], inventories: [] }, { lang: 'zh-cn' });
    expect(zh.split('\n').slice(-4)).toEqual(['### peakend check 的判断', '', '- warning · 10:15 · 有同样强烈的相反时刻 (weak-ending)', '']);
  });

  it('leaves the metrics section out when no step is measured', () => {
    const a = analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text: JOURNEY.replace(/ {8}metrics:\n.*\n.*\n/, '') }, config))!;
    expect(metricsTable(a)).toBeUndefined();
    expect(analysisMarkdown({ version: 1, journeys: [a], inventories: [] })).not.toContain('Measured');
  });
});

describe('analysis tables', () => {
  it('right-aligns the figures of the peak-end table and of the stage averages', () => {
    const a = journey();
    expect(peakEndTable(a).split('\n')[1]).toBe('| --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: |');
    expect(stageAveragesTable(a).split('\n').slice(0, 2)).toEqual(['| Stage | 业主 (owner) | tenant |', '| --- | ---: | ---: |']);
  });

  it('ranks the priority list from 1, each with its quadrant, figures and gap', () => {
    const model = analyzeFile('/ws/t.touchpoints.yaml', { text: INVENTORY.replace('importance: 3 }', 'importance: 3, performance: 4.5 }').replace('type: human, performance: 2 }', 'type: human, importance: 1.25, performance: 2 }') }, config);
    // a (5, 2) concentrate here, gap 3; b (3, 4.5) keep up, gap −1.5; d (1.25, 2) low priority, gap −0.75.
    expect(ipaTable(analyzeInventory(model))).toBe(`| &#35; | Touchpoint | Quadrant | Importance | Performance | Importance − performance |
| ---: | --- | --- | ---: | ---: | ---: |
| 1 | 甲 (a) | Concentrate here | 5 | 2 | 3 |
| 2 | b | Keep up the good work | 3 | 4.5 | -1.5 |
| 3 | 丁 (d) | Low priority | 1.25 | 2 | -0.75 |`);
  });

  it('writes a metric with only the details it has', () => {
    expect(metricText({ type: 'nps', value: 42 })).toBe('NPS 42');
    expect(metricText({ type: 'ces', value: 2.456, sampleSize: 12 })).toBe('CES 2.46 (n = 12)');
    expect(metricText({ type: 'retention', value: 0.8, date: '2026-Q1' }, 'zh-cn')).toBe('留存率 0.8 (2026-Q1)');
    // An "other" metric without a name is called "Other".
    expect(metricText({ type: 'other', value: 1, scale: { min: 0, max: 10 } })).toBe('Other 1 (0–10)');
  });

  it('shows user text starting with "@" as written, never as the message it would name', () => {
    expect(renderLabel('analysis.moment', { score: '3', step: '@analysis.title' }, 'en')).toBe('3 at @analysis.title');
    expect(renderLabel('analysis.tied', { steps: '@constructor, s2' }, 'en')).toBe('tied with @constructor, s2');
  });
});

describe('analysis details', () => {
  it('formats figures with at most two decimals, no trailing zeros and no minus zero', () => {
    expect([formatFigure(3), formatFigure(1.234), formatFigure(-1.5), formatFigure(2 / 3), formatFigure(-0.001), formatFigure(0.1 + 0.2)]).toEqual(['3', '1.23', '-1.5', '0.67', '0', '0.3']);
  });

  it('fills a message\'s slots whatever the number of arguments', () => {
    // Eleven arguments: the step is the eleventh slot, written with two digits.
    const args = Object.fromEntries([...'abcdefghi'].map((k) => [k, k]).concat([['score', '2'], ['step', '第十一']]));
    expect(renderLabel('analysis.moment', args, 'en')).toBe('2 at 第十一');
  });

  it('leaves the moments of a persona without scores empty, and lists every tie', () => {
    const text = JOURNEY.replace('{ owner: 4, tenant: 1 }', '{ owner: 4, tenant: "好" }').replace('emotions: { owner: -4 }', 'emotions: { owner: 4 }').replace('    steps: []\n', '    steps:\n      - { id: s3, emotions: { owner: 4 } }\n');
    const a = analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text }, config))!;
    // owner scores 4 three times: the last (s3) is chosen, tied with s1 and s2.
    expect(peakEndTable(a).split('\n').slice(2)).toEqual([
      '| owner | 3 | 4 at s3 (tied with s1, s2) | 4 at s3 (tied with s1, s2) | 4 at s3 (tied with s1, s2) | 4 at s3 | 4 | 4 | 0 |',
      '| tenant | 0 |  |  |  |  |  |  |  |',
    ]);
    expect(analysisMarkdown({ version: 1, journeys: [a], inventories: [] })).not.toContain('No journeys');
  });

  it('names a measured step by its title, and gives each persona\'s designed score beside the metric', () => {
    const text = JOURNEY.replace('      - id: s2\n        emotions: { owner: -4 }', '      - id: s2\n        title: 缴费\n        emotions: { owner: -4, tenant: 2.5 }');
    const a = analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text }, config), { personaNames: new Map([['owner', '业主']]) })!;
    expect(metricsTable(a)!.split('\n')[2]).toBe('| 缴费 (s2) | CSAT 3.14 (1–5, n = 240, 2026-06)<br>满意度 80 | owner -4, tenant 2.5 |');
    // A name on a metric of a known type does not replace the type's name.
    expect(metricText({ type: 'csat', name: '满意度', value: 3 })).toBe('CSAT 3');
  });

  it('a journey or inventory without an ID or title is analysed under an empty ID, with no title', () => {
    const a = analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text: JOURNEY.replace('id: j\ntitle: 旅程\n', '') }, config))!;
    expect(a.journeyId).toBe('');
    expect('title' in a).toBe(false);
    const inv = analyzeInventory(analyzeFile('/ws/t.touchpoints.yaml', { text: INVENTORY.replace('id: inv\n', '') }, config));
    expect(inv.inventoryId).toBe('');
    expect('title' in inv).toBe(false);
    // Nor a point or a missing touchpoint without a name or phase has those keys.
    const bare = analyzeInventory(analyzeFile('/ws/t.touchpoints.yaml', { text: 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: 清单\ntouchpoints:\n  - { id: a, importance: 4, performance: 2 }\n  - { id: b, importance: 4 }\n' }, config));
    expect(bare.title).toBe('清单');
    expect(Object.keys(bare.points[0]!).sort()).toEqual(['gap', 'importance', 'performance', 'quadrant', 'range', 'touchpointId']);
    expect(bare.missing).toStrictEqual([{ touchpointId: 'b', lacks: ['performance'] }]);
  });
});
