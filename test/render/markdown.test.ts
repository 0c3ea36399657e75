/** Markdown output read back by a GFM parser (remark-parse + remark-gfm). */
import fc from 'fast-check';
import type { Code, Heading, List, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { emotionCurve } from '../../src/core/render/emotionCurve';
import { ipaChart } from '../../src/core/render/ipaChart';
import { inventoryMarkdown, journeyMarkdown, markdownBlockText, markdownTable, markdownText } from '../../src/core/render/markdown';
import { plainText } from '../../src/core/render/text';
import { parseMarkdown, plainInline, tables } from '../helpers/markdown';
import { homeowner, inventory } from './fixtures';

const WJ = '\u2060';
/** What a reader sees: the text as written, plus the invisible word joiners that stop mentions and autolinks. */
const shown = (s: string) => plainText(s).replace(/(www)(?=\.)|:(?=\/\/)|@/gi, (m) => m + WJ);

const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(...'|`<>&[]*_@#\\~$:!-+=1.) \n\t中文😀'.split(''), '<script>', '](http://x)', 'www.', 'http://', 'a@b.co', '@octocat', '&amp;', '---', '***', '<!--', '1.', '- ', '# ', '> ', '$x$', ':smile:', '~~'),
    minLength: 1,
    maxLength: 14,
  }),
);

function checkEverywhere(s: string) {
  const t = markdownText(s);
  const b = markdownBlockText(s);
  const want = shown(s);
  // In a table cell, a heading, a paragraph and a list item.
  const root = parseMarkdown(`| h |\n| --- |\n| ${t} |\n\n# ${t}\n\n${b}\n\n- ${b}\n`);
  expect(tables(root)[0]![1]).toEqual([want]);
  const [, heading, para, list] = root.children as [unknown, Heading, Paragraph, List];
  expect(heading.type).toBe('heading');
  expect(plainInline(heading.children)).toBe(want);
  expect(para.type).toBe('paragraph');
  expect(plainInline(para.children)).toBe(want);
  expect(list.type).toBe('list');
  expect(list.children).toHaveLength(1);
  const item = list.children[0]!.children;
  expect(item).toHaveLength(1);
  expect(plainInline((item[0] as Paragraph).children)).toBe(want);
  expect(root.children).toHaveLength(4);
}

describe('markdownText', () => {
  it('writes markup characters as references and leaves letters, CJK and emoji alone', () => {
    expect(markdownText('a|b `c` <d> & [e](f) *g* _h_ #i ~j~ $k$ :l: !m')).toBe(
      'a&#124;b &#96;c&#96; &#60;d&#62; &#38; &#91;e&#93;(f) &#42;g&#42; &#95;h&#95; &#35;i &#126;j&#126; &#36;k&#36; &#58;l: &#33;m',
    );
    expect(markdownText('交房 😀')).toBe('交房 😀');
    // Only a colon that could open an emoji code is a reference; times and labels read as written.
    expect(markdownText('11:30 Note: :+1: :smile_cat:x')).toBe('11:30 Note: &#58;+1: &#58;smile&#95;cat:x');
    expect(markdownText('@octocat')).toBe(`&#64;${WJ}octocat`);
    expect(markdownText('- item')).toBe('- item');
    expect(markdownBlockText('- item')).toBe('&#45; item');
    expect(markdownBlockText('1. item')).toBe('&#49;. item');
    expect(markdownText(' x\ny ')).toBe('&#32;x y&#32;');
  });

  it('reads back as exactly the text in cells, headings, paragraphs and list items', () => {
    for (const s of ['| a | b |', '<img src=x onerror=alert(1)>', '[link](http://evil)', 'see http://evil.example and www.evil.example', 'mail a@b.co', '@team please', '# not a heading', '1. not a list', '---', '`code`', '**bold**', '\\*', '&amp; &#124;', ' spaced ']) {
      checkEverywhere(s);
    }
    fc.assert(fc.property(hostile, (s) => checkEverywhere(s)), { numRuns: 300 });
  });
});

describe('markdownTable', () => {
  it('keeps one column per head cell whatever the text holds, and right-aligns numbers', () => {
    const md = markdownTable({ head: ['a|b', 'n'], numeric: [false, true], rows: [['x|y|z', '-1'], ['', '2']] });
    expect(md.split('\n')[1]).toBe('| --- | ---: |');
    expect(tables(parseMarkdown(md))[0]).toEqual([['a|b', 'n'], ['x|y|z', '-1'], ['', '2']]);
  });
});

describe('journeyMarkdown', () => {
  it('is the chart, every step with scores and markers, and the peak-end figures', () => {
    const a = homeowner();
    const md = journeyMarkdown(a);
    const root = parseMarkdown(md);
    const h1 = root.children[0] as Heading;
    expect(plainInline(h1.children)).toBe('业主旅程：从购房到续费');
    const code = root.children[1] as Code;
    expect(code).toMatchObject({ type: 'code', lang: 'mermaid' });
    expect(`${code.value}\n`).toBe(emotionCurve(a));
    const [steps, figures] = tables(root);
    expect(steps).toEqual([
      ['#', 'Stage', 'Step', '首次购房者', 'Upgrader; "second home"', 'Moment of truth', 'Pain points', 'Measured'],
      ['1', '购房', '看到网络广告 (see-ad)', '+1', '0', '', '', ''],
      ['2', '', '参观售楼处和样板间 (visit)', '+3', '+2.5 ▲', '', '', ''],
      ['3', '交房', '陪同验房 (inspect)', '-3 ▼', '-4 ▼', '★', '墙面有裂缝，卫生间窗户渗水; 整改期限说不清楚 | <b>urgent</b>', ''],
      ['4', '', '领取钥匙 (keys)', '+4 ▲', '–', '', '', 'CSAT 4.2/5 n=86'],
      ['5', 'Living | "there"', 'Pay the fee: "online" #1 (pay)', '+2', '+2.5', '', '', 'NPS -12'],
      ['6', '', 'renew', '-1 ●', '+1 ●', '', shown('@octocat `code` [link](http://x.y) *bold* _it_'), ''],
    ]);
    expect(figures).toEqual([
      ['Persona', 'Scored steps', 'Best ▲', 'Worst ▼', 'Peak', 'End ●', 'Peak-end', 'Average', 'Gap'],
      ['首次购房者', '6', '+4 · 4 领取钥匙', '-3 · 3 陪同验房', '+4 · 4 领取钥匙', '-1 · 6 renew', '+1.5', '+1', '+0.5'],
      ['Upgrader; "second home"', '5', '+2.5 · 2 参观售楼处和样板间 (tied with pay)', '-4 · 3 陪同验房', '-4 · 3 陪同验房', '+1 · 6 renew', '-1.5', '+0.4', '-1.9'],
    ]);
    // A gap in a persona's scores is explained under the chart.
    expect(md).toContain('Between scored steps the line is drawn straight');
  });

  it('tags personas in the portable variant, as the axis labels do', () => {
    const [steps, figures] = tables(parseMarkdown(journeyMarkdown(homeowner(), { variant: 'portable' })));
    expect(steps![0]!.slice(3, 5)).toEqual(['首次购房者 (A)', 'Upgrader; "second home" (B)']);
    expect(figures![1]![0]).toBe('首次购房者 (A)');
  });

  it('says that opposite peaks tied, and shows personas without scores', () => {
    const a = homeowner();
    a.personas[1]!.peakTiedOpposite = true;
    a.personas.push({ persona: 'renter', scored: 0, stages: [] });
    const figures = tables(parseMarkdown(journeyMarkdown(a, { lang: 'zh-cn' })))[1]!;
    expect(figures[0]![0]).toBe('用户角色');
    expect(figures[2]![4]).toBe('-4 · 3 陪同验房 (相反方向同样强烈)');
    expect(figures[3]).toEqual(['renter', '0', '无评分', '', '', '', '', '', '']);
  });

  it('cannot be broken by a hostile title', () => {
    const a = homeowner();
    a.title = '# x\n```\n</script><script>alert(1)</script>\n| a |';
    const root = parseMarkdown(journeyMarkdown(a));
    expect(plainInline((root.children[0] as Heading).children)).toBe(plainText(a.title));
    expect(root.children.map((n) => n.type)).toEqual(['heading', 'code', 'paragraph', 'heading', 'table', 'heading', 'table']);
  });
});

describe('inventoryMarkdown', () => {
  it('is the chart, the priority list and the missing data', () => {
    const a = inventory();
    const root = parseMarkdown(inventoryMarkdown(a));
    expect(root.children.map((n) => n.type)).toEqual(['heading', 'code', 'paragraph', 'heading', 'table', 'heading', 'list']);
    expect(`${(root.children[1] as Code).value}\n`).toBe(ipaChart(a));
    expect(plainInline((root.children[2] as Paragraph).children)).toBe('Cuts: Importance 3, Performance 3 (scale midpoint; a value on a cut counts as high)');
    expect(tables(root)[0]).toEqual([
      ['#', 'Touchpoint', 'Phase', 'Importance', 'Performance', 'Gap', 'Quadrant', 'Chart'],
      ['1', '报修热线 24h: "快" (repair-hotline)', '', '4.5', '2', '+2.5', 'Concentrate here', '报修热线 24h: "…'],
      ['2', '交房验收 (house-handover)', 'handover', '4', '2.5', '+1.5', 'Concentrate here', '交房验收'],
      ['3', 'WeChat | account (wechat-account)', '', '5', '3', '+2', 'Keep up the good work', 'WeChat | account'],
      ['4', 'ad-online', '', '2', '1', '+1', 'Low priority', 'ad-online'],
      ['5', 'Sales <site> & [show] (sales-site)', '', '1', '5', '-4', 'Possible overkill', 'Sales <site> &…'],
    ]);
    const list = root.children[6] as List;
    expect(list.children.map((i) => plainInline((i.children[0] as Paragraph).children))).toEqual(['产权证办理 (certificate-service) — lacks Performance']);
  });

  it('says so when nothing is missing', () => {
    const a = { ...inventory(), missing: [] };
    const root = parseMarkdown(inventoryMarkdown(a, { lang: 'zh-cn' }));
    expect(plainInline((root.children[6] as Paragraph).children)).toBe('每个触点都有两项数值。');
  });
});
