import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareFindings, parseChecklist, scoreChecklist, validateChecklist } from '../../src/core';
import { marked } from '../helpers/memory';
import { indexOf } from './fixture';

const blank = readFileSync(new URL('golden/hotline.zh-cn.md', import.meta.url), 'utf8');

/** Fills the generated hotline checklist: `answers` maps an item ID to lines that replace its answer list. */
function fill(answers: Record<string, string>): string {
  let text = blank;
  for (const [id, lines] of Object.entries(answers)) {
    const at = text.indexOf(`### \`${id}\``);
    const listStart = text.indexOf('\n- ', text.indexOf('| ---', at)) + 1;
    const listEnd = text.indexOf('- 状态 (未完成 / 已完成):', listStart) + '- 状态 (未完成 / 已完成):'.length;
    text = text.slice(0, listStart) + lines.trim() + text.slice(listEnd);
  }
  return text;
}

describe('scoring', () => {
  it('weights passes over answered items, leaves N.A. out and fails the audit on a failed critical item', () => {
    const text = fill({
      'ring-3': '- 实测: 4 声\n- 整改措施: 加强培训\n- 责任人: 王经理\n- 期限: 2026-12-20\n- 状态: 未完成',
      'respond-24h': '- Measured: 1.5 days',
      greet: '- [x] 通过\n- [ ] 不通过',
      satisfaction: '- [x] 不适用',
    });
    const parsed = parseChecklist('/ws/audits/hotline/2026-12-03.md', text);
    const s = scoreChecklist(parsed);
    expect(s.items.map((i) => [i.id, i.status, i.value])).toEqual([
      ['ring-3', 'fail', 4],
      ['respond-24h', 'fail', 36],
      ['greet', 'pass', undefined],
      ['satisfaction', 'na', undefined],
    ]);
    // Answered weight: ring-3 2 + respond-24h 3 + greet 1 = 6; passed: greet 1.
    expect(s.overall.passedWeight).toBe(1);
    expect(s.overall.answeredWeight).toBe(6);
    expect(s.overall.compliance).toBeCloseTo(1 / 6, 12);
    expect(s.dimensions.map((d) => [d.dimension, d.compliance.passedWeight, d.compliance.answeredWeight, d.compliance.compliance])).toEqual([
      ['efficiency', 0, 5, 0],
      ['etiquette', 1, 1, 1],
      ['empathy', 0, 0, undefined],
    ]);
    expect(s.outcome).toBe('fail');
    expect(s.criticalFailures).toEqual(['ring-3']);
    expect(s.failedWithoutAction).toEqual(['respond-24h']);
    expect(s.unanswered).toEqual([]);
    expect(parsed.findings.map((f) => [f.ruleId, f.args.id])).toEqual([['checklist-missing-action', 'respond-24h']]);
  });

  it('judges measurements in convertible units and at the bound inclusively', () => {
    const score = (measured: string, rating = '比较满意') =>
      scoreChecklist(parseChecklist('/x.md', fill({ 'ring-3': '- 实测: 3', 'respond-24h': `- 实测: ${measured}`, greet: '- [x] 通过', satisfaction: `- 评价: ${rating}` })));
    expect(score('1 天').items[1]!.status).toBe('pass');
    expect(score('24 hours').items[1]!.status).toBe('pass');
    expect(score('1440 min').items[1]!.status).toBe('pass');
    expect(score('30 h').items[1]!.status).toBe('fail');
    expect(score('24.01').items[1]!.status).toBe('fail');
    const all = score('20 小时', 'very satisfied');
    expect(all.outcome).toBe('pass');
    expect(all.overall.compliance).toBe(1);
    expect(score('20 小时', '基本满意').items[3]!.status).toBe('fail');
    expect(score('20 小时', '4').items[3]!.status).toBe('pass');
  });

  it('counts unanswered items as not passed and the audit as incomplete', () => {
    const s = scoreChecklist(parseChecklist('/x.md', fill({ greet: '- [x] Pass' })));
    expect(s.outcome).toBe('incomplete');
    expect(s.unanswered).toEqual(['ring-3', 'respond-24h', 'satisfaction']);
    expect(s.overall.compliance).toBe(1);
    expect(s.overall.counts).toEqual({ pass: 1, fail: 0, na: 0, unanswered: 3 });
  });

  it('accepts a written result instead of a ticked box', () => {
    const s = scoreChecklist(parseChecklist('/x.md', fill({ greet: '- Result: fail\n- Action: 重新培训\n- Owner: 李\n- Due: 2026-12-10' })));
    expect(s.items.find((i) => i.id === 'greet')!.status).toBe('fail');
    expect(s.failedWithoutAction).toEqual([]);
  });
});

describe('malformed checklists', () => {
  it('reports each problem where it is written', async () => {
    const source = `---
peakend: 1
kind: checklist
touchpoint: ⟦hot-line⟧
date: ⟦2026-02-30⟧
---

# Checklist

## efficiency

### \`ring-3\`

<!-- peakend-item {"fp":"x","dimension":"efficiency","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"\\u003c=","threshold":3}} -->

| Requirement |
| --- |
| Answer within 3 rings |

⟦- [x] Pass⟧
- Measured: ⟦about four⟧

### \`respond-24h\`

<!-- peakend-item {"fp":"y","dimension":"efficiency","weight":3,"critical":false,"expect":{"type":"measure","unit":"hours","comparator":"<=","threshold":24}} -->

- Measured: ⟦3 yuan⟧
- Action: ⟦call back⟧
- Status: ⟦maybe⟧

### \`greet\`

- [x] Pass
⟦- [x] Fail⟧
- Rating: ⟦good⟧
- Due: ⟦next week⟧

### \`⟦greet⟧\`

- [x] Pass

### \`⟦nope⟧\`

- [x] N/A
`;
    const { text, ranges } = marked(source);
    const parsed = parseChecklist('/ws/audits/a.md', text);
    const index = await indexOf();
    const { findings } = validateChecklist(parsed, index);
    const all = [...parsed.findings, ...findings].sort(compareFindings).map((f) => [f.ruleId, f.messageId, f.range]);
    const r = ranges;
    expect(all).toEqual([
      ['checklist-unknown-touchpoint', 'checklist.unknownTouchpoint', r[0]],
      ['checklist-invalid-date', 'checklist.invalidDate', r[1]],
      ['checklist-invalid-answer', 'checklist.boxNotForType', r[2]],
      ['checklist-invalid-measurement', 'checklist.measureNoNumber', r[3]],
      ['checklist-invalid-measurement', 'checklist.measureUnit', r[4]],
      ['checklist-incomplete-action', 'checklist.actionNoOwner', r[5]],
      ['checklist-incomplete-action', 'checklist.actionNoDue', r[5]],
      ['checklist-invalid-answer', 'checklist.unknownStatus', r[6]],
      ['checklist-invalid-answer', 'checklist.twoResults', r[7]],
      // greet has no snapshot: it is checked against the workspace's standard (pass-fail).
      ['checklist-invalid-answer', 'checklist.fieldNotForType', r[8]],
      ['checklist-invalid-date', 'checklist.invalidDate', r[9]],
      ['checklist-duplicate-item', 'checklist.duplicateItem', r[10]],
      ['checklist-unknown-item', 'checklist.unknownItem', r[11]],
    ]);
    expect(r).toHaveLength(12);
  });

  it('reports a missing front matter and never throws on arbitrary text', () => {
    expect(parseChecklist('/a.md', '# just a note\n').findings.map((f) => f.messageId)).toEqual(['checklist.noFrontMatter']);
    expect(parseChecklist('/a.md', '---\n[unclosed\n---\n').findings.map((f) => f.messageId)).toEqual(['checklist.badFrontMatter']);
    expect(parseChecklist('/a.md', '---\nsite: x\n---\n').findings.map((f) => f.messageId)).toEqual(['checklist.noTouchpoint']);
    for (const junk of ['', '\u0000', '### `', '### ``\n- [x]', '---\n---\n### `a`\n<!-- peakend-item {bad json -->\n| a |\n|-|\n- Measured: 1']) {
      expect(() => scoreChecklist(parseChecklist('/a.md', junk))).not.toThrow();
    }
  });
});
