/**
 * The last chart each document's preview drew, in memory only, so that a preview opened again shows
 * it in its first page before any script or Mermaid has loaded. An entry is used only for exactly
 * what it was drawn from: the chart's Mermaid text, the persona filter and the theme (the key); an
 * edit, another filter or another theme is a different key, and the page draws with Mermaid as
 * before. Bounded by documents and by size, the least recently used going first.
 */
import { chartMarkup, markupSize, type ChartMarkup } from './chartMarkup';
import type { PersistedChart } from './protocol';

export interface CachedChart {
  /** What the chart was drawn from (chartKey). */
  key: string;
  markup: ChartMarkup;
  /** The page's theme signature when it drew the chart: a page in another theme draws afresh. */
  theme: string;
}

/** What a chart is drawn from: the same key, the same SVG. */
export function chartKey(o: { kind: string; chart: string; hidden: readonly string[]; theme: string }): string {
  return JSON.stringify([o.kind, o.theme, [...o.hidden].sort(), o.chart]);
}

/**
 * The chart a page kept across a window reload, as a cache entry, if it is the chart of what the
 * restored preview will draw now (same kind, Mermaid text, filter and theme kind) and one chartMarkup writes.
 */
export function restoredChart(kept: PersistedChart | undefined, now: { kind: string; chart: string; hidden: readonly string[]; themeKind: string; theme: string }, maxBytes = Infinity): CachedChart | undefined {
  if (!kept || kept.kind !== now.kind || kept.source !== now.chart || kept.themeKind !== now.themeKind) return undefined;
  if ([...kept.hidden].sort().join('\n') !== [...now.hidden].sort().join('\n')) return undefined;
  const markup = chartMarkup(kept.svg, kept.css, maxBytes);
  return markup && { key: chartKey(now), markup, theme: kept.theme };
}

export class ChartCache {
  /** By document URI; a Map keeps insertion order, which is the recency order here. */
  private readonly entries = new Map<string, CachedChart>();
  private bytes = 0;

  constructor(
    readonly maxEntries = 8,
    readonly maxBytes = 4 * 1024 * 1024,
  ) {}

  /** The document's chart if it was drawn from exactly `key`. */
  get(resource: string, key: string): CachedChart | undefined {
    const e = this.entries.get(resource);
    if (!e || e.key !== key) return undefined;
    this.entries.delete(resource);
    this.entries.set(resource, e);
    return e;
  }

  /** Keeps a document's last chart (replacing the one before); one larger than the whole bound is not kept. */
  set(resource: string, entry: CachedChart): void {
    this.delete(resource);
    const size = sizeOf(entry);
    if (size > this.maxBytes) return;
    this.entries.set(resource, entry);
    this.bytes += size;
    for (const [r] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(r);
    }
  }

  delete(resource: string): void {
    const e = this.entries.get(resource);
    if (!e) return;
    this.entries.delete(resource);
    this.bytes -= sizeOf(e);
  }

  /** The documents held, least recently used first, and their total size: for tests. */
  get held(): { resources: string[]; bytes: number } {
    return { resources: [...this.entries.keys()], bytes: this.bytes };
  }
}

function sizeOf(e: CachedChart): number {
  return markupSize(e.markup) + e.key.length + e.theme.length;
}
