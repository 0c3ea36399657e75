/** `peakend` run in this process (`main`), and temporary workspaces for it. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  /** What the command wrote through `io.writeFile`, by path; nothing reaches the disk. */
  written: Map<string, string>;
}

/** Runs `peakend <argv>` in `cwd`; `tty` makes standard output a terminal, `failWrite` makes every write fail. */
export async function runCli(argv: string[], cwd: string, opts: { env?: Record<string, string>; tty?: boolean; failWrite?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    cwd,
    env: opts.env ?? {},
    stdout: { write: (s) => void (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s) => void (stderr += s) },
    writeFile: async (path, text) => {
      if (opts.failWrite) throw new Error('EACCES: permission denied');
      written.set(path, text);
    },
  };
  const status = await main(argv, io);
  return { status, stdout, stderr, written };
}

const temps: string[] = [];
afterAll(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary folder (its real path), deleted after the test file's tests. */
export function tempFolder(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

/** A temporary folder holding `files` (path → text). */
export function tempWorkspace(prefix: string, files: Record<string, string>): string {
  const dir = tempFolder(prefix);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
