import { stringify, type ToStringOptions } from 'yaml';

/**
 * A string written as one YAML scalar on one line, for edits that insert user text into a file:
 * plain when YAML reads it back as the same string in block and flow context alike, else
 * double-quoted by yaml's own stringifier ("123", "true", "a: b", line breaks escaped). Text is
 * never spliced into YAML unquoted.
 */
export function yamlScalar(text: string): string {
  // lineWidth 0: yaml never folds a line, so only a block scalar ("|-", ">") takes more than one.
  const written = (options: ToStringOptions) => stringify(text, { lineWidth: 0, ...options }).slice(0, -1);
  const plain = written({});
  return /[\n\r,[\]{}]/.test(plain) ? written({ defaultStringType: 'QUOTE_DOUBLE' }) : plain;
}
