/// <reference lib="dom" />
/**
 * The report panels' page (audit score, audit report, Compare with…): its policy, and in headless
 * Chromium with the network off the real page script (bundled fresh from
 * src/extension/reports/webview/main.ts) drawing a comparison's Mermaid chart from the real bundle.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffMarkdown, openWorkspace, reviewDiff } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { reportHtml, type ReportShellOptions } from '../../src/extension/preview/shell';
import { markdownHtml } from '../../src/extension/reports/markdownHtml';
import { parseRendered, type RenderedMessage } from '../../src/extension/reports/protocol';
import { BUNDLES, launch, REPO } from '../helpers/browser';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-report-page-'));
let browser: Awaited<ReturnType<typeof launch>>;

const options = (body: string, extra: Partial<ReportShellOptions> = {}): ReportShellOptions => ({
  cspSource: 'file:',
  nonce: 'n0nce',
  scriptUri: 'report.js',
  styleUri: 'report.css',
  lang: 'zh-CN',
  title: 'Audit score: <hotline>',
  body,
  page: 7,
  ...extra,
});

/** The comparison "Compare with…" shows for the example journey after one score drops from 3 to -2. */
async function comparisonBody(): Promise<string> {
  const ws = path.join(dir, 'ws');
  fs.cpSync(path.join(REPO, 'examples/property-management'), ws, { recursive: true });
  const { workspace: before } = await openWorkspace(nodeHost, ws);
  const journey = path.join(ws, 'homeowner.journey.yaml');
  fs.writeFileSync(journey, fs.readFileSync(journey, 'utf8').replace('emotions: { first-time-buyer: 3, upgrader: 2 }', 'emotions: { first-time-buyer: -2, upgrader: 2 }'));
  const { workspace: after } = await openWorkspace(nodeHost, ws);
  const review = reviewDiff([...before.files.values()], [...after.files.values()], before.config.diffLevels);
  return markdownHtml(diffMarkdown(review, { lang: 'zh-cn', cwd: ws, range: 'HEAD → 编辑器' }));
}

beforeAll(async () => {
  await build({ entryPoints: [path.join(REPO, 'src/extension/reports/webview/main.ts')], bundle: true, format: 'iife', platform: 'browser', outfile: path.join(dir, 'report.js'), logLevel: 'error' });
  fs.copyFileSync(BUNDLES.v11, path.join(dir, 'mermaid.min.js'));
  fs.copyFileSync(path.join(REPO, 'src/extension/reports/webview/report.css'), path.join(dir, 'report.css'));
  browser = await launch({ offline: true });
  await browser.context.route(/^(?!file:)/, (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the report page policy', () => {
  it('is the preview\'s: scripts by nonce (and the preview\'s module chunks) from the extension only, styles from the extension only, nothing inline', () => {
    const html = reportHtml(options('<h1>审核报告</h1>\n<pre><code class="language-mermaid">xychart-beta</code></pre>', { mermaidUri: 'mermaid.min.js' }));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toBe("default-src 'none'; script-src 'nonce-n0nce' file:; style-src file: 'nonce-n0nce'; img-src file: data:; font-src file:; base-uri 'none'; form-action 'none'");
    expect(csp).not.toContain('unsafe');
    // Mermaid first, then the page script; each loaded by src with the nonce, none inline.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script nonce="n0nce" src="mermaid.min.js" defer>', '<script nonce="n0nce" src="report.js" defer>']);
    expect([...html.matchAll(/<script\b[^>]*>([^<]*)<\/script>/g)].every((m) => m[1] === '')).toBe(true);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(html).toContain('<link rel="stylesheet" href="report.css">');
    expect(html).toContain('<title>Audit score: &#60;hotline&#62;</title>');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('loads Mermaid only for a report with a chart', () => {
    const html = reportHtml(options('<h1>Audit report</h1>'));
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script nonce="n0nce" src="report.js" defer>']);
  });

  it('is the only page the extension writes a policy for: the report panels build theirs with it', () => {
    const sources = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
    const withPolicy = sources(path.join(REPO, 'src/extension')).filter((f) => /Content-Security-Policy|unsafe-inline'/.test(fs.readFileSync(f, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(withPolicy.map((f) => path.relative(REPO, f))).toEqual(['src/extension/preview/shell.ts']);
    const panel = fs.readFileSync(path.join(REPO, 'src/extension/reports/panel.ts'), 'utf8');
    expect(panel).toMatch(/return reportHtml\(o\);/);
    // The webview may load from dist/webview and nowhere else.
    expect([...panel.matchAll(/localResourceRoots: \[([^\]]*)\]/g)].map((m) => m[1])).toEqual(['webviewRoot(this.extensionUri)']);
    expect(panel).toMatch(/return vscode\.Uri\.joinPath\(extensionUri, 'dist', 'webview'\);/);
  });
});

describe('the page\'s message', () => {
  it('is taken only whole: a type, the page\'s number, and what was drawn', () => {
    const rendered = { charts: 1, lines: [5], errors: ['x'] };
    expect(parseRendered({ type: 'rendered', page: 3, rendered })).toEqual({ page: 3, rendered });
    expect(parseRendered({ type: 'rendered', rendered })).toBeUndefined();
    expect(parseRendered({ type: 'rendered', page: '3', rendered })).toBeUndefined();
    expect(parseRendered({ type: 'rendered', page: Number.NaN, rendered })).toBeUndefined();
    expect(parseRendered({ type: 'rendered', page: 1.5, rendered })).toBeUndefined();
    expect(parseRendered({ type: 'drawn', page: 3, rendered })).toBeUndefined();
    expect(parseRendered({ type: 'rendered', page: 3, rendered: { charts: 1, lines: [5, 'x'], errors: [2, 'e'] } })).toEqual({ page: 3, rendered: { charts: 1, lines: [5], errors: ['e'] } });
  });
});

describe('the report page in Chromium', () => {
  it('draws the comparison\'s before / after chart under the policy and keeps the tables', async () => {
    const body = await comparisonBody();
    expect(body).toContain('<code class="language-mermaid">');
    const file = path.join(dir, 'compare.html');
    // A second block Mermaid cannot parse: it keeps its source, marked.
    const broken = '<pre><code class="language-mermaid">xychart-beta\n  line [1, oops</code></pre>';
    fs.writeFileSync(file, reportHtml(options(body + broken, { mermaidUri: 'mermaid.min.js' })).replace('<body>', '<body class="vscode-dark">'));
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as any;
      w.__posted = [];
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m) });
    });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (window as any).__posted.length > 0, undefined, { timeout: 30_000 });
    const [message] = (await page.evaluate(() => (window as any).__posted)) as RenderedMessage[];
    expect(message!.type).toBe('rendered');
    // The page names itself, so a report from a page since replaced is not taken for the new one's.
    expect(message!.page).toBe(7);
    expect(parseRendered(message)).toEqual({ page: 7, rendered: message!.rendered });
    // Before and after for each of the two personas, and the neutral line.
    expect(message!.rendered.charts).toBe(1);
    expect(message!.rendered.lines).toEqual([5]);
    expect(message!.rendered.errors).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelectorAll('pre.chart-error > code.language-mermaid').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('pre > code.language-mermaid').length)).toBe(1);
    // Mermaid's styles arrived through CSSOM: a chart line has its stroke colour though no <style> is in the page.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    const stroke = await page.evaluate(() => getComputedStyle(document.querySelector('.chart svg g[class^="line-plot-"] path')!).stroke);
    expect(stroke).not.toBe('none');
    // The stylesheet from the extension applies: table borders.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('th')!).borderTopStyle)).toBe('solid');
    expect(await page.evaluate(() => document.querySelector('h3')?.textContent)).toBe('Peakend 变更评审 · HEAD → 编辑器');
    // Mermaid's own drawing step inserts <style> elements the policy blocks; nothing else is refused.
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    await page.close();
  }, 60_000);
});
