/**
 * A figure as people read it: at most two decimals, no trailing zeros, no "-0". The JSON output
 * keeps full precision; messages and tables round here.
 */
export function formatFigure(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
