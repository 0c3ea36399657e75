import * as vscode from 'vscode';
import { analysisReport, kindFromFileName, toLanguage, type InventoryAnalysis, type JourneyAnalysis } from '../../core';
import { toPath } from '../convert';
import { log } from '../log';
import type { Sessions, SessionsChange } from '../sessions';
import { chartKey, restoredChart, type ChartCache } from './chartCache';
import { chartMarkup } from './chartMarkup';
import { parseFromWebview, type FromWebview, type PersistedState, type PreviewState, type RenderSummary, type ToWebview, type ViewLabels, type ViewModel, type DrawnChart, type PersistedChart } from './protocol';
import { makeNonce, previewHtml } from './shell';
import { entityLines, inventoryView, journeyView, stepAtLine } from './viewModel';

export const PREVIEW_VIEW_TYPE = 'peakend.preview';

/** The page's modules under dist/webview, from the build (scripts/preview-page.mjs): the page script's own imports, Mermaid's core, and each chart's own chunks. */
declare const PEAKEND_PREVIEW_MODULES: { page: string[]; core: string[]; journey: string[]; inventory: string[] } | undefined;
const MODULES = typeof PEAKEND_PREVIEW_MODULES === 'object' && PEAKEND_PREVIEW_MODULES ? PEAKEND_PREVIEW_MODULES : { page: [], core: [], journey: [], inventory: [] };

/** The kinds a preview can show. */
export type Analysis = { kind: 'journey'; a: JourneyAnalysis } | { kind: 'inventory'; a: InventoryAnalysis };

function labels(): ViewLabels {
  return {
    personas: vscode.l10n.t('Personas'),
    exportSvg: vscode.l10n.t('Export SVG'),
    exportPng: vscode.l10n.t('Export PNG'),
    exportHtml: vscode.l10n.t('Export HTML'),
    exportDisabled: vscode.l10n.t('Export is not available in Restricted Mode.'),
    findings: vscode.l10n.t('Findings'),
    noFindings: vscode.l10n.t('No peak-end findings.'),
    errors: vscode.l10n.t('This file has errors: the figures may be incomplete.'),
    chartFailed: vscode.l10n.t('The chart could not be drawn:'),
    notPreviewable: vscode.l10n.t('This file is not a journey or a touchpoint inventory that Peakend has analysed.'),
    line: vscode.l10n.t('line'),
  };
}

/** The theme as the page sees it (its body's class) and which theme it is: part of a cached chart's key. */
function themeKind(): string {
  const k = vscode.window.activeColorTheme.kind;
  return k === vscode.ColorThemeKind.HighContrastLight ? 'high-contrast-light' : k === vscode.ColorThemeKind.HighContrast ? 'high-contrast' : k === vscode.ColorThemeKind.Dark ? 'dark' : 'light';
}

function themeKey(): string {
  const workbench = vscode.workspace.getConfiguration('workbench');
  return JSON.stringify([themeKind(), workbench.get('colorTheme') ?? '', workbench.get('colorCustomizations') ?? {}]);
}

/** The largest chart kept for reopening (the 200-step, 3-persona journey's is about 25 KB). */
const MAX_CACHED_CHART = 1024 * 1024;

/**
 * One preview panel: which file it shows (following the active editor unless locked), its persona
 * filter, and the last thing its webview reported drawing.
 */
export class Preview implements vscode.Disposable {
  private version = 0;
  private lastView = '';
  private analysis: Analysis | undefined;
  private highlighted: string | undefined;
  private requests = new Map<number, (m: Extract<FromWebview, { type: 'exportData' }>) => void>();
  private nextRequest = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** What the last state sent draws the chart from: a chart the page hands back for it is cached under it. */
  private sent: { version: number; kind: string; chart: string; hidden: string[] } | undefined;
  /** What the webview reported after its last render (read from its DOM). */
  summary: RenderSummary | undefined;
  /**
   * When (performance.now() of the extension host) the panel was handed over, its page was written,
   * and the last refresh began and posted its render: the benchmark splits the time with them.
   */
  readonly timing: { created: number; html?: number; refresh?: number; posted?: number } = { created: performance.now() };
  private readonly renderedEmitter = new vscode.EventEmitter<RenderSummary>();
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: Sessions,
    public resource: vscode.Uri,
    public locked: boolean,
    public hidden: string[],
    private readonly onReveal: (preview: Preview, line: number, select?: vscode.Range) => void,
    private readonly onExport: (preview: Preview, format: 'svg' | 'png' | 'html') => void,
    private readonly charts: ChartCache,
    /** The chart the page kept across a window reload (the serializer's state). */
    kept?: PersistedChart,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot()] };
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.received(parseFromWebview(m))),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.wasHidden();
      }),
    );
    this.analysis = this.analyze();
    this.writePage(kept);
    this.timing.html = performance.now();
    this.updateTitle();
  }

  /**
   * The page's HTML for the current state. With the chart drawn last time from exactly this (from
   * the cache, or kept by the page across a window reload), the page shows it at once and loads
   * Mermaid only after its first report.
   */
  private writePage(kept?: PersistedChart): void {
    const webview = this.panel.webview;
    const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot(), ...file.split('/'))).toString();
    const state = this.state();
    const restored = this.sent && restoredChart(kept, { ...this.sent, themeKind: themeKind(), theme: themeKey() }, MAX_CACHED_CHART);
    if (restored) this.charts.set(state.resource, restored);
    const key = this.cacheKey();
    const cached = key !== undefined && this.charts.get(state.resource, key);
    const chart = this.analysis && !cached ? [...MODULES.core, ...MODULES[this.analysis.kind]] : [];
    const preload = [...new Set([...MODULES.page, ...chart])];
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: uri('preview.js'),
      styleUri: uri('preview.css'),
      preloadUris: preload.map(uri),
      lang: toLanguage(vscode.env.language) === 'zh-cn' ? 'zh-CN' : 'en',
      state,
      ...(cached ? { cached: { markup: cached.markup, theme: cached.theme } } : {}),
    });
  }

  /**
   * A hidden webview loses its page and loads its HTML again when shown: the HTML is brought up to
   * date as the panel is hidden, so that the page comes back with what it showed (and its chart from
   * the cache) instead of the state it first opened with.
   */
  wasHidden(): void {
    if (this.disposed) return;
    try {
      this.analysis = this.analyze();
      this.writePage();
    } catch (e) {
      logError('Peakend could not update the hidden preview', e);
    }
  }

  private webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  get path(): string {
    return toPath(this.resource);
  }

  /** The analysis of the previewed file from the sessions (the unsaved buffer, with its workspace's personas and settings). */
  private analyze(): Analysis | undefined {
    const report = analysisReport(this.sessions.workspaces(), [this.path]);
    const j = report.journeys[0];
    if (j) return { kind: 'journey', a: j };
    const i = report.inventories[0];
    return i ? { kind: 'inventory', a: i } : undefined;
  }

  private view(): ViewModel | undefined {
    const lang = toLanguage(vscode.env.language);
    const a = this.analysis;
    return !a ? undefined : a.kind === 'journey' ? journeyView(a.a, lang, this.hidden) : inventoryView(a.a, lang);
  }

  private state(view = this.view(), key = this.viewKey(view)): PreviewState {
    const state: PreviewState = {
      resource: this.resource.toString(),
      locked: this.locked,
      hidden: this.hidden,
      version: ++this.version,
      canExport: vscode.workspace.isTrusted,
      labels: labels(),
    };
    if (view) state.view = view;
    this.lastView = key;
    this.sent = view ? { version: state.version, kind: view.kind, chart: view.chart, hidden: [...this.hidden] } : undefined;
    return state;
  }

  /** What decides whether the page must change: the view, the filter, whether export is allowed. */
  private viewKey(view: ViewModel | undefined): string {
    return JSON.stringify([view, this.hidden, vscode.workspace.isTrusted]);
  }

  /** Whether a change of these files can change what this preview shows. */
  affectedBy(change: SessionsChange): boolean {
    if ('all' in change) return true;
    const personas = this.analysis?.kind !== 'inventory';
    return change.paths.some((p) => p === this.path || (personas && kindFromFileName(p) === 'personas'));
  }

  /** Re-analyses and sends a render if what the page would show changed (or always, when forced). */
  refresh(force = false): void {
    const started = performance.now();
    this.analysis = this.analyze();
    const view = this.view();
    const key = this.viewKey(view);
    if (!force && key === this.lastView) return;
    this.post({ type: 'render', state: this.state(view, key) });
    this.timing.refresh = started;
    this.timing.posted = performance.now();
  }

  /** Shows another file (a preview that follows the active editor). */
  show(resource: vscode.Uri): void {
    if (resource.toString() === this.resource.toString()) return;
    this.resource = resource;
    this.hidden = [];
    this.highlighted = undefined;
    this.updateTitle();
    this.refresh(true);
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    this.refresh(true);
  }

  /** The step under the cursor, highlighted in the chart and the table. */
  cursorAt(line: number): void {
    const a = this.analysis;
    const id = a?.kind === 'journey' ? stepAtLine(a.a, line) : undefined;
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.post(id === undefined ? { type: 'highlight' } : { type: 'highlight', id });
  }

  /** Asks the webview for the chart as SVG text or PNG (base64). */
  chartData(format: 'svg' | 'png'): Promise<string> {
    const id = ++this.nextRequest;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(id);
        reject(new Error('the preview did not answer'));
      }, 15_000);
      this.requests.set(id, (m) => {
        clearTimeout(timer);
        this.requests.delete(id);
        if (m.data !== undefined) resolve(m.data);
        else reject(new Error(m.error ?? 'no chart'));
      });
      this.post({ type: 'exportRequest', id, format });
    });
  }

  /** The analysis with the persona filter applied, for the HTML export. */
  filteredAnalysis(): Analysis | undefined {
    const a = this.analysis;
    if (a?.kind !== 'journey') return a;
    return { kind: 'journey', a: { ...a.a, personas: a.a.personas.filter((p) => !this.hidden.includes(p.persona)) } };
  }

  post(m: ToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private received(m: FromWebview | undefined): void {
    if (!m) return;
    switch (m.type) {
      case 'ready':
        // A webview hidden and shown again reloads its page with the first state: bring it up to date.
        if (!this.summary || this.summary.version !== this.version) this.post({ type: 'render', state: this.state() });
        return;
      case 'rendered':
        this.summary = m.summary;
        this.renderedEmitter.fire(m.summary);
        return;
      case 'chart':
        this.keepChart(m);
        return;
      case 'reveal': {
        const a = this.analysis;
        const line = a ? entityLines(a.a).get(m.id) : undefined;
        const range = a?.kind === 'journey' ? a.a.steps.find((s) => s.stepId === m.id)?.range : a?.a.points.find((p) => p.touchpointId === m.id)?.range;
        if (line !== undefined) this.onReveal(this, line, range && new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
        return;
      }
      case 'revealLine':
        this.onReveal(this, m.line);
        return;
      case 'filter':
        this.hidden = m.hidden;
        this.refresh();
        return;
      case 'export':
        this.onExport(this, m.format);
        return;
      case 'exportData':
        this.requests.get(m.id)?.(m);
        return;
    }
  }

  /** Whether the cache holds the chart of what the page shows now (tests wait for it before reopening). */
  chartCached(): boolean {
    const key = this.cacheKey();
    return key !== undefined && Boolean(this.charts.get(this.resource.toString(), key));
  }

  /** What the chart of the last state sent is drawn from, in this theme: its key in the cache. */
  private cacheKey(): string | undefined {
    return this.sent && chartKey({ ...this.sent, theme: themeKey() });
  }

  /** Caches the chart the page drew for the latest state, if it is still what that state shows in this theme. */
  private keepChart(m: DrawnChart): void {
    const key = this.cacheKey();
    if (key === undefined || m.version !== this.sent?.version || m.themeKind !== themeKind()) return;
    const markup = chartMarkup(m.svg, m.css, MAX_CACHED_CHART);
    if (markup) this.charts.set(this.resource.toString(), { key, markup, theme: m.theme });
  }

  private updateTitle(): void {
    const name = this.resource.path.slice(this.resource.path.lastIndexOf('/') + 1);
    this.panel.title = this.locked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  persisted(): PersistedState {
    return { resource: this.resource.toString(), locked: this.locked, hidden: this.hidden };
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.renderedEmitter.dispose();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}

export function logError(what: string, e: unknown): void {
  log.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}
