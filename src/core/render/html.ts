/**
 * One self-contained HTML page per chart: Mermaid inlined (the caller passes its script text, so the
 * engine reads no files), the chart's source, the tables, print styles. Opens from disk offline.
 *
 * The Content-Security-Policy allows nothing but the page's own two scripts and one stylesheet, by
 * hash. Mermaid's `<style>` element and `style` attributes never reach the page as markup: the page
 * script applies them as constructed stylesheets and CSSOM declarations, which the policy does not
 * govern (styleFreeSvg.ts), so no inline style needs to be allowed.
 */
import type { InventoryAnalysis, JourneyAnalysis } from '../analysis/types';
import { emotionCurve } from './emotionCurve';
import { ipaChart } from './ipaChart';
import { renderLabels } from './labels';
import type { DocumentOptions } from './markdown';
import { chartNotes, cutsLine, figuresTable, missingLines, priorityTable, stepsTable, type Table } from './tables';
import { drawStyleFree, styleFreeScript } from './styleFreeSvg';
import { plainText } from './text';

export interface HtmlOptions extends DocumentOptions {
  /** The text of Mermaid's single-file browser bundle (`mermaid/dist/mermaid.min.js`). */
  mermaidScript: string;
}

/** HTML text content and attribute values: `& < > " '` as references, one line. */
export function htmlText(s: string): string {
  return plainText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Latin first, then the Chinese faces of each platform, so that mixed text keeps Latin glyphs. */
export const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

const STYLE = `
:root { color-scheme: light; }
body { font-family: ${FONT_STACK}; color: #111827; background: #fff; margin: 2rem auto; max-width: 1200px; padding: 0 1.5rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
.chart { overflow-x: auto; font-family: ${FONT_STACK}; }
.chart svg { max-width: 100%; height: auto; }
.chart-error { color: #b91c1c; white-space: pre-wrap; }
.note { color: #4b5563; font-size: 0.9rem; }
details { margin: 0.5rem 0 1rem; }
pre { white-space: pre-wrap; word-break: break-all; background: #f3f4f6; padding: 0.75rem; font-size: 0.8rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #d1d5db; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.stage-start td { border-top: 2px solid #6b7280; }
@media print {
  @page { margin: 1.5cm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  details, .chart-error { display: none; }
  .chart { overflow: visible; break-inside: avoid; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; }
  th { background: #fff; }
  h2 { break-after: avoid; }
}
`;

/**
 * Renders the source in #chart-source into #chart, with Mermaid's styles kept out of every markup
 * the page parses and applied as constructed stylesheets and CSSOM declarations (styleFreeSvg.ts).
 */
const SCRIPT = inlineScript(`${styleFreeScript()}
(async () => {
  const source = document.getElementById('chart-source').textContent;
  const target = document.getElementById('chart');
  const fontFamily = getComputedStyle(target).fontFamily;
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', themeVariables: { fontFamily } });
    const { node, css } = await ${drawStyleFree.name}(mermaid, 'peakend-chart', source);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    target.replaceChildren(node);
    document.documentElement.dataset.chart = 'rendered';
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = 'The chart could not be drawn: ' + (e && e.message ? e.message : String(e));
    target.replaceChildren(p);
    document.getElementById('chart-details').open = true;
    document.documentElement.dataset.chart = 'failed';
  }
})();
`);

/** Script text that can sit inside <script>…</script>: the sequences that would end or re-enter it are escaped (valid only inside JS strings and regular expressions, which is where a bundle has them). */
export function inlineScript(js: string): string {
  return js.replace(/<(\/script|script|!--)/gi, '\\x3C$1');
}

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const b of new Uint8Array(digest)) binary += String.fromCharCode(b);
  return `'sha256-${btoa(binary)}'`;
}

function htmlTable(t: Table): string {
  const cls = (i: number) => (t.numeric[i] ? ' class="num"' : '');
  const head = `<thead><tr>${t.head.map((h, i) => `<th scope="col"${cls(i)}>${htmlText(h)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows.map((r, ri) => `<tr${t.stageStarts?.has(ri) ? ' class="stage-start"' : ''}>${r.map((c, i) => `<td${cls(i)}>${htmlText(c)}</td>`).join('')}</tr>`);
  return `<table>${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

async function page(title: string, chart: string, body: string[], opts: HtmlOptions): Promise<string> {
  const L = renderLabels(opts.lang);
  const mermaid = inlineScript(opts.mermaidScript);
  const csp = [
    "default-src 'none'",
    `script-src ${await sha256(mermaid)} ${await sha256(SCRIPT)}`,
    `style-src ${await sha256(STYLE)}`,
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="${opts.lang === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="peakend">
<title>${htmlText(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${htmlText(title)}</h1>
<div id="chart" class="chart" role="img" aria-label="${htmlText(title)}"></div>
<details id="chart-details"><summary>${htmlText(L.chart)} (Mermaid)</summary><pre id="chart-source">${preText(chart)}</pre></details>
${body.join('\n')}
<script>${mermaid}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Escapes the chart source for a <pre>: newlines kept (plainText would fold them). */
function preText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function journeyHtml(a: JourneyAnalysis, opts: HtmlOptions): Promise<string> {
  const L = renderLabels(opts.lang);
  const t = { variant: opts.variant ?? 'rich', lang: opts.lang };
  const body = [
    ...chartNotes(a, opts.lang).map((n) => `<p class="note">${htmlText(n)}</p>`),
    `<h2>${htmlText(L.stepsTable)}</h2>`,
    htmlTable(stepsTable(a, t)),
    `<h2>${htmlText(L.figuresTable)}</h2>`,
    htmlTable(figuresTable(a, t)),
  ];
  return page(a.title || a.journeyId, emotionCurve(a, opts), body, opts);
}

export async function inventoryHtml(a: InventoryAnalysis, opts: HtmlOptions): Promise<string> {
  const L = renderLabels(opts.lang);
  const missing = missingLines(a, opts.lang);
  const body = [
    `<p class="note">${htmlText(cutsLine(a, opts.lang))}</p>`,
    `<h2>${htmlText(L.priority)}</h2>`,
    htmlTable(priorityTable(a, opts)),
    `<h2>${htmlText(L.missingData)}</h2>`,
    missing.length ? `<ul>\n${missing.map((m) => `<li>${htmlText(m)}</li>`).join('\n')}\n</ul>` : `<p>${htmlText(L.noMissing)}</p>`,
  ];
  return page(a.title || a.inventoryId, ipaChart(a, opts), body, opts);
}
