import type { CliIo } from './io';

/**
 * Writes `JSON.stringify(object, null, 2) + '\n'` for an object whose values are arrays, element by
 * element, in chunks: thousands of audits never become one string of hundreds of megabytes.
 */
export function writeJsonOfArrays(out: CliIo['stdout'], object: Record<string, readonly unknown[]>): void {
  let chunk = '{';
  const flush = (force = false) => {
    if (force || chunk.length > 1 << 20) {
      out.write(chunk);
      chunk = '';
    }
  };
  const keys = Object.keys(object);
  keys.forEach((key, k) => {
    const list = object[key]!;
    chunk += `\n  ${JSON.stringify(key)}: [`;
    list.forEach((value, i) => {
      // An element two levels down: every line of its own JSON is indented by four more spaces.
      chunk += `\n    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}${i < list.length - 1 ? ',' : '\n  '}`;
      flush();
    });
    chunk += `]${k < keys.length - 1 ? ',' : '\n'}`;
  });
  chunk += '}\n';
  flush(true);
}
