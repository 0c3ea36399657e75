/// <reference lib="dom" />
/**
 * Mermaid's charts in the preview and the report panels, whose policy allows no style attribute and
 * only <style> elements with the page's nonce: drawn and imported by core's page code
 * (render/styleFreeSvg.ts), one at a time, their CSS given to the page as constructed stylesheets.
 */
import { drawStyleFree, type MermaidRenderer, type StyleFreeChart } from '../../../core/render/styleFreeSvg';

export type { MermaidRenderer as Mermaid, StyleFreeChart as DrawnChart };

let drawing: Promise<unknown> = Promise.resolve();

/** Draws one chart after any other still being drawn (each has Mermaid's page to itself). */
export function drawChart(mermaid: MermaidRenderer, id: string, source: string): Promise<StyleFreeChart> {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
  const next = drawing.then(() => drawStyleFree(mermaid, id, source, nonce));
  drawing = next.catch(() => undefined);
  return next;
}

/** CSS as a constructed stylesheet of the document. */
export function adoptCss(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}
