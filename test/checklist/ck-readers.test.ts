/**
 * The two ways of reading a checklist give the same result, line by line, for the Markdown a person
 * may type into a generated checklist: each case below changes one line of a filled-in checklist.
 */
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/core/checklist/parse';

const BASE = `---
peakend: 1
kind: checklist
touchpoint: hotline
site: 北区
date: 2026-12-03
language: zh-cn
---

# 检查表: 服务热线 \`hotline\`

请在每项下勾选一个结果。

## efficiency

### \`ring-3\` 三声之内接听 **⚠ 关键项**

<!-- peakend-item {"fp":"f1","dimension":"efficiency","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"<=","threshold":3}} -->

| 要求 | 方法 |
| ---- | ---- |
| 电话铃响三声之内接听。 | mystery-shopping |

- [ ] 不适用
- 实测 (≤ 3 rings): 4
- 整改措施: 重新培训
- 责任人: 张敏
- 期限 (YYYY-MM-DD): 2026-12-31

## etiquette

### \`greet\` 主动问候

<!-- peakend-item {"fp":"f2","dimension":"etiquette","weight":1,"critical":false,"expect":{"type":"pass-fail"}} -->

| 要求 | 方法 |
| ---- | ---- |
| 来有迎声。 | observation |

- [x] 通过
- [ ] 不通过
- 备注: 很好
`;

/** One line of BASE replaced by `line` (several lines allowed), or `line` inserted before it. */
function edit(find: string, line: string, insert = false): string {
  const at = BASE.indexOf(find);
  if (at < 0) throw new Error(`no ${find}`);
  return BASE.slice(0, at) + line + (insert ? '\n' + BASE.slice(at) : BASE.slice(at + find.length));
}

function same(text: string): ReturnType<typeof parseChecklist> {
  const scanned = parseChecklist('/ws/audits/hotline/2026-12-03.md', text, 'scan');
  expect(scanned).toEqual(parseChecklist('/ws/audits/hotline/2026-12-03.md', text, 'remark'));
  return scanned;
}

describe('both readers', () => {
  it('read the plain checklist: header, sections, items, answers and the failed critical measurement', () => {
    const p = same(BASE);
    expect(p.header).toEqual({ touchpoint: 'hotline', site: '北区', date: '2026-12-03', language: 'zh-cn' });
    expect(p.sections.map((s) => s.heading)).toEqual(['efficiency', 'etiquette']);
    expect(p.items.map((i) => [i.id, i.answer])).toEqual([
      ['ring-3', { measured: '4', action: '重新培训', owner: '张敏', due: '2026-12-31' }],
      ['greet', { result: 'pass', note: '很好' }],
    ]);
    expect(p.findings).toEqual([]);
    expect(same(BASE.replace(/\n/g, '\r\n')).items.map((i) => i.answer)).toEqual(p.items.map((i) => i.answer));
    expect(same('\uFEFF' + BASE).items.map((i) => i.answer)).toEqual(p.items.map((i) => i.answer));
  });

  const front: [string, string][] = [
    ['the front matter unclosed', BASE.replace('language: zh-cn\n---\n', 'language: zh-cn\n')],
    ['text after the closing fence', BASE.replace('language: zh-cn\n---\n', 'language: zh-cn\n--- x\n')],
    ['a longer closing fence', BASE.replace('language: zh-cn\n---\n', 'language: zh-cn\n----\n---\n')],
    ['no blank line after the front matter', BASE.replace('---\n\n# 检查表', '---\n# 检查表')],
    ['an empty front matter', `---\n---\n\n${BASE.slice(BASE.indexOf('# 检查表'))}`],
    ['a blank line in the front matter', BASE.replace('site: 北区\n', 'site: 北区\n\n')],
    ['a comment in the front matter', BASE.replace('site: 北区\n', '# audit of the north site\nsite: 北区\n')],
    ['a value with spaces', BASE.replace('site: 北区\n', 'site: 北区 A 栋\n')],
    ['a quoted value', BASE.replace('site: 北区\n', "site: '北区'\n")],
    ['a key without value', BASE.replace('site: 北区\n', 'site:\n')],
    ['a YAML word', BASE.replace('site: 北区\n', 'site: yes\nauditor: ~\n')],
    ['a commented-out key', BASE.replace('site: 北区\n', '# site: 南区\nsite: 北区\n')],
    ['a key-like comment after the last key', BASE.replace('language: zh-cn\n', 'language: zh-cn\n#auditor: x\n')],
    ['a value with a comment', BASE.replace('site: 北区\n', 'site: 北区 # 1 号楼\n')],
    ['an alias', BASE.replace('site: 北区\n', 'site: *north\n')],
    ['an anchor', BASE.replace('site: 北区\n', 'site: &north 北区\n')],
    ['a tag', BASE.replace('site: 北区\n', 'site: !!str 12\n')],
    ['a flow sequence', BASE.replace('site: 北区\n', 'site: [北区]\n')],
    ['a flow mapping', BASE.replace('site: 北区\n', 'site: {a: 1}\n')],
    ['a block scalar', BASE.replace('site: 北区\n', 'site: |\n  北区\n')],
    ['a folded scalar', BASE.replace('site: 北区\n', 'site: >-\n  北区\n  1 号楼\n')],
    ['numbers YAML reads as other numbers', BASE.replace('site: 北区\n', 'site: 07\nauditor: 1_000\nstandards: 0o17\n')],
    ['signed and decimal numbers', BASE.replace('site: 北区\n', 'site: -1\nauditor: +1\nstandards: 1.50\n')],
    ['special floats', BASE.replace('site: 北区\n', 'site: .inf\nauditor: .NaN\n')],
    ['long numbers', BASE.replace('site: 北区\n', 'site: 1234567890\nauditor: 9007199254740993\nstandards: 123456789\n')],
    ['a time of day', BASE.replace('site: 北区\n', 'site: 12:30\n')],
    ['a timestamp', BASE.replace('date: 2026-12-03\n', 'date: 2026-12-03T10:00:00\n')],
    ['YAML words in any case', BASE.replace('site: 北区\n', 'site: NULL\nauditor: True\nstandards: fAlse\n')],
    ['words that start with YAML words', BASE.replace('site: 北区\n', 'site: nullable\nauditor: truex\nstandards: xfalse\n')],
    ['colons in a value', BASE.replace('site: 北区\n', 'site: a:b:c\nauditor: 中文：全角\nstandards: "a: b"\n')],
    ['a value ending in a colon', BASE.replace('site: 北区\n', 'site: a:\n')],
    ['a value with a tab', BASE.replace('site: 北区\n', 'site: 北\t区\n')],
    ['a value ending in a dot or dash', BASE.replace('site: 北区\n', 'site: x.\nauditor: y-\n')],
    ['a value of one dash', BASE.replace('site: 北区\n', 'site: -\n')],
    ['a value starting with an underscore or accent', BASE.replace('site: 北区\n', 'site: _x\nauditor: é\n')],
    ['a value with a comma', BASE.replace('site: 北区\n', 'site: a,b\n')],
    ['a value starting with a digit and letters', BASE.replace('site: 北区\n', 'site: 1号楼\n')],
    ['keys in capitals, with digits, underscores or dashes', BASE.replace('site: 北区\n', 'Site: x\nsite_name: y\nsite-2: z\n2site: w\nsite: 北区\n')],
    ['a space before the colon', BASE.replace('site: 北区\n', 'site : 北区\n')],
    ['two spaces after the colon', BASE.replace('site: 北区\n', 'site:  北区\n')],
    ['trailing space', BASE.replace('site: 北区\n', 'site: 北区 \n')],
    ['a key written twice', BASE.replace('site: 北区\n', 'site: 北区\nsite: 南区\n')],
    ['an indented key', BASE.replace('site: 北区\n', '  site: 北区\n')],
    ['a document marker', BASE.replace('site: 北区\n', 'site: 北区\n...\n')],
    ['a quoted key', BASE.replace('site: 北区\n', '"site": 北区\n')],
    ['a NUL character', BASE.replace('很好', 'a\u0000b')],
    ['the checklist only', '---\ntouchpoint: hotline\n---'],
    ['front matter only', '---\ntouchpoint: hotline\n---\n'],
  ];
  it.each(front)('read a checklist with %s the same', (_, text) => {
    same(text);
  });

  const lines: [string, string, string, boolean?][] = [
    ['a level-4 heading', '- 备注: 很好', '#### 照片\n\n- 备注: 很好'],
    ['a heading without space', '## etiquette', '##etiquette'],
    ['an empty heading', '## etiquette', '##'],
    ['a heading with two spaces', '## etiquette', '##  etiquette'],
    ['a heading with trailing space', '## etiquette', '## etiquette '],
    ['a heading with closing hashes', '## etiquette', '## etiquette ##'],
    ['a heading ending in a hash', '## etiquette', '## C#'],
    ['a heading with emphasis', '## etiquette', '## *etiquette*'],
    ['a heading with an escape', '## etiquette', '## a \\* b'],
    ['a heading with an entity', '## etiquette', '## a &amp; b'],
    ['a heading with a link', '## etiquette', '## [etiquette](x)'],
    ['a heading with a tab', '## etiquette', '##\tetiquette'],
    ['a title with a tab inside', '# 检查表: 服务热线 `hotline`', '# 检查表:\t服务热线'],
    ['a heading with code', '## etiquette', '## a `code` b'],
    ['a heading with underscores', '## etiquette', '## _etiquette_'],
    ['a heading with strike-through', '## etiquette', '## ~~etiquette~~'],
    ['a heading with an image', '## etiquette', '## a ![图](p.png)'],
    ['a heading with HTML', '## etiquette', '## a <b>x</b>'],
    ['a heading with an autolink', '## etiquette', '## <https://x.y>'],
    ['a heading with a bracket', '## etiquette', '## a]b'],
    ['a heading with emphasis first', '## etiquette', '## *礼仪* 说明'],
    ['a heading with emphasis last', '## etiquette', '## 礼仪 *说明*'],
    ['a heading named Obsolete', '## etiquette', '## Obsolete'],
    ['a heading named obsolete in Chinese', '## etiquette', '## 已不适用'],
    ['a box struck through', '- [x] 通过', '- [x] ~~通过~~'],
    ['a box in code', '- [x] 通过', '- [x] `通过`'],
    ['a box in HTML', '- [x] 通过', '- [x] <b>通过</b>'],
    ['a box in italics', '- [x] 通过', '- [x] _通过_'],
    ['a box with an image', '- [x] 通过', '- [x] ![通过](p)'],
    ['a box with an entity', '- [x] 通过', '- [x] &#36890;过'],
    ['a box with emphasis last', '- [x] 通过', '- [x] 通过 *ok*'],
    ['a box with emphasis first', '- [x] 通过', '- [x] *ok* 通过'],
    ['an empty item heading', '### `greet` 主动问候', '###'],
    ['an empty list item', '- [ ] 不通过\n', '- [ ] 不通过\n-\n'],
    ['an item heading of plain text', '### `greet` 主动问候', '### greet 主动问候'],
    ['an item heading with a double-backtick ID', '### `greet` 主动问候', '### ``greet`` 主动问候'],
    ['an item heading with a spaced ID', '### `greet` 主动问候', '### ` greet ` 主动问候'],
    ['an item heading with space at the end of its ID', '### `greet` 主动问候', '### `greet ` 主动问候'],
    ['an item heading with space at the start of its ID', '### `greet` 主动问候', '### ` greet` 主动问候'],
    ['an item heading with an empty code span', '### `greet` 主动问候', '### `` 主动问候'],
    ['an item heading with an unclosed code span', '### `greet` 主动问候', '### `greet 主动问候'],
    ['an item heading with a one-letter ID', '### `greet` 主动问候', '### `g` 主动问候'],
    ['an item heading with a backtick after the ID', '### `greet` 主动问候', '### `greet`` 主动问候'],
    ['an item heading with the ID only', '### `greet` 主动问候', '### `greet`'],
    ['a box ticked with a capital X', '- [x] 通过', '- [X] 通过'],
    ['a box with two spaces', '- [x] 通过', '- [x]  通过'],
    ['a box with a tab', '- [x] 通过', '- [x]\t通过'],
    ['a box with trailing spaces', '- [x] 通过', '- [x] 通过  '],
    ['a box with a trailing tab', '- [x] 通过', '- [x] 通过\t'],
    ['a box in bold', '- [x] 通过', '- [x] **通过**'],
    ['a box with an escape', '- [x] 通过', '- [x] 通\\过'],
    ['an empty box', '- [x] 通过', '- [x]'],
    ['an empty box with a space', '- [x] 通过', '- [x] '],
    ['a box with another mark', '- [x] 通过', '- [o] 通过'],
    ['a box without a space inside', '- [x] 通过', '- [] 通过'],
    ['a dash without space', '- 备注: 很好', '-备注: 很好'],
    ['a lone dash', '- 备注: 很好', '-'],
    ['two spaces after the dash', '- 备注: 很好', '-  备注: 很好'],
    ['a tab after the dash', '- 备注: 很好', '-\t备注: 很好'],
    ['a star bullet', '- 备注: 很好', '* 备注: 很好'],
    ['a numbered item', '- 备注: 很好', '1. 备注: 很好'],
    ['a nested list', '- 备注: 很好', '- 1. 很好'],
    ['a digit after the dash', '- 备注: 很好', '- 2026 很好'],
    ['a continuation line', '- 备注: 很好', '- 备注: 很好\n  还有'],
    ['a lazy continuation line', '- 备注: 很好', '- 备注: 很好\n还有'],
    ['a blank line inside the list', '- [ ] 不通过', '- [ ] 不通过\n'],
    ['a thematic break', '- 备注: 很好', '- 备注: 很好\n\n---'],
    ['a setext underline', '请在每项下勾选一个结果。', '请在每项下勾选一个结果。\n==='],
    ['a two-line paragraph', '请在每项下勾选一个结果。', '请在每项下\n勾选一个结果。'],
    ['a paragraph line starting with a digit', '请在每项下勾选一个结果。', '2026 年请勾选。'],
    ['a paragraph right before a heading', '\n## etiquette', '## etiquette'],
    ['a list right after a heading', '\n\n<!-- peakend-item {"fp":"f2"', '\n<!-- peakend-item {"fp":"f2"'],
    ['a table right after the snapshot', '-->\n\n| 要求 | 方法 |\n| ---- | ---- |\n| 来有迎声', '-->\n| 要求 | 方法 |\n| ---- | ---- |\n| 来有迎声'],
    ['a table without its delimiter row', '| 要求 | 方法 |\n| ---- | ---- |\n| 来有迎声。 | observation |', '| 要求 | 方法 |'],
    ['a table with too few delimiter cells', '| ---- | ---- |\n| 来有迎声', '| ---- |\n| 来有迎声'],
    ['a table with aligned columns', '| ---- | ---- |\n| 来有迎声', '| :--- | ---: |\n| 来有迎声'],
    ['a table with a bad delimiter row', '| ---- | ---- |\n| 来有迎声', '| ---- | xx |\n| 来有迎声'],
    ['a table row with trailing space', '| 来有迎声。 | observation |', '| 来有迎声。 | observation |  '],
    ['a table without body', '| ---- | ---- |\n| 来有迎声。 | observation |', '| ---- | ---- |'],
    ['a table header without its last pipe', '| 要求 | 方法 |\n| ---- | ---- |\n| 来有迎声', '| 要求 | 方法\n| ---- | ---- |\n| 来有迎声'],
    ['a table header with an escaped pipe', '| 要求 | 方法 |\n| ---- | ---- |\n| 来有迎声', '| 要求 \\| x | 方法 |\n| ---- | ---- |\n| 来有迎声'],
    ['a table header with code', '| 要求 | 方法 |\n| ---- | ---- |\n| 来有迎声', '| `要求` | 方法 |\n| ---- | ---- |\n| 来有迎声'],
    ['a table at the very end', '- 备注: 很好\n', '- 备注: 很好\n\n| 要求 |'],
    ['a table and its delimiter at the very end', '- 备注: 很好\n', '- 备注: 很好\n\n| 要求 |\n| --- |'],
    ['a quote at the very end', '- 备注: 很好\n', '- 备注: 很好\n\n> 完'],
    ['a comment at the very end', '- 备注: 很好\n', '- 备注: 很好\n\n<!-- 完 -->'],
    ['a heading at the very end', '- 备注: 很好\n', '- 备注: 很好\n\n### `c`'],
    ['a paragraph at the very end', '- 备注: 很好\n', '- 备注: 很好\n\n完'],
    ['a box at the very end', '- 备注: 很好\n', '- 备注: 很好\n- [x] 通过'],
    ['the shortest comment', '请在每项下勾选一个结果。', '<!-- -->'],
    ['a comment of one letter', '请在每项下勾选一个结果。', '<!-- a -->'],
    ['a comment closed twice', '请在每项下勾选一个结果。', '<!-- a --> -->'],
    ['a comment ending without space', '请在每项下勾选一个结果。', '<!-- a-->'],
    ['a lone pipe', '请在每项下勾选一个结果。', '|'],
    ['a quote', '请在每项下勾选一个结果。', '> 请重新检查'],
    ['a quote without space', '请在每项下勾选一个结果。', '>请重新检查'],
    ['an empty quote', '请在每项下勾选一个结果。', '> '],
    ['a quote with two spaces', '请在每项下勾选一个结果。', '>  请重新检查'],
    ['a quote with trailing space', '请在每项下勾选一个结果。', '> 请重新检查 '],
    ['a one-letter quote', '请在每项下勾选一个结果。', '> 请'],
    ['a comment', '请在每项下勾选一个结果。', '<!-- 备注 -->'],
    ['a comment without spaces', '请在每项下勾选一个结果。', '<!--备注-->'],
    ['an empty comment', '请在每项下勾选一个结果。', '<!--  -->'],
    ['text after a comment', '请在每项下勾选一个结果。', '<!-- 备注 --> 后面'],
    ['two comments on a line', '请在每项下勾选一个结果。', '<!-- a --> <!-- b -->'],
    ['an unclosed comment', '请在每项下勾选一个结果。', '<!-- 备注'],
    ['an HTML block', '请在每项下勾选一个结果。', '<div>备注</div>'],
    ['an indented line', '请在每项下勾选一个结果。', '    缩进'],
    ['a fence', '请在每项下勾选一个结果。', '```\n- [x] 不通过\n```'],
    ['a link definition', '请在每项下勾选一个结果。', '[x]: https://example.com'],
    ['a full-width space', '请在每项下勾选一个结果。', '\u3000全角空格开头'],
    ['a line of spaces', '\n## etiquette', '\n   \n## etiquette'],
    ['a blank line of a tab', '\n## etiquette', '\n\t\n## etiquette'],
  ];
  it.each(lines)('read a checklist with %s the same', (_, find, line) => {
    same(edit(find, line));
  });

  it('end the last item at the end of the text, with or without a final line break', () => {
    for (const text of [BASE.trimEnd(), BASE + '\n\n', BASE + '   ']) {
      const p = same(text);
      expect(p.items[1]!.answer).toEqual({ result: 'pass', note: '很好' });
      expect(p.items[1]!.end).toBe(text.length);
    }
  });

  it('give answer ranges in lines and columns of the text as written', () => {
    const p = same(BASE);
    const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    expect(p.items[0]!.ranges).toEqual({ measured: at(24, 18, 19), action: at(25, 8, 12), owner: at(26, 7, 9), due: at(27, 19, 29) });
    expect(p.items[1]!.ranges).toEqual({ result: at(39, 0, 8), note: at(41, 6, 8) });
    expect(p.items.map((i) => i.idRange)).toEqual([at(15, 5, 11), at(31, 5, 10)]);
    expect(p.headerRanges).toEqual({ frontmatter: { start: { line: 0, character: 0 }, end: { line: 7, character: 3 } }, touchpoint: at(3, 12, 19), site: at(4, 6, 8), date: at(5, 6, 16), language: at(6, 10, 15) });
  });
});

describe('Markdown that reaches across blank lines', () => {
  /** Item a of a checklist, its answers, then `tail` and item b. */
  const doc = (tail: string) => `${FM_T}### \`a\`\n\n${TABLE}- [x] Pass\n\n${tail}\n\n### \`b\`\n\n- Note: b\n`;
  const TABLE = '| Requirement |\n| --- |\n| 来有迎声 |\n\n';
  const FM_T = '---\ntouchpoint: t\n---\n\n';
  const read = (text: string) => {
    const p = parseChecklist('/a.md', text, 'remark');
    expect(parseChecklist('/a.md', text)).toEqual(p);
    return p.items.map((i) => [i.id, i.obsolete, i.answer]);
  };
  const AB = [
    ['a', false, { result: 'pass' }],
    ['b', false, { note: 'b' }],
  ];

  it.each([
    ['a fenced block', '```\n\n### `fake`\n\n- [x] Fail\n```'],
    ['a fenced block of tildes', '~~~md\n\n### `fake`\n\n- [x] Fail\n~~~'],
    ['a pre block', '<pre>\n\n### `fake`\n\n- [x] Fail\n</pre>'],
    ['a PRE block in capitals', '<PRE>\n\n### `fake`\n\n- [x] Fail\n</PRE>'],
    ['a script block', '<script>\n\n### `fake`\n\n</script>'],
    ['a style block', '<style>\n\n### `fake`\n\n</style>'],
    ['a textarea block', '<textarea>\n\n### `fake`\n\n</textarea>'],
    ['a comment over several lines', '<!-- from here\n\n### `fake`\n\n- [x] Fail\n-->'],
    ['a comment whose end is on a later line', '<!--\n-->\n\n<!-- x\n\n### `fake`\n\n-->'],
    ['a processing instruction', '<?php\n\n### `fake`\n\n?>'],
    ['a declaration', '<!DOCTYPE\n\n### `fake`\n\n>'],
    ['a CDATA section', '<![CDATA[\n\n### `fake`\n\n]]>'],
  ])('reads %s as one block, not as items', (_, tail) => {
    expect(read(doc(tail))).toEqual(AB);
  });

  it('reads everything after a comment that is never closed as part of it', () => {
    expect(read(doc('<!-- 以下作废\n\n### `fake`\n'))).toEqual([['a', false, { result: 'pass' }]]);
    expect(read(doc('<!-- a -->\n\n<!-- 以下作废\n\n### `fake`\n'))).toEqual([['a', false, { result: 'pass' }]]);
  });

  it('reads a heading that is a link to a definition further down by the link’s text', () => {
    const text = `${FM_T}## [Obsolete][o]\n\n### \`a\`\n\n- Note: a\n\n## [礼仪][l]\n\n### \`b\`\n\n[o]: #obsolete\n[l]: #li\n`;
    expect(read(text)).toEqual([
      ['a', true, { note: 'a' }],
      ['b', false, {}],
    ]);
    expect(parseChecklist('/a.md', text).sections.map((s) => s.heading)).toEqual(['Obsolete', '礼仪']);
  });

  it('reads front matter with blank lines and comments in it as the header', () => {
    const text = `---\ntouchpoint: t\n\n# the site\n\nsite: 北区\n---  \n\n### \`a\`\n\n${TABLE}- [x] Pass\n\n### \`b\`\n\n- Note: b\n`;
    expect(read(text)).toEqual(AB);
    expect(parseChecklist('/a.md', text, 'remark').header).toEqual({ touchpoint: 't', site: '北区' });
    // Unclosed, it is no front matter: the "#" line is a title.
    const open = '---\ntouchpoint: t\n\n# the site\n\n### `a`\n';
    expect(parseChecklist('/a.md', open, 'remark').findings.map((f) => f.messageId)).toEqual(['checklist.noFrontMatter']);
    expect(parseChecklist('/a.md', open).items.map((i) => i.id)).toEqual(['a']);
  });

  it('reads text in the first column after a blank line as the start of a block, and indented text as part of the one before', () => {
    const text = `${FM_T}### \`a\`\n\n${TABLE}- Note: first\n\n  still the note\n\n- Owner: 王\n\n> quoted\n\n|x|\n\n### \`b\`\n\n- Note: b\n`;
    const p = parseChecklist('/a.md', text, 'remark');
    expect(p.items.map((i) => i.answer)).toEqual([{ note: 'first\n\nstill the note', owner: '王' }, { note: 'b' }]);
    expect(parseChecklist('/a.md', text)).toEqual(p);
  });
});
