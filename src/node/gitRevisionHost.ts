import { execFile, spawn, spawnSync } from 'node:child_process';
import type { Host, ReadResult } from '../core';

/**
 * What went wrong, where a caller words it for a person (absent: the revision has no such file);
 * undefined: git's own message says it.
 */
export type GitErrorKind = 'not-repository' | 'unknown-revision' | 'absent' | 'timeout' | 'cancelled' | 'no-git';

/** A git command failed or a revision does not exist: the message is git's own, trimmed. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly kind?: GitErrorKind,
  ) {
    super(message);
  }
}

export interface GitAsyncOptions {
  /** Aborting kills git; the promise rejects with the signal's reason when that is a GitError, else a "cancelled" one. */
  signal?: AbortSignal;
  /** Kills git after this long (0 or unset: no limit). */
  timeoutMs?: number;
  maxBuffer?: number;
}

const GIT_ENV = () => ({ ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' });

/** Runs git in `cwd` without blocking the event loop (the editor's host runs on it) and resolves to its standard output. */
export function gitAsync(cwd: string, args: string[], o: GitAsyncOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) return reject(abortReason(o.signal));
    const options = { cwd, encoding: 'buffer' as const, maxBuffer: o.maxBuffer ?? 64 * 1024 * 1024, env: GIT_ENV(), timeout: o.timeoutMs ?? 0, killSignal: 'SIGKILL' as const, windowsHide: true, ...(o.signal ? { signal: o.signal } : {}) };
    const child = execFile('git', args, options, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if (o.signal?.aborted) return reject(abortReason(o.signal));
      const e = error as Error & { code?: string | number; killed?: boolean; signal?: string };
      if (e.code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH', 'no-git'));
      // The subcommand, past options such as `-c name=value`.
      const sub = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c') ?? '';
      if (e.killed && o.timeoutMs) return reject(new GitError(`git ${sub} did not finish within ${o.timeoutMs / 1000} s`, 'timeout'));
      reject(new GitError(String(stderr).trim().split('\n').pop() || `git ${sub} failed (exit ${e.code ?? e.signal})`));
    });
    // Nothing here reads its standard input: git sees its end at once.
    child.stdin?.end();
  });
}

function abortReason(signal: AbortSignal): GitError {
  return signal.reason instanceof GitError ? signal.reason : new GitError('cancelled', 'cancelled');
}

/** repositoryRoot without blocking; GitError "not-repository" outside a repository. */
export async function repositoryRootAsync(cwd: string, o: GitAsyncOptions = {}): Promise<string> {
  try {
    return (await gitAsync(cwd, ['rev-parse', '--show-toplevel'], o)).toString('utf8').trim();
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.message)) throw new GitError(e.message, 'not-repository');
    throw e;
  }
}

/** resolveCommit without blocking; GitError "unknown-revision" when the revision names no commit. */
export async function resolveCommitAsync(root: string, rev: string, o: GitAsyncOptions = {}): Promise<string> {
  if (rev.startsWith('-')) throw new GitError(`"${rev}" is not a revision`, 'unknown-revision');
  try {
    return (await gitAsync(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], o)).toString('utf8').trim();
  } catch (e) {
    if (e instanceof GitError && e.kind) throw e;
    throw new GitError(`unknown revision "${rev}"`, 'unknown-revision');
  }
}

interface TreeEntry {
  type: 'file' | 'directory' | 'other';
  size: number;
  oid?: string;
}

/** Runs git synchronously in `cwd` and returns its standard output; throws GitError on failure. */
export function git(cwd: string, args: string[], maxBuffer = 64 * 1024 * 1024): Buffer {
  const r = spawnSync('git', args, { cwd, maxBuffer, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
  if (r.error) throw new GitError(`git ${args[0]}: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(String(r.stderr).trim().split('\n').pop() || `git ${args[0]} failed (exit ${r.status})`);
  return r.stdout;
}

/** The repository's top folder, POSIX style; GitError outside a repository. */
export function repositoryRoot(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
}

/** The full commit ID a revision names, or a GitError that says it does not exist. */
export function resolveCommit(root: string, rev: string): string {
  if (rev.startsWith('-')) throw new GitError(`"${rev}" is not a revision`);
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new GitError(`unknown revision "${rev}"`);
  }
}

/**
 * The files of one commit as a Host, read with git itself: no checkout, nothing written. Paths are
 * absolute, rooted at the repository's folder, so a file has the same path in every revision and in
 * the working tree. Symbolic links and submodules are "other": never followed.
 */
export class GitRevisionHost implements Host {
  private readonly entries = new Map<string, TreeEntry>();
  private readonly children = new Map<string, { name: string; type: TreeEntry['type'] }[]>();
  private reader?: BlobReader;

  private constructor(
    readonly root: string,
    readonly commit: string,
  ) {}

  static open(root: string, rev: string): GitRevisionHost {
    const host = new GitRevisionHost(root, resolveCommit(root, rev));
    host.list(git(root, ['ls-tree', '-r', '-t', '-z', '--long', '--full-tree', host.commit]).toString('utf8'));
    return host;
  }

  /** open() without blocking: for the editor's host. Aborting the signal also ends the blob reader. */
  static async load(root: string, rev: string, o: GitAsyncOptions = {}): Promise<GitRevisionHost> {
    const host = new GitRevisionHost(root, await resolveCommitAsync(root, rev, o));
    host.list((await gitAsync(root, ['ls-tree', '-r', '-t', '-z', '--long', '--full-tree', host.commit], o)).toString('utf8'));
    o.signal?.addEventListener('abort', () => host.reader?.kill(), { once: true });
    return host;
  }

  private list(out: string): void {
    this.addDirectory(this.root);
    for (const record of out.split('\0')) {
      if (!record) continue;
      // "<mode> SP <type> SP <oid> SP+ <size>\t<path>"
      const tab = record.indexOf('\t');
      const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
      const path = `${this.root}/${record.slice(tab + 1)}`;
      if (type === 'tree') this.addDirectory(path);
      else if (type === 'blob' && (mode === '100644' || mode === '100755')) this.addEntry(path, { type: 'file', size: Number(size), oid: oid! });
      else this.addEntry(path, { type: 'other', size: 0 });
    }
  }

  private addDirectory(path: string): void {
    if (this.entries.has(path)) return;
    this.entries.set(path, { type: 'directory', size: 0 });
    this.children.set(path, []);
    if (path !== this.root) this.link(path, 'directory');
  }

  private addEntry(path: string, entry: TreeEntry): void {
    this.entries.set(path, entry);
    this.link(path, entry.type);
  }

  private link(path: string, type: TreeEntry['type']): void {
    const slash = path.lastIndexOf('/');
    this.children.get(path.slice(0, slash))?.push({ name: path.slice(slash + 1), type });
  }

  async stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number } | undefined> {
    const e = this.entries.get(path.replace(/\/+$/, '') || '/');
    return e ? { type: e.type, size: e.size } : undefined;
  }

  async readDirectory(path: string): Promise<{ name: string; type: 'file' | 'directory' | 'other' }[]> {
    const list = this.children.get(path.replace(/\/+$/, '') || '/');
    if (!list) throw new GitError(`no folder "${path}" in ${this.commit.slice(0, 12)}`);
    return list.map((c) => ({ ...c }));
  }

  async readFile(path: string, maxBytes: number): Promise<ReadResult> {
    const e = this.entries.get(path);
    if (!e) throw new GitError(`no file "${path}" in ${this.commit.slice(0, 12)}`);
    if (e.type !== 'file' || !e.oid) return { notFile: e.type === 'directory' ? 'directory' : 'other' };
    // The tree records each blob's size: a large one is never read.
    if (e.size > maxBytes) return { tooLarge: e.size };
    this.reader ??= new BlobReader(this.root);
    return { bytes: await this.reader.read(e.oid) };
  }

  /** Ends the `git cat-file` process, if one was started. */
  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }
}

/** One long-lived `git cat-file --batch`: a blob per request, in order, without a process per file. */
class BlobReader {
  private readonly child;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly waiting: { oid: string; resolve(b: Uint8Array): void; reject(e: Error): void }[] = [];
  private failed?: Error;

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    this.child.stdout.on('data', (d: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
      this.drain();
    });
    const fail = (e: Error) => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.child.on('error', (e) => fail(new GitError(`git cat-file: ${e.message}`)));
    this.child.on('close', () => fail(new GitError('git cat-file ended')));
    this.child.stdin.on('error', () => undefined);
  }

  read(oid: string): Promise<Uint8Array> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ oid, resolve, reject });
      this.child.stdin.write(`${oid}\n`);
    });
  }

  private drain(): void {
    while (this.waiting.length) {
      const eol = this.buffer.indexOf(0x0a);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('latin1');
      const w = this.waiting[0]!;
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m) {
        // "<oid> missing": answer the request and go on.
        this.waiting.shift();
        this.buffer = this.buffer.subarray(eol + 1);
        w.reject(new GitError(`git cat-file: ${header}`));
        continue;
      }
      const size = Number(m[3]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      this.waiting.shift();
      const body = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      w.resolve(new Uint8Array(body.buffer, body.byteOffset, body.length));
    }
  }

  close(): void {
    this.child.stdin.end();
  }

  /** Ends git at once: pending reads fail. */
  kill(): void {
    this.child.kill();
  }
}

/**
 * The default base of a diff: the merge base of HEAD with the default branch (the remote's HEAD,
 * else main or master). Undefined when there is no such branch.
 */
export function defaultBase(root: string): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(git(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).toString('utf8').trim());
  } catch {
    // No remote HEAD: fall back to the usual names.
  }
  candidates.push('refs/remotes/origin/main', 'refs/remotes/origin/master', 'refs/heads/main', 'refs/heads/master');
  for (const ref of candidates) {
    try {
      git(root, ['rev-parse', '--verify', '--quiet', ref]);
      return git(root, ['merge-base', 'HEAD', ref]).toString('utf8').trim();
    } catch {
      // Not there, or no common history: try the next.
    }
  }
  return undefined;
}
