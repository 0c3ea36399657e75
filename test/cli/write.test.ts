import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';

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
});
