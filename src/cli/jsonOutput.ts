import { ChunkedOutput } from './chunkedOutput';
import type { CliIo } from './io';

/**
 * Writes `JSON.stringify(object, null, 2) + '\n'` for an object whose values are arrays, element by
 * element, in chunks: thousands of audits never become one string of hundreds of megabytes.
 */
export async function writeJsonOfArrays(out: CliIo['stdout'], object: Record<string, readonly unknown[]>): Promise<void> {
  const json = new JsonArraysWriter(out);
  for (const [key, list] of Object.entries(object)) {
    await json.begin(key);
    for (const value of list) await json.add(value);
  }
  await json.close();
}

const NESTED_OPEN = '[\n  [\n    ';
const NESTED_CLOSE = '\n  ]\n]';

/**
 * The same text as `writeJsonOfArrays`, written as the elements arrive: a command can write each
 * element as soon as it has it and keep none of them.
 */
export class JsonArraysWriter {
  private readonly output: ChunkedOutput;
  private keys = 0;
  private count = 0;

  constructor(out: CliIo['stdout']) {
    this.output = new ChunkedOutput(out);
  }

  /** Starts the next key's array. */
  begin(key: string): Promise<void> {
    return this.output.write(`${this.endArray()}${this.keys++ ? ',' : '{'}\n  ${JSON.stringify(key)}: [`);
  }

  /** An element two levels down: every line of its own JSON is indented by four more spaces. */
  add(value: unknown): Promise<void> {
    // Written as the only element of an array in an array, then cut out: already indented, no second pass.
    const nested = JSON.stringify([[value]], null, 2);
    return this.output.write(`${this.count++ ? ',' : ''}\n    ${nested.slice(NESTED_OPEN.length, -NESTED_CLOSE.length)}`);
  }

  close(): Promise<void> {
    return this.output.close(this.keys ? `${this.endArray()}\n}\n` : '{}\n');
  }

  /** What closes the array begun last (nothing before the first). */
  private endArray(): string {
    const end = this.keys ? (this.count ? '\n  ]' : ']') : '';
    this.count = 0;
    return end;
  }
}
