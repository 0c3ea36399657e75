/** The Markdown writers' exact output (markdown.test.ts reads it back with a GFM parser). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/render/text';
import { emotionCurve } from '../../src/core/render/emotionCurve';
import { ipaChart } from '../../src/core/render/ipaChart';
import { inventoryMarkdown, journeyMarkdown, markdownBlockText, markdownTable, markdownText } from '../../src/core/render/markdown';
import { homeowner, inventory } from './fixtures';

const WJ = '\u2060';

describe('markdownText', () => {
  it('puts a word joiner after the www of www. and the colon of ://, in any case', () => {
    expect(markdownText('www.x.cn WWW.Y')).toBe(`www${WJ}.x.cn WWW${WJ}.Y`);
    expect(markdownText('www wwwx')).toBe('www wwwx');
    expect(markdownText('http://a HTTPS://b')).toBe(`http:${WJ}//a HTTPS:${WJ}//b`);
    expect(markdownText('a:/b')).toBe('a:/b');
  });
  it('writes a colon as a reference only when a name and a colon follow', () => {
    expect(markdownText('a:b: c:-1: d: e:')).toBe('a&#58;b: c&#58;-1: d: e:');
    expect(markdownText('x:a b:')).toBe('x:a b:');
  });
  it('writes every markup character as a reference', () => {
    expect(markdownText('\\`*_[]<>&|#~$!')).toBe('&#92;&#96;&#42;&#95;&#91;&#93;&#60;&#62;&#38;&#124;&#35;&#126;&#36;&#33;');
    expect(markdownText('a@b@')).toBe(`a&#64;${WJ}b&#64;${WJ}`);
    expect(markdownText('(x) {y} "z" \'w\' ;,.?')).toBe('(x) {y} "z" \'w\' ;,.?');
  });
  it('writes spaces at either end as references and keeps inner ones', () => {
    expect(markdownText('\tx  y\u3000')).toBe('&#9;x  y&#12288;');
    expect(markdownText('  ')).toBe('&#32;&#32;');
    expect(markdownText('  x \t')).toBe('&#32;&#32;x&#32;&#9;');
    expect(markdownText('')).toBe('');
  });
});

describe('markdownBlockText', () => {
  it('writes a first - + = or digit as a reference, and only the first', () => {
    expect(['-x', '+x', '=x', '0x', '9.', '--', 'a-1', ' -x', '#1'].map(markdownBlockText)).toEqual(['&#45;x', '&#43;x', '&#61;x', '&#48;x', '&#57;.', '&#45;-', 'a-1', '&#32;-x', '&#35;1']);
  });
});

describe('markdownTable', () => {
  it('writes head, alignment rule and rows, an empty cell as a space', () => {
    expect(markdownTable({ head: ['a', 'n'], numeric: [false, true], rows: [['', '1'], ['x|y', '-2']] })).toBe('| a | n |\n| --- | ---: |\n|   | 1 |\n| x&#124;y | -2 |');
    expect(markdownTable({ head: ['n'], numeric: [true], rows: [] })).toBe('| n |\n| ---: |');
  });
});

describe('journeyMarkdown', () => {
  it('is the title, the fenced chart, the notes and the two tables, blank-line separated', () => {
    const a = homeowner();
    const md = journeyMarkdown(a);
    expect(md.endsWith('|\n')).toBe(true);
    const parts = md.slice(0, -1).split('\n\n');
    expect(parts).toHaveLength(7);
    expect(parts[0]).toBe('# 业主旅程：从购房到续费');
    expect(parts[1]).toBe(`\`\`\`mermaid\n${emotionCurve(a).slice(0, -1)}\n\`\`\``);
    expect(parts[2]).toBe('▲ best · ▼ worst · ● end — Between scored steps the line is drawn straight; unscored cells show “–”.');
    expect(parts[3]).toBe('## Steps');
    expect(parts[4]!.split('\n').slice(0, 3)).toEqual([
      '| &#35; | Stage | Step | 首次购房者 | Upgrader; "second home" | Moment of truth | Pain points | Measured |',
      '| ---: | --- | --- | ---: | ---: | --- | --- | --- |',
      '| 1 | 购房 | 看到网络广告 (see-ad) | +1 | 0 |   |   |   |',
    ]);
    expect(parts[5]).toBe('## Peak-end figures');
    expect(parts[6]!.split('\n')[1]).toBe('| --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: |');
  });

  it('uses the journey ID without a title, and passes variant and language on', () => {
    const a = { ...homeowner(), title: '' };
    const parts = journeyMarkdown(a, { variant: 'portable', lang: 'zh-cn' }).split('\n\n');
    expect(parts[0]).toBe('# homeowner');
    expect(parts[1]).toBe(`\`\`\`mermaid\n${emotionCurve(a, { variant: 'portable', lang: 'zh-cn' }).trimEnd()}\n\`\`\``);
    expect(parts[1]).toContain('"3 陪同验房 ▼A▼B"');
    expect(parts[3]).toBe('## 步骤');
    expect(parts[4]!.split('\n')[0]).toBe('| &#35; | 阶段 | 步骤 | 首次购房者 (A) | Upgrader; "second home" (B) | 关键时刻 | 痛点 | 实测 |');
    expect(parts[5]).toBe('## 峰终数据');
    expect(parts[6]!.split('\n').slice(0, 1)).toEqual(['| 用户角色 | 有评分的步骤 | 最好 ▲ | 最差 ▼ | 峰值 | 终点 ● | 峰终值 | 平均 | 差值 |']);
    expect(parts[6]!.split('\n')[2]!.startsWith('| 首次购房者 (A) | 6 |')).toBe(true);
  });

  it('writes a single note without a separator', () => {
    const a = homeowner();
    a.steps[3]!.scores.upgrader = 1;
    expect(journeyMarkdown(a).split('\n\n')[2]).toBe('▲ best · ▼ worst · ● end');
  });
});

describe('inventoryMarkdown', () => {
  it('is the title, the chart, the cuts, the priority table and the missing data', () => {
    const a = inventory();
    a.missing.push({ touchpointId: '9-lives', lacks: ['importance', 'performance'] });
    const md = inventoryMarkdown(a);
    const parts = md.slice(0, -1).split('\n\n');
    expect(md.endsWith('Performance\n')).toBe(true);
    expect(parts).toHaveLength(7);
    expect(parts[0]).toBe('# 物业触点清单');
    expect(parts[1]).toBe(`\`\`\`mermaid\n${ipaChart(a).trimEnd()}\n\`\`\``);
    expect(parts[2]).toBe('Cuts: Importance 3, Performance 3 (scale midpoint; a value on a cut counts as high)');
    expect(parts[3]).toBe('## Priority');
    expect(parts[4]!.split('\n').slice(0, 3)).toEqual([
      '| &#35; | Touchpoint | Phase | Importance | Performance | Gap | Quadrant | Chart |',
      '| ---: | --- | --- | ---: | ---: | ---: | --- | --- |',
      '| 1 | 报修热线 24h: "快" (repair-hotline) |   | 4.5 | 2 | +2.5 | Concentrate here | 报修热线 24h: "… |',
    ]);
    expect(parts[5]).toBe('## Missing data');
    expect(parts[6]).toBe('- 产权证办理 (certificate-service) — lacks Performance\n- &#57;-lives — lacks Importance, Performance');
  });

  it('uses the inventory ID without a title, and says in Chinese when nothing is missing', () => {
    const a = { ...inventory(), title: '', missing: [] };
    const parts = inventoryMarkdown(a, { lang: 'zh-cn' }).slice(0, -1).split('\n\n');
    expect(parts[0]).toBe('# property');
    expect(parts[2]).toBe('分界：重要性 3, 表现 3 (量表中点; 等于分界值计为高)');
    expect(parts[3]).toBe('## 优先级');
    expect(parts[5]).toBe('## 缺少数据');
    expect(parts[6]).toBe('每个触点都有两项数值。');
  });
});

describe('markdownText and plainText on text with nothing to replace', () => {
  // The replacements as written before the quick return for text without a special character.
  const ref = (c: string) => `&#${c.codePointAt(0)};`;
  const plainReference = (s: string) =>
    s
      .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '\ufffd')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const markdownReference = (s: string) =>
    plainReference(s)
      .replace(/(www)(?=\.)|:(?=\/\/)/gi, (m) => `${m}\u2060`)
      .replace(/[\\`*_[\]<>&|#~$!@]|:(?=[\w+-]+:)/g, (c) => (c === '@' ? `${ref(c)}\u2060` : ref(c)))
      .replace(/^\s+|\s+$/gu, (ws) => [...ws].map(ref).join(''));
  const pieces = ['a', '旅程', ' ', '\u3000', '\u00a0', '\t', '\n', '\r', '\u0085', '\u2028', '\u0007', '\u007f', '\ud83d', '\ude00', '😀', ':', 'www', 'WwW', '.', '//', '@', '*', '|', '-', '1', 'x:y:'];

  it('give what the full replacements give', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.string(), (parts, any) => {
        for (const s of [parts.join(''), any]) {
          expect(plainText(s)).toBe(plainReference(s));
          expect(markdownText(s)).toBe(markdownReference(s));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
