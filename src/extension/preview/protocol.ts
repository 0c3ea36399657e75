/**
 * The messages between the preview's extension side and its webview, and the view they draw. Plain
 * JSON both ways; this file is shared by both sides, so it imports types only.
 */

export type ExportFormat = 'svg' | 'png' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'html'];

/** A table as the webview lays it out: plain text cells (the webview sets them as text, never markup). */
export interface ViewTable {
  caption: string;
  head: string[];
  numeric: boolean[];
  rows: string[][];
  /** The entity each row is about (step or touchpoint ID), for click-to-reveal and highlighting. */
  rowIds?: string[];
  /** Rows that begin a stage. */
  stageStarts?: number[];
}

export interface ViewPersona {
  id: string;
  name: string;
  colour: string;
  /** Drawn as a line (it has scores) and not filtered out. */
  shown: boolean;
  /** Has at least one score (can be drawn at all). */
  plotted: boolean;
}

/** The best / worst / end step of a drawn persona, by 0-based step index, in line order. */
export interface ViewMarkers {
  persona: string;
  colour: string;
  best?: number;
  worst?: number;
  end?: number;
}

export interface ViewFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** 0-based line in the previewed file. */
  line: number;
  ruleId: string;
}

/** Everything one render shows; the extension computes it, the webview only lays it out. */
export interface ViewModel {
  kind: 'journey' | 'inventory';
  title: string;
  /** The file's name, for the header. */
  fileName: string;
  /** Mermaid source of the chart (core's emotion curve or importance–performance chart). */
  chart: string;
  notes: string[];
  tables: ViewTable[];
  findings: ViewFinding[];
  /** Error findings in the file: its figures may be incomplete. */
  errors: number;
  personas: ViewPersona[];
  /** Per drawn persona, in the chart's line order. */
  markers: ViewMarkers[];
  /** Step IDs in chart order (journeys), for mapping chart clicks to steps. */
  steps: string[];
  /** "5 陪同验房 (inspect-house)" per step: the tooltips of the chart's numbered axis and markers. */
  stepTitles: string[];
}

/** The words of the preview's own interface, localised by the extension. */
export interface ViewLabels {
  personas: string;
  exportSvg: string;
  exportPng: string;
  exportHtml: string;
  exportDisabled: string;
  findings: string;
  noFindings: string;
  errors: string;
  chartFailed: string;
  notPreviewable: string;
  line: string;
}

export interface PreviewState {
  /** The previewed file's URI (string form). */
  resource: string;
  locked: boolean;
  /** Persona IDs hidden by the filter. */
  hidden: string[];
  /** Bumped by every render the extension sends; echoed back in `rendered`. */
  version: number;
  /** Whether export may write files (not in Restricted Mode). */
  canExport: boolean;
  labels: ViewLabels;
  /** Undefined when the file is not (or no longer) a journey or touchpoint inventory. */
  view?: ViewModel;
}

/** What the webview reports after drawing: read from its DOM, for tests and the benchmark. */
export interface RenderSummary {
  version: number;
  /** Milliseconds from receiving the state to the DOM being updated. */
  ms: number;
  /** Of which drawing the chart (0 when its source and theme were unchanged). */
  chartMs: number;
  /** When the page script started, and now, in ms since the page began loading. */
  scriptStartMs: number;
  pageAgeMs: number;
  /** When Mermaid's core module had loaded, the first chart was in the DOM, the page was first laid out (same clock). */
  mermaidReadyMs?: number;
  firstChartMs?: number;
  firstLayoutMs?: number;
  svg: boolean;
  /** The chart shown is the one the extension put into the page from its cache: no Mermaid ran for it. */
  fromCache: boolean;
  chartError?: string;
  /** Plotted line paths, one per drawn persona (the neutral line not counted). */
  lines: number;
  /** Marker elements drawn over the chart, by kind. */
  markers: { best: number; worst: number; end: number };
  /** Persona names in the legend / filter, as shown. */
  shownPersonas: string[];
  /** Each table's rows as their cell texts. */
  tables: { caption: string; rows: string[][] }[];
  highlighted?: string;
  themeKind: string;
  mermaidTheme: string;
  scrollY: number;
  exportButtons: number;
}

/**
 * An element of a drawn chart as plain JSON (tag, attributes, children; a string is text), with
 * Mermaid's style attributes as CSSOM left them and its <style> elements left out. The page hands
 * its chart back in this form; the extension writes the markup itself (chartMarkup.ts).
 */
export type SvgNode = string | { t: string; a: Record<string, string>; c: SvgNode[] };

/** A drawn chart as the page hands it back for the extension's cache. */
export interface DrawnChart {
  /** The state version whose chart this is. */
  version: number;
  /** The page's theme kind and what Mermaid was initialised with (colours, font), as one string. */
  themeKind: string;
  theme: string;
  /** Mermaid's CSS for the chart (from its <style> elements). */
  css: string;
  svg: SvgNode;
}

export type ToWebview =
  | { type: 'render'; state: PreviewState }
  | { type: 'highlight'; id?: string }
  | { type: 'exportRequest'; id: number; format: 'svg' | 'png' }
  /** Test hook: the webview clicks the element a selector names, as a user would. */
  | { type: 'click'; selector: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; summary: RenderSummary }
  | ({ type: 'chart' } & DrawnChart)
  | { type: 'reveal'; id: string }
  | { type: 'revealLine'; line: number }
  | { type: 'filter'; hidden: string[] }
  | { type: 'export'; format: ExportFormat }
  | { type: 'exportData'; id: number; format: 'svg' | 'png'; data?: string; error?: string };

const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

/** Checks a message from the webview: its content is not trusted to be well-formed. */
export function parseFromWebview(m: unknown): FromWebview | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return o.summary && typeof o.summary === 'object' ? { type: 'rendered', summary: o.summary as RenderSummary } : undefined;
    case 'chart':
      return isInt(o.version) && isStr(o.themeKind) && isStr(o.theme) && isStr(o.css) && o.svg && typeof o.svg === 'object'
        ? { type: 'chart', version: o.version as number, themeKind: o.themeKind, theme: o.theme, css: o.css, svg: o.svg as SvgNode }
        : undefined;
    case 'reveal':
      return isStr(o.id) ? { type: 'reveal', id: o.id } : undefined;
    case 'revealLine':
      return isInt(o.line) && (o.line as number) >= 0 ? { type: 'revealLine', line: o.line as number } : undefined;
    case 'filter':
      return Array.isArray(o.hidden) && o.hidden.every(isStr) ? { type: 'filter', hidden: [...new Set(o.hidden as string[])] } : undefined;
    case 'export':
      return (EXPORT_FORMATS as readonly unknown[]).includes(o.format) ? { type: 'export', format: o.format as ExportFormat } : undefined;
    case 'exportData': {
      if (!isInt(o.id) || (o.format !== 'svg' && o.format !== 'png')) return undefined;
      const out: FromWebview = { type: 'exportData', id: o.id as number, format: o.format };
      if (isStr(o.data)) out.data = o.data;
      if (isStr(o.error)) out.error = o.error;
      return out;
    }
    default:
      return undefined;
  }
}

/** The state the webview keeps across reloads (vscode.setState) and the serializer gets back. */
export interface PersistedState {
  resource: string;
  locked: boolean;
  hidden: string[];
  /** The chart shown, when small enough: after a window reload the restored preview shows it at once. */
  chart?: PersistedChart;
}

/** A chart as the page keeps it across a window reload: what it was drawn from, and the chart as handed back. */
export interface PersistedChart {
  kind: string;
  /** The Mermaid text. */
  source: string;
  hidden: string[];
  themeKind: string;
  theme: string;
  css: string;
  svg: SvgNode;
}

export function parsePersistedState(s: unknown): PersistedState | undefined {
  if (!s || typeof s !== 'object') return undefined;
  const o = s as Record<string, unknown>;
  if (!isStr(o.resource)) return undefined;
  const state: PersistedState = { resource: o.resource, locked: o.locked === true, hidden: Array.isArray(o.hidden) ? o.hidden.filter(isStr) : [] };
  const c = o.chart as Record<string, unknown> | undefined;
  if (c && typeof c === 'object' && isStr(c.kind) && isStr(c.source) && Array.isArray(c.hidden) && c.hidden.every(isStr) && isStr(c.themeKind) && isStr(c.theme) && isStr(c.css) && c.svg && typeof c.svg === 'object') {
    state.chart = { kind: c.kind, source: c.source, hidden: c.hidden as string[], themeKind: c.themeKind, theme: c.theme, css: c.css, svg: c.svg as SvgNode };
  }
  return state;
}
