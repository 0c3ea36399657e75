/** The pull-request comment's text, worked out by hand for small reviews (the chart itself is tested in markdown.test.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, diffMarkdown, reviewDiff, type FileModel } from '../../../src/core';

const config = defaultConfig('/ws');

const journey = (owner: [number, number, number], extra = '') => `peakend: 1
kind: journey
id: j
title: 旅程
personas: [owner, tenant]
stages:
  - id: s
    steps:
      - { id: s1, emotions: { owner: ${owner[0]}, tenant: 1 } }
      - { id: s2, emotions: { owner: ${owner[1]} }${extra} }
      - { id: s3, emotions: { owner: ${owner[2]} } }
`;

const PERSONAS = `peakend: 1
kind: personas
personas:
  - { id: owner, name: 业主 }
  - { id: tenant, name: 租户 }
`;

const INVENTORY = 'peakend: 1\nkind: touchpoints\nid: x\ntouchpoints: []\n';

function side(journeyText: string, inventoryText = INVENTORY, personas = PERSONAS): FileModel[] {
  return [
    analyzeFile('/ws/j.journey.yaml', { text: journeyText }, config),
    analyzeFile('/ws/p.personas.yaml', { text: personas }, config),
    analyzeFile('/ws/sub/x.touchpoints.yaml', { text: inventoryText }, config),
  ];
}

/** The comment with each Mermaid block's body left out. */
const withoutCharts = (md: string) => md.replace(/```mermaid\n[\s\S]*?```/g, '```mermaid …```');

describe('diff Markdown', () => {
  // owner 2, −1, 3 → 2, −3, 1. Before: best and peak s3 (3), worst s2, end s3 (3): peak-end 3, average 4/3.
  // After: best s1 (2), worst and peak s2 (−3), end s3 (1): peak-end −1, average 0. tenant is unchanged.
  const review = reviewDiff(side(journey([2, -1, 3])), side(journey([2, -3, 1]), 'peakend: 1\nkind: touchpoints\nid: x\ntouchpoints: [\n'));

  it('groups the changes by journey, with the curves and figures before → after, then by file', () => {
    expect(withoutCharts(diffMarkdown(review, { lang: 'en', cwd: '/ws', range: 'main…head' }))).toBe(`### Peakend review · main…head

🔴 0 breaking · 🟠 8 warnings · 🔵 0 info

#### Journey j

\`\`\`mermaid …\`\`\`

| Persona | Peak-end | Average | Most intense | End |
|---|---:|---:|---|---|
| 业主 | 3 → -1 | 1.33 → 0 | s3 (3) → s2 (-3) | s3 (3) → s3 (1) |
| 租户 | 1 | 1 | s1 (1) | s1 (1) |

| Level | Change | Where |
|---|---|---|
| 🟠 warning | 业主 (owner): peak-end score 3 → -1 (-4); average 1.33 → 0. | j.journey.yaml:3 |
| 🟠 warning | 业主 (owner): the best moment moved from "s3" (3) to "s1" (2). | j.journey.yaml:9 |
| 🟠 warning | Step "s2": owner -1 → -3 (-2). | j.journey.yaml:10 |
| 🟠 warning | 业主 (owner): the worst moment at "s2" changed from -1 to -3. | j.journey.yaml:10 |
| 🟠 warning | 业主 (owner): the most intense moment moved from "s3" (3) to "s2" (-3). | j.journey.yaml:10 |
| 🟠 warning | Step "s3": owner 3 → 1 (-2). | j.journey.yaml:11 |
| 🟠 warning | 业主 (owner): the end at "s3" changed from 3 to 1. | j.journey.yaml:11 |

#### sub/x.touchpoints.yaml

| Level | Change | Where |
|---|---|---|
| 🟠 warning | The head revision of this file cannot be read: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a &#93; | sub/x.touchpoints.yaml:5 |
`);
  });

  it('speaks Chinese with lang zh-cn, messages included', () => {
    const md = withoutCharts(diffMarkdown(review, { lang: 'zh-cn', cwd: '/ws', range: 'main…head' }));
    expect(md.split('\n').slice(0, 13)).toEqual([
      '### Peakend 变更评审 · main…head',
      '',
      '🔴 0 项破坏性变更 · 🟠 8 项警告 · 🔵 0 条提示',
      '',
      '#### 旅程 j',
      '',
      '```mermaid …```',
      '',
      '| 客户画像 | 峰终得分 | 平均分 | 峰值时刻 | 终点 |',
      '|---|---:|---:|---|---|',
      '| 业主 | 3 → -1 | 1.33 → 0 | s3 (3) → s2 (-3) | s3 (3) → s3 (1) |',
      '| 租户 | 1 | 1 | s1 (1) | s1 (1) |',
      '',
    ]);
    expect(md).toContain('\n| 级别 | 变更 | 位置 |\n|---|---|---|\n| 🟠 警告 | 业主 (owner)：峰终得分 3 → -1（-4）；平均分 1.33 → 0。 | j.journey.yaml:3 |\n');
    expect(md).toContain('\n| 🟠 警告 | 步骤“s3”：owner 3 → 1（-2）。 | j.journey.yaml:11 |\n');
  });

  it('nothing changed: the summary line and one line that says so', () => {
    const same = side(journey([2, -1, 3]));
    expect(diffMarkdown(reviewDiff(same, same), { lang: 'en', cwd: '/ws', range: 'a…b' })).toBe('### Peakend review · a…b\n\n🔴 0 breaking · 🟠 0 warnings · 🔵 0 info\n\nNo change to journeys, standards or touchpoints.\n');
    expect(diffMarkdown(reviewDiff(same, same), { lang: 'zh-cn', cwd: '/ws', range: 'a…b' })).toBe('### Peakend 变更评审 · a…b\n\n🔴 0 项破坏性变更 · 🟠 0 项警告 · 🔵 0 条提示\n\n没有影响旅程、标准或接触点的变更。\n');
  });

  it('shows a persona new in the head against dashes, and leaves out one with no scores', () => {
    const before = journey([2, -1, 3]).replace('personas: [owner, tenant]', 'personas: [owner, tenant, guest]').replace(/, tenant: 1/g, '');
    const after = journey([2, -1, 1]).replace('personas: [owner, tenant]', 'personas: [owner, tenant, guest]');
    const md = withoutCharts(diffMarkdown(reviewDiff(side(before), side(after)), { lang: 'en', cwd: '/ws', range: 'a…b' }));
    // owner 2, −1, 3 → 2, −1, 1: the most intense moves from s3 (3) to s1 (2), the end drops to 1: peak-end (2 + 1) / 2 = 1.5; average 4/3 → 2/3.
    // tenant had no score on the base: dashes before. guest has none on either side: no row.
    expect(md.split('\n').slice(8, 12)).toEqual([
      '| Persona | Peak-end | Average | Most intense | End |',
      '|---|---:|---:|---|---|',
      '| 业主 | 3 → 1.5 | 1.33 → 0.67 | s3 (3) → s1 (2) | s3 (3) → s3 (1) |',
      '| 租户 | — → 1 | — → 1 | — → s1 (1) | — → s1 (1) |',
    ]);
    expect(md.split('\n')[12]).toBe('');
    // A persona no personas file defines is shown by its ID.
    const unnamed = PERSONAS.replace('  - { id: tenant, name: 租户 }\n', '');
    const rows = withoutCharts(diffMarkdown(reviewDiff(side(before, INVENTORY, unnamed), side(after, INVENTORY, unnamed)), { lang: 'en', cwd: '/ws', range: 'a…b' })).split('\n');
    expect(rows[11]).toBe('| tenant | — → 1 | — → 1 | — → s1 (1) | — → s1 (1) |');
  });

  it('shows no curves for a journey whose scores did not change, and counts a single warning and info', () => {
    const before = side(journey([2, -1, 3]));
    const after = side(journey([2, -1, 3], ', painPoints: [排队久], touchpoints: [] '));
    const r = reviewDiff(before, after);
    expect(r.changes.map((c) => c.checkId)).toEqual(['pain-points-changed']);
    expect(diffMarkdown(r, { lang: 'en', cwd: '/ws', range: 'a…b' })).toBe(`### Peakend review · a…b

🔴 0 breaking · 🟠 1 warning · 🔵 0 info

#### Journey j

| Level | Change | Where |
|---|---|---|
| 🟠 warning | Step "s2" gained pain points: “排队久”. | j.journey.yaml:10 |
`);
    const back = diffMarkdown(reviewDiff(after, before), { lang: 'zh-cn', cwd: '/ws', range: 'b…a' });
    expect(back).toBe(`### Peakend 变更评审 · b…a

🔴 0 项破坏性变更 · 🟠 0 项警告 · 🔵 1 条提示

#### 旅程 j

| 级别 | 变更 | 位置 |
|---|---|---|
| 🔵 提示 | 步骤“s2”移除了痛点：“排队久”。 | j.journey.yaml:10 |
`);
  });

  it('folds a group of more than ten changes, and titles standards and touchpoints groups', () => {
    const std = (count: number, threshold: number) => `peakend: 1
kind: standards
id: 投诉标准
standards:
${Array.from({ length: count }, (_, i) => `  - { id: s${i + 1}, title: 标准${i + 1}, appliesTo: { channels: [phone] }, expect: { type: measure, unit: hours, comparator: "<=", threshold: ${threshold} } }\n`).join('')}`;
    const tps = (importance: number) => `peakend: 1
kind: touchpoints
id: 清单
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: phone, type: human, importance: ${importance}, performance: 2 }
`;
    const models = (count: number, threshold: number, importance: number) => [
      analyzeFile('/ws/c.standards.yaml', { text: std(count, threshold) }, config),
      analyzeFile('/ws/t.touchpoints.yaml', { text: tps(importance) }, config),
    ];
    // Eleven standards loosened from 24 to 48 hours: a warning each, one group, folded.
    const r = reviewDiff(models(11, 24, 2), models(11, 48, 4));
    const md = diffMarkdown(r, { lang: 'en', cwd: '/ws', range: 'a…b' });
    const lines = md.split('\n');
    expect(lines.slice(0, 3)).toEqual(['### Peakend review · a…b', '', '🔴 0 breaking · 🟠 12 warnings · 🔵 1 info']);
    expect(lines.slice(3, 12)).toEqual(['', '#### Standards 投诉标准', '', '<details>', '<summary>11 changes</summary>', '', '| Level | Change | Where |', '|---|---|---|', '| 🟠 warning | Standard "s1": threshold &#60;= 24 hours → &#60;= 48 hours. | c.standards.yaml:5 |']);
    expect(lines.slice(21, 37)).toEqual([
      '| 🟠 warning | Standard "s11": threshold &#60;= 24 hours → &#60;= 48 hours. | c.standards.yaml:15 |',
      '',
      '</details>',
      '',
      '#### Touchpoints 清单',
      '',
      '| Level | Change | Where |',
      '|---|---|---|',
      // hotline (2, 2) low priority → (4, 2) concentrate here: a warning. Its checklist changes at every standard: information.
      '| 🟠 warning | Touchpoint "hotline" moved from "low-priority" to "concentrate-here" in the importance–performance analysis. | t.touchpoints.yaml:5 |',
      '| 🔵 info | The checklist of touchpoint "hotline" changes at s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11. | t.touchpoints.yaml:5 |',
      '',
    ]);
    const zh = diffMarkdown(r, { lang: 'zh-cn', cwd: '/ws', range: 'a…b' }).split('\n');
    expect(zh.slice(4, 8)).toEqual(['#### 标准 投诉标准', '', '<details>', '<summary>11 项变更</summary>']);
    expect(zh).toContain('#### 接触点 清单');
    // Ten changes in a group are not folded.
    const ten = diffMarkdown(reviewDiff(models(10, 24, 2), models(10, 48, 2)), { lang: 'en', cwd: '/ws', range: 'a…b' }).split('\n');
    expect(ten.slice(2, 9)).toEqual(['🔴 0 breaking · 🟠 10 warnings · 🔵 1 info', '', '#### Standards 投诉标准', '', '| Level | Change | Where |', '|---|---|---|', '| 🟠 warning | Standard "s1": threshold &#60;= 24 hours → &#60;= 48 hours. | c.standards.yaml:5 |']);
    expect(ten).not.toContain('<details>');
  });
});
