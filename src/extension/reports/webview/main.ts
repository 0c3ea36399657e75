/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The report panels' page script (bundled to dist/webview/report.js; Mermaid, when the report has
 * charts, is the global from dist/webview/mermaid.min.js, loaded before this script). The report
 * itself is static HTML the extension made from escaped text; this draws each `language-mermaid`
 * block in the theme's colours, its styles applied through CSSOM as in the preview, and tells the
 * extension what it drew. A chart that cannot be drawn keeps its source.
 */
import type { RenderedMessage } from '../protocol';
import { adoptCss, drawChart, type Mermaid as MermaidRender } from '../../preview/webview/svgStyles';

declare const acquireVsCodeApi: () => { postMessage(m: RenderedMessage): void };
interface Mermaid extends MermaidRender {
  initialize(config: Record<string, unknown>): void;
}

const vscode = acquireVsCodeApi();

async function draw(): Promise<void> {
  const blocks = [...document.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  const errors: string[] = [];
  const mermaid = (globalThis as { mermaid?: Mermaid }).mermaid;
  if (blocks.length && !mermaid) errors.push('Mermaid did not load');
  if (blocks.length && mermaid) {
    const c = document.body.classList;
    const dark = c.contains('vscode-dark') || (c.contains('vscode-high-contrast') && !c.contains('vscode-high-contrast-light'));
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', fontFamily: getComputedStyle(document.body).fontFamily });
    for (const [n, code] of blocks.entries()) {
      const pre = code.parentElement!;
      try {
        const { node, css } = await drawChart(mermaid, `peakend-chart-${n}`, code.textContent ?? '');
        adoptCss(css);
        const chart = document.createElement('div');
        chart.className = 'chart';
        chart.append(node);
        pre.replaceWith(chart);
      } catch (e) {
        // Mermaid leaves its error drawing in the body: the source stays instead.
        document.getElementById(`dpeakend-chart-${n}`)?.remove();
        pre.classList.add('chart-error');
        errors.push(e instanceof Error ? e.message : String(e));
      }
    }
  }
  const svgs = [...document.querySelectorAll('.chart > svg')];
  document.body.dataset.charts = 'drawn';
  vscode.postMessage({
    type: 'rendered',
    page: Number(document.getElementById('peakend-report')?.dataset.page),
    rendered: { charts: svgs.length, lines: svgs.map((s) => s.querySelectorAll('g[class^="line-plot-"] path').length), errors },
  });
}

void draw();
