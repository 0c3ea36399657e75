/**
 * Every piece of user text that goes into Mermaid passes through here. Checked against the real
 * parsers of Mermaid 10.9, 11.17 and 12.3 (test/render/mermaid-encode.test.ts).
 */
import { plainText } from './text';

/**
 * The inside of a double-quoted Mermaid string (xychart titles, categories, series names, point
 * labels; quadrantChart titles, axis and point labels). Mermaid turns `#NN;` into `&#NN;` in the
 * SVG, so characters that end a string, start a comment (`%%`), split a list or a statement (`,`
 * `;` `:`), or would be markup (`<` `>` `&` and the backtick that starts a Markdown string) are
 * written that way. `#` itself too, so that text that looks like an entity stays text; `¶` and `ﬂ`
 * because Mermaid's own placeholders for entities are built from them. CJK and emoji stay raw:
 * Mermaid measures label widths on this text.
 */
export function mermaidString(s: string): string {
  return `"${encode(s)}"`;
}

/**
 * Text that runs to the end of the line, unquoted (quadrantChart's `title`, which would show quotes
 * as written). Same encoding as {@link mermaidString}.
 */
export function mermaidLine(s: string): string {
  return encode(s);
}

/** Anything `encode` writes as an entity: a sign, or white space at either end. */
const MERMAID_SPECIAL = /[#"<>&%;:,`\\¶\ufb02]|^\s|\s$/;

function encode(s: string): string {
  const plain = plainText(s);
  // Most labels need no entity: one search instead of two replacements.
  if (!MERMAID_SPECIAL.test(plain)) return plain;
  const entity = (c: string) => `#${c.codePointAt(0)};`;
  return (
    plain
      .replace(/[#"<>&%;:,`\\¶\ufb02]/g, entity)
      // Mermaid trims titles: spaces at either end are kept as entities.
      .replace(/^\s+|\s+$/gu, (ws) => [...ws].map(entity).join(''))
  );
}

/** A number in Mermaid's data syntax: plain decimal, no exponent, no "-0". */
export function mermaidNumber(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * A quadrantChart coordinate: the lexer takes only `1`, `0` or `0.` followed by digits, so values
 * are clamped into 0–1 and written that way.
 */
export function quadrantCoordinate(v: number): string {
  const r = Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
  return r >= 1 ? '1' : r <= 0 ? '0' : String(r).replace(/^0?\./, '0.');
}

/** Line colours in series order, distinct and readable on white and in print; the last is for neutral. */
export const SERIES_COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be185d', '#4d7c0f'];
export const NEUTRAL_COLOUR = '#9ca3af';

/**
 * The `%%{init}%%` directive. JSON, with no `;` and no `#NN;` sequences (Mermaid would rewrite
 * them as entities), so only plain values (colours, numbers, booleans) go in.
 */
export function initDirective(config: Record<string, unknown>): string {
  const json = JSON.stringify(config);
  if (/[;\n]/.test(json)) throw new Error('Mermaid init directive must not contain ";" or newlines');
  return `%%{init: ${json}}%%`;
}
