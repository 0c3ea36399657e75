/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The preview's page script (an ES module, bundled to dist/webview/preview.js by
 * scripts/preview-page.mjs; Mermaid's core and chart chunks are modules beside it, which the page
 * imports at once and the shell preloads). It lays out what the extension sends: every piece of user text goes
 * in as text nodes, never as markup. The skeleton is built once and its parts are updated in place,
 * so typing changes the page without a flash and the scroll position stays.
 */
import type { FromWebview, PersistedChart, PersistedState, PreviewState, RenderSummary, ToWebview, ViewModel, ViewTable } from '../protocol';
import { drawChart as drawMermaid, type DrawnChart, type Mermaid } from './svgStyles';
import { svgTree } from './svgTree';

declare const acquireVsCodeApi: () => { postMessage(m: FromWebview): void; setState(s: PersistedState & { scrollY?: number }): void; getState(): (PersistedState & { scrollY?: number }) | undefined };
interface MermaidApi extends Mermaid {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<unknown>;
}

/** When this script began, in ms since the page started loading. */
const scriptStartMs = performance.now();
/**
 * Mermaid, once its core module has loaded. The page starts loading it before anything else, unless
 * the extension put the chart of this very state into the page (from its cache): then Mermaid is
 * loaded when something changes, or once the page is idle after its first report.
 */
let mermaid: MermaidApi | undefined;
let mermaidLoad: Promise<void> | undefined;
/** When Mermaid's core had loaded, the first chart was in the DOM and the first tables were, in ms since the page started loading. */
let mermaidReadyMs: number | undefined;
let firstChartMs: number | undefined;
let firstLayoutMs: number | undefined;
const vscode = acquireVsCodeApi();
const post = (m: FromWebview) => vscode.postMessage(m);
const SVG_NS = 'http://www.w3.org/2000/svg';

let state: PreviewState = JSON.parse(document.getElementById('peakend-state')!.textContent || '{}') as PreviewState;
/** The chart the extension wrote into the page (shell.ts), until the page has taken it or dropped it. */
let cachedChart = document.getElementById('pe-chart') as HTMLDivElement | null;
/** The chart shown is the cached one (no Mermaid ran for it). */
let fromCache = false;
/** The chart shown is not the state's yet: it is drawn when Mermaid has loaded. */
let chartPending = false;
/** What the chart now shows: its source and the theme it was drawn in, so unchanged charts are not redrawn. */
let drawn: { source: string; theme: string } | undefined;
/** The x position of each step on the chart (SVG units), and the chart's point per persona and step. */
let points: { x: number; y: number }[][] = [];
let highlighted: string | undefined;
let renderCount = 0;
let chartError: string | undefined;
/** How long the last chart took (Mermaid and the markers), for the render summary. */
let chartMs = 0;
/** Chart CSS collected from Mermaid's output, kept for the SVG export. */
let chartCss = '';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

// ── the skeleton ───────────────────────────────────────────────────────────────────────────────
const root = document.getElementById('peakend-preview')!;
const header = el('header', 'pe-header');
const titleEl = el('h1', 'pe-title');
const fileEl = el('span', 'pe-file');
const errorsEl = el('p', 'pe-errors');
const toolbar = el('div', 'pe-toolbar');
const filterEl = el('fieldset', 'pe-filter');
const exportEl = el('div', 'pe-export');
const chartEl = cachedChart ?? el('div', 'pe-chart');
const notesEl = el('div', 'pe-notes');
const findingsEl = el('section', 'pe-findings');
const tablesEl = el('div', 'pe-tables');
const emptyEl = el('p', 'pe-empty');
header.append(titleEl, fileEl);
toolbar.append(filterEl, exportEl);
root.append(header, errorsEl, toolbar, chartEl, notesEl, findingsEl, tablesEl, emptyEl);
chartEl.setAttribute('role', 'img');

// ── theme ──────────────────────────────────────────────────────────────────────────────────────
function themeKind(): string {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

function mermaidTheme(kind = themeKind()): string {
  return kind === 'dark' || kind === 'high-contrast' ? 'dark' : 'default';
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The theme Mermaid was last initialised for: initialising again costs time on every keystroke. */
let initialised: string | undefined;

/** What Mermaid draws with in this theme: the theme's colours and the page's font. */
function themeColours(kind = themeKind()): { kind: string; fg: string; bg: string; border: string; font: string } {
  const fg = cssVar('--vscode-editor-foreground', kind === 'light' ? '#1f2328' : '#e6e6e6');
  const bg = cssVar('--vscode-editor-background', kind === 'light' ? '#ffffff' : '#1e1e1e');
  const border = cssVar('--vscode-contrastBorder', '') || cssVar('--vscode-panel-border', fg);
  return { kind, fg, bg, border, font: getComputedStyle(chartEl).fontFamily };
}

/** The theme as a chart drawn in it depends on it: a cached chart of another signature is drawn afresh. */
const themeSignature = () => JSON.stringify(themeColours());

function initMermaid(mermaid: MermaidApi): void {
  const kind = themeKind();
  if (initialised === kind) return;
  initialised = kind;
  const { fg, bg, border, font } = themeColours(kind);
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: mermaidTheme(kind),
    themeVariables: {
      fontFamily: font,
      background: bg,
      primaryTextColor: fg,
      xyChart: { backgroundColor: bg, titleColor: fg, xAxisLabelColor: fg, xAxisTitleColor: fg, xAxisTickColor: fg, xAxisLineColor: border, yAxisLabelColor: fg, yAxisTitleColor: fg, yAxisTickColor: fg, yAxisLineColor: border },
      quadrantTitleFill: fg,
      quadrantXAxisTextFill: fg,
      quadrantYAxisTextFill: fg,
      quadrantPointTextFill: fg,
    },
  });
}

// ── the chart ──────────────────────────────────────────────────────────────────────────────────
/** Mermaid's SVG with its <style> and style attributes applied through CSSOM, which the policy allows. */
function adoptSvg({ node, css }: DrawnChart): SVGSVGElement {
  chartCss = css;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(chartCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => !(s as { peakendChart?: boolean }).peakendChart), Object.assign(sheet, { peakendChart: true })];
  return node;
}

/** Each line plot's points, from its path ("M x,y L x,y …"): where steps sit on the chart. */
function linePoints(svg: SVGSVGElement): { x: number; y: number }[][] {
  const groups = [...svg.querySelectorAll('g[class^="line-plot-"]')].sort((a, b) => plotIndex(a) - plotIndex(b));
  return groups.map((g) => {
    const d = g.querySelector('path')?.getAttribute('d') ?? '';
    const nums = d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi)?.map(Number) ?? [];
    const out: { x: number; y: number }[] = [];
    for (let i = 0; i + 1 < nums.length; i += 2) out.push({ x: nums[i]!, y: nums[i + 1]! });
    return out;
  });
}

function plotIndex(g: Element): number {
  return Number(/line-plot-(\d+)/.exec(g.getAttribute('class') ?? '')?.[1] ?? 0);
}

const MARKER_PATH = {
  best: (x: number, y: number) => `M${x},${y - 9} L${x + 7},${y + 4} L${x - 7},${y + 4} Z`,
  worst: (x: number, y: number) => `M${x},${y + 9} L${x + 7},${y - 4} L${x - 7},${y - 4} Z`,
  end: (x: number, y: number) => `M${x - 6},${y} a6,6 0 1,0 12,0 a6,6 0 1,0 -12,0`,
};

/** Best / worst / end markers over the lines, and the layer for the cursor's highlight. */
function decorate(svg: SVGSVGElement, view: ViewModel): void {
  points = linePoints(svg);
  const layer = document.createElementNS(SVG_NS, 'g');
  layer.setAttribute('class', 'pe-overlay');
  const hl = document.createElementNS(SVG_NS, 'line');
  hl.setAttribute('class', 'pe-highlight');
  hl.setAttribute('visibility', 'hidden');
  layer.append(hl);
  view.markers.forEach((m, line) => {
    for (const kind of ['best', 'worst', 'end'] as const) {
      const index = m[kind];
      const p = index === undefined ? undefined : points[line]?.[index];
      if (!p) continue;
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('class', `pe-marker pe-${kind}`);
      path.setAttribute('d', MARKER_PATH[kind](p.x, p.y));
      path.setAttribute('stroke', m.colour);
      path.setAttribute('data-persona', m.persona);
      path.setAttribute('data-step', view.steps[index!] ?? '');
      const title = document.createElementNS(SVG_NS, 'title');
      title.textContent = `${state.view?.personas.find((x) => x.id === m.persona)?.name ?? m.persona} · ${view.stepTitles[index!] ?? ''}`;
      path.append(title);
      layer.append(path);
    }
  });
  svg.append(layer);
}

/** The step nearest to a click on the chart, by x. */
function stepAt(svg: SVGSVGElement, ev: MouseEvent): string | undefined {
  const xs = points[0];
  const ctm = svg.getScreenCTM();
  if (!xs?.length || !ctm || !state.view) return undefined;
  const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(ctm.inverse());
  let best = 0;
  xs.forEach((q, i) => {
    if (Math.abs(q.x - p.x) < Math.abs(xs[best]!.x - p.x)) best = i;
  });
  return state.view.steps[best];
}

/** Starts loading Mermaid (once); the chart is drawn when it has loaded, the rest of the page is laid out meanwhile. */
function loadMermaid(): void {
  if (mermaidLoad) return;
  mermaidLoad = import('mermaid').then(
    (m) => {
      mermaid = m.default as unknown as MermaidApi;
      mermaidReadyMs = performance.now();
      // A chart waits for Mermaid (none drawn yet, or the cached one is out of date); loaded ahead of need, nothing does.
      if (!drawn || chartPending) void schedule(state);
    },
    (e: unknown) => {
      // Loaded ahead of need: the chart shown stays, and a change tries again.
      mermaidLoad = undefined;
      if (drawn && !chartPending) return;
      chartError = `Mermaid could not be loaded (${e instanceof Error ? e.message : String(e)})`;
      chartEl.replaceChildren(el('p', 'pe-chart-error', `${state.labels.chartFailed} ${chartError}`));
      post({ type: 'rendered', summary: summary(0) });
    },
  );
}
if (!cachedChart?.querySelector('svg')) loadMermaid();

/** Mermaid loaded ahead of need, set up for the theme and with the chart's own module loaded (parsing the chart loads it). */
async function warmUp(): Promise<void> {
  loadMermaid();
  await mermaidLoad;
  if (!mermaid || !state.view) return;
  initMermaid(mermaid);
  await mermaid.parse(state.view.chart).catch(() => undefined);
}

/** A chart in the DOM: the markers over a journey's lines, and clicks on it reveal the nearest step. */
function showChart(node: SVGSVGElement, view: ViewModel): void {
  if (view.kind === 'journey') {
    decorate(node, view);
    node.addEventListener('click', (ev) => {
      const id = stepAt(node, ev);
      if (id) post({ type: 'reveal', id });
    });
  } else points = [];
  chartError = undefined;
  firstChartMs ??= performance.now();
}

/**
 * Takes the chart the extension wrote into the page, if it was drawn in this page's theme: its
 * style rules become style attributes again (through CSSOM) and its Mermaid CSS is kept for the
 * export. Otherwise it is dropped, and Mermaid draws the chart.
 */
function adoptCached(holder: HTMLDivElement, view: ViewModel): SVGSVGElement | undefined {
  const node = holder.querySelector('svg');
  const css = document.getElementById('pe-chart-css');
  const inline = document.getElementById('pe-chart-inline') as HTMLStyleElement | null;
  if (!node || holder.dataset.theme !== themeSignature()) {
    holder.replaceChildren();
    css?.remove();
    inline?.remove();
    return undefined;
  }
  for (const rule of inline?.sheet?.cssRules ?? []) {
    const i = rule instanceof CSSStyleRule ? /data-pe-style="(\d+)"/.exec(rule.selectorText)?.[1] : undefined;
    const target = i === undefined ? null : (holder.querySelector(`[data-pe-style="${i}"]`) as (SVGElement & ElementCSSInlineStyle) | null);
    if (target) target.style.cssText = (rule as CSSStyleRule).style.cssText;
  }
  for (const e of holder.querySelectorAll('[data-pe-style]')) e.removeAttribute('data-pe-style');
  inline?.remove();
  chartCss = css?.textContent ?? '';
  // Mermaid removes an element of the ID it renders to: the next chart gets a number after this one's.
  renderCount = Math.max(renderCount, Number(/^pe-chart-(\d+)$/.exec(node.id)?.[1] ?? 0));
  showChart(node, view);
  return node;
}

/** The largest chart the page keeps across a window reload (as JSON; the 200-step, 3-persona journey's is about 25 KB). */
const MAX_PERSISTED_CHART = 256 * 1024;
/** The chart shown, as the page keeps it across a window reload (persist()). */
let keptChart: PersistedChart | undefined;

function persist(): void {
  vscode.setState({ resource: state.resource, locked: state.locked, hidden: state.hidden, scrollY: window.scrollY, ...(keptChart ? { chart: keptChart } : {}) });
}

/**
 * The chart shown, handed back to the extension for its cache (`toExtension`: a chart taken from
 * the cache is there already) and kept across a window reload. The first chart of a page goes at
 * once (a preview may be closed soon); later ones when typing pauses.
 */
let chartPost: ReturnType<typeof setTimeout> | undefined;
let chartsPosted = 0;
function postChart(node: SVGSVGElement, view: ViewModel, toExtension: boolean): void {
  const theme = themeSignature();
  const themeKindNow = themeKind();
  const { version, hidden } = state;
  clearTimeout(chartPost);
  chartPost = setTimeout(
    () => {
      if (!node.isConnected) return;
      chartsPosted++;
      const svg = svgTree(node, (e) => e.classList.contains('pe-overlay'));
      if (toExtension) post({ type: 'chart', version, themeKind: themeKindNow, theme, css: chartCss, svg });
      const kept: PersistedChart = { kind: view.kind, source: view.chart, hidden, themeKind: themeKindNow, theme, css: chartCss, svg };
      keptChart = JSON.stringify(kept).length <= MAX_PERSISTED_CHART ? kept : undefined;
      persist();
    },
    chartsPosted ? 300 : 0,
  );
}

async function drawChart(view: ViewModel): Promise<void> {
  const theme = themeKind();
  if (drawn && drawn.source === view.chart && drawn.theme === theme) return;
  const started = performance.now();
  if (cachedChart) {
    // The extension wrote the chart of the page's first state into the page: this is that state.
    const holder = cachedChart;
    cachedChart = null;
    const node = adoptCached(holder, view);
    if (node) {
      fromCache = true;
      chartPending = false;
      postChart(node, view, false);
      chartMs = performance.now() - started;
      drawn = { source: view.chart, theme };
      chartEl.setAttribute('aria-label', view.title);
      return;
    }
  }
  if (!mermaid) {
    // Drawn when Mermaid has loaded; a chart shown meanwhile (the cached one) stays, without flicker.
    chartPending = true;
    return loadMermaid();
  }
  chartPending = false;
  initMermaid(mermaid);
  try {
    const node = adoptSvg(await drawMermaid(mermaid, `pe-chart-${++renderCount}`, view.chart));
    node.removeAttribute('height');
    chartEl.replaceChildren(node);
    document.getElementById('pe-chart-css')?.remove();
    fromCache = false;
    showChart(node, view);
    postChart(node, view, true);
  } catch (e) {
    chartError = e instanceof Error ? e.message : String(e);
    chartEl.replaceChildren(el('p', 'pe-chart-error', `${state.labels.chartFailed} ${chartError}`));
    points = [];
  }
  // Mermaid leaves its scratch element behind when it fails.
  document.querySelectorAll('body > [id^="dpe-chart-"]').forEach((e) => e.remove());
  chartMs = performance.now() - started;
  drawn = { source: view.chart, theme };
  chartEl.setAttribute('aria-label', view.title);
}

// ── the rest of the page ───────────────────────────────────────────────────────────────────────
function drawFilter(view: ViewModel): void {
  filterEl.replaceChildren();
  filterEl.hidden = view.personas.length < 2;
  filterEl.append(el('legend', undefined, state.labels.personas));
  for (const p of view.personas) {
    const label = el('label', 'pe-persona');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = !state.hidden.includes(p.id);
    box.disabled = !p.plotted;
    box.dataset.persona = p.id;
    box.addEventListener('change', () => {
      const hidden = view.personas.filter((q) => !(filterEl.querySelector(`input[data-persona="${CSS.escape(q.id)}"]`) as HTMLInputElement | null)?.checked).map((q) => q.id);
      post({ type: 'filter', hidden });
    });
    const swatch = el('span', 'pe-swatch');
    if (p.colour) swatch.style.backgroundColor = p.colour;
    label.append(box, swatch, document.createTextNode(p.name));
    filterEl.append(label);
  }
}

function drawExport(): void {
  exportEl.replaceChildren();
  if (!state.view) return;
  if (!state.canExport) {
    exportEl.append(el('span', 'pe-export-disabled', state.labels.exportDisabled));
    return;
  }
  const formats = [
    ['svg', state.labels.exportSvg],
    ['png', state.labels.exportPng],
    ['html', state.labels.exportHtml],
  ] as const;
  for (const [format, label] of formats) {
    const b = el('button', 'pe-button', label);
    b.type = 'button';
    b.dataset.format = format;
    b.addEventListener('click', () => post({ type: 'export', format }));
    exportEl.append(b);
  }
}

function drawFindings(view: ViewModel): void {
  findingsEl.replaceChildren(el('h2', undefined, state.labels.findings));
  if (!view.findings.length) {
    findingsEl.append(el('p', 'pe-note', state.labels.noFindings));
    return;
  }
  const ul = el('ul', 'pe-finding-list');
  for (const f of view.findings) {
    const li = el('li', `pe-finding pe-${f.severity}`);
    const a = el('a', 'pe-line', `${state.labels.line} ${f.line + 1}`);
    a.href = '#';
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      post({ type: 'revealLine', line: f.line });
    });
    li.append(el('span', 'pe-rule', f.ruleId), document.createTextNode(' '), el('span', 'pe-message', f.message), document.createTextNode(' '), a);
    ul.append(li);
  }
  findingsEl.append(ul);
}

function drawTable(t: ViewTable): HTMLElement {
  const section = el('section', 'pe-table');
  section.append(el('h2', undefined, t.caption));
  const wrap = el('div', 'pe-table-wrap');
  const table = el('table');
  const tr = el('tr');
  t.head.forEach((h, i) => {
    const th = el('th', t.numeric[i] ? 'num' : undefined, h);
    th.scope = 'col';
    tr.append(th);
  });
  table.append(el('thead'));
  table.tHead!.append(tr);
  const body = el('tbody');
  const starts = new Set(t.stageStarts ?? []);
  t.rows.forEach((_, ri) => body.append(drawRow(t, ri, starts)));
  table.append(body);
  wrap.append(table);
  section.append(wrap);
  return section;
}

function drawRow(t: ViewTable, ri: number, starts: Set<number>): HTMLTableRowElement {
  const row = el('tr', starts.has(ri) ? 'stage-start' : undefined);
  const id = t.rowIds?.[ri];
  if (id !== undefined) {
    row.dataset.id = id;
    row.tabIndex = 0;
    row.classList.add('pe-revealable');
    if (id === highlighted) row.classList.add('pe-highlighted');
  }
  t.rows[ri]!.forEach((c, i) => row.append(el('td', t.numeric[i] ? 'num' : undefined, c)));
  return row;
}

/** The tables as last drawn: an update rewrites only the cells that changed (a score edit changes a few of hundreds). */
let drawnTables: ViewTable[] = [];

function drawTables(tables: ViewTable[]): void {
  const shape = (t: ViewTable) => JSON.stringify([t.caption, t.head, t.numeric, t.rowIds, t.stageStarts, t.rows.length]);
  const sections = tablesEl.querySelectorAll('section.pe-table');
  if (sections.length !== tables.length || tables.length !== drawnTables.length || tables.some((t, i) => shape(t) !== shape(drawnTables[i]!))) {
    tablesEl.replaceChildren(...tables.map(drawTable));
  } else {
    tables.forEach((t, i) => {
      const before = drawnTables[i]!;
      const body = sections[i]!.querySelector('tbody')!;
      t.rows.forEach((r, ri) => {
        const old = before.rows[ri]!;
        const row = body.rows[ri]!;
        if (r.length !== old.length || row.cells.length !== r.length) row.replaceWith(drawRow(t, ri, new Set(t.stageStarts ?? [])));
        else r.forEach((c, ci) => c !== old[ci] && (row.cells[ci]!.textContent = c));
      });
    });
  }
  drawnTables = tables;
}

tablesEl.addEventListener('click', (ev) => {
  const row = (ev.target as Element).closest('tr[data-id]') as HTMLElement | null;
  if (row?.dataset.id !== undefined) post({ type: 'reveal', id: row.dataset.id });
});
tablesEl.addEventListener('keydown', (ev) => {
  const row = (ev.target as Element).closest('tr[data-id]') as HTMLElement | null;
  if (row?.dataset.id !== undefined && (ev.key === 'Enter' || ev.key === ' ')) {
    ev.preventDefault();
    post({ type: 'reveal', id: row.dataset.id });
  }
});

function highlight(id: string | undefined, scroll: boolean): void {
  highlighted = id;
  for (const row of tablesEl.querySelectorAll('tr.pe-highlighted')) row.classList.remove('pe-highlighted');
  const rows = id === undefined ? [] : [...tablesEl.querySelectorAll('tr[data-id]')].filter((r) => (r as HTMLElement).dataset.id === id);
  rows.forEach((r) => r.classList.add('pe-highlighted'));
  const line = chartEl.querySelector('line.pe-highlight');
  const index = id === undefined ? -1 : (state.view?.steps.indexOf(id) ?? -1);
  const x = points[0]?.[index]?.x;
  const svg = chartEl.querySelector('svg');
  if (line && svg) {
    if (x === undefined) line.setAttribute('visibility', 'hidden');
    else {
      const box = (svg.querySelector('g[class^="line-plot-"]') as SVGGraphicsElement | null)?.getBBox();
      const all = points.flat().map((p) => p.y);
      const top = Math.min(box?.y ?? Math.min(...all), ...all) - 12;
      const bottom = Math.max((box?.y ?? 0) + (box?.height ?? 0), ...all) + 12;
      for (const [k, v] of [['x1', x], ['x2', x], ['y1', top], ['y2', bottom]] as const) line.setAttribute(k, String(v));
      line.setAttribute('visibility', 'visible');
    }
  }
  if (scroll && rows[0]) (rows[0] as HTMLElement).scrollIntoView({ block: 'nearest' });
}

/** The state the page was last laid out for: when Mermaid arrives, only the chart is left to draw. */
let laidOut: PreviewState | undefined;

async function render(next: PreviewState): Promise<void> {
  const started = performance.now();
  chartMs = 0;
  if (next === laidOut && next.view) {
    await drawChart(next.view);
    highlight(highlighted, false);
    post({ type: 'rendered', summary: summary(performance.now() - started) });
    return;
  }
  state = next;
  persist();
  const view = state.view;
  const keep = chartEl.offsetHeight;
  chartEl.style.minHeight = keep ? `${keep}px` : '';
  if (!view) {
    header.hidden = toolbar.hidden = chartEl.hidden = notesEl.hidden = findingsEl.hidden = tablesEl.hidden = errorsEl.hidden = true;
    emptyEl.hidden = false;
    emptyEl.textContent = state.labels.notPreviewable;
    drawn = undefined;
    drawnTables = [];
  } else {
    header.hidden = toolbar.hidden = chartEl.hidden = notesEl.hidden = tablesEl.hidden = false;
    findingsEl.hidden = view.kind !== 'journey';
    emptyEl.hidden = true;
    document.title = view.title;
    titleEl.textContent = view.title;
    fileEl.textContent = view.fileName;
    errorsEl.hidden = view.errors === 0;
    errorsEl.textContent = state.labels.errors;
    drawFilter(view);
    drawExport();
    await drawChart(view);
    notesEl.replaceChildren(...view.notes.map((n) => el('p', 'pe-note', n)));
    drawFindings(view);
    drawTables(view.tables);
    highlight(highlighted, false);
  }
  laidOut = next;
  firstLayoutMs ??= performance.now();
  chartEl.style.minHeight = '';
  post({ type: 'rendered', summary: summary(performance.now() - started) });
}

function summary(ms: number): RenderSummary {
  const svg = chartEl.querySelector('svg');
  const plots = svg ? [...svg.querySelectorAll('g[class^="line-plot-"] > path')] : [];
  const s: RenderSummary = {
    version: state.version,
    ms,
    chartMs,
    scriptStartMs,
    pageAgeMs: performance.now(),
    ...(mermaidReadyMs !== undefined ? { mermaidReadyMs } : {}),
    ...(firstChartMs !== undefined ? { firstChartMs } : {}),
    ...(firstLayoutMs !== undefined ? { firstLayoutMs } : {}),
    svg: Boolean(svg) && !chartPending,
    fromCache: Boolean(svg) && !chartPending && fromCache,
    // The last line plot is the neutral line.
    lines: Math.max(0, plots.length - 1),
    markers: {
      best: chartEl.querySelectorAll('path.pe-best').length,
      worst: chartEl.querySelectorAll('path.pe-worst').length,
      end: chartEl.querySelectorAll('path.pe-end').length,
    },
    shownPersonas: [...filterEl.querySelectorAll('label.pe-persona')].filter((l) => (l.querySelector('input') as HTMLInputElement).checked).map((l) => l.textContent ?? ''),
    tables: [...tablesEl.querySelectorAll('section.pe-table')].map((sec) => ({
      caption: sec.querySelector('h2')?.textContent ?? '',
      rows: [...sec.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent ?? '')),
    })),
    themeKind: themeKind(),
    mermaidTheme: mermaidTheme(),
    scrollY: window.scrollY,
    exportButtons: exportEl.querySelectorAll('button').length,
  };
  if (chartError) s.chartError = chartError;
  const hl = tablesEl.querySelector('tr.pe-highlighted') as HTMLElement | null;
  if (hl?.dataset.id) s.highlighted = hl.dataset.id;
  return s;
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────
/** The chart as a standalone SVG document: its CSS back in a <style>, the overlay's highlight left out. */
function svgText(): string {
  const svg = chartEl.querySelector('svg');
  if (!svg) throw new Error('no chart');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelector('line.pe-highlight')?.remove();
  copy.setAttribute('xmlns', SVG_NS);
  const box = svg.getBoundingClientRect();
  if (!copy.getAttribute('width')) copy.setAttribute('width', String(Math.round(box.width)));
  if (!copy.getAttribute('height')) copy.setAttribute('height', String(Math.round(box.height)));
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = `${chartCss}\n.pe-marker { fill: ${cssVar('--vscode-editor-background', '#fff')}; stroke-width: 2.5; }\n`;
  copy.prepend(style);
  return new XMLSerializer().serializeToString(copy);
}

async function pngData(): Promise<string> {
  const text = svgText();
  const img = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
  });
  img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.width * scale));
  canvas.height = Math.max(1, Math.round(img.height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = cssVar('--vscode-editor-background', '#ffffff');
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

// ── messages ───────────────────────────────────────────────────────────────────────────────────
/** Renders one at a time, always the newest state: typing fast skips intermediate states. */
let pending: PreviewState | undefined;
let rendering = false;
async function schedule(next: PreviewState): Promise<void> {
  pending = next;
  if (rendering) return;
  rendering = true;
  try {
    while (pending) {
      const s = pending;
      pending = undefined;
      await render(s);
    }
  } finally {
    rendering = false;
  }
}

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const m = ev.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'render') void schedule(m.state);
  else if (m.type === 'highlight') {
    highlight(m.id, true);
    post({ type: 'rendered', summary: summary(0) });
  } else if (m.type === 'exportRequest') {
    const reply = (data?: string, error?: string) => post({ type: 'exportData', id: m.id, format: m.format, ...(data !== undefined ? { data } : {}), ...(error !== undefined ? { error } : {}) });
    try {
      if (m.format === 'svg') reply(svgText());
      else pngData().then((d) => reply(d), (e: unknown) => reply(undefined, e instanceof Error ? e.message : String(e)));
    } catch (e) {
      reply(undefined, e instanceof Error ? e.message : String(e));
    }
  } else if (m.type === 'click') {
    document.querySelector(m.selector)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
});

// A theme change swaps the body's classes: redraw the chart in the new theme.
new MutationObserver(() => {
  if (state.view && drawn && drawn.theme !== themeKind()) void schedule(state);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// The scroll position is kept for the page's next load, at most every 200 ms (the state holds the chart too).
let persistTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    persistTimer ??= setTimeout(() => {
      persistTimer = undefined;
      persist();
    }, 200);
  },
  { passive: true },
);

const saved = vscode.getState();
void schedule(state).then(() => {
  if (saved?.scrollY) window.scrollTo(0, saved.scrollY);
  post({ type: 'ready' });
  // The chart came from the cache and is reported: Mermaid loads while the page is idle, so that the
  // first edit draws as fast as any other instead of waiting for Mermaid's modules.
  if (fromCache) requestIdleCallback(() => void warmUp(), { timeout: 2000 });
});
