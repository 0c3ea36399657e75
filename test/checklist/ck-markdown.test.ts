import { describe, expect, it } from 'vitest';
import { percent, scoreMarkdown, type AuditScore, type ScoredItem } from '../../src/core';

const item = (i: Partial<ScoredItem> & Pick<ScoredItem, 'id' | 'status'>): ScoredItem => ({ dimension: 'eff', weight: 1, critical: false, invalid: false, recheck: false, ...i });

const counts = { pass: 0, fail: 2, na: 0, unanswered: 2 };
const audit: AuditScore = {
  file: '/w/a.md',
  touchpoint: 'desk',
  outcome: 'incomplete',
  overall: { passedWeight: 0, answeredWeight: 0, counts },
  dimensions: [{ dimension: '', compliance: { passedWeight: 0, answeredWeight: 2, compliance: 0, counts } }],
  items: [
    item({ id: 'a', status: 'fail', action: { text: 'call\nback', owner: '王' } }),
    item({ id: 'b', status: 'fail', action: { text: 'fix', due: '2026-12-15' } }),
    item({ id: 'c', status: 'unanswered', invalid: true, recheck: true, value: 0 }),
    item({ id: 'd', status: 'unanswered', action: { text: 'train\r\nnow' } }),
  ],
  criticalFailures: [],
  unanswered: ['c', 'd'],
  failedWithoutAction: ['x'],
  unknown: ['ghost', '幽灵'],
};

describe('score Markdown', () => {
  it('writes "—" for no date or dimension, marks invalid and re-check answers and names only the owner and due date written', () => {
    expect(scoreMarkdown([audit])).toBe(`## desk · —

**INCOMPLETE** · — (0 / 0) · /w/a.md

| Dimension | Compliance | Passed weight | Answered weight | Pass | Fail | N/A | Unanswered |
| --------- | ---------- | ------------- | --------------- | ---- | ---- | --- | ---------- |
| —         | 0.0 %      | 0             | 2               | 0    | 2    | 0   | 2          |

| Item | Result                                 | Weight | Critical | Measured | Action           |
| ---- | -------------------------------------- | ------ | -------- | -------- | ---------------- |
| a    | fail                                   | 1      |          |          | call back (王)   |
| b    | fail                                   | 1      |          |          | fix (2026-12-15) |
| c    | unanswered (invalid answer) (re-check) | 1      |          | 0        |                  |
| d    | unanswered                             | 1      |          |          | train now        |

Unanswered: c, d

Failed without corrective action: x

Unknown items: ghost, 幽灵
`);
  });

  it('lists audits one after another in Chinese, with the site and auditor when known', () => {
    const two = scoreMarkdown([{ ...audit, site: '北区', auditor: '张敏', date: '2026-12-01', items: [], unanswered: [], failedWithoutAction: [], unknown: [], dimensions: [] }, { ...audit, touchpoint: 'hall', criticalFailures: ['k'], items: [], unanswered: [], failedWithoutAction: [], unknown: [], dimensions: [] }], (f) => f.slice(3), 'zh-cn');
    expect(two.split('\n').filter((l) => !l.startsWith('|'))).toEqual([
      '## desk · 2026-12-01 · 北区',
      '',
      '**未完成** · — (0 / 0) · a.md · 张敏',
      '',
      '',
      '',
      '## hall · —',
      '',
      '**未完成** · — (0 / 0) · a.md',
      '',
      '',
      '',
      '未通过的关键项：k',
      '',
    ]);
  });

  it('writes compliance as a percentage with one decimal', () => {
    expect(percent({ passedWeight: 1, answeredWeight: 3, compliance: 1 / 3, counts })).toBe('33.3 %');
    expect(percent({ passedWeight: 2, answeredWeight: 3, compliance: 2 / 3, counts })).toBe('66.7 %');
    expect(percent({ passedWeight: 0, answeredWeight: 0, counts })).toBe('—');
  });
});
