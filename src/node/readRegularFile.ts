import * as fs from 'node:fs';
import type { ReadResult } from '../core';

// Windows has no O_NONBLOCK; there a FIFO cannot be opened as a path anyway.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;
/** A read this much shorter than its buffer is copied into one of its own size. */
const SLACK = 1024;

/**
 * Reads a regular file, never more than `maxBytes` + 1 bytes. The open does not block (a FIFO
 * would wait for a writer) and the type and size come from the open descriptor, so a file swapped
 * for a FIFO or a device after it was found is still refused, and a size of 0 (/proc, devices)
 * cannot let an endless read through.
 */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
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
    // larger buffer would keep all of it.
    let want = st.size > 0 ? st.size + 1 : CHUNK;
    while (total <= maxBytes) {
      const buf = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      want = CHUNK;
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.length - n > SLACK ? Buffer.from(buf.subarray(0, n)) : buf.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) return { tooLarge: Math.max(total, st.size) };
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } finally {
    fs.closeSync(fd);
  }
}
