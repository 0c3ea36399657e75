import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreModel, SCHEMAS, storeModel, type FileInput, type FileModel, type Finding, type ModelStore, type PeakendConfig, type StoreFile } from '../core';

/** The folder, at the workspace root, where `peakend check` keeps its work between runs. Safe to delete. */
export const CACHE_DIR = '.peakend-cache';
const FORMAT = 'peakend-cache/1';
/** A record larger than this is not read (a workspace of 10 MB keeps about 20 MB). */
const MAX_RECORD_BYTES = 1 << 30;

/**
 * A ModelStore in `<root>/.peakend-cache/`: one file of models and one of findings per workspace
 * settings, each a body and a trailer line (format, settings key, length and SHA-256 of the body). A record whose header, length or checksum does not match is ignored and replaced. Records
 * are written to a temporary file beside them and renamed, so a reader (a concurrent run) sees the
 * old record or the new one, never a mix. Names are hashes: nothing from the files' contents ever
 * becomes a path, and nothing is written anywhere but in the folder (never through a link).
 *
 * `engine` names the code that made the records (version and build): records of another are ignored.
 */
export function diskStore(config: PeakendConfig, engine: string): ModelStore {
  const dir = join(config.root, CACHE_DIR);
  const key = sha256(JSON.stringify([FORMAT, engine, config, SCHEMAS])).slice(0, 32);
  const modelsName = `${key}.models`;
  const runName = `${key}.run`;
  const hashes = new WeakMap<FileInput, string>();
  const hashOf = (input: FileInput): string => {
    let h = hashes.get(input);
    if (h === undefined) {
      h = 'bytes' in input ? sha256(input.bytes) : 'text' in input ? sha256('text\u0000' + input.text) : sha256(JSON.stringify(input));
      hashes.set(input, h);
    }
    return h;
  };
  let stored: Map<string, [string, string]> | undefined;
  const storedModels = () => (stored ??= modelLines(readRecord(dir, modelsName, key)));
  /** The models of this run's files, written back at the end: entries of files gone or changed drop out. */
  const current = new Map<string, [string, string]>();
  const signature = (files: readonly StoreFile[]) =>
    sha256(
      files
        .map((f) => `${f.file}\u0000${hashOf(f.input)}`)
        .sort()
        .join('\n'),
    );

  return {
    model(file: string, input: FileInput, text: string): FileModel | undefined {
      const entry = storedModels().get(file);
      if (!entry || entry[0] !== hashOf(input)) return undefined;
      try {
        const model = restoreModel(entry[1], file, text);
        current.set(file, entry);
        return model;
      } catch {
        return undefined;
      }
    },
    keep(file: string, input: FileInput, model: FileModel): void {
      current.set(file, [hashOf(input), storeModel(model)]);
    },
    findings(files: readonly StoreFile[]): Finding[] | undefined {
      const body = readRecord(dir, runName, key);
      let run: { signature?: unknown; findings?: unknown } | undefined;
      try {
        run = body === undefined ? undefined : (JSON.parse(body) as typeof run);
      } catch {
        run = undefined;
      }
      return run && run.signature === signature(files) && Array.isArray(run.findings) ? (run.findings as Finding[]) : undefined;
    },
    keepFindings(files: readonly StoreFile[], findings: readonly Finding[]): void {
      if (!ensureFolder(dir)) return;
      // One line per file (path, content hash, model), written line by line: never one string of them all.
      writeRecord(dir, modelsName, key, (function* () {
        for (const [file, [hash, json]] of current) yield `${JSON.stringify(file)}\t${hash}\t${json}\n`;
      })());
      writeRecord(dir, runName, key, [JSON.stringify({ signature: signature(files), findings }) + '\n']);
    },
  };
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A record is its body and a last line with the format, the settings key, and the body's length and
 * SHA-256. The body's text, or undefined when the record is missing, not a regular file, foreign,
 * truncated or corrupt.
 */
function readRecord(dir: string, name: string, key: string): string | undefined {
  let fd: number | undefined;
  try {
    // Never through a link, never blocking on a FIFO planted in its place.
    fd = openSync(join(dir, name), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_RECORD_BYTES) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const data = buf.subarray(0, read);
    // The body is whole lines; the trailer is the last line, without a line break.
    const nl = data.lastIndexOf(10);
    const body = data.subarray(0, nl + 1);
    const trailer = JSON.parse(data.subarray(nl + 1).toString('utf8')) as { format?: unknown; key?: unknown; length?: unknown; sha256?: unknown };
    if (trailer.format !== FORMAT || trailer.key !== key || trailer.length !== body.length || trailer.sha256 !== sha256(body)) return undefined;
    return body.toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The lines of a models record: path → [content hash, model JSON]. */
function modelLines(body: string | undefined): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  if (body === undefined) return out;
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end);
    start = end + 1;
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    if (a < 0 || b < 0) continue;
    try {
      out.set(JSON.parse(line.slice(0, a)) as string, [line.slice(a + 1, b), line.slice(b + 1)]);
    } catch {
      continue;
    }
  }
  return out;
}

/** Writes a record under a temporary name and renames it into place; a failure leaves the old record. */
function writeRecord(dir: string, name: string, key: string, parts: Iterable<string>): void {
  const tmp = join(dir, `.${name}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    const hash = createHash('sha256');
    let length = 0;
    for (const part of parts) {
      const bytes = Buffer.from(part, 'utf8');
      hash.update(bytes);
      length += bytes.length;
      writeAll(fd, bytes);
    }
    writeAll(fd, Buffer.from(JSON.stringify({ format: FORMAT, key, length, sha256: hash.digest('hex') }), 'utf8'));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, join(dir, name));
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
  }
}

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** The cache folder, made when missing (with a .gitignore so that git leaves it alone); false when it is a link or not a folder. */
function ensureFolder(dir: string): boolean {
  try {
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (st) return st.isDirectory() && !st.isSymbolicLink();
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitignore'), '# Made by peakend check: its results between runs. Safe to delete.\n*\n', { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

/** The running engine: its version and a hash of its own code, so that any rebuild makes fresh records. */
export function engineId(version: string): string {
  try {
    return `${version}:${sha256(readFileSync(fileURLToPath(import.meta.url)))}`;
  } catch {
    return `${version}:${randomBytes(8).toString('hex')}`;
  }
}
