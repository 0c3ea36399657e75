/**
 * A chart the page drew, written back as markup for a new page (see chartCache.ts). The page hands
 * back its chart as a JSON tree (SvgNode), not as markup, and this file writes the markup itself:
 * only SVG's shape and text elements, only plain attribute names (no event handlers, no links),
 * every value and text escaped. So whatever the tree holds (a title with `</svg><script>`, or a
 * tree that is not Mermaid's at all) it cannot end the SVG, add an element the list does not name,
 * or run anything. Style attributes become CSS rules for the page's nonce'd <style> (the policy
 * allows no style attributes); a value or a stylesheet that could end that element is refused.
 * Anything outside these lines makes the whole chart uncacheable: the page then draws it with Mermaid.
 */
import type { SvgNode } from './protocol';

/** What Mermaid's xychart and quadrantChart are made of (and the page's own overlay). */
const ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc', 'defs', 'clipPath', 'marker', 'linearGradient', 'radialGradient', 'stop']);
/** Presentation and geometry attributes: lower-case words with dashes, and SVG's few camel-case ones. */
const ATTRIBUTE = /^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*|viewBox|preserveAspectRatio|textLength|lengthAdjust|clipPathUnits|gradientUnits|gradientTransform|markerWidth|markerHeight|markerUnits|refX|refY)$/;
/** Names that load, link or run something, and the name this file gives style attributes. */
const REFUSED_ATTRIBUTE = /^(?:on|href$|src$|formaction$|data-pe-style$)/;
/** Namespace declarations: the HTML parser puts <svg> in SVG's namespace without them. */
const DROPPED_ATTRIBUTE = /^xmlns(?::|$)/;
/** The page's own element IDs: a chart may not take them (getElementById would find the chart's). */
export const PAGE_IDS = new Set(['peakend-preview', 'peakend-state', 'pe-chart', 'pe-chart-css', 'pe-chart-inline']);
/** Deeper than any chart Mermaid draws; a bound so a hostile tree cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** The selector of the rule that stands for element `i`'s style attribute (under the chart's container). */
export const CHART_ID = 'pe-chart';
export const styleRule = (i: number, decls: string) => `#${CHART_ID} [data-pe-style="${i}"]{${decls}}`;

export interface ChartMarkup {
  /** The <svg> element. */
  svg: string;
  /** Mermaid's CSS, for a <style> element. */
  css: string;
  /** The style attributes as rules, for a second <style> element (the page turns them back into style attributes). */
  inlineCss: string;
}

const text = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const value = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** CSS that cannot end its <style> element: no `<` at all. */
function safeCss(css: string): boolean {
  return !css.includes('<');
}

/** Declarations that stay inside their rule: no braces, no `<`. */
function safeDeclarations(decls: string): boolean {
  return !/[<{}]/.test(decls);
}

/** The chart's markup, or undefined when the tree or its CSS is not one this file writes. */
export function chartMarkup(tree: unknown, css: unknown, maxBytes = Infinity): ChartMarkup | undefined {
  if (typeof css !== 'string' || !safeCss(css)) return undefined;
  if (!tree || typeof tree !== 'object' || (tree as { t?: unknown }).t !== 'svg') return undefined;
  const out: string[] = [];
  const rules: string[] = [];
  let bytes = css.length;
  const write = (s: string) => {
    out.push(s);
    bytes += s.length;
    return bytes <= maxBytes;
  };
  const walk = (n: unknown, depth: number): boolean => {
    if (typeof n === 'string') return write(text(n));
    if (!n || typeof n !== 'object' || depth > MAX_DEPTH) return false;
    const { t, a, c } = n as { t?: unknown; a?: unknown; c?: unknown };
    if (typeof t !== 'string' || !ELEMENTS.has(t) || !a || typeof a !== 'object' || Array.isArray(a) || !Array.isArray(c)) return false;
    let open = `<${t}`;
    for (const [k, v] of Object.entries(a as Record<string, unknown>)) {
      if (typeof v !== 'string') return false;
      if (k === 'style') {
        if (!safeDeclarations(v)) return false;
        if (v.trim()) {
          rules.push(styleRule(rules.length, v));
          open += ` data-pe-style="${rules.length - 1}"`;
        }
        continue;
      }
      if (DROPPED_ATTRIBUTE.test(k)) continue;
      if (!ATTRIBUTE.test(k) || REFUSED_ATTRIBUTE.test(k) || (k === 'id' && PAGE_IDS.has(v))) return false;
      open += ` ${k}="${value(v)}"`;
    }
    if (!write(`${open}>`)) return false;
    for (const child of c) if (!walk(child, depth + 1)) return false;
    return write(`</${t}>`);
  };
  if (!walk(tree, 0)) return undefined;
  const inlineCss = rules.join('\n');
  if (bytes + inlineCss.length > maxBytes) return undefined;
  return { svg: out.join(''), css, inlineCss };
}

/** The size a cached chart counts for: its markup and CSS (UTF-16 code units, close enough for a bound). */
export function markupSize(m: ChartMarkup): number {
  return m.svg.length + m.css.length + m.inlineCss.length;
}
