/**
 * Reading filled-in checklists the way people write them: the header as YAML reads it, items and
 * sections by their headings, answers with their exact ranges, and the findings a checklist shows
 * on its own. Every case is read by both readers, which must agree.
 */
import { describe, expect, it } from 'vitest';
import { parseChecklist, type ChecklistReader } from '../../src/core/checklist/parse';
import { marked } from '../helpers/memory';

const READERS: ChecklistReader[] = ['scan', 'remark'];
const FM = '---\ntouchpoint: t\n---\n\n';
const snap = (json: string) => `<!-- peakend-item ${json} -->`;

describe.each(READERS)('a filled-in checklist (%s)', (reader) => {
  const parse = (text: string) => parseChecklist('/ws/audits/a.md', text, reader);
  const found = (text: string) => parse(text).findings.map((f) => [f.ruleId, f.messageId, f.args, f.range]);

  it('asks for front matter when the checklist starts with anything else, at its first character', () => {
    const at0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const text of ['# Checklist\n\n---\ntouchpoint: t\n---\n', '\uFEFF# 检查表\n', '', 'touchpoint: t\n']) {
      const p = parse(text);
      expect(p.header).toEqual({ touchpoint: '' });
      expect(p.headerRanges).toEqual({});
      expect(p.findings.map((f) => [f.ruleId, f.messageId, f.args, f.range])).toEqual([['checklist-header', 'checklist.noFrontMatter', {}, at0]]);
    }
  });

  it('reads header values as YAML does: numbers, booleans, quotes, comments and words with spaces', () => {
    const { text, ranges: r } = marked(`⟦---
touchpoint: ⟦0123⟧
site: ⟦北区 A栋⟧
auditor: ⟦Li⟧ # the lead auditor
date: ⟦"2026-12-03"⟧
standards: ⟦1e3⟧
language: ⟦True⟧
Touchpoint: other
---⟧

# Checklist
`);
    const p = parse(text);
    expect(p.header).toEqual({ touchpoint: '123', site: '北区 A栋', auditor: 'Li', date: '2026-12-03', standards: '1000', language: 'true' });
    expect(p.headerRanges).toEqual({ frontmatter: r[6], touchpoint: r[0], site: r[1], auditor: r[2], date: r[3], standards: r[4], language: r[5] });
    expect(p.findings).toEqual([]);
  });

  it('reads plain header words as the text they are, and the YAML words null, true and false as YAML does', () => {
    const p = parse('---\ntouchpoint: hot-line_2.b:c\nsite: 0\nauditor: 123456789\ndate: 2026-12-03\nstandards: sha256:ab12\nlanguage: zh-cn\n---\n');
    expect(p.header).toEqual({ touchpoint: 'hot-line_2.b:c', site: '0', auditor: '123456789', date: '2026-12-03', standards: 'sha256:ab12', language: 'zh-cn' });
    expect(p.findings).toEqual([]);
    expect(parse('---\ntouchpoint: t\nsite: NULL\nauditor: False\n---\n').header).toEqual({ touchpoint: 't', auditor: 'false' });
    expect(parse('---\ntouchpoint: t\nsite: 1234567890123456789012\n---\n').header.site).toBe(String(1234567890123456789012));
    expect(parse('---\ntouchpoint: t\nsite: 00\nauditor: 0x1F\n---\n').header).toEqual({ touchpoint: 't', site: '0', auditor: '31' });
    expect(parse('---\ntouchpoint:   spaced\n---\n').header).toEqual({ touchpoint: 'spaced' });
  });

  it('reports a front matter without touchpoint at the whole front matter, and an impossible date at the date', () => {
    const noTp = marked('⟦---\ntouchpoint: ""\nsite: 北区\n---⟧\n');
    expect(found(noTp.text)).toEqual([['checklist-header', 'checklist.noTouchpoint', {}, noTp.ranges[0]]]);
    for (const date of ['2026-13-01', '2026-00-10', '2026-12-32', '2026-02-29', '2026-12-3', '26-12-03', '2026/12/03', '2026-12-03x', 'x2026-12-03', '12026-12-03', '0026-12-03']) {
      const d = marked(`---\ntouchpoint: t\ndate: ⟦${date}⟧\n---\n`);
      expect(found(d.text), date).toEqual([['checklist-invalid-date', 'checklist.invalidDate', { value: date }, d.ranges[0]]]);
    }
    for (const date of ['2024-02-29', '2026-01-31', '2026-12-31', '2000-02-29']) expect(found(`---\ntouchpoint: t\ndate: ${date}\n---\n`), date).toEqual([]);
  });

  it('reports YAML it cannot read with the first line of the error, and a list or scalar where it is written', () => {
    const list = marked('---\n⟦- touchpoint: t⟧\n---\n');
    expect(found(list.text)).toEqual([['checklist-header', 'checklist.badFrontMatter', { detail: 'it is not a mapping' }, list.ranges[0]]]);
    const scalar = marked('---\n⟦hotline⟧\n---\n\n# 检查表\n');
    expect(found(scalar.text)).toEqual([['checklist-header', 'checklist.badFrontMatter', { detail: 'it is not a mapping' }, scalar.ranges[0]]]);
    const broken = marked('⟦---\ntouchpoint: "t\nsite: x\n---⟧\n');
    const f = parse(broken.text).findings;
    expect(f.map((x) => [x.ruleId, x.range])).toEqual([['checklist-header', broken.ranges[0]]]);
    expect(f[0]!.args.detail).toBe('Missing closing "quote');
    const commented = marked('---\n# 说明\n\n⟦- touchpoint: t⟧\n---\n');
    expect(found(commented.text)).toEqual([['checklist-header', 'checklist.badFrontMatter', { detail: 'it is not a mapping' }, commented.ranges[0]]]);
  });

  it('finds items by the ID in backticks that starts a heading of level 3, and nothing else', () => {
    const { text, ranges: r } = marked(`${FM}# \`top\` title

## \`sec\`

### \`\`⟦a\`b⟧\`\` double backticks

### \` ⟦c⟧ \` spaced

### Item \`not-first\`

#### \`too-deep\`

\`setext\` heading
===

\`setext2\`
---
`);
    const items = parse(text).items;
    expect(items.map((i) => [i.id, i.idRange])).toEqual([
      ['a`b', r[0]],
      ['c', r[1]],
    ]);
  });

  it('cuts sections at every heading up to level 3, and keeps or leaves the obsolete section by level-2 and level-1 headings only', () => {
    const text = `${FM}## **Obsolete**

### \`a\`

#### \`deep\` sub-heading

### \`b\`

# Obsolete

### \`c\`

## 已不适用

Notes on what no longer applies.

## Efficiency

### \`d\`
`;
    const p = parse(text);
    expect(p.items.map((i) => [i.id, i.obsolete])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
    ]);
    expect(p.sections.map((s) => [s.heading, text.slice(s.start, s.end)])).toEqual([
      ['Obsolete', '\n\n'],
      ['已不适用', '\n\nNotes on what no longer applies.\n\n'],
      ['Efficiency', '\n\n'],
    ]);
    // An item runs from its heading to the next heading of level 3 or less.
    const a = p.items[0]!;
    expect(text.slice(a.start, a.end)).toBe('### `a`\n\n#### `deep` sub-heading\n\n');
    expect(text.slice(p.items[3]!.start, p.items[3]!.end)).toBe('### `d`\n');
  });

  it('reads answers from the lists after the table only, wherever the person puts them after it', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

- Note: above the table

> Re-check: the standard changed.

${snap('{"weight":2}')}

| Requirement |
| --- |
| 来有迎声 |

> a person's own quote

- [x] 通过

<!-- the person's comment -->

#### Photos

- 证据：⟦IMG_001⟧

### \`b\`

- Note: ⟦no table⟧
`);
    const p = parse(text);
    const [a, b] = p.items;
    expect(a!.recheck).toBe(true);
    expect(a!.spec?.weight).toBe(2);
    expect(a!.answer).toEqual({ result: 'pass', evidence: 'IMG_001' });
    expect(a!.ranges.evidence).toEqual(r[0]);
    expect(text.slice(a!.answerStart, a!.answerStart + 2)).toBe('\n\n');
    expect(text.slice(0, a!.answerStart).endsWith('\n| 来有迎声 |')).toBe(true);
    expect(b!.answer).toEqual({ note: 'no table' });
    expect(b!.ranges.note).toEqual(r[1]);
    expect(b!.recheck).toBe(false);
  });

  it('reads answers on both sides of a comment below a table that starts the item', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

| Requirement |
| --- |
| 来有迎声 |

- Note: ⟦x⟧

<!-- 以下为复查 -->

- Owner: ⟦王⟧
- Evidence (photo)): ⟦IMG_2⟧
`);
    const p = parse(text);
    expect(p.items[0]!.answer).toEqual({ note: 'x', owner: '王', evidence: 'IMG_2' });
    expect(p.items[0]!.ranges).toEqual({ note: r[0], owner: r[1], evidence: r[2] });
  });

  it('keeps the snapshot when the person writes a comment above the table, and reads no answer from a quote in a quote', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

${snap('{"weight":3,"expect":{"type":"pass-fail"}}')}

<!-- 王：已复核 -->

| Requirement |
| --- |
| 来有迎声 |

> > 备注：引用

- Note: ⟦x⟧
-
- Owner: ⟦王⟧

###

### \`b\`

⟦- [x]  maybe⟧
- Measured (≤ 3 rings) (avg): ⟦4⟧
`);
    const p = parse(text);
    expect(p.items.map((i) => [i.id, i.spec?.weight, i.answer])).toEqual([
      ['a', 3, { note: 'x', owner: '王' }],
      ['b', undefined, { measured: '4' }],
    ]);
    expect(p.items[0]!.ranges).toEqual({ note: r[0], owner: r[1] });
    expect(p.items[1]!.ranges).toEqual({ measured: r[3] });
    expect(p.findings.map((f) => [f.ruleId, f.messageId, f.args, f.range])).toEqual([['checklist-invalid-answer', 'checklist.unknownBox', { text: 'maybe', choices: 'Pass, Fail, N/A' }, r[2]]]);
  });

  it('reads a ticked box as the result, and ignores unticked boxes, empty boxes and empty values', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

⟦- [X] **不适用**⟧
- [x]
- [ ] Pass
- [ ] Note: in an unticked box
- [x] n.a.
- Note:
- Owner:   
- Evidence
- : no label
- Action (by whom: a (b)): ⟦fix⟧
`);
    const p = parse(text);
    expect(p.items[0]!.answer).toEqual({ result: 'na', action: 'fix' });
    expect(p.items[0]!.ranges).toEqual({ result: r[0], action: r[1] });
  });

  it('reads labels in either language, any case, with full-width colons and hints, and the value up to its last character', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

- MEASURED: ⟦30 h⟧
- 评价（很满意 … 不满意）：⟦很满意⟧
- notes:\t⟦see [photo](p.jpg) and *this*⟧   
- Corrective   Action: ⟦重新培训⟧
- 负责人： ⟦张敏⟧
- Due date (YYYY-MM-DD): ⟦2026-12-31⟧
- 状态: ⟦进行中⟧
- Evidence: ⟦a: b⟧
`);
    const p = parse(text);
    expect(p.items[0]!.answer).toEqual({ measured: '30 h', rating: '很满意', note: 'see [photo](p.jpg) and *this*', action: '重新培训', owner: '张敏', due: '2026-12-31', status: '进行中', evidence: 'a: b' });
    expect(p.items[0]!.ranges).toEqual({ measured: r[0], rating: r[1], note: r[2], action: r[3], owner: r[4], due: r[5], status: r[6], evidence: r[7] });
  });

  it('reads a label in bold or italics, the colon inside the emphasis or outside it', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

- **Note:** ⟦see photo⟧
- _Owner_: ⟦王⟧
- *整改措施*：⟦重新培训⟧
- **_Due:_** ⟦2026-12-31⟧
- \`Status\`: ⟦open⟧
`);
    const p = parse(text);
    expect(p.items[0]!.answer).toEqual({ note: 'see photo', owner: '王', action: '重新培训', due: '2026-12-31', status: 'open' });
    expect(p.items[0]!.ranges).toEqual({ note: r[0], owner: r[1], action: r[2], due: r[3], status: r[4] });
    expect(p.findings).toEqual([]);
  });

  it('keeps the first of a field written twice and names the label as written', () => {
    const { text, ranges: r } = marked(`${FM}### \`a\`

- 备注：⟦first⟧
- **Note** (again): ⟦second⟧
- Result: ⟦通过⟧
- [x] ⟦Pass⟧
`);
    const p = parse(text);
    expect(p.items[0]!.answer).toEqual({ result: 'pass', note: 'first' });
    expect(p.items[0]!.ranges).toEqual({ note: r[0], result: r[2] });
    expect(p.findings.map((f) => [f.messageId, f.args, f.range])).toEqual([['checklist.fieldTwice', { field: '**Note**', id: 'a' }, r[1]]]);
  });
});

describe('a checklist as remark alone reads it', () => {
  it('joins a value continued on lazy or indented lines, whatever the line endings', () => {
    const text = `${FM}### \`a\`\n\n- Note: first line\n    second line\n third line\n- Action: fix\n`;
    const lf = parseChecklist('/a.md', text);
    expect(lf.items[0]!.answer).toEqual({ note: 'first line\nsecond line\nthird line', action: 'fix' });
    const crlf = parseChecklist('/a.md', text.replace(/\n/g, '\r\n'));
    expect(crlf.items[0]!.answer).toEqual(lf.items[0]!.answer);
    expect(crlf.items[0]!.ranges.note).toEqual({ start: { line: 6, character: 8 }, end: { line: 8, character: 11 } });
    const cr = parseChecklist('/a.md', text.replace(/\n/g, '\r'));
    expect(cr.items[0]!.answer).toEqual(lf.items[0]!.answer);
  });
});

describe.each(READERS)('answers checked against the item’s snapshot (%s)', (reader) => {
  const M = snap('{"fp":"m","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"\\u003c=","threshold":3}}');
  const R = snap('{"fp":"r","expect":{"type":"rating","atLeast":"satisfied"}}');
  const P = snap('{"fp":"p","expect":{"type":"pass-fail"}}');
  const TABLE = '| Requirement |\n| --- |\n| 来有迎声 |';
  const findings = (source: string) => {
    const { text, ranges } = marked(source);
    const p = parseChecklist('/ws/audits/a.md', text, reader);
    return { got: p.findings.map((f) => [f.ruleId, f.messageId, f.args, f.range]), r: ranges, p };
  };
  const type = (t: string) => ({ message: `checklist.type.${t}` });
  const hint = (t: string) => ({ message: `checklist.hint.${t}` });

  it('reports a box ticked, or a value written, that the item’s type does not take', () => {
    const { got, r } = findings(`${FM}### \`m\`

${M}

${TABLE}

⟦- [x] Pass⟧
- Rating: ⟦很满意⟧

### \`r\`

${R}

${TABLE}

⟦- [x] 不通过⟧
- Measured: ⟦3⟧

### \`p\`

${P}

${TABLE}

- [x] Pass
- 实测：⟦3 rings⟧
- 评价：⟦good⟧

### \`p2\`

${P}

${TABLE}

- [x] N/A
- 评价：⟦很满意⟧
`);
    expect(got).toEqual([
      ['checklist-invalid-answer', 'checklist.boxNotForType', { id: 'm', type: type('measure'), hint: hint('measure') }, r[0]],
      ['checklist-invalid-answer', 'checklist.fieldNotForType', { id: 'm', type: type('measure'), field: 'rating' }, r[1]],
      ['checklist-invalid-answer', 'checklist.boxNotForType', { id: 'r', type: type('rating'), hint: hint('rating') }, r[2]],
      ['checklist-invalid-answer', 'checklist.fieldNotForType', { id: 'r', type: type('rating'), field: 'measured' }, r[3]],
      ['checklist-invalid-answer', 'checklist.fieldNotForType', { id: 'p', type: type('pass-fail'), field: 'measured' }, r[4]],
      ['checklist-invalid-answer', 'checklist.fieldNotForType', { id: 'p', type: type('pass-fail'), field: 'rating' }, r[5]],
      ['checklist-invalid-answer', 'checklist.fieldNotForType', { id: 'p2', type: type('pass-fail'), field: 'rating' }, r[6]],
    ]);
  });

  it('reports N/A with a value, measurements it cannot read or compare, and ratings it does not know', () => {
    const { got, r } = findings(`${FM}### \`m1\`

${M}

${TABLE}

⟦- [x] N/A⟧
- Measured: 2

### \`m2\`

${M}

${TABLE}

- Measured: ⟦about four⟧
- Action: a
- Owner: b
- Due: 2026-12-31
- Status: 已完成

### \`m3\`

${M}

${TABLE}

- 实测：⟦3 yuan⟧

### \`m4\`

${M}

${TABLE}

- Measured: 3 Rings

### \`r1\`

${R}

${TABLE}

- Rating: ⟦good⟧

### \`r2\`

${R}

${TABLE}

⟦- [x] 不适用⟧
- 评价：很满意

### \`r3\`

${R}

${TABLE}

- Rating: 4

### \`p\`

${P}

${TABLE}

- [x] N/A
`);
    expect(got).toEqual([
      ['checklist-invalid-answer', 'checklist.naWithValue', { id: 'm1' }, r[0]],
      ['checklist-invalid-measurement', 'checklist.measureNoNumber', { value: 'about four', example: '3 rings' }, r[1]],
      ['checklist-invalid-measurement', 'checklist.measureUnit', { unit: 'yuan', expected: 'rings' }, r[2]],
      ['checklist-invalid-answer', 'checklist.unknownRating', { value: 'good', allowed: '很满意, 比较满意, 基本满意, 不太满意, 不满意' }, r[3]],
      ['checklist-invalid-answer', 'checklist.naWithValue', { id: 'r2' }, r[4]],
    ]);
  });

  it('asks for an action on a failed item, for a re-check of a changed one, and for neither in the obsolete section', () => {
    const { got, r, p } = findings(`${FM}### \`⟦m⟧\`

${M}

${TABLE}

- Measured: 4

### \`⟦r⟧\`

> Re-check

${R}

${TABLE}

- 评价：不满意
- Action: 回访
- Owner: 王
- Due: ⟦2026-1-5⟧
- Status: ⟦later⟧

### \`⟦p⟧\`

> Re-check

${P}

${TABLE}

- [x] Pass

### \`ok\`

${M}

${TABLE}

- Measured: 3

## Obsolete

### \`old\`

> Re-check

${M}

${TABLE}

- Measured: 9
`);
    expect(p.items.map((i) => [i.id, i.obsolete, i.recheck])).toEqual([
      ['m', false, false],
      ['r', false, true],
      ['p', false, true],
      ['ok', false, false],
      ['old', true, true],
    ]);
    expect(got).toEqual([
      ['checklist-missing-action', 'checklist.failedNoAction', { id: 'm' }, r[0]],
      ['checklist-invalid-answer', 'checklist.unknownStatus', { value: 'later' }, r[3]],
      ['checklist-invalid-date', 'checklist.invalidDate', { value: '2026-1-5' }, r[2]],
      ['checklist-recheck', 'checklist.recheck', { id: 'r' }, r[1]],
      ['checklist-recheck', 'checklist.recheck', { id: 'p' }, r[4]],
    ]);
  });
});
