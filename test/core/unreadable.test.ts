/**
 * What cannot be read is reported where it is, with its real cause: a config file that is not
 * UTF-8, too large or unreadable, and a folder that cannot be listed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPaths, openWorkspace, type Host } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { describeFinding } from '../helpers/expectations';

const FIXTURES = resolve(__dirname, '../fixtures/bad-config');
const dir = mkdtempSync(join(tmpdir(), 'peakend-unreadable-'));
// `rm -rf` rather than rmSync: the deep tree below is longer than a path may be.
afterAll(() => execFileSync('rm', ['-rf', dir]));

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';

/** Each finding as "file rule range: message", the file relative to `root`. */
async function findingsOf(host: Host, root: string): Promise<string[]> {
  const { workspace } = await openWorkspace(host, root);
  return workspace.findings().map((f) => `${f.file.slice(root.length + 1)} ${describeFinding(f)}: ${f.message}`);
}

describe('a peakend.yaml that cannot be read', () => {
  it('not UTF-8: the bad byte, not "the file is empty"', async () => {
    expect(await findingsOf(nodeHost, join(FIXTURES, 'latin1'))).toEqual([
      'peakend.yaml file-encoding 3:4-3:5: The file is not valid UTF-8 (byte 27 cannot be decoded). Save it as UTF-8.',
    ]);
  });

  it('UTF-16', async () => {
    expect(await findingsOf(nodeHost, join(FIXTURES, 'utf16'))).toEqual(['peakend.yaml file-encoding 1:1-1:2: The file is UTF-16 encoded. Save it as UTF-8.']);
  });

  it('too large', async () => {
    const ws = mkdtempSync(join(dir, 'large-'));
    writeFileSync(join(ws, 'peakend.yaml'), 'peakend: 1\nkind: config\n' + '#'.repeat(6 * 1024 * 1024));
    writeFileSync(join(ws, 'people.personas.yaml'), PERSONAS);
    expect(await findingsOf(nodeHost, ws)).toEqual([
      'peakend.yaml file-too-large 1:1-1:1: The file is 6291480 bytes; files over 5242880 bytes are not read (limits.maxFileBytes in peakend.yaml).',
    ]);
  });

  it('unreadable', async () => {
    const ws = mkdtempSync(join(dir, 'denied-'));
    writeFileSync(join(ws, 'peakend.yaml'), 'peakend: 1\nkind: config\n');
    writeFileSync(join(ws, 'people.personas.yaml'), PERSONAS);
    const denied = join(ws, 'peakend.yaml');
    const host: Host = {
      ...nodeHost,
      readFile: (p, max) => (p === denied ? Promise.reject(new Error(`EACCES: permission denied, open '${p}'`)) : nodeHost.readFile(p, max)),
    };
    expect(await findingsOf(host, ws)).toEqual([`peakend.yaml file-unreadable 1:1-1:1: The file cannot be read: EACCES: permission denied, open '${denied}'`]);
  });
});

describe('a folder that cannot be listed', () => {
  it('is reported on the folder, and the rest is still checked', async () => {
    const ws = mkdtempSync(join(dir, 'folder-'));
    mkdirSync(join(ws, 'private'));
    writeFileSync(join(ws, 'private', 'hidden.personas.yaml'), PERSONAS);
    writeFileSync(join(ws, 'people.personas.yaml'), PERSONAS.replace('owner', 'tenant'));
    const host: Host = {
      ...nodeHost,
      readDirectory: (p) => (p === join(ws, 'private') ? Promise.reject(new Error(`EACCES: permission denied, scandir '${p}'`)) : nodeHost.readDirectory(p)),
    };
    expect(await findingsOf(host, ws)).toEqual([
      `private file-unreadable 1:1-1:1: The folder cannot be read, so the files in it are not checked: EACCES: permission denied, scandir '${join(ws, 'private')}'`,
    ]);
  });

  it('a path longer than the system allows', async () => {
    const ws = mkdtempSync(join(dir, 'deep-'));
    const segment = 'd'.repeat(200);
    // Created one level at a time from inside, which works beyond PATH_MAX; listing it by its full path does not.
    execFileSync('bash', ['-c', `for i in $(seq 1 25); do mkdir ${segment} && cd ${segment} || exit 1; done; printf '%s' "$0" > deep.personas.yaml`, PERSONAS], { cwd: ws });
    writeFileSync(join(ws, 'people.personas.yaml'), PERSONAS.replace('owner', 'tenant'));
    const { files, findings } = await checkPaths(nodeHost, [ws]);
    const unreadable = findings.map((f) => [f.ruleId, f.messageId, f.file.length > 4096, f.args.detail, f.message]);
    expect(unreadable).toEqual([['file-unreadable', 'folder.unreadable', true, { message: 'io.nameTooLong' }, 'The folder cannot be read, so the files in it are not checked: the path is too long']]);
    // The folder holds a finding but is not counted as a file checked.
    expect(files).toEqual([join(ws, 'people.personas.yaml')]);
  });
});
