/**
 * A figure as people read it: at most two decimals, no trailing zeros, no "-0". The JSON output
 * keeps full precision; messages and tables round here.
 */
export function formatFigure(n: number): string {
  // String(-0) is "0": a value that rounds to minus zero needs no case of its own.
  return String(Math.round(n * 100) / 100);
}
