import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { bytesOf, readCacheFile, replaceCacheFile, sha256, writeAll } from './cacheFile';

/**
 * A record that grows by appending: a base segment and the segments appended after it, each a
 * header line (format, settings key, body length and SHA-256, and the SHA-256 of the segment it
 * follows) and its body. A run after one edit appends what changed instead of rewriting the whole.
 *
 * A reader takes the base and then each segment that follows the one before it, and stops at the
 * first that does not (a concurrent run's append from the same state, or a torn write): what it
 * read is still a state some run ended with. A log whose base is missing, foreign or corrupt is
 * not read at all.
 */
export interface ReadLog {
  /** The bodies of the segments read, base first. */
  bodies: Buffer[];
  /** The SHA-256 of the last segment read: the one an append must follow. */
  tail: string;
  /** The file the segments were read from, and how long it was: an append goes only to the same. */
  identity: FileIdentity;
  /** Whether every byte of the file was a segment read (nothing ignored at its end). */
  whole: boolean;
}

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
}

/** A log larger than this is not read. */
const MAX_LOG_BYTES = 1 << 30;
/** A header line is a few hundred bytes; a longer first line is not one. */
const MAX_HEADER_BYTES = 1024;

export function readLog(dir: string, name: string, format: string, key: string): ReadLog | undefined {
  const file = readCacheFile(join(dir, name), MAX_LOG_BYTES);
  if (!file) return undefined;
  const { data, st } = file;
  const bodies: Buffer[] = [];
  let tail: string | null = null;
  let at = 0;
  while (at < data.length) {
    const segment = segmentAt(data, at, format, key);
    if (!segment || segment.after !== tail) break;
    bodies.push(segment.body);
    tail = segment.sha256;
    at = segment.end;
  }
  if (tail === null) return undefined;
  return { bodies, tail, identity: { dev: st.dev, ino: st.ino, size: data.length }, whole: at === data.length };
}

/** The segment starting at `at`, or undefined when it is not one of this format and key, or is cut or corrupt. */
function segmentAt(data: Buffer, at: number, format: string, key: string): { body: Buffer; sha256: string; after: string | null; end: number } | undefined {
  const nl = data.indexOf(10, at);
  if (nl < 0 || nl - at > MAX_HEADER_BYTES) return undefined;
  let header: {
    format?: unknown;
    key?: unknown;
    length?: unknown;
    sha256?: unknown;
    after?: unknown;
  };
  try {
    header = JSON.parse(data.subarray(at, nl).toString('utf8')) as typeof header;
  } catch {
    return undefined;
  }
  const { length, sha256: sum, after } = header ?? {};
  if (header?.format !== format || header.key !== key || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return undefined;
  if (typeof sum !== 'string' || (after !== null && typeof after !== 'string')) return undefined;
  const end = nl + 1 + length;
  if (end > data.length) return undefined;
  const body = data.subarray(nl + 1, end);
  if (sha256(body) !== sum) return undefined;
  return { body, sha256: sum, after, end };
}

/**
 * Writes a log of one segment under a temporary name and renames it into place: a reader sees the
 * old log or the new one. False when it could not be written (the old log stays).
 */
export function writeLog(dir: string, name: string, format: string, key: string, parts: readonly (string | Buffer)[]): boolean {
  return replaceCacheFile(dir, name, segment(format, key, null, parts));
}

/**
 * Appends a segment following `read.tail`, in one write, to the file `read` came from if it is
 * still as long as it was then. False when it is not (another run wrote meanwhile) or the write
 * failed; a run that appends from the same state at the same moment makes a segment that readers
 * pass over (it does not follow the other's).
 */
export function appendLog(dir: string, name: string, format: string, key: string, read: ReadLog, parts: readonly (string | Buffer)[]): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(join(dir, name), constants.O_WRONLY | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.dev !== read.identity.dev || st.ino !== read.identity.ino || st.size !== read.identity.size) return false;
    writeAll(fd, segment(format, key, read.tail, parts));
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function segment(format: string, key: string, after: string | null, parts: readonly (string | Buffer)[]): Buffer {
  const body = bytesOf(parts);
  const header = JSON.stringify({ format, key, length: body.length, sha256: sha256(body), after });
  return Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]);
}
