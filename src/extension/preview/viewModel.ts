/**
 * Analysis → what the preview shows: core's charts and tables, the judgements as findings, the
 * personas for the filter and the markers. Pure (no VS Code): the extension and the unit tests call it.
 */
import {
  basename,
  chartNotes,
  cutsLine,
  emotionCurve,
  figuresTable,
  ipaChart,
  localizeFinding,
  missingLines,
  plottedPersonas,
  priorityTable,
  renderLabels,
  NEUTRAL_COLOUR,
  SERIES_COLOURS,
  stepsTable,
  type InventoryAnalysis,
  type JourneyAnalysis,
  type RenderLanguage,
  type Table,
} from '../../core';
import type { ViewModel, ViewTable } from './protocol';

function viewTable(caption: string, t: Table, rowIds?: string[]): ViewTable {
  const out: ViewTable = { caption, head: t.head, numeric: t.numeric, rows: t.rows };
  if (rowIds) out.rowIds = rowIds;
  if (t.stageStarts) out.stageStarts = [...t.stageStarts].sort((a, b) => a - b);
  return out;
}

/**
 * A journey's view. `hidden` persona IDs are left out of the chart, the tables and the findings;
 * the filter still lists them. Line colours follow the chart's order of the drawn personas.
 */
export function journeyView(a: JourneyAnalysis, lang: RenderLanguage, hidden: readonly string[] = []): ViewModel {
  const L = renderLabels(lang);
  const hide = new Set(hidden);
  const shownAnalysis: JourneyAnalysis = { ...a, personas: a.personas.filter((p) => !hide.has(p.persona)) };
  const plotted = plottedPersonas(shownAnalysis);
  // A persona keeps its colour when others are filtered out: colours go by the unfiltered order.
  const allPlotted = plottedPersonas(a);
  const colourOf = new Map(allPlotted.map((p, i) => [p.persona, SERIES_COLOURS[i % SERIES_COLOURS.length]!]));
  const everPlotted = new Set(allPlotted.map((p) => p.persona));
  const stepIds = a.steps.map((s) => s.stepId);
  const opts = { variant: 'rich' as const, lang };
  // The table under the chart names the steps: the axis numbers them, upright, which Mermaid lays out far faster.
  const chartOpts = { ...opts, numberedSteps: true };
  const personaOf = (f: { args: Record<string, unknown> }) => (typeof f.args.persona === 'string' ? f.args.persona : undefined);
  return {
    kind: 'journey',
    title: a.title || a.journeyId,
    fileName: basename(a.file),
    chart: withPalette(emotionCurve(shownAnalysis, chartOpts), [...plotted.map((p) => colourOf.get(p.persona)!), NEUTRAL_COLOUR]),
    notes: chartNotes(shownAnalysis, lang),
    tables: [viewTable(L.stepsTable, withTouchpoints(stepsTable(shownAnalysis, opts), shownAnalysis, L.touchpoint), stepIds), viewTable(L.figuresTable, figuresTable(shownAnalysis, opts))],
    findings: a.judgements
      .filter((f) => !hide.has(personaOf(f) ?? ''))
      .map((f) => localizeFinding(f, lang))
      .map((f) => ({ severity: f.severity, message: f.message, line: f.range.start.line, ruleId: f.ruleId })),
    errors: a.errors,
    personas: a.personas.map((p) => ({
      id: p.persona,
      name: p.name || p.persona,
      colour: colourOf.get(p.persona) ?? '',
      shown: !hide.has(p.persona) && everPlotted.has(p.persona),
      plotted: everPlotted.has(p.persona),
    })),
    markers: plotted.map((p) => {
      const m: ViewModel['markers'][number] = { persona: p.persona, colour: colourOf.get(p.persona)! };
      if (p.best) m.best = p.best.index;
      if (p.worst) m.worst = p.worst.index;
      if (p.end) m.end = p.end.index;
      return m;
    }),
    steps: stepIds,
    stepTitles: a.steps.map((s) => `${s.index + 1} ${s.title ? `${s.title} (${s.stepId})` : s.stepId}`),
  };
}

/** The steps table with the touchpoints of each step after the moment-of-truth column (the preview has the width for it). */
function withTouchpoints(t: Table, a: JourneyAnalysis, head: string): Table {
  const at = 3 + a.personas.length + 1;
  const insert = <T>(xs: T[], x: T) => [...xs.slice(0, at), x, ...xs.slice(at)];
  return { ...t, head: insert(t.head, head), numeric: insert(t.numeric, false), rows: t.rows.map((r, i) => insert(r, a.steps[i]!.touchpoints.join(', '))) };
}

/** The chart with its line colours replaced (the init directive's palette is plain JSON of colours). */
function withPalette(chart: string, colours: string[]): string {
  return chart.replace(/"plotColorPalette":"[^"]*"/, `"plotColorPalette":${JSON.stringify(colours.join(', '))}`);
}

export function inventoryView(a: InventoryAnalysis, lang: RenderLanguage): ViewModel {
  const L = renderLabels(lang);
  const byId = new Map(a.points.map((p) => [p.touchpointId, p]));
  // The same order as priorityTable: the analysis' priority, then points it left out.
  const ordered = [...a.priority.filter((id) => byId.has(id)), ...a.points.filter((p) => !a.priority.includes(p.touchpointId)).map((p) => p.touchpointId)];
  const missing = missingLines(a, lang);
  return {
    kind: 'inventory',
    title: a.title || a.inventoryId,
    fileName: basename(a.file),
    chart: ipaChart(a, { variant: 'rich', lang }),
    notes: [cutsLine(a, lang), ...(missing.length ? [`${L.missingData}: ${missing.join('; ')}`] : [])],
    tables: [viewTable(L.priority, priorityTable(a, { lang }), ordered)],
    findings: [],
    errors: a.errors,
    personas: [],
    markers: [],
    steps: [],
    stepTitles: [],
  };
}

/** The 0-based line of each entity a view's rows point at, for click-to-reveal. */
export function entityLines(a: JourneyAnalysis | InventoryAnalysis): Map<string, number> {
  if ('steps' in a) return new Map(a.steps.map((s) => [s.stepId, s.range.start.line]));
  return new Map(a.points.map((p) => [p.touchpointId, p.range.start.line]));
}

/**
 * The step a cursor line is in: the last step whose ID is at or above the line, so the whole
 * block of a step (its scores, pain points) highlights it. Undefined above the first step.
 */
export function stepAtLine(a: JourneyAnalysis, line: number): string | undefined {
  let found: string | undefined;
  let foundLine = -1;
  for (const s of a.steps) {
    const l = s.range.start.line;
    if (l <= line && l >= foundLine) {
      found = s.stepId;
      foundLine = l;
    }
  }
  return found;
}
