/**
 * The preview's chart cache: the markup the extension writes from a chart its page handed back
 * (what it accepts, how it escapes), the cache's keys and bounds, and the page HTML with a cached
 * chart in it. The page's side (it shows and uses the chart) is in preview-page.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ChartCache, chartKey, restoredChart, type CachedChart } from '../../src/extension/preview/chartCache';
import { chartMarkup, markupSize } from '../../src/extension/preview/chartMarkup';
import { parsePersistedState, type PersistedChart, type PreviewState, type SvgNode } from '../../src/extension/preview/protocol';
import { contentSecurityPolicy, previewHtml } from '../../src/extension/preview/shell';
import { PLAIN_STATE } from '../helpers/previewState';

const svg = (c: SvgNode[], a: Record<string, string> = {}): SvgNode => ({ t: 'svg', a: { id: 'pe-chart-1', viewBox: '0 0 700 500', ...a }, c });
const text = (s: string, a: Record<string, string> = {}): SvgNode => ({ t: 'text', a, c: [s] });

describe('chartMarkup: the chart written from the tree its page handed back', () => {
  it('writes elements, attributes and text, and a style attribute as a rule the page turns back', () => {
    const tree = svg([{ t: 'g', a: { class: 'line-plot-0' }, c: [{ t: 'path', a: { d: 'M1,2L3,4', fill: 'none', 'stroke-width': '2' }, c: [] }] }, text('首次置业 & 改善', { 'text-anchor': 'middle' })], { style: 'max-width: 700px;', xmlns: 'http://www.w3.org/2000/svg' });
    expect(chartMarkup(tree, '#pe-chart-1{fill:#333;}')).toEqual({
      svg: '<svg id="pe-chart-1" viewBox="0 0 700 500" data-pe-style="0"><g class="line-plot-0"><path d="M1,2L3,4" fill="none" stroke-width="2"></path></g><text text-anchor="middle">首次置业 &amp; 改善</text></svg>',
      css: '#pe-chart-1{fill:#333;}',
      inlineCss: '#pe-chart [data-pe-style="0"]{max-width: 700px;}',
    });
  });

  it('escapes text and attribute values: a title cannot end the SVG or open an element', () => {
    const evil = '</svg><script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const m = chartMarkup(svg([{ t: 'title', a: {}, c: [evil] }, text('x', { 'aria-label': evil })]), '')!;
    expect(m.svg).toBe(
      '<svg id="pe-chart-1" viewBox="0 0 700 500"><title>&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"\'&amp;</title>' +
        '<text aria-label="&#60;/svg&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;&#34;\'&#38;">x</text></svg>',
    );
    // <svg>, <title>, </title>, <text>, </text>, </svg>: the text made none.
    expect(m.svg.match(/</g)).toHaveLength(6);
  });

  it('refuses a tree with anything else: other elements, handlers, links, page IDs, styles that could leave their rule', () => {
    const refused: [string, unknown, unknown][] = [
      ['a script', svg([{ t: 'script', a: {}, c: ['alert(1)'] }]), ''],
      ['HTML in a foreignObject', svg([{ t: 'foreignObject', a: {}, c: [] }]), ''],
      ['a <style> left in', svg([{ t: 'style', a: {}, c: ['*{}'] }]), ''],
      ['an event handler', svg([{ t: 'g', a: { onclick: 'alert(1)' }, c: [] }]), ''],
      ['an upper-case handler', svg([{ t: 'g', a: { ONLOAD: 'alert(1)' }, c: [] }]), ''],
      ['a link', svg([{ t: 'use', a: { href: '#x' }, c: [] }]), ''],
      ['an xlink:href', svg([{ t: 'g', a: { 'xlink:href': 'javascript:alert(1)' }, c: [] }]), ''],
      ['a name with markup', svg([{ t: 'g', a: { 'x"><script': '1' }, c: [] }]), ''],
      ['the state element’s ID', svg([{ t: 'g', a: { id: 'peakend-state' }, c: [] }]), ''],
      ['a style rule’s number of its own', svg([{ t: 'g', a: { 'data-pe-style': '0' }, c: [] }]), ''],
      ['a style that ends its rule', svg([], { style: 'fill: red} body{display:none' }), ''],
      ['a style with <', svg([], { style: 'font-family: "</style><script>"' }), ''],
      ['CSS that ends its element', svg([]), '#a{}</style><script>alert(1)</script>'],
      ['a root that is not <svg>', { t: 'g', a: {}, c: [] }, ''],
      ['a value that is not a string', svg([{ t: 'g', a: { x: 1 as unknown as string }, c: [] }]), ''],
      ['children that are not a list', { t: 'svg', a: {}, c: 'text' }, ''],
      ['CSS that is not a string', svg([]), undefined],
      ['no tree', undefined, ''],
    ];
    for (const [what, tree, css] of refused) expect(chartMarkup(tree, css), what).toBeUndefined();
  });

  it('refuses a tree nested deeper than any chart, and one larger than the bound', () => {
    let deep: SvgNode = text('x');
    for (let i = 0; i < 40; i++) deep = { t: 'g', a: {}, c: [deep] };
    expect(chartMarkup(svg([deep]), '')).toBeUndefined();
    const big = svg(Array.from({ length: 100 }, () => text('0123456789')));
    const m = chartMarkup(big, '')!;
    expect(markupSize(m)).toBe(m.svg.length);
    expect(chartMarkup(big, '', m.svg.length)).toEqual(m);
    expect(chartMarkup(big, '', m.svg.length - 1)).toBeUndefined();
  });
});

describe('ChartCache: each document’s last chart, for exactly what it was drawn from', () => {
  const entry = (key: string, bytes = 10): CachedChart => ({ key, theme: '', markup: { svg: 'x'.repeat(bytes), css: '', inlineCss: '' } });
  const key = (o: Partial<Parameters<typeof chartKey>[0]> = {}) => chartKey({ kind: 'journey', chart: 'xychart-beta\n  line [1, 2]', hidden: [], theme: '["light","Default Light Modern",{}]', ...o });

  it('finds a chart only under its key: an edit, another persona filter or another theme misses', () => {
    const c = new ChartCache();
    c.set('file:///a.journey.yaml', entry(key()));
    expect(c.get('file:///a.journey.yaml', key())?.key).toBe(key());
    expect(c.get('file:///a.journey.yaml', key({ chart: 'xychart-beta\n  line [1, 3]' }))).toBeUndefined();
    expect(c.get('file:///a.journey.yaml', key({ hidden: ['upgrader'] }))).toBeUndefined();
    expect(c.get('file:///a.journey.yaml', key({ theme: '["dark","Default Dark Modern",{}]' }))).toBeUndefined();
    expect(c.get('file:///a.journey.yaml', key({ kind: 'inventory' }))).toBeUndefined();
    expect(c.get('file:///b.journey.yaml', key())).toBeUndefined();
    // The filter is a set: its order does not matter.
    expect(key({ hidden: ['b', 'a'] })).toBe(key({ hidden: ['a', 'b'] }));
  });

  it('keeps one chart per document: a newer chart replaces the older', () => {
    const c = new ChartCache();
    c.set('file:///a', entry(key()));
    c.set('file:///a', entry(key({ hidden: ['upgrader'] }), 20));
    expect(c.get('file:///a', key())).toBeUndefined();
    expect(c.get('file:///a', key({ hidden: ['upgrader'] }))).toBeDefined();
    expect(c.held).toEqual({ resources: ['file:///a'], bytes: 20 + key({ hidden: ['upgrader'] }).length });
  });

  it('holds at most so many documents, the least recently used going first', () => {
    const c = new ChartCache(3);
    for (const d of ['a', 'b', 'c']) c.set(d, entry(key()));
    expect(c.get('a', key())).toBeDefined(); // a is now the most recent
    c.set('d', entry(key()));
    expect(c.held.resources).toEqual(['c', 'a', 'd']);
  });

  it('holds at most so many bytes; a chart larger than the bound is not kept', () => {
    const k = key();
    const c = new ChartCache(8, 3 * (100 + k.length));
    for (const d of ['a', 'b', 'c']) c.set(d, entry(k, 100));
    expect(c.held.resources).toEqual(['a', 'b', 'c']);
    c.set('d', entry(k, 150));
    expect(c.held).toEqual({ resources: ['c', 'd'], bytes: 250 + 2 * k.length });
    c.set('e', entry(k, 1000));
    expect(c.held.resources).toEqual(['c', 'd']);
    expect(c.get('e', k)).toBeUndefined();
    c.delete('c');
    expect(c.held).toEqual({ resources: ['d'], bytes: 150 + k.length });
  });
});

describe('a chart kept across a window reload (the serializer’s state)', () => {
  const kept: PersistedChart = { kind: 'journey', source: 'xychart-beta\n  line [1, 2]', hidden: ['b', 'a'], themeKind: 'dark', theme: '{"kind":"dark"}', css: '#pe-chart-1{fill:#ccc;}', svg: svg([text('旅程')]) };
  const now = { kind: 'journey', chart: kept.source, hidden: ['a', 'b'], themeKind: 'dark', theme: '["dark","Default Dark Modern",{}]' };

  it('comes back through the persisted state, which checks its shape', () => {
    const parsed = parsePersistedState(JSON.parse(JSON.stringify({ resource: 'file:///a', locked: true, hidden: ['a'], scrollY: 10, chart: kept })));
    expect(parsed).toEqual({ resource: 'file:///a', locked: true, hidden: ['a'], chart: kept });
    // A malformed chart is left out; the rest of the state stays.
    for (const chart of [{ ...kept, source: 1 }, { ...kept, hidden: [1] }, { ...kept, svg: 'x' }, 'chart']) {
      expect(parsePersistedState({ resource: 'file:///a', chart })).toEqual({ resource: 'file:///a', locked: false, hidden: [] });
    }
  });

  it('becomes a cache entry only for exactly what the restored preview draws', () => {
    const e = restoredChart(kept, now)!;
    expect(e).toEqual({ key: chartKey(now), markup: chartMarkup(kept.svg, kept.css), theme: kept.theme });
    expect(restoredChart(kept, { ...now, chart: 'xychart-beta\n  line [1, 3]' })).toBeUndefined();
    expect(restoredChart(kept, { ...now, hidden: ['a'] })).toBeUndefined();
    expect(restoredChart(kept, { ...now, themeKind: 'light' })).toBeUndefined();
    expect(restoredChart(kept, { ...now, kind: 'inventory' })).toBeUndefined();
    expect(restoredChart(undefined, now)).toBeUndefined();
    // What chartMarkup refuses does not come back either.
    expect(restoredChart({ ...kept, svg: svg([{ t: 'script', a: {}, c: ['alert(1)'] }]) }, now)).toBeUndefined();
    expect(restoredChart(kept, now, 10)).toBeUndefined();
  });
});

describe('the page HTML with a cached chart', () => {
  const state = PLAIN_STATE;
  const evil = '</svg></div><script>alert(1)</script>';
  const markup = chartMarkup(svg([text(`业主旅程 ${evil}`)], { style: 'max-width: 700px;' }), '#pe-chart-1{font-family:"Noto Sans CJK SC";}')!;
  const html = previewHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc', scriptUri: 'https://x/p.js', styleUri: 'https://x/p.css', preloadUris: [], lang: 'zh-CN', state: { ...state, view: { title: evil } as PreviewState['view'] }, cached: { markup, theme: `{"kind":"light","font":"${evil}"}` } });

  it('allows the chart’s <style> elements by the nonce, and still no style attribute or inline script', () => {
    expect(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc')).toBe(
      "default-src 'none'; script-src 'nonce-abc' https://x.vscode-cdn.net; style-src https://x.vscode-cdn.net 'nonce-abc'; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net; base-uri 'none'; form-action 'none'",
    );
    expect(html).toContain(`content="default-src &#39;none&#39;; script-src &#39;nonce-abc&#39; https://x.vscode-cdn.net; style-src https://x.vscode-cdn.net &#39;nonce-abc&#39;;`);
    expect(html.match(/<style[^>]*>[^<]*<\/style>/g)).toEqual([
      '<style nonce="abc" id="pe-chart-css">#pe-chart-1{font-family:"Noto Sans CJK SC";}</style>',
      '<style nonce="abc" id="pe-chart-inline">#pe-chart [data-pe-style="0"]{max-width: 700px;}</style>',
    ]);
    expect(html).not.toMatch(/ style="/);
  });

  it('puts the chart in the page after the state, its text escaped (CJK as written)', () => {
    const body = html.slice(html.indexOf('<body>'));
    expect(body.indexOf('id="peakend-state"')).toBeLessThan(body.indexOf('id="pe-chart"'));
    expect(body).toContain(
      `<div id="peakend-preview" aria-live="polite"><div class="pe-chart" id="pe-chart" role="img" data-theme="{&#34;kind&#34;:&#34;light&#34;,&#34;font&#34;:&#34;&#60;/svg&#62;&#60;/div&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#34;}">` +
        `<svg id="pe-chart-1" viewBox="0 0 700 500" data-pe-style="0"><text>业主旅程 &lt;/svg&gt;&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></svg></div></div>`,
    );
    // The state script and the page script: nothing else runs.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('is the page it was without a cached chart: no <style>, the same policy', () => {
    const plain = previewHtml({ cspSource: 'c', nonce: 'n', scriptUri: 's', styleUri: 'y', preloadUris: [], lang: 'en', state });
    expect(plain).not.toContain('<style');
    expect(plain).toContain('style-src c &#39;nonce-n&#39;;');
    expect(plain).toContain('<div id="peakend-preview" aria-live="polite"></div>');
  });
});
