/**
 * The CLI against hostile file systems, run as a real process where blocking or the exit status
 * is the point: FIFOs and devices named on the command line, folders it may not read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../helpers/cliBundle';

let bundle: ReturnType<typeof buildCliBundle>;
beforeAll(() => {
  bundle = buildCliBundle();
}, 120_000);
afterAll(() => bundle?.dispose());

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-hostile-'));
  temps.push(dir);
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const asRoot = process.getuid?.() === 0;

/** Runs the CLI; as root, as the user "nobody", so that permissions apply. */
function run(args: string[], cwd: string, opts: { asNobody?: boolean } = {}) {
  const argv = [process.execPath, bundle.bin, ...args];
  const [cmd, ...rest] = opts.asNobody && asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', ...argv] : argv;
  const r = spawnSync(cmd!, rest, { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';
const NOT_REGULAR = 'This is not a regular file (a FIFO, a socket or a device) and is not read. Name a file saved on disk.';

describe('files that are not regular files', () => {
  it('a FIFO named on the command line: a finding, not a hang', () => {
    const ws = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'people.personas.yaml': PERSONAS });
    execFileSync('mkfifo', [join(ws, 'pipe.personas.yaml')]);
    const r = run(['check', 'pipe.personas.yaml', 'people.personas.yaml'], ws);
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe(`pipe.personas.yaml\n  pipe.personas.yaml:1:1  error    ${NOT_REGULAR}  file-unreadable\n\n1 error, 0 warnings in 2 files\n`);
    expect(r.status).toBe(1);
  });

  it('/dev/zero: refused before a byte is read', () => {
    const ws = workspace({ 'people.personas.yaml': PERSONAS });
    const r = run(['check', '/dev/zero'], ws);
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain(`dev/zero:1:1  error    ${NOT_REGULAR}  file-unreadable`);
    expect(r.status).toBe(1);
  });
});

describe('a folder that cannot be read', () => {
  it('is an error on the folder, and the exit status says so', () => {
    const ws = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'people.personas.yaml': PERSONAS, 'private/more.personas.yaml': PERSONAS });
    chmodSync(join(ws, 'private'), 0o000);
    const r = run(['check'], ws, { asNobody: true });
    expect(r.stdout).toBe(
      [
        'private',
        `  private:1:1  error    The folder cannot be read, so the files in it are not checked: EACCES: permission denied, scandir '${join(ws, 'private')}'  file-unreadable`,
        '',
        '1 error, 0 warnings in 3 files',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });
});
