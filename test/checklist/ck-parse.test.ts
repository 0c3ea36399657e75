import { describe, expect, it } from 'vitest';
import { parseChecklist, type ChecklistReader } from '../../src/core/checklist/parse';
import { marked } from '../helpers/memory';

const READERS: ChecklistReader[] = ['scan', 'remark'];
const snap = (json: string) => `<!-- peakend-item ${json} -->`;

describe.each(READERS)('reading a checklist (%s)', (reader) => {
  const parse = (text: string) => parseChecklist('/ws/audits/a.md', text, reader);

  it('reads the header values and where each is written, after a byte-order mark', () => {
    const { text, ranges: r } = marked(`⟦---
peakend: 1
kind: checklist
touchpoint: ⟦hotline⟧
site: ⟦north⟧
auditor: ⟦Li⟧
date: ⟦2026-12-03⟧
standards: ⟦sha256:abc⟧
language: ⟦zh-cn⟧
extra: ignored
---⟧

# Checklist
`);
    const p = parse(`\uFEFF${text}`);
    expect(p.text).toBe(text);
    expect(p.header).toEqual({ touchpoint: 'hotline', site: 'north', auditor: 'Li', date: '2026-12-03', standards: 'sha256:abc', language: 'zh-cn' });
    expect(p.headerRanges).toEqual({ frontmatter: r[6], touchpoint: r[0], site: r[1], auditor: r[2], date: r[3], standards: r[4], language: r[5] });
    expect(p.findings).toEqual([]);
  });

  it('reads YAML values as text, skips empty ones and reports a front matter that is no mapping where it is', () => {
    const p = parse('---\ntouchpoint: "hotline"\nsite:\nauditor: [a, b]\ndate: 2026-12-03\n---\n');
    expect(p.header).toEqual({ touchpoint: 'hotline', date: '2026-12-03' });
    expect(parse('---\ntouchpoint: 123\nsite: null\n---\n').header).toEqual({ touchpoint: '123' });
    const list = marked('---\n⟦- a\n- b⟧\n---\n');
    expect(parse(list.text).findings.map((f) => [f.ruleId, f.messageId, f.args, f.range])).toEqual([['checklist-header', 'checklist.badFrontMatter', { detail: 'it is not a mapping' }, list.ranges[0]]]);
    const empty = marked('⟦---\n---⟧\n');
    expect(parse(empty.text).findings.map((f) => [f.messageId, f.args, f.range])).toEqual([['checklist.badFrontMatter', { detail: 'it is not a mapping' }, empty.ranges[0]]]);
    const bad = marked('⟦---\ntouchpoint: [a\n---⟧\n');
    const f = parse(bad.text).findings;
    expect(f.map((x) => [x.messageId, x.range])).toEqual([['checklist.badFrontMatter', bad.ranges[0]]]);
    expect(String(f[0]!.args.detail)).not.toContain('\n');
    const noTp = marked('⟦---\nsite: x\ndate: ⟦2026-02-30⟧\n---⟧\n');
    expect(parse(noTp.text).findings.map((x) => [x.messageId, x.args, x.range])).toEqual([
      ['checklist.noTouchpoint', {}, noTp.ranges[1]],
      ['checklist.invalidDate', { value: '2026-02-30' }, noTp.ranges[0]],
    ]);
  });

  it('reads items by the ID in their heading, sections and the obsolete section in either language', () => {
    const p = parse(`---
touchpoint: t
---

## 礼仪

团队说明

### \`a\` First

#### \`not-an-item\`

### Not an item

## 已不适用

### \`b\`

# Title

### \`c\`
`);
    expect(p.items.map((i) => [i.id, i.obsolete])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(p.sections.map((s) => [s.heading, p.text.slice(s.start, s.end).trim()])).toEqual([
      ['礼仪', '团队说明'],
      ['已不适用', ''],
    ]);
    const last = parse('---\ntouchpoint: t\n---\n\n## Notes\n\nto the end\n');
    expect(last.sections.map((s) => [s.heading, s.end === last.text.length, last.text.slice(s.start, s.end).trim()])).toEqual([['Notes', true, 'to the end']]);
  });

  it('reads each item’s snapshot, with defaults for what it lacks', () => {
    const items = [
      ['w0', '{"fp":"f0","dimension":"eff","weight":0,"critical":true,"expect":{"type":"measure","unit":"h","comparator":">","threshold":2}}'],
      ['neg', '{"weight":-1,"critical":"true","dimension":3,"expect":{"type":"rating"}}'],
      ['str', '{"weight":"2","fp":5,"expect":{"type":"measure","unit":"h","comparator":"<","threshold":"3"}}'],
      ['rat', '{"weight":2.5,"expect":{"type":"rating","atLeast":"neutral"}}'],
      ['pf', '{"expect":{"type":"pass-fail","extra":1}}'],
      ['odd', '{"expect":{"type":"other"}}'],
      ['unit', '{"expect":{"type":"measure","unit":5,"comparator":"<","threshold":3}}'],
      ['cmp', '{"expect":{"type":"measure","unit":"h","threshold":3}}'],
      ['bad', '{not json'],
    ];
    const p = parse(`---\ntouchpoint: t\n---\n\n${items.map(([id, json]) => `### \`${id}\`\n\n${snap(json!)}\n`).join('\n')}`);
    expect(p.items.map((i) => i.spec)).toEqual([
      { id: 'w0', dimension: 'eff', weight: 0, critical: true, evidence: [], fingerprint: 'f0', expect: { type: 'measure', unit: 'h', comparator: '>', threshold: 2 } },
      { id: 'neg', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: '' },
      { id: 'str', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: '' },
      { id: 'rat', dimension: '', weight: 2.5, critical: false, evidence: [], fingerprint: '', expect: { type: 'rating', atLeast: 'neutral' } },
      { id: 'pf', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: '', expect: { type: 'pass-fail' } },
      { id: 'odd', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: '' },
      { id: 'unit', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: '' },
      { id: 'cmp', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: '' },
      undefined,
    ]);
    // The same snapshot under another ID is that ID's.
    const twice = parse(`---\ntouchpoint: t\n---\n\n### \`x\`\n\n${snap('{"weight":2}')}\n\n### \`y\`\n\n${snap('{"weight":2}')}\n`);
    expect(twice.items.map((i) => [i.spec?.id, i.spec?.weight])).toEqual([
      ['x', 2],
      ['y', 2],
    ]);
    expect(parse(`---\ntouchpoint: t\n---\n\n### \`x\`\n\n${snap('{"weight":2}')}\n`).items[0]!.spec).toEqual(twice.items[0]!.spec);
  });

  it('reads answers only below the generated part, with labels in either language and the value as written', () => {
    const { text, ranges: r } = marked(`---
touchpoint: t
---

### \`a\`

- Note: above the table, not an answer

${snap('{"weight":1}')}

| Requirement |
| --- |
| Be polite |

⟦- [x] Pass⟧
- [ ] Fail
- **备注**: ⟦see [photo](p.jpg)⟧
- Evidence (photo：a)： ⟦IMG_1⟧
- Owner:
- Remarks: not a field
- Action: ⟦retrain⟧
- Result: ⟦pass⟧
- Note: ⟦twice⟧
`);
    const p = parse(text);
    const a = p.items[0]!;
    expect(a.answer).toEqual({ result: 'pass', note: 'see [photo](p.jpg)', evidence: 'IMG_1', action: 'retrain' });
    expect(a.ranges).toEqual({ result: r[0], note: r[1], evidence: r[2], action: r[3] });
    expect(p.findings.map((f) => [f.ruleId, f.messageId, f.args, f.range])).toEqual([
      ['checklist-invalid-answer', 'checklist.fieldTwice', { field: 'Note', id: 'a' }, r[5]],
      ['checklist-incomplete-action', 'checklist.actionNoOwner', { id: 'a' }, r[3]],
      ['checklist-incomplete-action', 'checklist.actionNoDue', { id: 'a' }, r[3]],
    ]);
    expect(p.text.slice(a.answerStart).trimStart().startsWith('- [x] Pass')).toBe(true);
  });

  it('reports a box word it does not know and a second, different result', () => {
    const { text, ranges: r } = marked(`---
touchpoint: t
---

### \`a\`

⟦- [x] maybe⟧
- [x] Fail
- Result: ⟦na⟧
- Result: ⟦soon⟧
- [x] fail
`);
    const p = parse(text);
    expect(p.items[0]!.answer.result).toBe('fail');
    expect(p.findings.map((f) => [f.ruleId, f.messageId, f.args, f.range])).toEqual([
      ['checklist-invalid-answer', 'checklist.unknownBox', { text: 'maybe', choices: 'Pass, Fail, N/A' }, r[0]],
      ['checklist-invalid-answer', 'checklist.twoResults', { id: 'a', choices: 'Pass, Fail, N/A' }, r[1]],
      ['checklist-invalid-answer', 'checklist.unknownBox', { text: 'soon', choices: 'Pass, Fail, N/A' }, r[2]],
    ]);
  });

  it('reports a repeated item with the first one as related location', () => {
    const { text, ranges: r } = marked('---\ntouchpoint: t\n---\n\n### `⟦a⟧`\n\n### `b`\n\n### `⟦a⟧` again\n');
    const f = parse(text).findings;
    expect(f.map((x) => [x.ruleId, x.messageId, x.args, x.range])).toEqual([['checklist-duplicate-item', 'checklist.duplicateItem', { id: 'a' }, r[1]]]);
    expect(f[0]!.related?.map((x) => [x.file, x.range, x.messageId, x.args])).toEqual([['/ws/audits/a.md', r[0], 'checklist.duplicateItemRelated', { id: 'a' }]]);
  });
});

describe('reading what only remark reads', () => {
  it('joins a value continued on indented lines, and skips a label broken by a line break', () => {
    const p = parseChecklist('/a.md', '---\ntouchpoint: t\n---\n\n### `a`\n\n- Note: first\n  second\n- Evidence\n  : photo\n- : nothing\n- Action (a (b) c): fix\n', 'remark');
    expect(p.items[0]!.answer).toEqual({ note: 'first\nsecond', action: 'fix' });
    const crlf = parseChecklist('/a.md', '---\r\ntouchpoint: t\r\n---\r\n\r\n### `a`\r\n\r\n- Note: one\r\n  two\r\n');
    expect(crlf.items[0]!.answer).toEqual({ note: 'one\ntwo' });
  });
});
