/**
 * `withoutStyles`: the rewrite of markup before any page parses it under a policy without inline
 * styles (the pages themselves run in Chromium in html.test.ts and test/extension-static/).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawStyleFree, styleFreeScript, withoutStyles } from '../../src/core/render/styleFreeSvg';

describe('withoutStyles', () => {
  it('renames every style attribute of a tag, quoted either way, unquoted or in capitals, and keeps its value', () => {
    const { markup, css } = withoutStyles(`<svg style="max-width: 10px;" id="a"><g STYLE='fill: red' class="x"><rect style=stroke:blue /></g></svg>`);
    expect(markup).toBe(`<svg data-pe-style="max-width: 10px;" id="a"><g data-pe-style='fill: red' class="x"><rect data-pe-style=stroke:blue /></g></svg>`);
    expect(css).toEqual([]);
  });

  it('takes <style> elements out with their CSS: raw as HTML writes it, references read as XML writes them', () => {
    const html = withoutStyles('<div><svg id="c"><style>#c .a > .b { fill: "x"; }</style><g></g></svg></div>');
    expect(html).toEqual({ markup: '<div><svg id="c"><g></g></svg></div>', css: ['#c .a > .b { fill: "x"; }'] });
    const xml = withoutStyles('<svg><style type="text/css">#c .a &gt; .b { content: "&#x4e2d;&amp;&lt;"; }</style><svg:style>p{}</svg:style><style/><text>t</text></svg>');
    expect(xml).toEqual({ markup: '<svg><text>t</text></svg>', css: ['#c .a > .b { content: "中&<"; }', 'p{}'] });
  });

  it('leaves text, comments, CDATA and other attributes alone, even where they read like styles', () => {
    const markup = `<svg><title>a style="x" &lt;style&gt; b</title><!-- <g style="c"> --><![CDATA[<g style="d">]]><text data-style="e" mystyle="f" title='style="g"' aria-label="<style>">style=h</text></svg>`;
    expect(withoutStyles(markup)).toEqual({ markup, css: [] });
  });

  it('ends, on unfinished markup, without losing what is there', () => {
    expect(withoutStyles('<svg style="a')).toEqual({ markup: '<svg data-pe-style="a', css: [] });
    expect(withoutStyles('<svg><style>x{')).toEqual({ markup: '<svg>', css: ['x{'] });
    expect(withoutStyles('a < b <')).toEqual({ markup: 'a < b <', css: [] });
    expect(withoutStyles('<!-- x')).toEqual({ markup: '<!-- x', css: [] });
  });

  it('keeps any text and any attribute value, Chinese and markup included, through the rewrite', () => {
    const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const words = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('style="x"', '<style>', '业主 style=', "'", '"', '/>'));
    fc.assert(
      fc.property(words, words, words, (a, b, c) => {
        const markup = `<svg style="${attr(a)}"><text class="${attr(b)}" style='${attr(c).replace(/'/g, '&#39;')}'>${text(b)}</text><style>${text(c)}</style></svg>`;
        const out = withoutStyles(markup);
        expect(out.markup).toBe(`<svg data-pe-style="${attr(a)}"><text class="${attr(b)}" data-pe-style='${attr(c).replace(/'/g, '&#39;')}'>${text(b)}</text></svg>`);
        expect(out.css).toEqual([c]);
      }),
    );
  });
});

describe('the page script of the HTML export', () => {
  it('defines the three functions by the names it calls them', () => {
    const script = styleFreeScript();
    // Each function stands alone: a page evaluating the text alone has all three.
    const defined = new Function(`${script}\nreturn [typeof withoutStyles, typeof importStyleFree, typeof ${drawStyleFree.name}, withoutStyles('<a style="b">').markup];`)();
    expect(defined).toEqual(['function', 'function', 'function', '<a data-pe-style="b">']);
  });
});
