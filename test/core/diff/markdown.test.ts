/// <reference lib="dom" />
/**
 * The pull-request comment: its Mermaid parsed by real Mermaid 10.9 and 11.17, rendered once in
 * Chromium (screenshot under test-output/render/), and user text that can never inject.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, diffMarkdown, reviewDiff, type FileModel } from '../../../src/core';
import { launch, mermaidPage, render, screenshot } from '../../helpers/browser';
import { parseError, xyChartTexts } from '../../helpers/mermaid';

const EXAMPLE = join(__dirname, '../../../examples/property-management');
const config = defaultConfig('/ws');
const original = new Map(readdirSync(EXAMPLE).filter((f) => f.endsWith('.yaml') && f !== 'peakend.yaml').map((f) => [f, readFileSync(join(EXAMPLE, f), 'utf8')]));

function workspace(edits: Record<string, (t: string) => string> = {}): FileModel[] {
  return [...original].map(([name, text]) => analyzeFile(`/ws/${name}`, { text: edits[name] ? edits[name]!(text) : text }, config));
}

const weaker = {
  'homeowner.journey.yaml': (t: string) => t.replace('emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: -4, upgrader: -3 }'),
  'complaints.standards.yaml': (t: string) => t.replace('threshold: 30 }', 'threshold: 60 }'),
};

const mermaidBlocks = (md: string) => [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('diff as Markdown', () => {
  const md = diffMarkdown(reviewDiff(workspace(), workspace(weaker)), { lang: 'en', cwd: '/ws', range: 'main…weaker' });

  it('leads with one summary line, then the standards and the journey with its curves and figures', () => {
    expect(md.split('\n').slice(0, 3)).toEqual(['### Peakend review · main…weaker', '', '🔴 1 breaking · 🟠 8 warnings · 🔵 1 info']);
    expect(md).toContain('| 首次置业业主 | 1 → -4 | 0.46 → 0.31 | get-keys (4) → pay-fee (-4) | pay-fee (-2) → pay-fee (-4) |');
    expect(md).toContain('| 🔴 breaking | Standard "complaint-respond-at-once": threshold &#60;= 30 minutes → &#60;= 60 minutes. | complaints.standards.yaml:7 |');
  });

  it('the before/after chart parses in Mermaid 10.9 and 11.17: a muted and a strong line per persona, named for the legend', async () => {
    const [chart] = mermaidBlocks(md);
    expect(chart).toBeDefined();
    expect(await parseError('v10', chart!)).toBeUndefined();
    expect(await parseError('v11', chart!)).toBeUndefined();
    const t = await xyChartTexts('v11', chart!);
    expect(t.series.map((s) => s.title)).toEqual(['首次置业业主 (before)', '首次置业业主 (after)', '改善型业主 (before)', '改善型业主 (after)', 'neutral (0)']);
    expect(t.series[0]!.values.at(-1)).toBe(-2);
    expect(t.series[1]!.values.at(-1)).toBe(-4);
    expect(t.series[3]!.values.at(-1)).toBe(-3);
    expect(t.categories).toHaveLength(13);
    expect(chart).toContain('"plotColorPalette":"#93c5fd, #2563eb, #fca5a5, #dc2626, #9ca3af"');
  });

  it('a hostile title or pain point cannot inject Markdown, HTML, links, mentions or Mermaid', async () => {
    const hostile = 'x"] line "pwn" [1] %% <img src=x onerror=alert(1)> [click](https://evil.example) @octocat `code` | col';
    const after = workspace({
      'homeowner.journey.yaml': (t) => weaker['homeowner.journey.yaml'](t).replace('title: 业主旅程：从购房到续费', `title: '${hostile}'`).replace('title: 到前台缴纳物业费', `title: '${hostile}'`),
    });
    const out = diffMarkdown(reviewDiff(workspace(), after), { lang: 'en', cwd: '/ws', range: 'a…b' });
    const outside = out.replace(/```mermaid\n[\s\S]*?```/g, '');
    expect(outside).not.toMatch(/<img|\]\(|@octocat|`code`/);
    const [chart] = mermaidBlocks(out);
    expect(await parseError('v11', chart!)).toBeUndefined();
    const t = await xyChartTexts('v11', chart!);
    expect(t.title).toBe(hostile);
    expect(t.series).toHaveLength(5);
  });

  it('nothing changed: one line that says so', () => {
    expect(diffMarkdown(reviewDiff(workspace(), workspace()), { lang: 'zh-cn', cwd: '/ws', range: 'a…b' })).toBe(
      '### Peakend 变更评审 · a…b\n\n🔴 0 项破坏性变更 · 🟠 0 项警告 · 🔵 0 条提示\n\n没有影响旅程、标准或接触点的变更。\n',
    );
  });

  describe('rendered in Chromium', () => {
    let browser: Awaited<ReturnType<typeof launch>>;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(() => browser?.close());

    it('draws five lines (before and after for two personas, and neutral); the screenshot is saved', async () => {
      const page = await mermaidPage(browser.context, 'v11');
      const r = await render(page, mermaidBlocks(md)[0]!);
      const lines = await page.evaluate(() => [...document.querySelectorAll('#out svg path')].filter((p) => /line-plot-\d+/.test(p.parentElement?.getAttribute('class') ?? '')).length);
      expect(lines).toBe(5);
      expect(r.svg).toContain('首次置业业主 (after)');
      await screenshot(page, 'diff-homeowner-before-after');
    });
  });
});
