/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Headless Debian Chromium through playwright-core, for rendering Mermaid for real. One browser per
 * test file; each page loads a Mermaid dist bundle from node_modules into a blank local page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const REPO = path.resolve(__dirname, '../..');
export const OUTPUT = path.join(REPO, 'test-output/render');

const require = createRequire(import.meta.url);
/** The single-file bundle of each installed Mermaid version. */
export const BUNDLES = {
  v10: require.resolve('mermaid-v10/dist/mermaid.min.js'),
  v11: require.resolve('mermaid/dist/mermaid.min.js'),
} as const;

export async function launch(opts: { offline?: boolean } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-render-chromium-'));
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
    viewport: { width: 1400, height: 900 },
    offline: opts.offline ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** A blank page with one Mermaid bundle loaded and initialised (fonts with CJK fallbacks). */
export async function mermaidPage(context: BrowserContext, version: keyof typeof BUNDLES): Promise<Page> {
  const page = await context.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="out"></div></body></html>');
  await page.addScriptTag({ path: BUNDLES[version] });
  await page.evaluate(() => {
    (window as any).mermaid.initialize({ startOnLoad: false, themeVariables: { fontFamily: 'Arial, "Noto Sans CJK SC", sans-serif' } });
  });
  return page;
}

export interface Rendered {
  svg: string;
  ms: number;
}

/** mermaid.render in the page; the SVG is also placed in #out for inspection and screenshots. */
export async function render(page: Page, text: string): Promise<Rendered> {
  return page.evaluate(async (src) => {
    const m = (window as any).mermaid;
    const id = `c${Math.random().toString(36).slice(2)}`;
    const t0 = performance.now();
    const { svg } = await m.render(id, src);
    const ms = performance.now() - t0;
    document.getElementById('out')!.innerHTML = svg;
    return { svg, ms };
  }, text);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.locator('#out svg').screenshot({ path: file });
  return file;
}
