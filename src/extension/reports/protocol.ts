/** What a report panel's page tells the extension once it has drawn its charts. */
export interface ReportRendered {
  /** Charts drawn (SVG elements on the page). */
  charts: number;
  /** Each chart's line plots (one per persona and side in a before/after curve). */
  lines: number[];
  /** Why charts could not be drawn. */
  errors: string[];
}

/** The message: what was drawn, and on which page of the panel (an older page may still answer). */
export interface RenderedMessage {
  type: 'rendered';
  page: number;
  rendered: ReportRendered;
}

/** The page's message, checked: it comes from a webview, so nothing of its shape is assumed. */
export function parseRendered(m: unknown): { page: number; rendered: ReportRendered } | undefined {
  if (typeof m !== 'object' || m === null || (m as { type?: unknown }).type !== 'rendered') return undefined;
  const page = (m as { page?: unknown }).page;
  if (typeof page !== 'number' || !Number.isInteger(page)) return undefined;
  const r = (m as { rendered?: unknown }).rendered as Partial<ReportRendered> | undefined;
  if (!r || typeof r.charts !== 'number' || !Array.isArray(r.lines) || !Array.isArray(r.errors)) return undefined;
  return {
    page,
    rendered: { charts: r.charts, lines: r.lines.filter((n): n is number => typeof n === 'number'), errors: r.errors.filter((e): e is string => typeof e === 'string') },
  };
}
