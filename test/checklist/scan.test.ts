import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist, renderChecklist, type ChecklistSpec, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';
import { scanBlocks } from '../../src/core/checklist/scan';

/** Both readers: the same header, ranges, items, answers, sections and findings (rule, message, range). */
function same(text: string, file = '/ws/audits/tp/2026-12-03.md'): boolean {
  const scanned = parseChecklist(file, text, 'scan');
  const remark = parseChecklist(file, text, 'remark');
  expect(scanned).toEqual(remark);
  return scanBlocks(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== undefined;
}

// Titles, requirements and dimensions with Markdown and HTML metacharacters, CJK and odd spacing.
const CHARS = [...'abcXYZ019 .,;:!?*_|<>[]()#`\\-+=~&%$@"\'中文检查备注满意：（）、'];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const id = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.constantFrom('三声接听', 'ring_3', 'A1'));
const PLAIN_DIMENSIONS = ['efficiency', 'etiquette', '礼仪', '', 'Obsolete', '已不适用', 'x  y'];
const DIMENSIONS = [...PLAIN_DIMENSIONS, 'C#', 'a*b', '<b>', 'a & b', 'tail #', 'under_score', 'back\\slash'];

const expectArb = fc.oneof(
  fc.constant({ type: 'pass-fail' as const }),
  fc.record({ type: fc.constant('measure' as const), unit: fc.constantFrom('hours', 'rings', '元', 'customers waiting', '°C'), comparator: fc.constantFrom('<=' as const, '<' as const, '>=' as const, '>' as const, '=' as const), threshold: fc.integer({ min: -5, max: 100 }) }),
  fc.record({ type: fc.constant('rating' as const), atLeast: fc.constantFrom('very-satisfied', 'satisfied', 'neutral', 'dissatisfied') }),
);
const itemArb = (itemId: string, dimensions = DIMENSIONS) =>
  fc
    .record({ title: text, dimension: fc.constantFrom(...dimensions), requirement: text, method: text, expect: expectArb, weight: fc.integer({ min: 0, max: 5 }), critical: fc.boolean(), evidence: fc.array(text, { maxLength: 2 }) })
    .map((r): ItemSpec => {
      const item: ItemSpec = { id: itemId, ...r, fingerprint: '' };
      item.fingerprint = fingerprint(item);
      return item;
    });
const specArb = (dimensions = DIMENSIONS) => fc.uniqueArray(id, { minLength: 1, maxLength: 5 }).chain((ids) => fc.tuple(...ids.map((i) => itemArb(i, dimensions))));

/** What a person writes in an answer list, the odd ways included. */
const ANSWERS = [
  '- [x] Pass',
  '- [X] Fail',
  '- [x] N/A',
  '- [x] 通过',
  '- [x] 不适用',
  '- [x] n.a.',
  '- [x] maybe',
  '- [x]  Pass',
  '- [x] **Pass**',
  '- [x] Pass  ',
  '- [x] Pass\t',
  '- [x]',
  '- [x] ',
  '- [ ] Fail',
  '- [ ]',
  '- [x] Pa\\ss',
  '- [x] `Pass`',
  '- [x] <b>Pass</b>',
  '- [x] P&amp;ss',
  '- Measured: 30 h',
  '- Measured: 1.5 days',
  '- 实测：25 分钟',
  '- Measured (≤ 24 hours): 30',
  '- Measured: about four',
  '- Rating: very satisfied',
  '- 评价：很满意',
  '- Rating: good',
  '- Note: see [link](http://x) & <b>bold</b> \\* `code` ~~x~~',
  '- Note: 备注  with  double spaces  ',
  '- Note: a | pipe',
  '- Action: call back',
  '- 整改措施：重新培训',
  '- Owner: 张敏',
  '- Due: 2026-12-31',
  '- Due: next week',
  '- Due (YYYY-MM-DD): 2026-02-30',
  '- Status: open',
  '- Status: 已完成',
  '- Status: maybe',
  '- Result: fail',
  '- Evidence: photo.jpg',
  '- **Note**: bold label',
  '- _Note_: emphasised label',
  '- Note:',
  '- Note:   ',
  '-  Note: two spaces',
  '- Note: a\n  continued',
  '- Note: a\ncontinued lazily',
  '- Note: a\n\n  after a blank',
  '* Note: star',
  '+ Note: plus',
  '1. Note: ordered',
  '- 1. nested',
  '- > quote',
  '- # heading',
  '- ---',
  '- <div>',
  '- ```',
  '-',
  '-\tNote: tab',
  '\t- tabbed',
  '- Note: trailing backslash\\',
  // remark reads NUL as U+FFFD.
  '- [x] Pa\u0000ss',
  '- [ ] N\u0000A',
  '- Note: a\u0000b',
  '- Measured: 3\u0000',
];
/** Lines a person may add anywhere. */
const ODD = [
  '',
  '',
  'Extra text under a heading',
  '额外说明文字，写在标题下面。',
  'Two lines\nof text',
  '<div>html</div>',
  '<!-- a comment -->',
  '<!--c-->',
  '<!-- open comment',
  '> quoted',
  '>',
  '```',
  '~~~',
  '    indented',
  '  two spaces',
  '[ref]: http://x',
  '[^1]: footnote',
  '## extra section',
  '## Obsolete',
  '## 已不适用',
  '## a  b',
  '## a \\* b',
  '##',
  '### `extra-id`',
  '### `extra-id` ###',
  '### `extra id `',
  '### ``x``',
  '### plain item heading',
  '#### small',
  '# title again',
  '#no-space',
  '---',
  '***',
  '===',
  'text with \\* escape',
  '| a |',
  '| a | b |\n| - | - |',
  '| a | b |\n| - |',
  '| a |\n| - |\n| 1 |  ',
  'www.example.com',
  '&amp; entity',
  '\u00a0nbsp start',
  '\u3000全角空格',
  '2026年的说明',
  '<pre>',
  'text with a\u0000NUL',
  '## a\u0000b',
  '### `a\u0000b`',
  '### `extra-id` \u0000',
  '<!-- a\u0000comment -->',
  '| a\u0000 | b |\n| - | - |',
];

/** Answers written the way the checklist asks for them. */
const PLAIN_ANSWERS = ANSWERS.filter((a) => /^- (\[[xX ]\] [^\s*`<&\\]+|[A-Z实评备整责期状证][^\n]*)$/.test(a) && !/\s$/.test(a) && !a.includes('\u0000'));

const FRONT = [
  'site: 北区',
  'site: "北区 A"',
  "auditor: '张 敏'",
  'auditor: 张敏',
  'date: 2026-02-30',
  'date: 2026-1-1',
  'touchpoint: true',
  'touchpoint: null',
  'touchpoint: "tp"',
  'touchpoint: 0x10',
  'touchpoint: 123',
  'touchpoint: other',
  'site: a: b',
  'site: a:b',
  '# a comment',
  '',
  'peakend: 1.0',
  'language: zh-cn',
  'site:',
  'site: [a, b]',
  '  site: indented',
  'site: a\u0000b',
];

/** Fills a generated checklist as a person might: answer lines replaced, odd lines added, line endings changed. */
const docArb = fc
  .tuple(
    fc.oneof(specArb(), specArb(PLAIN_DIMENSIONS)),
    fc.constantFrom('en' as const, 'zh-cn' as const),
    fc.option(fc.record({ site: fc.constantFrom('北区', 'A', 'east-2'), auditor: fc.constantFrom('张敏', 'Ann Lee', 'O\'Brien: "QA"') }), { nil: undefined }),
    fc.oneof(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PLAIN_ANSWERS)), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ANSWERS)), { maxLength: 30 })),
    fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD)), { maxLength: 3 })),
    fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FRONT)), { maxLength: 2 })),
    fc.record({ crlf: fc.boolean(), bom: fc.boolean(), trailing: fc.nat(), dropBlank: fc.nat() }),
  )
  .map(([items, lang, audit, answers, odd, front, m]) => {
    const spec: ChecklistSpec = { header: { touchpoint: 'tp', touchpointName: '服务热线 *hot* <line>', date: '2026-12-03', ...audit }, items };
    const lines = renderChecklist(spec, lang).text.split('\n');
    const answerLines = lines.flatMap((l, i) => (l.startsWith('- ') ? [i] : []));
    for (const [at, line] of answers) if (answerLines.length) lines[answerLines[at % answerLines.length]!] = line;
    for (const [at, line] of odd) lines.splice(at % (lines.length + 1), 0, line);
    const fmEnd = lines.indexOf('---', 1);
    for (const [at, line] of front) if (fmEnd > 0) lines.splice(1 + (at % fmEnd), 0, line);
    if (m.trailing % 5 === 0) lines[m.trailing % lines.length] += '  ';
    if (m.dropBlank % 4 === 0) {
      const blanks = lines.flatMap((l, i) => (l === '' && i > 0 ? [i] : []));
      if (blanks.length) lines.splice(blanks[m.dropBlank % blanks.length]!, 1);
    }
    let doc = lines.join('\n');
    if (m.crlf && m.trailing % 7 === 0) doc = doc.replace(/\n/g, '\r\n');
    if (m.bom && m.dropBlank % 7 === 0) doc = '\ufeff' + doc;
    return doc;
  });

describe('the line scanner reads checklists as remark does', { timeout: 300_000 }, () => {
  it('for generated checklists filled in at random, the odd ways included', () => {
    let scanned = 0;
    let runs = 0;
    fc.assert(
      fc.property(docArb, (doc) => {
        runs++;
        if (same(doc)) scanned++;
      }),
      { numRuns: 300 },
    );
    // Many documents take the scanner: the property holds it to remark, not merely remark to itself.
    expect(scanned).toBeGreaterThan(runs / 10);
  });

  it('for generated checklists as written and as filled in plainly, which it reads without remark', () => {
    fc.assert(
      fc.property(specArb(PLAIN_DIMENSIONS), fc.constantFrom('en' as const, 'zh-cn' as const), fc.nat(), (items, lang, pick) => {
        // Titles as people write them (the hostile ones are in the test above).
        const spec: ChecklistSpec = { header: { touchpoint: 'tp', date: '2026-12-03', site: '北区', auditor: '张敏' }, items: items.map((i) => ({ ...i, title: `标准 ${i.id} (v2)` })) };
        const blank = renderChecklist(spec, lang).text;
        expect(same(blank)).toBe(true);
        let n = pick;
        const filled = blank.replace(/^- .*$/gm, () => PLAIN_ANSWERS[n++ % PLAIN_ANSWERS.length]!);
        expect(same(filled)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('for every checklist of the example and the golden files', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') ? [join(d, e.name)] : []));
    const files = [...walk('examples/property-management/audits'), ...walk('test/checklist/golden')];
    expect(files.length).toBeGreaterThan(20);
    let scanned = 0;
    for (const f of files) if (same(readFileSync(f, 'utf8'), f)) scanned++;
    expect(scanned).toBe(files.length);
  });

  it('for malformed checklists', () => {
    // The malformed checklist of score.test.ts, and the junk it must survive.
    const malformed = `---
peakend: 1
kind: checklist
touchpoint: hot-line
date: 2026-02-30
---

# Checklist

## efficiency

### \`ring-3\`

<!-- peakend-item {"fp":"x","dimension":"efficiency","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"\\u003c=","threshold":3}} -->

| Requirement |
| --- |
| Answer within 3 rings |

- [x] Pass
- Measured: about four

### \`respond-24h\`

<!-- peakend-item {"fp":"y","dimension":"efficiency","weight":3,"critical":false,"expect":{"type":"measure","unit":"hours","comparator":"<=","threshold":24}} -->

- Measured: 3 yuan
- Action: call back
- Status: maybe

### \`greet\`

- [x] Pass
- [x] Fail
- Rating: good
- Due: next week

### \`greet\`

- [x] Pass

### \`nope\`

- [x] N/A
`;
    expect(same(malformed)).toBe(true);
    expect(parseChecklist('/a.md', malformed, 'scan').findings.map((f) => f.messageId)).toContain('checklist.duplicateItem');
    for (const junk of ['', '\u0000', '### `', '### ``\n- [x]', '---\n---\n### `a`\n<!-- peakend-item {bad json -->\n| a |\n|-|\n- Measured: 1', '# just a note\n', '---\n[unclosed\n---\n', '---\nsite: x\n---\n', '---\n', '---\ntouchpoint: a\n---', '---\ntouchpoint: a\n----\n', '---\ntouchpoint: a\n---\n# x']) {
      same(junk);
    }
  });
});
