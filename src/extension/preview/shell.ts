/**
 * The preview webview's HTML: an empty page with the initial state as inert JSON and the page script
 * as an ES module from the extension (nonce'd, nothing inline runs). The script imports Mermaid's core
 * at once and lays out the tables while it loads; the chart follows. Mermaid's core and the chunks of
 * the chart the state shows are preloaded from the head, so the browser fetches them all in parallel
 * instead of discovering them import by import. The policy allows the webview's own resources and
 * nothing else: no network, no inline script, no eval (script-src: the nonce, and the extension's own
 * files for the modules the script imports). Mermaid's styles are moved into constructed stylesheets
 * by the script (as core's HTML export does), so `style-src` needs no 'unsafe-inline': only <style>
 * elements with the page's nonce apply.
 */
import { CHART_ID, type ChartMarkup } from './chartMarkup';
import type { PreviewState } from './protocol';

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of dist/webview/preview.js and preview.css. */
  scriptUri: string;
  styleUri: string;
  /** `asWebviewUri` of the modules the page will import (Mermaid's core and the chart's chunks). */
  preloadUris: string[];
  lang: string;
  state: PreviewState;
  /**
   * The chart of exactly this state, from the extension's cache (chartCache.ts): written into the
   * page, so it shows before any script runs, with its CSS in nonce'd <style> elements. The page
   * keeps it if its theme signature is the page's own, and draws with Mermaid otherwise.
   */
  cached?: { markup: ChartMarkup; theme: string };
}

/** `& < > "` as references: for attribute values and text built here. */
export function attr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON inside <script type="application/json">: `<` `>` `&` and the line separators as \u escapes,
 * so no `</script>` or `<!--` can end or re-enter the element, whatever a title says.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The policy of every Peakend page. <style> elements with the page's nonce may apply (the preview's
 * cached chart, the one Mermaid lays a chart out with: core's render/styleFreeSvg.ts); style attributes never.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    // data: for the PNG export (the SVG drawn into a canvas through an <img>).
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The start of every Peakend page: its language, policy and stylesheet. */
function pageHead(o: { lang: string; cspSource: string; nonce: string; styleUri: string }): string {
  return `<!doctype html>
<html lang="${attr(o.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(o.styleUri)}">
`;
}

export function previewHtml(o: ShellOptions): string {
  const title = o.state.view?.title ?? '';
  const c = o.cached;
  // The chart's markup and CSS are chartMarkup's: escaped, and CSS without a `<`.
  const styles = c ? `<style nonce="${attr(o.nonce)}" id="pe-chart-css">${c.markup.css}</style>\n<style nonce="${attr(o.nonce)}" id="pe-chart-inline">${c.markup.inlineCss}</style>\n` : '';
  const chart = c ? `<div class="pe-chart" id="${CHART_ID}" role="img" data-theme="${attr(c.theme)}">${c.markup.svg}</div>` : '';
  return `${pageHead(o)}<link rel="modulepreload" nonce="${attr(o.nonce)}" href="${attr(o.scriptUri)}">
${o.preloadUris.map((u) => `<link rel="modulepreload" nonce="${attr(o.nonce)}" href="${attr(u)}">\n`).join('')}${styles}<title>${attr(title)}</title>
</head>
<body>
<script type="application/json" id="peakend-state">${jsonInScript(o.state)}</script>
<div id="peakend-preview" aria-live="polite">${chart}</div>
<script type="module" nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}

export interface ReportShellOptions {
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of dist/webview/report.js and report.css. */
  scriptUri: string;
  styleUri: string;
  /** dist/webview/mermaid.min.js: given only when the report has charts to draw. */
  mermaidUri?: string;
  lang: string;
  title: string;
  /** The report as HTML made from escaped text only (see reports/markdownHtml). */
  body: string;
  /** Which page of its panel this is: the page's report of what it drew names it. */
  page: number;
}

/**
 * A report panel's page (audit score, audit report, comparison) under the preview's policy: the
 * report's static HTML, the stylesheet and script from the extension, Mermaid before the script
 * when there are charts, nothing inline.
 */
export function reportHtml(o: ReportShellOptions): string {
  const mermaid = o.mermaidUri ? `<script nonce="${attr(o.nonce)}" src="${attr(o.mermaidUri)}" defer></script>\n` : '';
  return `${pageHead(o)}<title>${attr(o.title)}</title>
</head>
<body>
<main id="peakend-report" data-page="${o.page}">
${o.body}
</main>
${mermaid}<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}" defer></script>
</body>
</html>
`;
}

/** A nonce for one page: 128 random bits, base64url. */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
