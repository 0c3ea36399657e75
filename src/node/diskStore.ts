import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreIndexModel, restoreModel, SCHEMAS, storeIndexModel, storeModel, type CrossFileResult, type FileInput, type FileModel, type FileState, type Finding, type LastRun, type ModelStore, type PeakendConfig, type StoreFile } from '../core';
import { bytesOf, readCacheFile, replaceCacheFile, sha256 } from './cacheFile';
import { readRegularFile } from './readRegularFile';
import { appendLog, readLog, writeLog, type ReadLog } from './stateLog';
import { decodeStats, encodeStats, statEntry, unchangedSince, type StatEntry } from './statTable';

/** The folder, at the workspace root, where `peakend check` keeps its work between runs. Safe to delete. */
export const CACHE_DIR = '.peakend-cache';
const FORMAT = 'peakend-cache/4';
/** A record larger than this is not read (a file's model is a few times its size at most). */
const MAX_RECORD_BYTES = 1 << 30;

/**
 * A ModelStore in `<root>/.peakend-cache/`, per workspace settings: one record per file model, named
 * by the settings key, the file's path and its content hash (so that a run after one edit reads the
 * models it needs one by one and writes only the edited file's), one record of the last run's
 * findings, and the state the last run ended in. A record is a body and a trailer line (format,
 * settings key, length and SHA-256 of the body); a model's body starts with the path and content
 * hash it was made from. A record whose trailer, length, checksum or header does not match is
 * ignored and replaced. Records are written to a temporary file beside them and renamed, so a
 * reader (a concurrent run) sees the old record or the new one, never a mix. The state is a log of
 * checksummed segments instead (stateLog.ts): a run after an edit appends the lines of the files
 * that changed, and rewrites the log once it has grown to twice what it holds. Names are hashes:
 * nothing from the files' contents ever becomes a path, and nothing is written anywhere but in the
 * folder (never through a link).
 *
 * `engine` names the code that made the records (version and build): records of another are ignored.
 */
export function diskStore(config: PeakendConfig, engine: string): ModelStore {
  const dir = join(config.root, CACHE_DIR);
  const key = sha256(JSON.stringify([FORMAT, engine, config, SCHEMAS])).slice(0, 32);
  const runName = `${key}.run`;
  const statName = `${key}.stat`;
  const stateName = `${key}.state`;
  /** The lines of each cut-down model read from the last run's state, written back as they are when unchanged. */
  const kept = new WeakMap<FileModel, KeptLines>();
  /** The state read by `lastRun`: the log, each file's content hash in it, and the bytes of the lines still live. */
  let loaded: { log: ReadLog; hashes: Map<string, string>; liveBytes: number } | undefined;
  const hashes = new WeakMap<FileInput, string>();
  const hashOf = (input: FileInput): string => {
    let h = hashes.get(input);
    if (h === undefined) {
      h = 'bytes' in input ? sha256(input.bytes) : 'text' in input ? sha256('text\u0000' + input.text) : sha256(JSON.stringify(input));
      hashes.set(input, h);
    }
    return h;
  };
  /** The files' stat as the last run saw them (read when first asked), and as this run saw them. */
  let lastStats: Map<string, StatEntry> | undefined;
  const stats = new Map<string, { st: Stats; seenAt: number; carried?: StatEntry }>();
  /**
   * Set when a file taken as unchanged turns out to have other bytes when read (changed during the
   * run): nothing of this run is kept, so nothing is kept under a content hash it was not made from.
   */
  let spoiled = false;
  /** Writes the table of the files this run stat'ed before reading them as bytes, unless it is the one read. */
  const keepStats = (files: readonly StoreFile[]) => {
    if (spoiled) return;
    const table = new Map<string, StatEntry>();
    let same = lastStats !== undefined;
    for (const { file, input } of files) {
      const seen = stats.get(file);
      if (!seen || !('bytes' in input)) continue;
      const entry = seen.carried ?? statEntry(seen.st, hashOf(input), seen.seenAt);
      if (entry !== lastStats?.get(file)) same = false;
      table.set(file, entry);
    }
    if ((same && table.size === lastStats!.size) || (table.size === 0 && !lastStats?.size)) return;
    writeRecord(dir, statName, key, [encodeStats(table)]);
    // What is on disk now: asked again in this run (the findings are asked for twice), nothing to write.
    lastStats = table;
    for (const [file, entry] of table) stats.get(file)!.carried = entry;
  };
  const modelName = (file: string, hash: string) => `${key}-${sha256(`${file}\u0000${hash}`).slice(0, 32)}${MODEL_SUFFIX}`;
  const header = (file: string, hash: string) => `${JSON.stringify([file, hash])}\n`;
  let folder: boolean | undefined;
  const writable = () => (folder ??= ensureFolder(dir));
  const liveModels = (files: readonly StoreFile[]) => new Set(files.map((f) => modelName(f.file, hashOf(f.input))));
  const signature = (files: readonly StoreFile[]) =>
    sha256(
      files
        .map((f) => `${f.file}\u0000${hashOf(f.input)}`)
        .sort()
        .join('\n'),
    );

  return {
    input(file: string): FileInput | undefined {
      let st: Stats | undefined;
      try {
        st = statSync(file, { throwIfNoEntry: false });
      } catch {
        return undefined;
      }
      if (!st?.isFile() || st.size > config.maxFileBytes) return undefined;
      const seen: { st: Stats; seenAt: number; carried?: StatEntry } = { st, seenAt: Date.now() };
      stats.set(file, seen);
      lastStats ??= decodeStats(readRecord(dir, statName, key) ?? '') ?? new Map();
      const entry = lastStats.get(file);
      if (!entry || !unchangedSince(entry, st)) return undefined;
      seen.carried = entry;
      let bytes: Uint8Array | undefined;
      const input = {
        // Read when asked for; bytes other than the ones the hash was taken of spoil the run's keeping.
        get bytes(): Uint8Array {
          if (bytes === undefined) {
            const read = readRegularFile(file, config.maxFileBytes);
            bytes = 'bytes' in read ? read.bytes : new Uint8Array(0);
            if (!('bytes' in read) || sha256(bytes) !== entry.hash) {
              spoiled = true;
              // The table misled this run: the next one reads every file.
              removeRecord(dir, statName, new Set());
            }
          }
          return bytes;
        },
      };
      hashes.set(input, entry.hash);
      return input;
    },
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
      if (spoiled || !writable()) return;
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
      if (!run || run.signature !== signature(files) || !Array.isArray(run.findings)) return undefined;
      // Files read again only because they had changed shortly before the last run: now they are known.
      if (writable()) keepStats(files);
      return run.findings as Finding[];
    },
    lastRun(files: readonly StoreFile[]): LastRun | undefined {
      const log = readLog(dir, stateName, FORMAT, key);
      if (log === undefined) return undefined;
      const now = new Map(files.map((f) => [f.file, f.input]));
      const last: LastRun = { files: new Map(), unchanged: new Set() };
      const groups = new Map<string, StateGroup>();
      let bytes = 0;
      try {
        // Four lines per file: [path, content hash, scopes of a journey kept apart], [the workspace
        // rules' findings, the keys they read], the cut-down model, the journey kept apart (or nothing).
        // A file gone is [path, null, null] and three empty lines. A later segment's lines for a file
        // replace the earlier ones. Only the journeys are left as bytes until the index asks for them.
        for (const body of log.bodies) {
          const lines = linesOf(body);
          if (lines === undefined || lines.length % 4 !== 0) return undefined;
          const seen = new Set<string>();
          for (let i = 0; i < lines.length; i += 4) {
            const [file, hash, scopes] = JSON.parse(lines[i]!.toString('utf8')) as [unknown, unknown, unknown];
            if (typeof file !== 'string' || seen.has(file)) return undefined;
            seen.add(file);
            bytes -= groups.get(file)?.bytes ?? 0;
            if (hash === null) {
              groups.delete(file);
              continue;
            }
            if (typeof hash !== 'string') return undefined;
            if (scopes !== null && !(Array.isArray(scopes) && scopes.every((x) => typeof x === 'string'))) return undefined;
            const group: StateGroup = { hash, scopes: scopes as string[] | null, lines: [lines[i]!, lines[i + 1]!, lines[i + 2]!, lines[i + 3]!], bytes: 0 };
            group.bytes = group.lines.reduce((n, l) => n + l.length + 1, 0);
            bytes += group.bytes;
            groups.set(file, group);
          }
        }
        for (const [file, { hash, scopes, lines }] of groups) {
          const [, line1, head, apart] = lines;
          if ((scopes === null) !== (apart.length === 0)) return undefined;
          const cross = crossResult(line1);
          const model = restoreIndexModel(file, head.toString('utf8'), scopes === null ? undefined : () => apart.toString('utf8'), scopes ?? undefined);
          kept.set(model, { hash, scopes, lines, cross });
          last.files.set(file, { model, cross });
          const input = now.get(file);
          if (input !== undefined && hashOf(input) === hash) last.unchanged.add(file);
        }
      } catch {
        return undefined;
      }
      loaded = { log, hashes: new Map([...groups].map(([file, g]) => [file, g.hash])), liveBytes: bytes };
      return last;
    },
    keepRun(files: readonly StoreFile[], state: ReadonlyMap<string, FileState>): void {
      if (spoiled || !writable()) return;
      const inputs = new Map(files.map((f) => [f.file, f.input]));
      const all: (string | Buffer)[] = [];
      const changed: (string | Buffer)[] = [];
      let changedBytes = 0;
      for (const [file, { model, cross }] of state) {
        const input = inputs.get(file);
        if (input === undefined) return;
        const hash = hashOf(input);
        // A cut-down model read from the last state and never made whole is written back as read; its
        // lines go into an appended segment only when they changed.
        const before = kept.get(model);
        const same = before?.hash === hash ? before : undefined;
        if (same && same.cross === cross) {
          for (const line of same.lines) all.push(line, '\n');
          continue;
        }
        const stored = same ? undefined : storeIndexModel(model);
        const group = [
          JSON.stringify([file, hash, same ? same.scopes : (stored!.scopes ?? null)]),
          '\n',
          JSON.stringify([cross.findings, cross.reads]),
          '\n',
          same ? same.lines[2] : stored!.head,
          '\n',
          same ? same.lines[3] : (stored!.journey ?? ''),
          '\n',
        ];
        all.push(...group);
        changed.push(...group);
        for (const part of group) changedBytes += part.length; // about: a string's length, not its bytes
      }
      if (loaded) for (const file of loaded.hashes.keys()) if (!state.has(file)) changed.push(JSON.stringify([file, null, null]), '\n\n\n\n');
      // Appended when the log read is whole and its dead weight stays under its live size; else rewritten.
      const { log, liveBytes } = loaded ?? {};
      if (log && log.whole && log.identity.size + changedBytes <= 2 * (liveBytes! + changedBytes) + GROWTH_SLACK) {
        if (changed.length === 0 || appendLog(dir, stateName, FORMAT, key, log, changed)) return;
      }
      // Rewritten: the model records no file has now go too (ones a run that stopped early left).
      if (writeLog(dir, stateName, FORMAT, key, all) && loaded) prune(dir, `${key}-`, liveModels(files));
    },
    keepFindings(files: readonly StoreFile[], findings: readonly Finding[]): void {
      if (spoiled || !writable()) return;
      keepStats(files);
      writeRecord(dir, runName, key, [JSON.stringify({ signature: signature(files), findings }) + '\n']);
      const live = liveModels(files);
      if (!loaded) prune(dir, `${key}-`, live);
      else {
        // The models of the files the last state had and that changed or went since: no listing needed.
        const now = new Map(files.map((f) => [f.file, f.input]));
        for (const [file, hash] of loaded.hashes) {
          const input = now.get(file);
          if (input === undefined || hashOf(input) !== hash) removeRecord(dir, modelName(file, hash), live);
        }
      }
    },
  };
}

const MODEL_SUFFIX = '.model';
/** A state log may carry this many bytes of replaced lines beyond its live size before it is rewritten. */
const GROWTH_SLACK = 64 * 1024;

/** A file's four lines in the state log, as `lastRun` read them. */
interface StateGroup {
  hash: string;
  scopes: string[] | null;
  lines: [Buffer, Buffer, Buffer, Buffer];
  bytes: number;
}

/** What `keepRun` needs to write a file's lines back unchanged: the lines and the workspace rules' result made from them. */
interface KeptLines extends Omit<StateGroup, 'bytes'> {
  cross: CrossFileResult;
}

const NO_FINDINGS = Buffer.from('[[],');

/**
 * A file's result of the workspace rules from its line in the state, `[findings, reads]`. Most files
 * have no findings there, and the keys a file read are wanted only when a change asks which files
 * read a key: those are parsed when first asked for. Throws on a line that is not such a result.
 */
function crossResult(line: Buffer): CrossFileResult {
  if (!line.subarray(0, NO_FINDINGS.length).equals(NO_FINDINGS)) {
    const [findings, reads] = parseCross(line);
    return { findings, reads };
  }
  let reads: string[] | undefined;
  return {
    findings: [],
    get reads() {
      return (reads ??= parseCross(line)[1]);
    },
  };
}

function parseCross(line: Buffer): [Finding[], string[]] {
  const [findings, reads] = JSON.parse(line.toString('utf8')) as [unknown, unknown];
  if (!Array.isArray(findings) || !Array.isArray(reads) || !reads.every((k) => typeof k === 'string')) throw new Error('not a stored result');
  return [findings as Finding[], reads as string[]];
}

/** A body's lines without their line breaks; undefined when it does not end with one. */
function linesOf(body: Buffer): Buffer[] | undefined {
  const lines: Buffer[] = [];
  for (let at = 0; at < body.length; ) {
    const nl = body.indexOf(10, at);
    if (nl < 0) return undefined;
    lines.push(body.subarray(at, nl));
    at = nl + 1;
  }
  return lines;
}

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
  for (const name of names) if (name.startsWith(prefix) && name.endsWith(MODEL_SUFFIX)) removeRecord(dir, name, live);
}

/** Removes a record unless a file of this run has it. */
function removeRecord(dir: string, name: string, live: ReadonlySet<string>): void {
  if (live.has(name)) return;
  try {
    // unlink removes a link itself, never what it points at; a folder in a record's place stays.
    unlinkSync(join(dir, name));
  } catch {
    // Gone already, or not ours to remove.
  }
}

/**
 * A record is its body and a last line with the format, the settings key, and the body's length and
 * SHA-256. The body's text, or undefined when the record is missing, not a regular file, foreign,
 * truncated or corrupt.
 */
function readRecord(dir: string, name: string, key: string): string | undefined {
  const data = readCacheFile(join(dir, name), MAX_RECORD_BYTES)?.data;
  if (!data) return undefined;
  // The body is whole lines; the trailer is the last line, without a line break.
  const nl = data.lastIndexOf(10);
  const body = data.subarray(0, nl + 1);
  try {
    const trailer = JSON.parse(data.subarray(nl + 1).toString('utf8')) as { format?: unknown; key?: unknown; length?: unknown; sha256?: unknown };
    if (trailer.format !== FORMAT || trailer.key !== key || trailer.length !== body.length || trailer.sha256 !== sha256(body)) return undefined;
  } catch {
    return undefined;
  }
  return body.toString('utf8');
}

/** Writes a record (replacing it whole); a failure leaves the old record. */
function writeRecord(dir: string, name: string, key: string, parts: Iterable<string | Buffer>): void {
  // One write: a record is a few megabytes at most, made of thousands of lines.
  const body = bytesOf(parts);
  const trailer = Buffer.from(JSON.stringify({ format: FORMAT, key, length: body.length, sha256: sha256(body) }), 'utf8');
  replaceCacheFile(dir, name, Buffer.concat([body, trailer]));
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
