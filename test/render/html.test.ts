/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML export opened from disk in headless Chromium with the network off: the chart renders
 * under the page's strict Content-Security-Policy, the tables are there, and printing keeps them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlText, inlineScript, inventoryHtml, journeyHtml } from '../../src/core/render/html';
import { BUNDLES, OUTPUT, launch } from '../helpers/browser';
import { homeowner, inventory } from './fixtures';

let browser: Awaited<ReturnType<typeof launch>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-html-'));
const mermaidScript = fs.readFileSync(BUNDLES.v11, 'utf8');
beforeAll(async () => {
  browser = await launch({ offline: true });
  // Belt and braces: anything that is not the file itself is refused.
  await browser.context.route(/^(?!file:)/, (route) => route.abort());
}, 60000);
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, html: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, html);
  const page = await browser.context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as any).__violations ??= []).push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => document.documentElement.dataset.chart, undefined, { timeout: 30000 });
  violations.push(...((await page.evaluate(() => (window as any).__violations ?? [])) as string[]));
  return { page, violations, errors, requests };
}

describe('journeyHtml', () => {
  it('renders offline from disk under a policy that allows no inline script, style or network', async () => {
    const html = await journeyHtml(homeowner(), { mermaidScript });
    const { page, violations, errors, requests } = await open('journey.html', html);
    expect(await page.evaluate(() => document.documentElement.dataset.chart)).toBe('rendered');
    expect(errors).toEqual([]);
    // Mermaid's render pass writes a <style> and style attributes into its scratch SVG, and the policy
    // blocks them; the page then applies them through CSSOM (the line colours below prove it). Nothing
    // else is blocked: no script, no request.
    expect(violations).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    const r = await page.evaluate(() => {
      const svg = document.querySelector('#chart svg')!;
      const plots = [...svg.querySelectorAll('path')].filter((p) => /line-plot-\d+/.test(p.parentElement?.getAttribute('class') ?? ''));
      const stroke = plots.map((p) => getComputedStyle(p).stroke);
      const title = svg.querySelector('.chart-title text, g.title text') ?? [...svg.querySelectorAll('text')].find((t) => t.textContent === '业主旅程：从购房到续费');
      return {
        lines: plots.length,
        legend: [...svg.querySelectorAll('g.legend text')].map((t) => t.textContent),
        stroke,
        titleWidth: title?.getBoundingClientRect().width ?? 0,
        titleFont: title ? getComputedStyle(title).fontFamily : '',
        rows: document.querySelectorAll('table')[0]!.querySelectorAll('tbody tr').length,
        cell: document.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')[2]!.children[6]!.textContent,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
      };
    });
    expect(r.lines).toBe(3);
    expect(r.legend).toEqual(['首次购房者', 'Upgrader; "second home"', 'neutral (0)']);
    expect(r.stroke).toEqual(['rgb(37, 99, 235)', 'rgb(220, 38, 38)', 'rgb(156, 163, 175)']);
    expect(r.titleWidth).toBeGreaterThan(100);
    expect(r.rows).toBe(6);
    expect(await page.locator('p.note').allTextContents()).toEqual(['▲ best · ▼ worst · ● end', 'Between scored steps the line is drawn straight; unscored cells show “–”.']);
    // Markup in a pain point is text.
    expect(r.cell).toBe('墙面有裂缝，卫生间窗户渗水; 整改期限说不清楚 | <b>urgent</b>');
    expect(r.csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'$/);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'html-journey.png'), fullPage: true });
    // Print: the chart and the tables stay, the Mermaid source is hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('chart-details')!).display)).toBe('none');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('table')!).display)).toBe('table');
    await page.pdf({ path: path.join(OUTPUT, 'html-journey.pdf'), format: 'A4', landscape: true });
    await page.screenshot({ path: path.join(OUTPUT, 'html-journey-print.png'), fullPage: true });
    await page.close();
  });

  it('shows an error and the source, instead of a blank space, when the chart cannot be drawn', async () => {
    const html = (await journeyHtml(homeowner(), { mermaidScript })).replace('xychart-beta', 'xychart-broken');
    const { page } = await open('broken.html', html);
    expect(await page.evaluate(() => document.documentElement.dataset.chart)).toBe('failed');
    expect(await page.locator('.chart-error').textContent()).toMatch(/^The chart could not be drawn: /);
    expect(await page.evaluate(() => (document.getElementById('chart-details') as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });

  it('cannot be broken by a hostile title', async () => {
    const a = homeowner();
    a.title = '</title><script>alert(1)</script><!--';
    const html = await journeyHtml(a, { mermaidScript });
    expect(html).not.toContain('<script>alert');
    const { page, errors } = await open('hostile.html', html);
    expect(errors).toEqual([]);
    expect(await page.title()).toBe(a.title);
    expect(await page.locator('h1').textContent()).toBe(a.title);
    await page.close();
  });
});

describe('inventoryHtml', () => {
  it('renders the quadrant chart offline with the priority list and the missing data', async () => {
    const { page, violations, errors } = await open('inventory.html', await inventoryHtml(inventory(), { mermaidScript, lang: 'zh-cn' }));
    expect(await page.evaluate(() => document.documentElement.dataset.chart)).toBe('rendered');
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(await page.locator('#chart svg circle').count()).toBe(5);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('li').allTextContents()).toEqual(['产权证办理 (certificate-service) — 缺少 表现']);
    await page.screenshot({ path: path.join(OUTPUT, 'html-inventory.png'), fullPage: true });
    await page.close();
  });
});

describe('html helpers', () => {
  it('escapes text and keeps scripts from ending early', () => {
    expect(htmlText(`<a href="x">'&'</a>\n`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62; ');
    expect(inlineScript('s = "</script><!-- <script>"')).toBe('s = "\\x3C/script>\\x3C!-- \\x3Cscript>"');
  });
});
