/** Text helpers shared by the renderers: number formatting, folding, display width. */

/** Newlines (and the Unicode line/paragraph separators) become one space: labels and cells are one line. */
export function foldLines(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');
}

/** Every character `plainText` replaces, and the other half of any surrogate pair. */
const NOT_PLAIN = /[\r\n\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * What a renderer may show of user text: one line, control characters and lone surrogates replaced
 * by U+FFFD (they cannot be written as UTF-8 and parsers drop or reject them). The encoders'
 * contract is that a parser gives back exactly `plainText(input)`.
 */
export function plainText(s: string): string {
  // Most labels and cells hold none of these: one search instead of three replacements.
  if (!NOT_PLAIN.test(s)) return s;
  return foldLines(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** A score as people write it: integers plain, fractions to at most two decimals, a sign when asked. */
export function formatNumber(n: number, { sign = false } = {}): string {
  const r = Math.round(n * 100) / 100;
  const s = String(Object.is(r, -0) ? 0 : r);
  return sign && r > 0 ? `+${s}` : s;
}

/** Columns a character takes in a monospace or CJK-aware layout: East Asian wide and emoji count 2. */
function charWidth(cp: number): number {
  if (cp < 0x1100) return 1;
  if (
    (cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Cuts `s` to at most `max` columns, ending with "…" when cut (never inside a surrogate pair, no space before the "…"). */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}
