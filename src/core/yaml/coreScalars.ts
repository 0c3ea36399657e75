/*
 * The plain scalars of YAML 1.2's core schema, with yaml's own tests and conversions, in its order:
 * null, boolean, integer, float, else text. Shared by the quick readers (fastLoad, simpleLoad).
 */

const OCT = /^0o[0-7]+$/;
const DEC = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

// Most plain scalars are text: the first character rules out the other types before any pattern runs.
const first = (s: string) => s.charCodeAt(0);
const mayBeNull = (s: string) => s.length === 0 || (s.length <= 4 && (first(s) === 0x7e || (first(s) | 0x20) === 0x6e));
const mayBeBool = (s: string) => (s.length === 4 || s.length === 5) && ((first(s) | 0x20) === 0x74 || (first(s) | 0x20) === 0x66);
const mayBeNumber = (s: string) => {
  const c = first(s);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
};

export const isCoreNull = (s: string): boolean => mayBeNull(s) && /^(?:~|[Nn]ull|NULL)?$/.test(s);
export const isCoreBool = (s: string): boolean => mayBeBool(s) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s);
export const coreBool = (s: string): boolean => s[0] === 't' || s[0] === 'T';
export const isCoreInt = (s: string): boolean => mayBeNumber(s) && (OCT.test(s) || DEC.test(s) || HEX.test(s));
export const coreInt = (s: string): number => (OCT.test(s) ? parseInt(s.substring(2), 8) : DEC.test(s) ? parseInt(s, 10) : parseInt(s.substring(2), 16));
export const isCoreFloat = (s: string): boolean => mayBeNumber(s) && (NAN_INF.test(s) || EXP.test(s) || FLOAT.test(s));
export const coreFloat = (s: string): number =>
  !NAN_INF.test(s) ? parseFloat(s) : s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;

/** What a plain scalar (neither quoted nor tagged) reads as. */
export function corePlain(s: string): unknown {
  const small = smallInteger(s);
  if (small !== undefined) return small;
  if (isCoreNull(s)) return null;
  if (isCoreBool(s)) return coreBool(s);
  if (isCoreInt(s)) return coreInt(s);
  if (isCoreFloat(s)) return coreFloat(s);
  return s;
}

/** Whether a plain scalar reads as text (a key that does is the same key for every parser). */
export function isCoreText(s: string): boolean {
  return !isCoreNull(s) && !isCoreBool(s) && !isCoreInt(s) && !isCoreFloat(s);
}

/**
 * A decimal integer of at most 15 digits, as `coreInt` reads it (every such number is exact, so
 * `Number` and `parseInt` agree), found without a pattern: most numbers in a journey are scores.
 */
function smallInteger(s: string): number | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b ? 1 : 0;
  if (i === n || n - i > 15) return undefined;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(s);
}
