import * as fs from 'node:fs';
import type { ReadResult } from '../core';

// Windows has no O_NONBLOCK; there a FIFO cannot be opened as a path anyway.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;
/** A read this much shorter than its buffer is copied into one of its own size. */
const SLACK = 1024;

/**
 * Hands out the space to read many small files into from larger buffers: one allocation for many
 * files, for a caller that keeps every file it reads (a file's bytes keep their whole buffer alive).
 */
export class ReadSlab {
  private buf = Buffer.alloc(0);
  private used = 0;
  constructor(private readonly size = 1 << 20) {}

  /** Space for `n` bytes: a part of the current buffer, or a buffer of its own for a large file. */
  space(n: number): Buffer {
    if (n > this.size / 8) return Buffer.allocUnsafeSlow(n);
    if (this.buf.length - this.used < n) {
      this.buf = Buffer.allocUnsafeSlow(this.size);
      this.used = 0;
    }
    return this.buf.subarray(this.used, this.used + n);
  }

  /** The first `n` bytes of a `space`, which are kept; the rest of it is handed out again. */
  keep(space: Buffer, n: number): Buffer {
    if (space.buffer === this.buf.buffer && space.byteOffset === this.buf.byteOffset + this.used) this.used += n;
    return space.subarray(0, n);
  }
}

/**
 * Reads a regular file, never more than `maxBytes` + 1 bytes. The open does not block (a FIFO
 * would wait for a writer) and the type and size come from the open descriptor, so a file swapped
 * for a FIFO or a device after it was found is still refused, and a size of 0 (/proc, devices)
 * cannot let an endless read through. With a slab, a file that fits is read into it.
 */
export function readRegularFile(path: string, maxBytes: number, slab?: ReadSlab): ReadResult {
  const fd = fs.openSync(path, OPEN_FLAGS);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { notFile: st.isDirectory() ? 'directory' : 'other' };
    if (st.size > maxBytes) return { tooLarge: st.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // The file may grow after fstat: read until end of file or one byte past the limit.
    // The first read asks for one byte more than fstat gives, so that a file that did not grow is
    // read into a buffer of its own size: a file's bytes are kept for the whole run, and a part of a
    // larger buffer would keep all of it. That read coming back short is the end of the file; a file
    // of size 0 (/proc) is read until a read gives nothing.
    let want = st.size > 0 ? st.size + 1 : CHUNK;
    while (total <= maxBytes) {
      const size = Math.min(want, maxBytes + 1 - total);
      const first = slab && chunks.length === 0;
      const buf = first ? slab.space(size) : Buffer.allocUnsafe(size);
      want = CHUNK;
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      if (first) chunks.push(slab.keep(buf, n));
      else chunks.push(n === buf.length ? buf : buf.length - n > SLACK ? Buffer.from(buf.subarray(0, n)) : buf.subarray(0, n));
      total += n;
      if (st.size > 0 && chunks.length === 1 && n < buf.length) break;
    }
    if (total > maxBytes) return { tooLarge: Math.max(total, st.size) };
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } finally {
    fs.closeSync(fd);
  }
}
