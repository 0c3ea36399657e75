/**
 * Units of measured values. A standard's unit is free text; the units below are known and convert
 * within their quantity (a measured "30 h" or "1.5 天" against "≤ 24 hours"). Any other unit only
 * compares with itself, written the same way: a value that cannot be compared is never guessed.
 */

export type Quantity = 'time' | 'ratio' | 'rings' | 'count';

interface UnitDef {
  quantity: Quantity;
  /** How many of the quantity's base unit (seconds, percent, rings, items) one of this unit is. */
  factor: number;
}

const TABLE: [Quantity, number, string[]][] = [
  ['time', 1, ['s', 'sec', 'secs', 'second', 'seconds', '秒', '秒钟']],
  ['time', 60, ['min', 'mins', 'minute', 'minutes', '分钟']],
  ['time', 3600, ['h', 'hr', 'hrs', 'hour', 'hours', '小时', '个小时']],
  ['time', 86400, ['d', 'day', 'days', '天', '日']],
  ['time', 604800, ['w', 'wk', 'week', 'weeks', '周', '星期']],
  ['ratio', 1, ['%', 'percent', 'pct', '百分比']],
  ['rings', 1, ['ring', 'rings', '声', '响']],
  ['count', 1, ['count', 'counts', 'times', 'item', 'items', '个', '次', '位', '件', '人', '名']],
];

const UNITS = new Map<string, UnitDef>();
for (const [quantity, factor, names] of TABLE) for (const n of names) UNITS.set(n, { quantity, factor });

/** The unit as written, trimmed, lower-case and width-folded (全角 ％ → %), so "Hours" and "hours" are one unit. */
export function normalizeUnit(unit: string): string {
  return unit.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function knownUnit(unit: string): UnitDef | undefined {
  return UNITS.get(normalizeUnit(unit));
}

/**
 * `value` in `from` expressed in `to`; undefined when the two cannot be compared (different
 * quantities, or an unknown unit other than the same text).
 */
export function convert(value: number, from: string, to: string): number | undefined {
  const a = knownUnit(from);
  const b = knownUnit(to);
  if (a && b) return a.quantity === b.quantity ? (value * a.factor) / b.factor : undefined;
  if (!a && !b && normalizeUnit(from) === normalizeUnit(to)) return value;
  return undefined;
}

export interface Measurement {
  value: number;
  /** The unit written after the number; absent for a bare number. */
  unit?: string;
}

/**
 * Reads a measured value as a person writes it: "30", "30 h", "1.5 days", "1,200 个", "95%",
 * "３ 声", "-2 °C". Undefined when the text does not start with a number.
 */
export function parseMeasurement(text: string): Measurement | undefined {
  const t = text.normalize('NFKC').trim();
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(.*)$/s.exec(t);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const unit = m[2]!.trim();
  return unit ? { value, unit } : { value };
}

/** Whether `value` passes `comparator threshold`; inclusive comparators are inclusive. */
export function compare(value: number, comparator: string, threshold: number): boolean {
  // Conversions such as 1.5 days → hours can leave rounding noise; a relative epsilon keeps "=" and the bounds honest.
  const eps = 1e-9 * Math.max(1, Math.abs(value), Math.abs(threshold));
  switch (comparator) {
    case '<=':
      return value <= threshold + eps;
    case '<':
      return value < threshold - eps;
    case '>=':
      return value >= threshold - eps;
    case '>':
      return value > threshold + eps;
    case '=':
      return Math.abs(value - threshold) <= eps;
    default:
      return false;
  }
}

/** How a comparator is shown to people: "≤ 24 hours". */
export const COMPARATOR_SIGNS: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=' };
