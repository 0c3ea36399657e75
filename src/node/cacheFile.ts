import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** The files of `.peakend-cache/` as bytes: read and replaced safely, whatever was put in their place. */

/**
 * A file's bytes and what fstat said of it; undefined when it is missing, not a regular file or
 * larger than `maxBytes`. Never through a link, never blocking on a FIFO planted in its place.
 */
export function readCacheFile(path: string, maxBytes: number): { data: Buffer; st: Stats } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { data: buf.subarray(0, read), st };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a file under a temporary name beside it and renames it into place, so that a reader (a
 * concurrent run) sees the old file or the new one, never a mix. False when it could not be
 * written; the old file stays.
 */
export function replaceCacheFile(dir: string, name: string, data: Buffer): boolean {
  const tmp = join(dir, `.${name}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    writeAll(fd, data);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, join(dir, name));
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    return false;
  }
}

export function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** Text and bytes as one buffer, the text as UTF-8. */
export function bytesOf(parts: Iterable<string | Buffer>): Buffer {
  return Buffer.concat([...parts].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
