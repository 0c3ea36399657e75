import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';
import { buildCliBundle } from '../helpers/cliBundle';

const dir = mkdtempSync(join(tmpdir(), 'peakend-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const file = join(dir, 'sub', 'report.sarif');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, '第二');
    expect(readFileSync(file, 'utf8')).toBe('第二');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['report.sarif']);
  });

  it('writes into a device instead of replacing it', async () => {
    await writeFileAtomic('/dev/null', 'nothing');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through a symbolic link: the target gets the report, the link stays a link', async () => {
    const folder = mkdtempSync(join(dir, 'link-'));
    mkdirSync(join(folder, 'reports'));
    writeFileSync(join(folder, 'reports', 'real.json'), 'old');
    symlinkSync('reports/real.json', join(folder, 'report.json'));
    await writeFileAtomic(join(folder, 'report.json'), 'new');
    expect(readlinkSync(join(folder, 'report.json'))).toBe('reports/real.json');
    expect(readFileSync(join(folder, 'reports', 'real.json'), 'utf8')).toBe('new');
    // The temporary file was made beside the target, not beside the link.
    expect(readdirSync(folder).sort()).toEqual(['report.json', 'reports']);
    expect(readdirSync(join(folder, 'reports'))).toEqual(['real.json']);
  });

  it('creates the missing target of a dangling link', async () => {
    const folder = mkdtempSync(join(dir, 'dangling-'));
    symlinkSync(join(folder, 'later.json'), join(folder, 'report.json'));
    await writeFileAtomic(join(folder, 'report.json'), 'made');
    expect(lstatSync(join(folder, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'later.json'), 'utf8')).toBe('made');
  });

  it('never opens a file prepared under the old, predictable temporary name', async () => {
    const folder = mkdtempSync(join(dir, 'planted-'));
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'precious');
    const planted = join(folder, `.report.json.${process.pid}.tmp`);
    symlinkSync(victim, planted);
    await writeFileAtomic(join(folder, 'report.json'), 'report');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readlinkSync(planted)).toBe(victim);
    expect(lstatSync(join(folder, 'report.json')).isFile()).toBe(true);
    expect(readFileSync(join(folder, 'report.json'), 'utf8')).toBe('report');
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = join(dir, 'private.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const fresh = join(dir, 'fresh.json');
    await writeFileAtomic(fresh, 'x');
    expect(statSync(fresh).mode & 0o777).toBe(0o666 & ~process.umask());
  });
});

describe('--output', () => {
  let bundle: ReturnType<typeof buildCliBundle>;
  beforeAll(() => {
    bundle = buildCliBundle();
  }, 120_000);
  afterAll(() => bundle?.dispose());

  const EXAMPLE = resolve(__dirname, '../../examples/property-management');

  it('to a link to standard output, redirected to a file: written into that file, nothing replaced', () => {
    const folder = mkdtempSync(join(dir, 'stdout-'));
    const out = join(folder, 'out.txt');
    const link = join(folder, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const fd = openSync(out, 'w');
    const before = fstatSync(fd).ino;
    const r = spawnSync(process.execPath, [bundle.bin, 'check', EXAMPLE, '--format', 'json', '--output', link], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readlinkSync(link)).toBe('/proc/self/fd/1');
    expect(statSync(out).ino).toBe(before);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { ruleId: string }[]).map((f) => f.ruleId)).toEqual(['unused-standard', 'negative-moment-of-truth', 'negative-moment-of-truth', 'persona-gap', 'missing-persona-score', 'weak-ending', 'weak-ending', 'uncovered-touchpoint']);
  });

  it('one file under two spellings, or through a link, is refused before anything runs', async () => {
    const folder = mkdtempSync(join(dir, 'same-'));
    symlinkSync('a.json', join(folder, 'link.json'));
    const usage = async (...args: string[]) => {
      let err = '';
      const io: CliIo = { cwd: folder, env: {}, stdout: { write: () => undefined }, stderr: { write: (s) => void (err += s) }, writeFile: writeFileAtomic };
      const status = await main(['check', EXAMPLE, ...args], io);
      return [status, err.split('\n')[0]];
    };
    expect(await usage('--format', 'json', '--output', 'a.json', '--format', 'sarif', '--output', './a.json')).toEqual([
      2,
      'peakend: --output "a.json" and --output "./a.json" are the same file; each format needs its own file.',
    ]);
    expect(await usage('--format', 'json', '--output', join(folder, 'a.json'), '--format', 'sarif', '--output', 'link.json')).toEqual([
      2,
      `peakend: --output "${join(folder, 'a.json')}" and --output "link.json" are the same file; each format needs its own file.`,
    ]);
    expect(await usage('--format', 'json', '--output', 'a.json', '--format', 'sarif', '--output', 'a.json')).toEqual([
      2,
      'peakend: --output "a.json" is given twice; each format needs its own file.',
    ]);
    expect(readdirSync(folder)).toEqual(['link.json']);
  });
});
