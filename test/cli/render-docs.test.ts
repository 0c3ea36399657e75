/**
 * docs/render.md's example is real: its files, run through `peakend render` as the
 * `<!-- render: WS args… -->` comment says, give exactly the output shown under it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const DOC = join(ROOT, 'docs/render.md');
const tmp = mkdtempSync(join(tmpdir(), 'peakend-render-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fenceAfter(lines: string[], i: number): string {
  let start = i;
  while (lines[start]!.trim() === '') start++;
  const fence = /^(`{3,})/.exec(lines[start]!)![1]!;
  let end = start + 1;
  while (!lines[end]!.startsWith(fence) || lines[end]!.trim() !== fence) end++;
  return lines.slice(start + 1, end).join('\n') + '\n';
}

describe('docs/render.md', () => {
  const lines = readFileSync(DOC, 'utf8').split('\n');
  const renders: { ws: string; args: string[]; expected: string }[] = [];
  lines.forEach((line, i) => {
    let m;
    if ((m = /^<!-- file: (\S+?)\/(\S+) -->/.exec(line))) {
      const file = join(tmp, m[1]!, m[2]!);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, fenceAfter(lines, i + 1));
    } else if ((m = /^<!-- render: (\S+) (.*) -->/.exec(line))) {
      renders.push({ ws: m[1]!, args: m[2]!.split(' '), expected: fenceAfter(lines, i + 1) });
    }
  });

  it('shows the real output of its example', () => {
    expect(renders).toHaveLength(1);
    for (const r of renders) {
      const run = spawnSync(process.execPath, [join(ROOT, 'bin/peakend.js'), 'render', ...r.args], { cwd: join(tmp, r.ws), encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', PEAKEND_LANG: '' } });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(r.expected);
    }
  });

  it('shows the image the browser tests make', () => {
    expect(lines.join('\n')).toContain('](images/emotion-curve-homeowner.png)');
    expect(readFileSync(join(ROOT, 'docs/images/emotion-curve-homeowner.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
