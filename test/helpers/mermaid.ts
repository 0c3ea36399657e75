/**
 * Real Mermaid in Node: 10.9.5 (`mermaid-v10`) and 11.17.2 (`mermaid`) side by side, on jsdom
 * globals set before the import (Mermaid reads `window` and `document` when it loads).
 * `parse` reports Mermaid's own verdict; `texts` returns what the parser made of every piece of
 * text, decoded the way the rendered SVG decodes it.
 */

export type MermaidVersion = 'v10' | 'v11';
interface MermaidApi {
  initialize(c: object): void;
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: any }> };
}

let loaded: Promise<Record<MermaidVersion, MermaidApi>> | undefined;

export function loadMermaid(): Promise<Record<MermaidVersion, MermaidApi>> {
  loaded ??= (async () => {
    if (!(globalThis as any).window) {
      const { JSDOM } = await import('jsdom' as string);
      const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
      (globalThis as any).window = dom.window;
      (globalThis as any).document = dom.window.document;
    }
    const v10 = (await import('mermaid-v10' as string)).default as MermaidApi;
    const v11 = (await import('mermaid' as string)).default as MermaidApi;
    for (const m of [v10, v11]) m.initialize({ startOnLoad: false });
    return { v10, v11 };
  })();
  return loaded;
}

/** Mermaid's verdict on a diagram: undefined when it parses, else the error message. */
export async function parseError(version: MermaidVersion, text: string): Promise<string | undefined> {
  const m = (await loadMermaid())[version];
  try {
    await m.parse(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Mermaid's entity placeholders (`#NN;` → `ﬂ°°NN¶ß`) turned back into text, as the SVG shows it. */
export function decodeMermaidText(s: string): string {
  return s
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name] ?? `&${name};`);
}

export interface XyChartTexts {
  title: string;
  categories: string[];
  xTitle: string;
  yTitle: string;
  series: { title: string; values: number[]; labels: string[] }[];
  xRange?: { min: number; max: number };
  yRange: { min: number; max: number };
}

export async function xyChartTexts(version: MermaidVersion, text: string): Promise<XyChartTexts> {
  const m = (await loadMermaid())[version];
  const d = decodeMermaidText;
  if (version === 'v11') {
    const { db } = await m.mermaidAPI.getDiagramFromText(text);
    const data = db.getXYChartData();
    return {
      title: d(db.getDiagramTitle()),
      categories: (data.xAxis.categories ?? []).map(d),
      xTitle: d(data.xAxis.title),
      yTitle: d(data.yAxis.title),
      xRange: data.xAxis.type === 'linear' ? { min: data.xAxis.min, max: data.xAxis.max } : undefined,
      yRange: { min: data.yAxis.min, max: data.yAxis.max },
      series: data.plots.map((p: any) => ({ title: d(p.title), values: p.data.map((x: [string, number]) => x[1]), labels: (p.pointLabels ?? []).map(d) })),
    };
  }
  // 10.9's database keeps its chart data private: record what the parser hands it instead.
  const rec = await v10Recorder();
  rec.reset();
  const { db } = await m.mermaidAPI.getDiagramFromText(text);
  const r = rec.data;
  return {
    title: d(db.getDiagramTitle()),
    categories: r.categories.map(d),
    xTitle: d(r.xTitle),
    yTitle: d(r.yTitle),
    xRange: r.xRange,
    yRange: r.yRange!,
    series: r.series.map((s) => ({ title: d(s.title), values: s.values, labels: [] })),
  };
}

interface Recorded {
  categories: string[];
  xTitle: string;
  yTitle: string;
  xRange?: { min: number; max: number };
  yRange?: { min: number; max: number };
  series: { title: string; values: number[] }[];
}
let recorder: Promise<{ reset(): void; data: Recorded }> | undefined;

function v10Recorder() {
  recorder ??= (async () => {
    const m = (await loadMermaid()).v10;
    const { db } = await m.mermaidAPI.getDiagramFromText('xychart-beta\n  x-axis [a]\n  line [1]\n');
    const state: { data: Recorded; reset(): void } = {
      data: { categories: [], xTitle: '', yTitle: '', series: [] },
      reset() {
        state.data = { categories: [], xTitle: '', yTitle: '', series: [] };
      },
    };
    const wrap = (name: string, record: (...args: any[]) => void) => {
      const original = db[name];
      db[name] = (...args: any[]) => {
        record(...args);
        return original(...args);
      };
    };
    wrap('setXAxisTitle', (t) => (state.data.xTitle = t.text));
    wrap('setYAxisTitle', (t) => (state.data.yTitle = t.text));
    wrap('setXAxisBand', (cats) => (state.data.categories = cats.map((c: any) => c.text)));
    wrap('setXAxisRangeData', (min, max) => (state.data.xRange = { min, max }));
    wrap('setYAxisRangeData', (min, max) => (state.data.yRange = { min, max }));
    wrap('setLineData', (t, values) => state.data.series.push({ title: t.text, values }));
    return state;
  })();
  return recorder;
}

export interface QuadrantTexts {
  title: string;
  axes: string[];
  quadrants: string[];
  points: { text: string }[];
}

export async function quadrantTexts(version: MermaidVersion, text: string): Promise<QuadrantTexts> {
  const m = (await loadMermaid())[version];
  const { db } = await m.mermaidAPI.getDiagramFromText(text);
  const d = decodeMermaidText;
  const data = db.getQuadrantData();
  return {
    title: d(db.getDiagramTitle()),
    quadrants: data.quadrants.map((q: any) => d(q.text.text)),
    axes: data.axisLabels.map((a: any) => d(a.text)),
    points: data.points.map((p: any) => ({ text: d(p.text.text) })),
  };
}
