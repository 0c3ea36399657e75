import type { CliIo } from './io';

/**
 * Writes `JSON.stringify(object, null, 2) + '\n'` for an object whose values are arrays, element by
 * element, in chunks: thousands of audits never become one string of hundreds of megabytes.
 */
export async function writeJsonOfArrays(out: CliIo['stdout'], object: Record<string, readonly unknown[]>): Promise<void> {
  let chunk = '{';
  // A pipe read slower than written queues everything written: wait until it drains.
  const stream = out as { write(s: string): unknown; once?(event: 'drain', listener: () => void): unknown };
  const flush = async (force = false) => {
    if (force || chunk.length > 1 << 20) {
      const more = stream.write(chunk);
      chunk = '';
      if (more === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
    }
  };
  const keys = Object.keys(object);
  for (const [k, key] of keys.entries()) {
    const list = object[key]!;
    chunk += `\n  ${JSON.stringify(key)}: [`;
    for (const [i, value] of list.entries()) {
      // An element two levels down: every line of its own JSON is indented by four more spaces.
      chunk += `\n    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}${i < list.length - 1 ? ',' : '\n  '}`;
      await flush();
    }
    chunk += `]${k < keys.length - 1 ? ',' : '\n'}`;
  }
  chunk += '}\n';
  await flush(true);
}
