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
 * settings, each a header line (format, settings key, length and SHA-256 of the body) and a JSON
 * body. A record whose header, length or checksum does not match is ignored and replaced. Records
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
  let stored: Record<string, [string, string]> | undefined;
  const storedModels = () => (stored ??= (readRecord(dir, modelsName, key) as Record<string, [string, string]> | undefined) ?? {});
  /** The models of this run's files, written back at the end: entries of files gone or changed drop out. */
  const current: Record<string, [string, string]> = {};
  const signature = (files: readonly StoreFile[]) =>
    sha256(
      files
        .map((f) => `${f.file}\u0000${hashOf(f.input)}`)
        .sort()
        .join('\n'),
    );

  return {
    model(file: string, input: FileInput, text: string): FileModel | undefined {
      const entry = storedModels()[file];
      if (!Array.isArray(entry) || entry[0] !== hashOf(input) || typeof entry[1] !== 'string') return undefined;
      try {
        const model = restoreModel(entry[1], file, text);
        current[file] = entry;
        return model;
      } catch {
        return undefined;
      }
    },
    keep(file: string, input: FileInput, model: FileModel): void {
      current[file] = [hashOf(input), storeModel(model)];
    },
    findings(files: readonly StoreFile[]): Finding[] | undefined {
      const run = readRecord(dir, runName, key) as { signature?: unknown; findings?: unknown } | undefined;
      return run && run.signature === signature(files) && Array.isArray(run.findings) ? (run.findings as Finding[]) : undefined;
    },
    keepFindings(files: readonly StoreFile[], findings: readonly Finding[]): void {
      if (!ensureFolder(dir)) return;
      writeRecord(dir, modelsName, key, current);
      writeRecord(dir, runName, key, { signature: signature(files), findings });
    },
  };
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The record's body, or undefined when it is missing, not a regular file, foreign, truncated or corrupt. */
function readRecord(dir: string, name: string, key: string): unknown {
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
    const nl = data.indexOf(10);
    if (nl < 0) return undefined;
    const header = JSON.parse(data.subarray(0, nl).toString('utf8')) as { format?: unknown; key?: unknown; length?: unknown; sha256?: unknown };
    const body = data.subarray(nl + 1);
    if (header.format !== FORMAT || header.key !== key || header.length !== body.length || header.sha256 !== sha256(body)) return undefined;
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a record under a temporary name and renames it into place; a failure leaves the old record. */
function writeRecord(dir: string, name: string, key: string, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  const header = Buffer.from(JSON.stringify({ format: FORMAT, key, length: bytes.length, sha256: sha256(bytes) }) + '\n', 'utf8');
  const tmp = join(dir, `.${name}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    writeAll(fd, header);
    writeAll(fd, bytes);
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
