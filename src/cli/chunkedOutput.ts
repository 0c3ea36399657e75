import type { CliIo } from './io';

/**
 * Text written to standard output in chunks of about 1 MiB: large output is neither built as one
 * string nor queued without end behind a pipe that is read more slowly than written.
 */
export class ChunkedOutput {
  private chunk = '';

  constructor(private readonly out: CliIo['stdout']) {}

  async write(text: string): Promise<void> {
    this.chunk += text;
    if (this.chunk.length > 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    // A pipe read slower than written queues everything written: wait until it drains.
    const stream = this.out as { write(s: string): unknown; once?(event: 'drain', listener: () => void): unknown };
    const more = stream.write(this.chunk);
    this.chunk = '';
    if (more === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}
