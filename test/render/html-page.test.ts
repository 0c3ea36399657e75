/** The HTML page as text: escaping, table markup, the policy's hashes, language (html.test.ts opens it in Chromium). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { htmlText, inlineScript, inventoryHtml, journeyHtml } from '../../src/core/render/html';
import { ipaChart } from '../../src/core/render/ipaChart';
import { homeowner, inventory } from './fixtures';

const mermaidScript = 'var m = "</script><!-- <SCRIPT>";';
const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const between = (s: string, from: string, to: string) => s.slice(s.indexOf(from) + from.length, s.indexOf(to, s.indexOf(from)));

describe('htmlText and inlineScript', () => {
  it('htmlText writes & < > " \' as references, on one line', () => {
    expect(htmlText(`a&b<c>d"e'f`)).toBe('a&#38;b&#60;c&#62;d&#34;e&#39;f');
    expect(htmlText('交房\n😀\u0000')).toBe('交房 😀\ufffd');
  });
  it('inlineScript escapes the sequences that end or re-enter a script element, in any case', () => {
    expect(inlineScript(mermaidScript)).toBe('var m = "\\x3C/script>\\x3C!-- \\x3CSCRIPT>";');
    expect(inlineScript('a < b && c <scr </Script')).toBe('a < b && c <scr \\x3C/Script');
  });
});

describe('inventoryHtml', () => {
  it('is the cuts, the priority table and the missing data, escaped, with number columns marked', async () => {
    const html = await inventoryHtml(inventory(), { mermaidScript });
    const body = between(html, '</details>\n', '\n<script>');
    const numTh = (t: string) => `<th scope="col" class="num">${t}</th>`;
    const th = (t: string) => `<th scope="col">${t}</th>`;
    const row = (cells: string[], num: boolean[]) => `<tr>${cells.map((c, i) => (num[i] ? `<td class="num">${c}</td>` : `<td>${c}</td>`)).join('')}</tr>`;
    const num = [true, false, false, true, true, true, false, false];
    expect(body).toBe(
      [
        '<p class="note">Cuts: Importance 3, Performance 3 (scale midpoint; a value on a cut counts as high)</p>',
        '<h2>Priority</h2>',
        `<table><thead><tr>${numTh('#')}${th('Touchpoint')}${th('Phase')}${numTh('Importance')}${numTh('Performance')}${numTh('Gap')}${th('Quadrant')}${th('Chart')}</tr></thead><tbody>`,
        row(['1', '报修热线 24h: &#34;快&#34; (repair-hotline)', '', '4.5', '2', '+2.5', 'Concentrate here', '报修热线 24h: &#34;…'], num),
        row(['2', '交房验收 (house-handover)', 'handover', '4', '2.5', '+1.5', 'Concentrate here', '交房验收'], num),
        row(['3', 'WeChat | account (wechat-account)', '', '5', '3', '+2', 'Keep up the good work', 'WeChat | account'], num),
        row(['4', 'ad-online', '', '2', '1', '+1', 'Low priority', 'ad-online'], num),
        row(['5', 'Sales &#60;site&#62; &#38; [show] (sales-site)', '', '1', '5', '-4', 'Possible overkill', 'Sales &#60;site&#62; &#38;…'], num),
        '</tbody></table>',
        '<h2>Missing data</h2>',
        '<ul>\n<li>产权证办理 (certificate-service) — lacks Performance</li>\n</ul>',
      ].join('\n'),
    );
  });

  it('has a head with the title, the chart source with its newlines, and the scripts inlined', async () => {
    const a = inventory();
    const html = await inventoryHtml(a, { mermaidScript });
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<title>物业触点清单</title>');
    expect(html).toContain('<h1>物业触点清单</h1>\n<div id="chart" class="chart" role="img" aria-label="物业触点清单"></div>');
    const source = ipaChart(a).replaceAll('&', '&#38;').replaceAll('<', '&#60;').replaceAll('>', '&#62;').replaceAll('"', '&#34;').replaceAll("'", '&#39;');
    expect(source).toContain('\n');
    expect(html).toContain(`<details id="chart-details"><summary>Chart (Mermaid)</summary><pre id="chart-source">${source}</pre></details>\n`);
    // Mermaid, then the page script: core's style-free drawing (render/styleFreeSvg.ts) and the run that uses it.
    expect(html).toContain('\n<script>var m = "\\x3C/script>\\x3C!-- \\x3CSCRIPT>";</script>\n<script>function withoutStyles(');
    expect(html).toMatch(/\nasync function drawStyleFree\([^]*\n\(async \(\) => \{[^]*await drawStyleFree\(mermaid, 'peakend-chart', source\)/);
    expect(html.endsWith('</script>\n</body>\n</html>\n')).toBe(true);
  });

  it('allows by hash exactly its two scripts and its stylesheet, and nothing else', async () => {
    const html = await inventoryHtml(inventory(), { mermaidScript });
    const csp = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    expect(styles).toHaveLength(1);
    expect(csp).toBe(
      [
        "default-src 'none'",
        `script-src ${hash(scripts[0]!)} ${hash(scripts[1]!)}`,
        `style-src ${hash(styles[0]!)}`,
        'img-src data:',
        'font-src data:',
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
  });

  it('lists each missing touchpoint on its own line', async () => {
    const a = inventory();
    a.missing.push({ touchpointId: 'x<y', lacks: ['importance'] });
    expect(await inventoryHtml(a, { mermaidScript })).toContain('<ul>\n<li>产权证办理 (certificate-service) — lacks Performance</li>\n<li>x&#60;y — lacks Importance</li>\n</ul>\n<script>');
  });

  it('falls back to the inventory ID, speaks Chinese, and says when nothing is missing', async () => {
    const a = { ...inventory(), title: '', missing: [] };
    const html = await inventoryHtml(a, { mermaidScript, lang: 'zh-cn' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>property</title>');
    expect(html).toContain('<summary>图表 (Mermaid)</summary>');
    expect(html).toContain('\n<h2>缺少数据</h2>\n<p>每个触点都有两项数值。</p>\n<script>');
    expect(html).toContain('<p class="note">分界：重要性 3, 表现 3 (量表中点; 等于分界值计为高)</p>\n<h2>优先级</h2>\n<table>');
  });
});

describe('journeyHtml', () => {
  it('gives the notes, then the steps table with a rule above each stage, then the figures', async () => {
    const html = await journeyHtml(homeowner(), { mermaidScript });
    const body = between(html, '</details>\n', '\n<script>');
    const parts = body.split('\n');
    expect(parts.slice(0, 3)).toEqual([
      '<p class="note">▲ best · ▼ worst · ● end</p>',
      '<p class="note">Between scored steps the line is drawn straight; unscored cells show “–”.</p>',
      '<h2>Steps</h2>',
    ]);
    expect(parts[3]).toBe(
      '<table><thead><tr><th scope="col" class="num">#</th><th scope="col">Stage</th><th scope="col">Step</th><th scope="col" class="num">首次购房者</th><th scope="col" class="num">Upgrader; &#34;second home&#34;</th><th scope="col">Moment of truth</th><th scope="col">Pain points</th><th scope="col">Measured</th></tr></thead><tbody>',
    );
    expect(parts.slice(4, 10).map((r) => r.slice(0, r.indexOf('>') + 1))).toEqual(['<tr class="stage-start">', '<tr>', '<tr class="stage-start">', '<tr>', '<tr class="stage-start">', '<tr>']);
    expect(parts[6]).toBe(
      '<tr class="stage-start"><td class="num">3</td><td>交房</td><td>陪同验房 (inspect)</td><td class="num">-3 ▼</td><td class="num">-4 ▼</td><td>★</td><td>墙面有裂缝，卫生间窗户渗水; 整改期限说不清楚 | &#60;b&#62;urgent&#60;/b&#62;</td><td></td></tr>',
    );
    expect(parts[10]).toBe('</tbody></table>');
    expect(parts[11]).toBe('<h2>Peak-end figures</h2>');
    expect(parts[12]).toContain('<th scope="col">Persona</th><th scope="col" class="num">Scored steps</th><th scope="col">Best ▲</th>');
    expect(parts[13]).toBe(
      '<tr><td>首次购房者</td><td class="num">6</td><td>+4 · 4 领取钥匙</td><td>-3 · 3 陪同验房</td><td>+4 · 4 领取钥匙</td><td>-1 · 6 renew</td><td class="num">+1.5</td><td class="num">+1</td><td class="num">+0.5</td></tr>',
    );
    expect(parts).toHaveLength(16);
  });

  it('passes the variant and language to the tables, and falls back to the journey ID', async () => {
    const a = { ...homeowner(), title: '' };
    const html = await journeyHtml(a, { mermaidScript, variant: 'portable', lang: 'zh-cn' });
    expect(html).toContain('<title>homeowner</title>');
    expect(html).toContain('<th scope="col" class="num">首次购房者 (A)</th>');
    expect(html).toContain('<h2>步骤</h2>');
    expect(html).toContain('<h2>峰终数据</h2>');
    expect(html).toContain('<p class="note">▲ 最好 · ▼ 最差 · ● 终点</p>');
  });
});
