// `peakend checklist` run in this process: the touchpoints it skips and why, what it refuses, --dry-run
// for new files, the language of a new checklist, and many touchpoints at once, each in order.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checklistHelp } from '../../src/cli/commands/checklist';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { INVENTORY, STANDARDS } from './fixture';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

// "con" is a Windows device name: no file can be named for it. "web" is a touchpoint no standard applies to.
const EXTRA = 'peakend: 1\nkind: touchpoints\nid: extra\ntouchpoints:\n  - { id: con, name: X, phase: presale, channel: web, type: digital }\n  - { id: web, name: 官网, phase: presale, channel: web, type: digital }\n';

function workspace(extra = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-checklist-cli-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
  writeFileSync(join(dir, 'property.touchpoints.yaml'), INVENTORY);
  writeFileSync(join(dir, 'service.standards.yaml'), STANDARDS);
  if (extra) writeFileSync(join(dir, 'extra.touchpoints.yaml'), EXTRA);
  return dir;
}

async function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const written: string[] = [];
  const io: CliIo = {
    cwd,
    env,
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    writeFile: async (path, text) => {
      written.push(path);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    },
  };
  const status = await main(['checklist', ...args], io);
  return { status, stdout, stderr, written };
}

describe('peakend checklist', () => {
  it('--all: every touchpoint once, in file order; one that cannot be named is skipped with status 1, one without standards gets no file', async () => {
    const ws = workspace();
    const r = await run(ws, ['--all', '--date', '2026-12-07']);
    expect(r.stdout).toBe('web: no standard applies to this touchpoint; no checklist written\naudits/hotline/2026-12-07.md: created (4 item(s))\naudits/repair-visit/2026-12-07.md: created (1 item(s))\n');
    expect(r.stderr).toBe('peakend: no file name can be made for touchpoint "con"; skipped.\n');
    expect(r.status).toBe(1);
    expect(r.written).toEqual([join(ws, 'audits/hotline/2026-12-07.md'), join(ws, 'audits/repair-visit/2026-12-07.md')]);
    // Named, a touchpoint without standards is no failure.
    expect(await run(ws, ['web', 'hotline', '--date', '2026-12-07'])).toEqual({
      status: 0,
      stdout: 'web: no standard applies to this touchpoint; no checklist written\naudits/hotline/2026-12-07.md: up to date\n',
      stderr: '',
      written: [],
    });
  });

  it('--all writes a touchpoint defined in two inventories once', async () => {
    const ws = workspace(false);
    writeFileSync(join(ws, 'again.touchpoints.yaml'), 'peakend: 1\nkind: touchpoints\nid: again\ntouchpoints:\n  - { id: repair-visit, name: 再次, phase: service, channel: onsite, type: human }\n');
    const r = await run(ws, ['--all', '--date', '2026-12-08', '--dry-run']);
    expect(r.stdout).toBe('audits/repair-visit/2026-12-08.md: would create (1 item(s))\naudits/hotline/2026-12-08.md: would create (4 item(s))\n');
  });

  it('--dry-run says what it would create, and writes nothing', async () => {
    const ws = workspace(false);
    const r = await run(ws, ['--all', '--dry-run', '--date', '2026-12-05']);
    expect(r).toEqual({ status: 0, stdout: 'audits/hotline/2026-12-05.md: would create (4 item(s))\naudits/repair-visit/2026-12-05.md: would create (1 item(s))\n', stderr: '', written: [] });
    expect(readdirSync(ws).sort()).toEqual(['peakend.yaml', 'property.touchpoints.yaml', 'service.standards.yaml']);
  });

  it('writes a new checklist in the language asked for, from --lang or the environment', async () => {
    const ws = workspace(false);
    await run(ws, ['repair-visit', '--date', '2026-12-01', '--lang', 'zh-cn']);
    const zh = readFileSync(join(ws, 'audits/repair-visit/2026-12-01.md'), 'utf8');
    expect(zh).toContain('\nlanguage: zh-cn\n');
    await run(ws, ['repair-visit', '--date', '2026-12-02'], { LANG: 'zh_CN.UTF-8' });
    expect(readFileSync(join(ws, 'audits/repair-visit/2026-12-02.md'), 'utf8')).toBe(zh.replace('date: 2026-12-01', 'date: 2026-12-02'));
    await run(ws, ['repair-visit', '--date', '2026-12-03', '--auditor', '李四']);
    const en = readFileSync(join(ws, 'audits/repair-visit/2026-12-03.md'), 'utf8');
    expect(en).toContain('\nauditor: 李四\ndate: 2026-12-03\n');
    expect(en).toContain('\nlanguage: en\n');
  });

  it('a folder where the checklist goes stops the run with a usage error; nothing is overwritten', async () => {
    const ws = workspace(false);
    mkdirSync(join(ws, 'audits/repair-visit/2026-12-06.md'), { recursive: true });
    const r = await run(ws, ['hotline', 'repair-visit', '--date', '2026-12-06']);
    expect(r.stderr).toBe(`peakend: audits/repair-visit/2026-12-06.md exists and is not a file.\nRun "peakend checklist --help" for usage.\n`);
    expect(r.status).toBe(2);
  });

  it('a checklist file too large to be one is refused', async () => {
    const ws = workspace(false);
    mkdirSync(join(ws, 'audits/repair-visit'), { recursive: true });
    const path = join(ws, 'audits/repair-visit/2026-12-06.md');
    writeFileSync(path, 'x'.repeat(5 * 1024 * 1024 + 1));
    const r = await run(ws, ['repair-visit', '--date', '2026-12-06']);
    expect(r.stderr).toBe(`peakend: audits/repair-visit/2026-12-06.md is too large (${5 * 1024 * 1024 + 1} bytes).\nRun "peakend checklist --help" for usage.\n`);
    expect(r.status).toBe(2);
    // Exactly 5 MiB is read (and merged as a checklist without items).
    writeFileSync(path, 'x'.repeat(5 * 1024 * 1024));
    expect((await run(ws, ['repair-visit', '--date', '2026-12-06', '--dry-run'])).stdout).toBe('audits/repair-visit/2026-12-06.md: would update (added: respond-24h; 0 kept)\n');
  });

  it('more touchpoints than files in flight: each reported in order', async () => {
    const ws = workspace(false);
    const many = Array.from({ length: 11 }, (_, i) => `  - { id: tp-${String(i).padStart(2, '0')}, name: 点${i}, phase: service, channel: onsite, type: human }`).join('\n');
    writeFileSync(join(ws, 'many.touchpoints.yaml'), `peakend: 1\nkind: touchpoints\nid: many\ntouchpoints:\n${many}\n`);
    const r = await run(ws, ['--all', '--date', '2026-12-01', '--site', 'B']);
    const expected = ['hotline', ...Array.from({ length: 11 }, (_, i) => `tp-${String(i).padStart(2, '0')}`), 'repair-visit'].map(
      (id) => `audits/${id}/2026-12-01-B.md: created (${id === 'hotline' ? 4 : 1} item(s))`,
    );
    // Sorted by file: many.touchpoints.yaml before property.touchpoints.yaml.
    expect(r.stdout.split('\n').slice(0, -1).sort()).toEqual([...expected].sort());
    expect(r.stdout).toBe(
      ['tp-00', 'tp-01', 'tp-02', 'tp-03', 'tp-04', 'tp-05', 'tp-06', 'tp-07', 'tp-08', 'tp-09', 'tp-10', 'hotline', 'repair-visit']
        .map((id) => `audits/${id}/2026-12-01-B.md: created (${id === 'hotline' ? 4 : 1} item(s))\n`)
        .join(''),
    );
    expect(r.status).toBe(0);
  });

  it('refuses IDs with --all, no IDs without it, a bad date; prints its help', async () => {
    const ws = workspace(false);
    const usage = (m: string) => ({ status: 2, stdout: '', stderr: `peakend: ${m}\nRun "peakend checklist --help" for usage.\n`, written: [] });
    expect(await run(ws, ['--all', 'hotline'])).toEqual(usage('Give touchpoint IDs or --all, not both.'));
    expect(await run(ws, [])).toEqual(usage('Name the touchpoints to write checklists for, or give --all.'));
    expect(await run(ws, ['hotline', '--date', '2026-02-30'])).toEqual(usage('--date takes a date written YYYY-MM-DD, not "2026-02-30".'));
    expect(await run(ws, ['hotline', 'a b'])).toEqual(usage('"a b" cannot be a touchpoint ID.'));
    expect(await run(ws, ['hotline', 'nope', '--date', '2026-12-01'])).toEqual(usage('Unknown touchpoint "nope".'));
    for (const h of ['-h', '--help']) expect(await run(ws, [h])).toEqual({ status: 0, stdout: checklistHelp(), stderr: '', written: [] });
    expect(checklistHelp().startsWith('Usage: peakend checklist <touchpoint-id…> [options]\n')).toBe(true);
    // No --date: today's.
    const today = new Date().toISOString().slice(0, 10);
    expect((await run(ws, ['repair-visit', '--dry-run'])).stdout).toBe(`audits/repair-visit/${today}.md: would create (1 item(s))\n`);
  });
});
