import { stringify } from 'yaml';

/**
 * A string written as one YAML scalar on one line, for edits that insert user text into a file:
 * plain when YAML reads it back as the same string in block and flow context alike, else
 * double-quoted by yaml's own stringifier ("123", "true", "a: b", line breaks escaped). Text is
 * never spliced into YAML unquoted.
 */
export function yamlScalar(text: string): string {
  const plain = stringify(text, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
  // A block scalar ("|-", ">") always spans lines: the line-break test catches it too.
  if (!/[\n\r,[\]{}]/.test(plain)) return plain;
  const quoted = stringify(text, { lineWidth: 0, minContentWidth: 0, defaultStringType: 'QUOTE_DOUBLE' }).replace(/\n$/, '');
  // JSON's escapes are a subset of YAML's double-quoted ones: a safe last resort should yaml ever fold.
  return /[\n\r]/.test(quoted) ? JSON.stringify(text) : quoted;
}
