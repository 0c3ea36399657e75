import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreIndexModel, restoreModel, SCHEMAS, storeIndexModel, storeModel, type CrossFileResult, type FileInput, type FileModel, type FileState, type Finding, type LastRun, type ModelStore, type PeakendConfig, type StoreFile } from '../core';

/** The folder, at the workspace root, where `peakend check` keeps its work between runs. Safe to delete. */
export const CACHE_DIR = '.peakend-cache';
const FORMAT = 'peakend-cache/3';
/** A record larger than this is not read (a file's model is a few times its size at most). */
const MAX_RECORD_BYTES = 1 << 30;

/**
 * A ModelStore in `<root>/.peakend-cache/`, per workspace settings: one record per file model, named
 * by the settings key, the file's path and its content hash (so that a run after one edit reads the
 * models it needs one by one and writes only the edited file's), and one record of the last run's
 * findings. Each record is a body and a trailer line (format, settings key, length and SHA-256 of
 * the body); a model's body starts with the path and content hash it was made from. A record whose
 * trailer, length, checksum or header does not match is ignored and replaced. Records are written to
 * a temporary file beside them and renamed, so a reader (a concurrent run) sees the old record or
 * the new one, never a mix. Names are hashes: nothing from the files' contents ever becomes a path,
 * and nothing is written anywhere but in the folder (never through a link).
 *
 * `engine` names the code that made the records (version and build): records of another are ignored.
 */
export function diskStore(config: PeakendConfig, engine: string): ModelStore {
  const dir = join(config.root, CACHE_DIR);
  const key = sha256(JSON.stringify([FORMAT, engine, config, SCHEMAS])).slice(0, 32);
  const runName = `${key}.run`;
  const stateName = `${key}.state`;
  /** The lines of each cut-down model read from the last run's state, written back as they are when unchanged. */
  const kept = new WeakMap<FileModel, { head: Buffer; apart: Buffer; scopes: string[] | null }>();
  const hashes = new WeakMap<FileInput, string>();
  const hashOf = (input: FileInput): string => {
    let h = hashes.get(input);
    if (h === undefined) {
      h = 'bytes' in input ? sha256(input.bytes) : 'text' in input ? sha256('text\u0000' + input.text) : sha256(JSON.stringify(input));
      hashes.set(input, h);
    }
    return h;
  };
  const modelName = (file: string, hash: string) => `${key}-${sha256(`${file}\u0000${hash}`).slice(0, 32)}${MODEL_SUFFIX}`;
  const header = (file: string, hash: string) => `${JSON.stringify([file, hash])}\n`;
  let folder: boolean | undefined;
  const writable = () => (folder ??= ensureFolder(dir));
  const signature = (files: readonly StoreFile[]) =>
    sha256(
      files
        .map((f) => `${f.file}\u0000${hashOf(f.input)}`)
        .sort()
        .join('\n'),
    );

  return {
    model(file: string, input: FileInput, text: string): FileModel | undefined {
      const hash = hashOf(input);
      const body = readRecord(dir, modelName(file, hash), key);
      const head = header(file, hash);
      if (body === undefined || !body.startsWith(head)) return undefined;
      try {
        return restoreModel(body.slice(head.length), file, text);
      } catch {
        return undefined;
      }
    },
    keep(file: string, input: FileInput, model: FileModel): void {
      // Written now: a run holds no model's text longer than it takes to write it.
      if (!writable()) return;
      const hash = hashOf(input);
      writeRecord(dir, modelName(file, hash), key, [header(file, hash), storeModel(model), '\n']);
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
    lastRun(files: readonly StoreFile[]): LastRun | undefined {
      const body = readRecordBytes(dir, stateName, key);
      if (body === undefined) return undefined;
      const now = new Map(files.map((f) => [f.file, f.input]));
      const last: LastRun = { files: new Map(), unchanged: new Set() };
      try {
        // Four lines per file: [path, content hash, scopes of a journey kept apart], [the workspace
        // rules' findings, the keys they read], the cut-down model, the journey kept apart (or nothing).
        // Only the journeys are left as bytes until the index asks for them.
        const lines: Buffer[] = [];
        for (let at = 0; at < body.length; ) {
          const nl = body.indexOf(10, at);
          if (nl < 0) return undefined;
          lines.push(body.subarray(at, nl));
          at = nl + 1;
        }
        if (lines.length % 4 !== 0) return undefined;
        for (let i = 0; i < lines.length; i += 4) {
          const [file, hash, scopes] = JSON.parse(lines[i]!.toString('utf8')) as [unknown, unknown, unknown];
          const [findings, reads] = JSON.parse(lines[i + 1]!.toString('utf8')) as [unknown, unknown];
          if (typeof file !== 'string' || typeof hash !== 'string' || last.files.has(file)) return undefined;
          if (!Array.isArray(findings) || !Array.isArray(reads) || !reads.every((k) => typeof k === 'string')) return undefined;
          if (scopes !== null && !(Array.isArray(scopes) && scopes.every((x) => typeof x === 'string'))) return undefined;
          const head = lines[i + 2]!;
          const apart = lines[i + 3]!;
          if ((scopes === null) !== (apart.length === 0)) return undefined;
          const model = restoreIndexModel(file, head.toString('utf8'), scopes === null ? undefined : () => apart.toString('utf8'), scopes ?? undefined);
          kept.set(model, { head, apart, scopes: scopes as string[] | null });
          last.files.set(file, { model, cross: { findings: findings as Finding[], reads: reads as string[] } satisfies CrossFileResult });
          const input = now.get(file);
          if (input !== undefined && hashOf(input) === hash) last.unchanged.add(file);
        }
      } catch {
        return undefined;
      }
      return last;
    },
    keepRun(files: readonly StoreFile[], state: ReadonlyMap<string, FileState>): void {
      if (!writable()) return;
      const inputs = new Map(files.map((f) => [f.file, f.input]));
      const parts: (string | Buffer)[] = [];
      for (const [file, { model, cross }] of state) {
        const input = inputs.get(file);
        if (input === undefined) return;
        // A cut-down model read from the last state and never made whole is written back as read.
        const before = kept.get(model);
        const stored = before ? undefined : storeIndexModel(model);
        const scopes = before ? before.scopes : (stored!.scopes ?? null);
        parts.push(JSON.stringify([file, hashOf(input), scopes]), '\n', JSON.stringify([cross.findings, cross.reads]), '\n');
        if (before) parts.push(before.head, '\n', before.apart, '\n');
        else parts.push(stored!.head, '\n', stored!.journey ?? '', '\n');
      }
      writeRecord(dir, stateName, key, parts);
    },
    keepFindings(files: readonly StoreFile[], findings: readonly Finding[]): void {
      if (!writable()) return;
      writeRecord(dir, runName, key, [JSON.stringify({ signature: signature(files), findings }) + '\n']);
      prune(dir, `${key}-`, new Set(files.map((f) => modelName(f.file, hashOf(f.input)))));
    },
  };
}

const MODEL_SUFFIX = '.model';

/**
 * Removes the model records of these settings that no file of this run has (files gone or edited).
 * A concurrent run over other contents may lose a record it just wrote: it is made again next time.
 */
function prune(dir: string, prefix: string, live: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(MODEL_SUFFIX) || live.has(name)) continue;
    try {
      // unlink removes a link itself, never what it points at; a folder in a record's place stays.
      unlinkSync(join(dir, name));
    } catch {
      continue;
    }
  }
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
  return readRecordBytes(dir, name, key)?.toString('utf8');
}

/** `readRecord`'s body as bytes. */
function readRecordBytes(dir: string, name: string, key: string): Buffer | undefined {
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
    return body;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a record under a temporary name and renames it into place; a failure leaves the old record. */
function writeRecord(dir: string, name: string, key: string, parts: Iterable<string | Buffer>): void {
  const tmp = join(dir, `.${name}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    // One write: a record is a few megabytes at most, made of thousands of lines.
    const body = Buffer.concat([...parts].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
    writeAll(fd, body);
    writeAll(fd, Buffer.from(JSON.stringify({ format: FORMAT, key, length: body.length, sha256: sha256(body) }), 'utf8'));
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
