/// <reference lib="dom" />
/**
 * Page code, run in the browser: Mermaid's charts on a page whose policy allows no inline styles (no
 * style attribute; a <style> element only with the page's nonce, if it has one). Chromium checks
 * markup against the policy wherever it is parsed (DOMParser, a template, another document), so no
 * markup with a style attribute or a <style> element is parsed while a chart is drawn and imported:
 * styles travel as data (`data-pe-style`, CSS text) and are applied through CSSOM (an element's style
 * object, a constructed stylesheet), which the policy allows.
 *
 * The preview and report webviews bundle these functions; the HTML export ships them as source text
 * (`styleFreeScript`), so each stands alone: no imports, no values outside it, and the three call one
 * another only by name.
 */

export interface MermaidRenderer {
  render(id: string, text: string): Promise<{ svg: string }>;
}

/** A chart drawn: its SVG element, to be put into the page, and the CSS it needs. */
export interface StyleFreeChart {
  node: SVGSVGElement;
  css: string;
}

/**
 * Draws a chart with Mermaid (`securityLevel: 'strict'`) so that the page's policy refuses nothing.
 * While Mermaid draws: the <style> element it adds to lay the chart out gets `nonce` (so text is
 * measured with Mermaid's CSS), or without a nonce is an inert element; a style attribute it sets is
 * set through CSSOM; the markup its sanitizer parses has its styles taken out first. The page's
 * prototypes are Mermaid's only until it returns: draw one chart at a time.
 */
export async function drawStyleFree(mermaid: MermaidRenderer, id: string, source: string, nonce?: string): Promise<StyleFreeChart> {
  const made: Element[] = [];
  const { createElement, createElementNS } = Document.prototype;
  const { setAttribute } = Element.prototype;
  const parse = DOMParser.prototype.parseFromString;
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    if (String(tag).toLowerCase() !== 'style') return createElement.call(this, tag, options);
    const style = nonce === undefined ? createElementNS.call(this, 'urn:peakend:inert', 'style') : createElement.call(this, tag, options);
    if (style instanceof HTMLElement) style.nonce = nonce!;
    made.push(style);
    return style;
  } as Document['createElement'];
  Document.prototype.createElementNS = function (this: Document, ns: string | null, name: string, options?: string | ElementCreationOptions) {
    const e = createElementNS.call(this, ns, name, options as ElementCreationOptions);
    if (!(e instanceof SVGStyleElement)) return e;
    const style = nonce === undefined ? createElementNS.call(this, 'urn:peakend:inert', 'style') : Object.assign(e, { nonce });
    made.push(style);
    return style;
  } as Document['createElementNS'];
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (String(name).toLowerCase() === 'style' && 'style' in this) (this as Element & ElementCSSInlineStyle).style.cssText = String(value);
    else setAttribute.call(this, name, value);
  };
  DOMParser.prototype.parseFromString = function (this: DOMParser, markup: string, type: DOMParserSupportedType) {
    return parse.call(this, withoutStyles(String(markup)).markup, type);
  } as DOMParser['parseFromString'];
  let svg: string;
  try {
    ({ svg } = await mermaid.render(id, source));
  } finally {
    Document.prototype.createElement = createElement;
    Document.prototype.createElementNS = createElementNS;
    Element.prototype.setAttribute = setAttribute;
    DOMParser.prototype.parseFromString = parse;
  }
  const chart = importStyleFree(svg);
  const css = made.map((e) => e.textContent ?? '').filter((c) => c !== '');
  if (chart.css) css.push(chart.css);
  return { node: chart.node, css: css.join('\n') };
}

/**
 * An SVG document's markup as an element of this page: its <style> elements' CSS apart, its style
 * attributes (and `data-pe-style` ones) applied through the element's style object.
 */
export function importStyleFree(svg: string): StyleFreeChart {
  const { markup, css } = withoutStyles(svg);
  const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  if (root.nodeName !== 'svg') throw new Error(root.textContent || 'Mermaid returned no SVG');
  const node = document.importNode(root, true) as unknown as SVGSVGElement;
  for (const e of [node, ...node.querySelectorAll('[data-pe-style]')] as (SVGElement & ElementCSSInlineStyle)[]) {
    const style = e.getAttribute('data-pe-style');
    if (style === null) continue;
    e.style.cssText = style;
    e.removeAttribute('data-pe-style');
  }
  return { node, css: css.join('\n') };
}

/**
 * Markup as a serializer writes it (HTML or XML) with every style attribute renamed `data-pe-style`,
 * its value kept, and every <style> element taken out, its text returned as CSS. Text, comments and
 * other attributes' values stay as they are: a title that reads `style="…"` stays text.
 */
export function withoutStyles(markup: string): { markup: string; css: string[] } {
  const space = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
  const nameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c > 0x7f;
  /** Just past the next `end` from `from`, or the end of the markup. */
  const past = (end: string, from: number) => {
    const k = markup.indexOf(end, from);
    return k < 0 ? markup.length : k + end.length;
  };
  /** A <style> element's text as written: raw (HTML), or with the references of XML and foreign content. */
  const decode = (text: string) =>
    text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos|nbsp));/g, (ref, dec?: string, hex?: string, name?: string) => {
      if (name) return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[name]!;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    });
  const n = markup.length;
  const css: string[] = [];
  let out = '';
  let from = 0;
  for (let i = markup.indexOf('<'); i >= 0; i = i < n ? markup.indexOf('<', i) : -1) {
    const c = markup.charCodeAt(i + 1);
    if (markup.startsWith('<!--', i)) i = past('-->', i + 4);
    else if (markup.startsWith('<![CDATA[', i)) i = past(']]>', i + 9);
    // An end tag, a doctype or a processing instruction.
    else if (c === 0x2f || c === 0x21 || c === 0x3f) i = past('>', i + 2);
    // A "<" that begins no tag (in raw text).
    else if (!nameStart(c)) i++;
    else {
      let j = i + 1;
      while (j < n && !space(markup.charCodeAt(j)) && markup[j] !== '>' && markup[j] !== '/') j++;
      const tag = markup.slice(i + 1, j).toLowerCase();
      const styleAttributes: number[] = [];
      for (;;) {
        while (j < n && (space(markup.charCodeAt(j)) || markup[j] === '/')) j++;
        if (j >= n || markup[j] === '>') break;
        const name = j;
        while (j < n && !space(markup.charCodeAt(j)) && markup[j] !== '>' && markup[j] !== '/' && markup[j] !== '=') j++;
        if (markup.slice(name, j).toLowerCase() === 'style') styleAttributes.push(name);
        while (j < n && space(markup.charCodeAt(j))) j++;
        if (markup[j] !== '=') continue;
        j++;
        while (j < n && space(markup.charCodeAt(j))) j++;
        const quote = markup[j];
        if (quote === '"' || quote === "'") j = past(quote, j + 1);
        else while (j < n && !space(markup.charCodeAt(j)) && markup[j] !== '>') j++;
      }
      const tagEnd = Math.min(j + 1, n);
      if (tag === 'style' || tag.endsWith(':style')) {
        let end = tagEnd;
        if (markup[j - 1] !== '/') {
          const close = markup.slice(tagEnd).search(/<\/([\w-]+:)?style[\s>]/i);
          const textEnd = close < 0 ? n : tagEnd + close;
          css.push(decode(markup.slice(tagEnd, textEnd)));
          end = close < 0 ? n : past('>', textEnd);
        }
        out += markup.slice(from, i);
        from = end;
        i = end;
      } else {
        for (const at of styleAttributes) {
          out += markup.slice(from, at) + 'data-pe-style';
          from = at + 5;
        }
        i = tagEnd;
      }
    }
  }
  return { markup: out + markup.slice(from), css };
}

/** The three functions as the source of a page script: `drawStyleFree` is then a global of the page. */
export function styleFreeScript(): string {
  return [withoutStyles, importStyleFree, drawStyleFree].map(String).join('\n');
}
