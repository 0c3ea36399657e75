import type { CliIo } from './io';

/**
 * Writes `JSON.stringify(object, null, 2) + '\n'` for an object whose values are arrays, element by
 * element, in chunks: thousands of audits never become one string of hundreds of megabytes.
 */
export async function writeJsonOfArrays(out: CliIo['stdout'], object: Record<string, readonly unknown[]>): Promise<void> {
  const json = new JsonArraysWriter(out);
  for (const [key, list] of Object.entries(object)) {
    json.begin(key);
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
  private chunk = '{';
  private keys = 0;
  private count = 0;

  constructor(private readonly out: CliIo['stdout']) {}

  /** Starts the next key's array. */
  begin(key: string): void {
    this.endArray();
    this.chunk += `${this.keys++ ? ',' : ''}\n  ${JSON.stringify(key)}: [`;
    this.count = 0;
  }

  /** An element two levels down: every line of its own JSON is indented by four more spaces. */
  async add(value: unknown): Promise<void> {
    // Written as the only element of an array in an array, then cut out: already indented, no second pass.
    const nested = JSON.stringify([[value]], null, 2);
    this.chunk += `${this.count++ ? ',' : ''}\n    ${nested.slice(NESTED_OPEN.length, -NESTED_CLOSE.length)}`;
    await this.flush();
  }

  async close(): Promise<void> {
    this.endArray();
    this.chunk += this.keys ? '\n}\n' : '}\n';
    await this.flush(true);
  }

  private endArray(): void {
    if (this.keys) this.chunk += this.count ? '\n  ]' : ']';
    this.count = 0;
  }

  private async flush(force = false): Promise<void> {
    if (!force && this.chunk.length <= 1 << 20) return;
    // A pipe read slower than written queues everything written: wait until it drains.
    const stream = this.out as { write(s: string): unknown; once?(event: 'drain', listener: () => void): unknown };
    const more = stream.write(this.chunk);
    this.chunk = '';
    if (more === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}
