import type { Scale } from './types';

export type ScaleProblem =
  | { messageId: 'scale.minNotBelowMax'; args: { min: number; max: number } }
  | { messageId: 'scale.neutralOutside'; args: { neutral: number; min: number; max: number } };

/**
 * The one reader of a `scale` mapping (a journey's or peakend.yaml's), from its plain data. A usable
 * scale has finite `min` < `max` and its neutral point between them (default: halfway). Missing or
 * non-numeric bounds give no scale and no problem (the schema reports them); an invalid scale gives
 * its problem and no scale, so that the caller falls back to the default, as docs/rules/invalid-scale.md says.
 */
export function readScale(raw: unknown): { scale?: Scale; problem?: ScaleProblem } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const { min, max, neutral } = raw as Record<string, unknown>;
  if (!isFiniteNumber(min) || !isFiniteNumber(max)) return {};
  if (min >= max) return { problem: { messageId: 'scale.minNotBelowMax', args: { min, max } } };
  const n = isFiniteNumber(neutral) ? neutral : (min + max) / 2;
  if (n < min || n > max) return { problem: { messageId: 'scale.neutralOutside', args: { neutral: n, min, max } } };
  return { scale: { min, max, neutral: n } };
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
