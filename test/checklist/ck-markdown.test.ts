import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { percent, scoreMarkdown, ScoreMarkdownWriter, type AuditScore, type ScoredItem } from '../../src/core';
import { displayWidth } from '../../src/core/checklist/format';
import { heading, para, text, type MdNode } from '../../src/core/checklist/mdast';
import { reportStringify } from '../../src/core/checklist/reportWriter';
import { table } from '../../src/core/checklist/scoreMarkdown';

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

  it('writes one part per audit, which joined are the whole text', () => {
    const audits = [audit, { ...audit, touchpoint: '前台' }, { ...audit, touchpoint: 'hall' }];
    const writer = new ScoreMarkdownWriter();
    const parts = audits.map((a) => writer.part(a));
    expect(parts[0]!.startsWith('## desk · —\n')).toBe(true);
    expect(parts[1]!.startsWith('\n## 前台 · —\n')).toBe(true);
    expect(writer.end()).toBe('');
    expect(parts.join('')).toBe(scoreMarkdown(audits));
    const none = new ScoreMarkdownWriter();
    expect(none.end()).toBe(scoreMarkdown([]));
  });
});

describe('report Markdown writer', () => {
  // remark as configured for reports, escaping every text on its own.
  const plain = unified().use(remarkGfm, { stringLength: displayWidth }).use(remarkStringify, { bullet: '-', listItemIndent: 'one' });
  const reference = (blocks: MdNode[]) => plain.stringify({ type: 'root', children: blocks } as never);

  it('shows control characters from the checklists as U+FFFD, in cells and elsewhere', () => {
    const hostile = 'a\u001b[31mb\u0007c\u202ed';
    const out = reportStringify([heading(2, [text(hostile)]), para(hostile), table(['h'], [[hostile], [hostile]])]);
    expect(out).toBe('## a\ufffd\\[31mb\ufffdc\ufffdd\n\na\ufffd\\[31mb\ufffdc\ufffdd\n\n| h            |\n| ------------ |\n| a\ufffd\\[31mb\ufffdc\ufffdd |\n| a\ufffd\\[31mb\ufffdc\ufffdd |\n');
  });

  it('escapes a repeated cell as remark does, and text outside a cell for where it stands', () => {
    const hostile = ['# a|b *c* <x>', '1. 一', '- [ ] 项', '`x` \\ _y_', '| ~~s~~ |', '&amp; ![i](u)'];
    const blocks = (): MdNode[] => [
      table(['h', 'i'], hostile.map((h) => [h, h])),
      ...hostile.map(para),
      heading(2, [text(hostile[0]!)]),
      table(['h'], hostile.map((h) => [h])),
      { type: 'paragraph', children: [text(hostile[0]!), { type: 'strong', children: [text(hostile[1]!)] }] },
      // "!" is escaped only before a link: a cell of several nodes is escaped in its context.
      { type: 'table', align: [], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text('see!')] }, { type: 'tableCell', children: [text('see!'), { type: 'link', url: 'u', children: [text('l')] } as MdNode] }] }] },
    ];
    const shared = new Map<string, string>();
    expect(reportStringify(blocks(), shared)).toBe(reference(blocks()));
    // A second document with the same cells, written from what the first escaped.
    expect(shared.size).toBe(hostile.length + 3);
    expect(reportStringify(blocks(), shared)).toBe(reference(blocks()));
    // The same text at the start of a paragraph escapes differently from in a cell.
    expect(reference([para(hostile[0]!)])).not.toBe(reference([table(['h'], [[hostile[0]!]])]).split('\n')[2]);
  });
});
