import { describe, expect, it } from 'vitest';
import { auditReport, reportMarkdown, scoreMarkdown, type AuditScore } from '../../src/core';

/** One audit of a hotline, by hand: a critical item failed (weight 1), the greeting passed (weight 2), one item unanswered. */
const audit: AuditScore = {
  file: '/w/audits/hotline/2026-12-01-北区.md',
  touchpoint: 'hotline',
  date: '2026-12-01',
  site: '北区',
  auditor: '张敏',
  outcome: 'fail',
  overall: { passedWeight: 2, answeredWeight: 3, compliance: 2 / 3, counts: { pass: 1, fail: 1, na: 0, unanswered: 1 } },
  dimensions: [{ dimension: 'responsiveness', compliance: { passedWeight: 2, answeredWeight: 3, compliance: 2 / 3, counts: { pass: 1, fail: 1, na: 0, unanswered: 1 } } }],
  items: [
    { id: 'rings', dimension: 'responsiveness', status: 'fail', weight: 1, critical: true, invalid: false, recheck: false, value: 5, action: { text: '早班加一名坐席', owner: '王芳', due: '2026-12-15' } },
    { id: 'greet', dimension: 'responsiveness', status: 'pass', weight: 2, critical: false, invalid: false, recheck: false },
    { id: 'wrap-up', dimension: 'responsiveness', status: 'unanswered', weight: 1, critical: false, invalid: false, recheck: false },
  ],
  criticalFailures: ['rings'],
  unanswered: ['wrap-up'],
  failedWithoutAction: [],
  unknown: [],
};

const rel = (f: string) => f.slice('/w/'.length);
/** The Markdown's lines with table padding collapsed and the delimiter rows left out: the words are what is checked. */
const lines = (md: string) => md.split('\n').filter((l) => !/^\| -/.test(l)).map((l) => l.replace(/ {2,}/g, ' '));

describe('score Markdown in both languages', () => {
  it('English by default', () => {
    expect(lines(scoreMarkdown([audit], rel))).toEqual([
      '## hotline · 2026-12-01 · 北区',
      '',
      '**FAIL** · 66.7 % (2 / 3) · audits/hotline/2026-12-01-北区.md · 张敏',
      '',
      '| Dimension | Compliance | Passed weight | Answered weight | Pass | Fail | N/A | Unanswered |',
      '| responsiveness | 66.7 % | 2 | 3 | 1 | 1 | 0 | 1 |',
      '',
      '| Item | Result | Weight | Critical | Measured | Action |',
      '| rings | fail | 1 | yes | 5 | 早班加一名坐席 (王芳, 2026-12-15) |',
      '| greet | pass | 2 | | | |',
      '| wrap-up | unanswered | 1 | | | |',
      '',
      'Critical failures: rings',
      '',
      'Unanswered: wrap-up',
      '',
    ]);
  });

  it('Simplified Chinese: headings, table headers, results and lists; IDs and what was written stay', () => {
    expect(lines(scoreMarkdown([audit], rel, 'zh-cn'))).toEqual([
      '## hotline · 2026-12-01 · 北区',
      '',
      '**不通过** · 66.7 % (2 / 3) · audits/hotline/2026-12-01-北区.md · 张敏',
      '',
      '| 维度 | 符合率 | 通过权重 | 作答权重 | 通过 | 不通过 | 不适用 | 未作答 |',
      '| responsiveness | 66.7 % | 2 | 3 | 1 | 1 | 0 | 1 |',
      '',
      '| 检查项 | 结果 | 权重 | 关键项 | 实测 | 整改措施 |',
      '| rings | 不通过 | 1 | 是 | 5 | 早班加一名坐席 (王芳, 2026-12-15) |',
      '| greet | 通过 | 2 | | | |',
      '| wrap-up | 未作答 | 1 | | | |',
      '',
      '未通过的关键项：rings',
      '',
      '未作答：wrap-up',
      '',
    ]);
  });
});

describe('report Markdown in both languages', () => {
  const report = auditReport([audit], new Map(), '2026-12-20');

  it('every section heading and the words of its rows', () => {
    const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings(reportMarkdown(report))).toEqual([
      '# Audit report',
      '## Compliance by touchpoint',
      '## Compliance by dimension',
      '## Compliance by standard',
      '## Trend by audit date',
      '## Most-failed standards',
      '## Repeat failures',
      '## Critical failures',
      '## Open corrective actions by owner',
    ]);
    const zh = reportMarkdown(report, 'zh-cn');
    expect(headings(zh)).toEqual(['# 审核报告', '## 各接触点符合率', '## 各维度符合率', '## 各服务标准符合率', '## 按审核日期的趋势', '## 不通过最多的服务标准', '## 连续不通过', '## 未通过的关键项', '## 各责任人的未完成整改']);
    expect(zh).toContain('共 1 次审核；逾期整改截至 2026-12-20。');
    // One audit: no repeat failure.
    expect(zh).toMatch(/## 连续不通过\n\n无。\n/);
    // The action was due 2026-12-15, before 2026-12-20: overdue.
    expect(zh).toMatch(/\| 王芳 +\| hotline +\| rings +\| 早班加一名坐席 \| 2026-12-15 \| 是 +\|/);
    expect(reportMarkdown(report)).toMatch(/\| 王芳 +\| hotline +\| rings +\| 早班加一名坐席 \| 2026-12-15 \| yes +\|/);
  });
});
