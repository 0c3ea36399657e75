import type { CliIo } from './io';

const DONE = Promise.resolve();

/**
 * Text written to standard output in chunks of about 1 MiB: large output is neither built as one
 * string nor queued without end behind a pipe that is read more slowly than written.
 */
export class ChunkedOutput {
  private chunk = '';

  constructor(private readonly out: CliIo['stdout']) {}

  // Not async: a write that passes the limit starts writing before it returns, as a plain
  // stream.write would, so that a drain that follows at once is not missed.
  write(text: string): Promise<void> {
    this.chunk += text;
    return this.chunk.length > 1 << 20 ? this.flush() : DONE;
  }

  /** Writes what is held, `text` last. */
  close(text = ''): Promise<void> {
    this.chunk += text;
    return this.flush();
  }

  private async flush(): Promise<void> {
    // A pipe read slower than written queues everything written: wait until it drains.
    const stream = this.out as { write(s: string): unknown; once?(event: 'drain', listener: () => void): unknown };
    const more = stream.write(this.chunk);
    this.chunk = '';
    if (more === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}
