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
        `  private:1:1  error    The folder cannot be read, so the files in it are not checked: permission denied  file-unreadable`,
        '',
        '1 error, 0 warnings in 2 files',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });
});

describe('names that attack the reader', () => {
  // A file name (no "/": that would make folders) with an OSC-8 hyperlink, BEL, a line GitHub Actions would read as a command, CR and a screen clear.
  const NAME = 'evil\u001b]8;;https:evil.example\u0007click\u001b]8;;\u0007\n::error file=x::pwned\r\u001b[2J.personas.yaml';
  const SHOWN = 'evil\ufffd]8;;https:evil.example\ufffdclick\ufffd]8;;\ufffd ::error file=x::pwned \ufffd[2J.personas.yaml';
  // An unknown property whose key holds a C1 CSI (U+009B) and a right-to-left override.
  const KEY = 'x\u009b31m\u202eevil';
  const TEXT = `peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: Owner, "${KEY.replace('\u009b', '\\u009b').replace('\u202e', '\\u202e')}": 1 }\n`;
  const UNSAFE_BYTES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

  const hostile = () => workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', [NAME]: TEXT });

  it('stylish shows them, and nothing in them reaches the terminal as a control character', () => {
    const r = run(['check'], hostile());
    expect(r.stdout).toBe(
      [
        SHOWN,
        `  ${SHOWN}:4:31  error    Unknown property "x\ufffd31m\ufffdevil".  schema`,
        '',
        '1 error, 0 warnings in 2 files',
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toMatch(UNSAFE_BYTES);
  });

  it('github: one workflow command per line, the newline in the name escaped, ESC and BEL gone', () => {
    const r = run(['check', '--format', 'github'], hostile());
    const lines = r.stdout.split('\n');
    expect(lines).toEqual([
      '::error file=evil\ufffd]8;;https%3Aevil.example\ufffdclick\ufffd]8;;\ufffd%0A%3A%3Aerror file=x%3A%3Apwned%0D\ufffd[2J.personas.yaml,line=4,col=31,endLine=4,endColumn=53,title=peakend schema::Unknown property "x\ufffd31m\ufffdevil".',
      '',
    ]);
    expect(r.stdout).not.toMatch(UNSAFE_BYTES);
  });

  it('json and sarif keep the exact name and key, with every control character escaped in the text', () => {
    const ws = hostile();
    const json = run(['check', '--format', 'json'], ws).stdout;
    expect(json).not.toMatch(UNSAFE_BYTES);
    const [finding] = JSON.parse(json) as { file: string; message: string }[];
    expect(finding!.file).toBe(NAME);
    expect(finding!.message).toBe(`Unknown property "${KEY}".`);
    const sarif = run(['check', '--format', 'sarif'], ws).stdout;
    expect(sarif).not.toMatch(UNSAFE_BYTES);
    const result = (JSON.parse(sarif) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results[0]!;
    expect(decodeURIComponent(result.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(NAME);
    expect(result.message.text).toBe(`Unknown property "${KEY}".`);
  });

  it('error messages on standard error quote what was typed without acting on it', () => {
    const r = run(['check', 'no\u001b]0;owned\u0007such\nfile'], hostile());
    expect(r.stderr).toBe('peakend: No such file or folder: no\ufffd]0;owned\ufffdsuch file\nRun "peakend check --help" for usage.\n');
    expect(r.status).toBe(2);
    const u = run(['che\u001b[2Jck'], hostile());
    expect(u.stderr).toBe('peakend: unknown command "che\ufffd[2Jck". Run "peakend --help".\n');
  });
});
