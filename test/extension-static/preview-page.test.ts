/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The preview's page in headless Chromium with the network off: the shell the extension writes, the
 * page script and the real Mermaid modules built fresh as the extension's build does
 * (scripts/preview-page.mjs), served from one origin as a webview serves the extension's files, and a
 * stand-in for VS Code's webview API that records what the page posts. It checks what the page
 * draws for the example journey, that an update keeps the page in place, clicks, the theme switch,
 * the exports and the policy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisReport, checkPaths, toLanguage } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { parsePersistedState, type FromWebview, type PreviewState, type RenderSummary, type SvgNode } from '../../src/extension/preview/protocol';
import { previewHtml, type ShellOptions } from '../../src/extension/preview/shell';
import { chartMarkup } from '../../src/extension/preview/chartMarkup';
import { restoredChart } from '../../src/extension/preview/chartCache';
import { journeyView } from '../../src/extension/preview/viewModel';
import { launch, OUTPUT, REPO } from '../helpers/browser';
import { buildMermaidScript, buildPreviewPage } from '../../scripts/preview-page.mjs';

/** Where the page and its modules are served from (module scripts do not load from file: URLs). */
const ORIGIN = 'https://peakend.test';
let preload: { page: string[]; core: string[]; journey: string[]; inventory: string[] };
/** Every path the pages asked the origin for, in order. */
const requested: string[] = [];

const EXAMPLE = path.join(REPO, 'examples/property-management');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-preview-page-'));
let browser: Awaited<ReturnType<typeof launch>>;
let base: PreviewState;

const LABELS = {
  personas: 'Personas',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  exportHtml: 'Export HTML',
  exportDisabled: 'Export is not available in Restricted Mode.',
  findings: 'Findings',
  noFindings: 'No peak-end findings.',
  errors: 'This file has errors: the figures may be incomplete.',
  chartFailed: 'The chart could not be drawn:',
  notPreviewable: 'Not previewable.',
  line: 'line',
};

beforeAll(async () => {
  ({ preload } = await buildPreviewPage({ outdir: dir, entry: path.join(REPO, 'src/extension/preview/webview/main.ts') }));
  await buildMermaidScript({ outfile: path.join(dir, 'mermaid.min.js'), minify: true });
  fs.copyFileSync(path.join(REPO, 'src/extension/preview/webview/preview.css'), path.join(dir, 'preview.css'));
  const { workspaces, files } = await checkPaths(nodeHost, [EXAMPLE]);
  const journey = analysisReport(workspaces, files).journeys[0]!;
  base = { resource: 'file:///ws/homeowner.journey.yaml', locked: false, hidden: [], version: 1, canExport: true, labels: LABELS, view: journeyView(journey, toLanguage('zh-cn')) };
  browser = await launch();
  // The network is off: the page's origin answers from the build folder, everything else fails.
  await browser.context.route(/.*/, async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(dir, decodeURIComponent(url.pathname));
    requested.push(url.pathname.slice(1));
    if (url.origin !== ORIGIN || !file.startsWith(dir + path.sep) || !fs.existsSync(file)) return route.abort();
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    await route.fulfill({ status: 200, contentType: `${type}; charset=utf-8`, body: fs.readFileSync(file) });
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Posted = FromWebview[];

async function open(state: PreviewState, bodyClass = 'vscode-light', cached?: ShellOptions['cached'], wait = true, setup?: (page: Page) => Promise<unknown>): Promise<Page> {
  const name = `page-${Math.random().toString(36).slice(2)}.html`;
  const file = path.join(dir, name);
  // As the extension does: a page with its chart from the cache preloads no Mermaid, only the page script's own imports.
  const chart = [...new Set([...preload.page, ...(state.view && !cached ? [...preload.core, ...preload[state.view.kind]] : [])])];
  const html = previewHtml({ cspSource: ORIGIN, nonce: 'n0nce', scriptUri: 'preview.js', styleUri: 'preview.css', preloadUris: chart, lang: 'zh-CN', state, ...(cached ? { cached } : {}) });
  fs.writeFileSync(file, html.replace('<body>', `<body class="${bodyClass}">`));
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const w = window as any;
    w.__posted = [];
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), setState: (s: unknown) => (w.__state = s), getState: () => w.__state });
  });
  await setup?.(page);
  await page.goto(`${ORIGIN}/${name}`);
  if (wait) await rendered(page, state.version);
  return page;
}

/** The chart a page handed back for the extension's cache, as the extension writes it into a new page. */
async function cachedFrom(page: Page, edit: (svg: SvgNode) => void = () => undefined): Promise<NonNullable<ShellOptions['cached']>> {
  await page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'chart'), undefined, { timeout: 20_000 });
  const m = (await posted(page)).filter((x): x is Extract<FromWebview, { type: 'chart' }> => x.type === 'chart').pop()!;
  edit(m.svg);
  const markup = chartMarkup(m.svg, m.css)!;
  expect(markup).toBeDefined();
  return { markup, theme: m.theme };
}

const posted = (page: Page) => page.evaluate(() => (window as any).__posted as Posted);

/** The page's report of a version with its chart drawn (or failed): the tables may come first, while Mermaid loads. */
async function rendered(page: Page, version: number): Promise<RenderSummary> {
  const done = (m: any, v: number) => m.type === 'rendered' && m.summary.version === v && (m.summary.svg || m.summary.chartError);
  await page.waitForFunction((v) => (window as any).__posted.some((m: any) => m.type === 'rendered' && m.summary.version === v && (m.summary.svg || m.summary.chartError)), version, { timeout: 30_000 });
  const all = await posted(page);
  return all.filter((m): m is Extract<FromWebview, { type: 'rendered' }> => done(m, version)).pop()!.summary;
}

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

describe('the preview page', () => {
  it('draws the example journey: one line per persona, best / worst / end markers, the tables and findings', async () => {
    requested.length = 0;
    const page = await open(base);
    const s = await rendered(page, 1);
    expect(s.svg).toBe(true);
    expect(s.chartError).toBeUndefined();
    expect(s.lines).toBe(2);
    expect(s.markers).toEqual({ best: 2, worst: 2, end: 2 });
    expect(s.shownPersonas).toEqual(['首次置业业主', '改善型业主']);
    expect(s.tables.map((t) => t.caption)).toEqual(base.view!.tables.map((t) => t.caption));
    expect(s.tables[0]!.rows).toHaveLength(13);
    expect(s.exportButtons).toBe(3);
    // Markers sit where the analysis says: first-time-buyer's best is get-keys, both worst at inspect-house, both ends at pay-fee.
    const markers = await page.evaluate(() => [...document.querySelectorAll('path.pe-marker')].map((m) => `${m.getAttribute('class')} ${m.getAttribute('data-persona')} ${m.getAttribute('data-step')}`));
    expect(markers).toEqual([
      'pe-marker pe-best first-time-buyer get-keys',
      'pe-marker pe-worst first-time-buyer inspect-house',
      'pe-marker pe-end first-time-buyer pay-fee',
      'pe-marker pe-best upgrader get-keys',
      'pe-marker pe-worst upgrader inspect-house',
      'pe-marker pe-end upgrader pay-fee',
    ]);
    expect(await page.locator('.pe-finding').count()).toBe(5);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    // The page loads its script, Mermaid's core and the xychart's chunks, all preloaded, and nothing else.
    const scripts = requested.filter((f) => f.endsWith('.js'));
    expect(new Set(scripts)).toEqual(new Set(['preview.js', ...preload.core, ...preload.journey]));
    expect(scripts.some((f) => /xychartDiagram/.test(f)) && !scripts.some((f) => /quadrantDiagram|katex/.test(f))).toBe(true);
    expect(preload.core.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0)).toBeLessThan(1_500_000);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'preview-page-light.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('updates in place: a changed score redraws the line, the page keeps its scroll position and its nodes', async () => {
    const page = await open(base);
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.evaluate(() => ((window as any).__table = document.querySelector('.pe-tables')));
    await page.evaluate(() => ((window as any).__rows = [...document.querySelectorAll('.pe-tables tbody tr')]));
    const before = await page.evaluate(() => document.querySelector('g[class^="line-plot-0"] path')!.getAttribute('d'));
    const view = structuredClone(base.view!);
    const changed: PreviewState = { ...base, version: 2, view: { ...view, chart: view.chart.replace(/line "首次置业业主" \[([^,\]]+),/, 'line "首次置业业主" [-5,') } };
    changed.view!.tables[0]!.rows[0]![3] = '-5';
    await send(page, { type: 'render', state: changed });
    const s = await rendered(page, 2);
    const after = await page.evaluate(() => document.querySelector('g[class^="line-plot-0"] path')!.getAttribute('d'));
    expect(after).not.toBe(before);
    expect(s.tables[0]!.rows[0]![3]).toBe('-5');
    expect(s.scrollY).toBe(400);
    expect(await page.evaluate(() => (window as any).__table === document.querySelector('.pe-tables'))).toBe(true);
    // Only the changed cell is rewritten: every row is the node it was.
    expect(await page.evaluate(() => [...document.querySelectorAll('.pe-tables tbody tr')].every((r, i) => r === (window as any).__rows[i]))).toBe(true);
    expect(await page.locator('tr[data-id] td:nth-child(4)').first().textContent()).toBe('-5');
    // A table of another shape (a step fewer) is drawn afresh, with what the state says.
    const fewer = structuredClone(changed);
    fewer.version = 3;
    fewer.view!.tables[0]!.rows.pop();
    fewer.view!.tables[0]!.rowIds!.pop();
    await send(page, { type: 'render', state: fewer });
    const s3 = await rendered(page, 3);
    expect(s3.tables[0]!.rows).toEqual(fewer.view!.tables[0]!.rows);
    expect(s3.tables[1]!.rows).toEqual(fewer.view!.tables[1]!.rows);
    await page.close();
  }, 60_000);

  it('posts reveal for a clicked table row and a clicked point on the chart; highlights the step the cursor is in', async () => {
    const page = await open(base);
    await page.click('tr[data-id="inspect-house"] td:nth-child(3)');
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.evaluate(() => {
      const m = document.querySelector('path.pe-end[data-persona="first-time-buyer"]')!.getBoundingClientRect();
      return { x: m.x + m.width / 2, y: m.y + m.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    const reveals = (await posted(page)).filter((m) => m.type === 'reveal');
    expect(reveals).toEqual([
      { type: 'reveal', id: 'inspect-house' },
      { type: 'reveal', id: 'pay-fee' },
    ]);
    await send(page, { type: 'highlight', id: 'get-keys' });
    await page.waitForFunction(() => document.querySelector('tr.pe-highlighted')?.getAttribute('data-id') === 'get-keys');
    expect(await page.evaluate(() => document.querySelector('line.pe-highlight')!.getAttribute('visibility'))).toBe('visible');
    await page.close();
  }, 60_000);

  it('posts the persona filter; a state without a persona draws one line', async () => {
    const page = await open(base);
    await page.click('input[data-persona="upgrader"]');
    expect((await posted(page)).filter((m) => m.type === 'filter')).toEqual([{ type: 'filter', hidden: ['upgrader'] }]);
    await page.close();
  });

  it('draws in the dark theme with Mermaid’s dark theme, and redraws when the theme changes (light, high contrast)', async () => {
    const page = await open(base, 'vscode-dark');
    const s = await rendered(page, 1);
    expect([s.themeKind, s.mermaidTheme]).toEqual(['dark', 'dark']);
    await page.screenshot({ path: path.join(OUTPUT, 'preview-page-dark.png'), fullPage: true });
    await page.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-light'));
    await page.waitForFunction(() => (window as any).__posted.filter((m: any) => m.type === 'rendered').pop().summary.themeKind === 'light');
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-high-contrast'));
    await page.waitForFunction(() => (window as any).__posted.filter((m: any) => m.type === 'rendered').pop().summary.themeKind === 'high-contrast');
    const last = (await posted(page)).filter((m): m is Extract<FromWebview, { type: 'rendered' }> => m.type === 'rendered').pop()!.summary;
    expect([last.mermaidTheme, last.lines, last.markers.end]).toEqual(['dark', 2, 2]);
    await page.close();
  }, 60_000);

  it('exports the chart as SVG with its styles and markers, and as PNG', async () => {
    const page = await open(base);
    await send(page, { type: 'exportRequest', id: 1, format: 'svg' });
    await send(page, { type: 'exportRequest', id: 2, format: 'png' });
    await page.waitForFunction(() => (window as any).__posted.filter((m: any) => m.type === 'exportData').length === 2, undefined, { timeout: 20_000 });
    const out = (await posted(page)).filter((m): m is Extract<FromWebview, { type: 'exportData' }> => m.type === 'exportData');
    const svg = out.find((m) => m.id === 1)!;
    expect(svg.error).toBeUndefined();
    expect(svg.data).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.data).toContain('<style>');
    expect(svg.data!.match(/class="pe-marker/g)).toHaveLength(6);
    expect(svg.data).toContain('业主旅程：从购房到续费');
    const png = out.find((m) => m.id === 2)!;
    expect(png.error).toBeUndefined();
    expect(Buffer.from(png.data!, 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await page.close();
  }, 60_000);

  it('shows no export buttons when the workspace is not trusted', async () => {
    const page = await open({ ...base, canExport: false });
    const s = await rendered(page, 1);
    expect(s.exportButtons).toBe(0);
    expect(await page.locator('.pe-export-disabled').textContent()).toBe(LABELS.exportDisabled);
    await page.close();
  });

  it('draws a generated journey of 200 steps and 3 personas: three lines, their markers, every step in the table', async () => {
    const { generateJourneyWorkspace } = await import('../../bench/extension.mjs');
    const ws = path.join(dir, 'large');
    generateJourneyWorkspace(ws, 200, 3);
    const { workspaces, files } = await checkPaths(nodeHost, [ws]);
    const journey = analysisReport(workspaces, files).journeys[0]!;
    const view = journeyView(journey, 'en');
    const page = await open({ ...base, view });
    const s = await rendered(page, 1);
    expect(s.chartError).toBeUndefined();
    expect(s.lines).toBe(3);
    expect(s.markers).toEqual({ best: 3, worst: 3, end: 3 });
    expect(s.tables[0]!.rows).toHaveLength(200);
    expect(s.shownPersonas).toEqual(['Persona A', 'Persona B', '客户丙']);
    // Redrawing the same chart is skipped: an update with an unchanged chart costs no Mermaid run.
    await send(page, { type: 'render', state: { ...base, view, version: 2 } });
    expect((await rendered(page, 2)).chartMs).toBe(0);
    await page.close();
  }, 60_000);

  it('the single-file Mermaid of the report panels and the HTML export draws both of Peakend’s charts', async () => {
    const page = await browser.context.newPage();
    fs.writeFileSync(path.join(dir, 'single.html'), '<!doctype html><meta charset="utf-8"><script src="mermaid.min.js"></script><body></body>');
    await page.goto(`${ORIGIN}/single.html`);
    const quadrant = 'quadrantChart\n  title "IPA"\n  x-axis Low --> High\n  y-axis Low --> High\n  "交房": [0.3, 0.8]\n  "Fee": [0.7, 0.2]';
    const out = await page.evaluate(async (charts) => {
      const m = (window as any).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const r: string[] = [];
      for (const [i, c] of charts.entries()) r.push((await m.render(`c${i}`, c)).svg);
      return r;
    }, [base.view!.chart, quadrant]);
    expect(out[0]).toMatch(/aria-roledescription="xychart"/);
    expect(out[0]!.match(/class="line-plot-\d+"/g)).toHaveLength(3);
    expect(out[1]).toMatch(/aria-roledescription="quadrantChart"/);
    expect(out[1]).toContain('交房');
    await page.close();
  }, 60_000);

  it('keeps user text as text: markup in a title or cell is shown, not run', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">&amp;</script>';
    const view = structuredClone(base.view!);
    view.title = evil;
    view.tables[0]!.rows[0]![2] = evil;
    view.findings[0]!.message = evil;
    const page = await open({ ...base, view });
    expect(await page.locator('.pe-title').textContent()).toBe(evil);
    expect(await page.locator('tr[data-id] td:nth-child(3)').first().textContent()).toBe(evil);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    await page.close();
  }, 60_000);
});

describe('a preview opened again, with its chart from the extension’s cache', () => {
  it('shows the cached chart before its script runs, with Mermaid’s styles and nothing inline', async () => {
    const first = await open(base);
    const cached = await cachedFrom(first);
    await first.close();
    // The page script never arrives: what shows is the HTML alone.
    const page = await browser.context.newPage();
    await page.route(/preview\.js$/, (r) => r.abort());
    await page.addInitScript(() => {
      const w = window as any;
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
    const name = `static-${Math.random().toString(36).slice(2)}.html`;
    fs.writeFileSync(path.join(dir, name), previewHtml({ cspSource: ORIGIN, nonce: 'n0nce', scriptUri: 'preview.js', styleUri: 'preview.css', preloadUris: [], lang: 'zh-CN', state: base, cached }).replace('<body>', '<body class="vscode-light">'));
    await page.goto(`${ORIGIN}/${name}`);
    const shown = await page.evaluate(() => {
      const svg = document.querySelector('#pe-chart > svg') as SVGSVGElement;
      const title = svg.querySelector('.chart-title text, text') as SVGTextElement;
      return {
        plots: svg.querySelectorAll('g[class^="line-plot-"] > path').length,
        // Mermaid's root style attribute, given back as a nonce'd rule.
        maxWidth: getComputedStyle(svg).maxWidth,
        width: svg.getBoundingClientRect().width,
        // Mermaid's stylesheet applies (its font size, from the <style> with the nonce; the page's is 13px).
        fontSize: getComputedStyle(svg).fontSize,
        titleFill: getComputedStyle(title).fill,
        styleAttributes: document.querySelectorAll('[style]').length,
      };
    });
    expect(shown.plots).toBe(3);
    expect(shown.maxWidth).toMatch(/^\d+(\.\d+)?px$/);
    expect(shown.width).toBeGreaterThan(100);
    expect([shown.fontSize, shown.titleFill]).toEqual(['16px', 'rgb(31, 35, 40)']);
    expect(shown.styleAttributes).toBe(0);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    await page.close();
  }, 60_000);

  it('reports the cached chart as drawn with one line per persona and the markers, loading no Mermaid; an edit redraws it with Mermaid', async () => {
    const first = await open(base);
    const drawnBefore = await first.evaluate(() => document.querySelector('#peakend-preview svg g[class^="line-plot-0"] path')!.getAttribute('d'));
    const cached = await cachedFrom(first);
    await first.close();
    requested.length = 0;
    const page = await open(base, 'vscode-light', cached);
    const s = await rendered(page, 1);
    expect([s.svg, s.fromCache, s.lines, s.chartError]).toEqual([true, true, 2, undefined]);
    expect(s.markers).toEqual({ best: 2, worst: 2, end: 2 });
    expect(s.mermaidReadyMs).toBeUndefined();
    expect(s.tables[0]!.rows).toHaveLength(13);
    expect(await page.evaluate(() => document.querySelector('#peakend-preview svg g[class^="line-plot-0"] path')!.getAttribute('d'))).toBe(drawnBefore);
    // Only the page script (and what it imports statically): no Mermaid module.
    // Only the page script's modules are preloaded; Mermaid's core loads once the page is idle after its report ...
    expect(preload.page.every((f) => preload.core.includes(f))).toBe(true);
    await page.waitForFunction(() => (window as any).__posted.filter((m: any) => m.type === 'rendered').length >= 1);
    // ... and the chart's own chunk (the first edit needs it too).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /xychartDiagram/.test(e.name)), undefined, { timeout: 10_000 });
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\//, ''), e.startTime] as const));
    const mermaidAt = loaded.find(([f]) => /^mermaid\.core/.test(f))![1];
    expect(mermaidAt).toBeGreaterThan(s.pageAgeMs);
    // Loaded ahead of need, Mermaid draws nothing: no second report.
    await new Promise((r) => setTimeout(r, 300));
    expect((await posted(page)).filter((m) => m.type === 'rendered')).toHaveLength(1);
    // The style rules became style attributes again (through CSSOM); the rules' element is gone.
    expect(await page.evaluate(() => [document.getElementById('pe-chart-inline'), document.querySelectorAll('[data-pe-style]').length])).toEqual([null, 0]);
    expect(await page.evaluate(() => (document.querySelector('#pe-chart > svg') as SVGSVGElement).style.maxWidth)).toMatch(/px$/);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    // Clicking the chart and the cursor's highlight work on it.
    const box = await page.evaluate(() => {
      const m = document.querySelector('path.pe-end[data-persona="first-time-buyer"]')!.getBoundingClientRect();
      return { x: m.x + m.width / 2, y: m.y + m.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    expect((await posted(page)).filter((m) => m.type === 'reveal')).toEqual([{ type: 'reveal', id: 'pay-fee' }]);
    await send(page, { type: 'highlight', id: 'get-keys' });
    await page.waitForFunction(() => document.querySelector('line.pe-highlight')?.getAttribute('visibility') === 'visible');
    // The export has Mermaid's styles, the root's style and the markers.
    await send(page, { type: 'exportRequest', id: 7, format: 'svg' });
    await page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'exportData'));
    const svg = (await posted(page)).find((m): m is Extract<FromWebview, { type: 'exportData' }> => m.type === 'exportData')!.data!;
    expect(svg).toMatch(/^<svg[^>]*style="max-width: [\d.]+px;/);
    expect(svg).toContain(`${cached.markup.css}\n.pe-marker`);
    expect(svg.match(/class="pe-marker/g)).toHaveLength(6);
    // An edit: Mermaid loads and draws the new chart, and the page hands it back for the cache.
    const view = structuredClone(base.view!);
    const edited: PreviewState = { ...base, version: 2, view: { ...view, chart: view.chart.replace(/line "首次置业业主" \[([^,\]]+),/, 'line "首次置业业主" [-5,') } };
    await send(page, { type: 'render', state: edited });
    const s2 = await rendered(page, 2);
    expect([s2.fromCache, s2.lines, s2.markers.end, typeof s2.mermaidReadyMs]).toEqual([false, 2, 2, 'number']);
    expect(await page.evaluate(() => document.querySelector('#peakend-preview svg g[class^="line-plot-0"] path')!.getAttribute('d'))).not.toBe(drawnBefore);
    expect(await page.evaluate(() => [document.getElementById('pe-chart-css'), document.querySelectorAll('#peakend-preview svg').length])).toEqual([null, 1]);
    await page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'chart' && m.version === 2), undefined, { timeout: 20_000 });
    await page.close();
  }, 60_000);

  it('keeps its chart in the state VS Code restores after a window reload, and a page restored with it shows it', async () => {
    const first = await open(base);
    await first.waitForFunction(() => (window as any).__state?.chart, undefined, { timeout: 20_000 });
    const kept = await first.evaluate(() => JSON.parse(JSON.stringify((window as any).__state)));
    await first.close();
    expect([kept.resource, kept.chart.kind, kept.chart.source, kept.chart.hidden, kept.chart.themeKind]).toEqual([base.resource, 'journey', base.view!.chart, [], 'light']);
    expect(JSON.stringify(kept).length).toBeLessThan(30_000);
    const entry = restoredChart(parsePersistedState(kept)!.chart, { kind: 'journey', chart: base.view!.chart, hidden: [], themeKind: 'light', theme: '' })!;
    const page = await open(base, 'vscode-light', { markup: entry.markup, theme: entry.theme });
    const s = await rendered(page, 1);
    expect([s.fromCache, s.lines, s.markers.best, s.markers.worst, s.markers.end]).toEqual([true, 2, 2, 2, 2]);
    // The restored page keeps the chart for the next reload, though it hands nothing back to the extension.
    await page.waitForFunction(() => (window as any).__state?.chart);
    expect(await page.evaluate(() => (window as any).__state.chart.source)).toBe(base.view!.chart);
    expect((await posted(page)).some((m) => m.type === 'chart')).toBe(false);
    await page.close();
  }, 60_000);

  it('keeps the cached chart, reported as not drawn, while Mermaid loads for an edit; then draws the edit', async () => {
    const first = await open(base);
    const cached = await cachedFrom(first);
    await first.close();
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    const page = await open(base, 'vscode-light', cached, true, (p) => p.route(/mermaid\.core/, async (route) => {
      await gate;
      await route.fallback();
    }));
    const view = structuredClone(base.view!);
    const edited: PreviewState = { ...base, version: 2, view: { ...view, chart: view.chart.replace(/line "首次置业业主" \[([^,\]]+),/, 'line "首次置业业主" [-5,') } };
    edited.view!.tables[0]!.rows[0]![3] = '-5';
    await send(page, { type: 'render', state: edited });
    await page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'rendered' && m.summary.version === 2));
    const waiting = (await posted(page)).find((m): m is Extract<FromWebview, { type: 'rendered' }> => m.type === 'rendered' && m.summary.version === 2)!.summary;
    // The tables show the edit; the old chart stays on screen but is not reported as this state's.
    expect([waiting.svg, waiting.fromCache, waiting.tables[0]!.rows[0]![3]]).toEqual([false, false, '-5']);
    expect(await page.locator('#peakend-preview svg').count()).toBe(1);
    release();
    const s = await rendered(page, 2);
    expect([s.svg, s.fromCache, s.lines, s.markers.worst]).toEqual([true, false, 2, 2]);
    await page.close();
  }, 60_000);

  it('keeps the cached chart when Mermaid cannot be loaded ahead of need; an edit then says the chart could not be drawn', async () => {
    const first = await open(base);
    const cached = await cachedFrom(first);
    await first.close();
    let tries = 0;
    const page = await open(base, 'vscode-light', cached, true, (p) => p.route(/mermaid\.core/, (route) => (tries++, route.abort())));
    // The idle warm-up asked for Mermaid's core and was refused.
    await expect.poll(() => tries, { timeout: 10_000 }).toBeGreaterThan(0);
    await send(page, { type: 'highlight', id: 'get-keys' });
    await page.waitForFunction(() => (window as any).__posted.filter((m: any) => m.type === 'rendered').length >= 2);
    const after = (await posted(page)).filter((m): m is Extract<FromWebview, { type: 'rendered' }> => m.type === 'rendered').pop()!.summary;
    expect([after.svg, after.fromCache, after.chartError, after.highlighted, after.markers.end]).toEqual([true, true, undefined, 'get-keys', 2]);
    const view = structuredClone(base.view!);
    const edited: PreviewState = { ...base, version: 2, view: { ...view, chart: view.chart.replace(/line "首次置业业主" \[([^,\]]+),/, 'line "首次置业业主" [-5,') } };
    await send(page, { type: 'render', state: edited });
    const s = await rendered(page, 2);
    expect(s.svg).toBe(false);
    expect(s.chartError).toMatch(/^Mermaid could not be loaded/);
    await page.close();
  }, 60_000);

  it('draws afresh with Mermaid when the page’s theme is not the one the cached chart was drawn in', async () => {
    const first = await open(base);
    const cached = await cachedFrom(first);
    await first.close();
    const page = await open(base, 'vscode-dark', cached);
    const s = await rendered(page, 1);
    expect([s.fromCache, s.themeKind, s.mermaidTheme, s.lines, s.markers.best]).toEqual([false, 'dark', 'dark', 2, 2]);
    expect(await page.evaluate(() => [document.getElementById('pe-chart-css'), document.querySelectorAll('#peakend-preview svg').length])).toEqual([null, 1]);
    await page.close();
  }, 60_000);

  it('keeps hostile text in a handed-back chart as text: a title with </svg><script> neither ends the chart nor runs', async () => {
    // Mermaid's own sanitising drops markup from a title; the tree handed back is not trusted to have been through it.
    const evil = '</svg><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><style>*{display:none}</style>客户旅程';
    const first = await open(base);
    const cached = await cachedFrom(first, (svg) => {
      const title = (n: SvgNode): { c: SvgNode[] } | undefined => (typeof n === 'string' ? undefined : n.a.class === 'chart-title' ? (n.c[0] as { c: SvgNode[] }) : n.c.map(title).find(Boolean));
      title(svg)!.c = [evil];
    });
    await first.close();
    expect(cached.markup.svg).toContain('&lt;/svg&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror="window.__pwned=2"&gt;');
    const page = await open(base, 'vscode-light', cached);
    const s = await rendered(page, 1);
    expect([s.fromCache, s.lines, s.markers.end]).toEqual([true, 2, 2]);
    expect(await page.evaluate(() => [(window as any).__pwned, document.querySelectorAll('img').length, document.querySelectorAll('script').length, document.querySelectorAll('#peakend-preview svg').length])).toEqual([undefined, 0, 2, 1]);
    expect(await page.locator('#peakend-preview svg .chart-title text').textContent()).toBe(evil);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    await page.close();
  }, 60_000);
});
