// In-process edges of the CLI: the rule table in `peakend check --help`, colour only when asked,
// and `peakend checklist` stopping its queue at an error and naming every change of an update.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatOutputs } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { RULES } from '../../src/core';
import { INVENTORY, STANDARDS } from '../checklist/fixture';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const written: string[] = [];
  const io: CliIo = {
    cwd,
    env: {},
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    writeFile: async (path, text) => {
      written.push(path.slice(cwd.length + 1));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    },
  };
  const status = await main(argv, io);
  return { status, stdout, stderr, written };
}

describe('peakend check --help', () => {
  it('ends with every rule: ID, default severity and summary in columns', async () => {
    const { stdout, status } = await run(tmpdir(), ['check', '--help']);
    expect(status).toBe(0);
    const table = stdout.slice(stdout.indexOf('"# peakend-disable-next-line <rule-id>"):\n') + 43).split('\n');
    expect(table).toHaveLength(RULES.length + 1);
    expect(table[RULES.length]).toBe('');
    expect(table).toContain('  yaml-syntax              error    The YAML is malformed (bad indentation, tabs, unclosed brackets, …).');
    expect(table).toContain('  schema                   error    The document does not match its kind’s JSON Schema.');
    expect(table).toContain('  unevidenced-extreme      warning  An extreme emotion score on a step that lists no evidence (off by default).');
  });
});

describe('formatOutputs', () => {
  it('gives a colour only when --color or --no-color was given, the last one winning', () => {
    const tokens = (...names: string[]) => names.map((name) => ({ kind: 'option', name }));
    expect(formatOutputs([], ['stylish']).color).toBeUndefined();
    expect(formatOutputs([{ kind: 'positional', value: 'color' }], ['stylish']).color).toBeUndefined();
    expect(formatOutputs(tokens('no-color', 'color'), ['stylish']).color).toBe(true);
    expect(formatOutputs(tokens('color', 'no-color'), ['stylish']).color).toBe(false);
  });
});

describe('peakend checklist over many touchpoints', () => {
  function workspace(count: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'peakend-cli-edges-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
    writeFileSync(join(dir, 'property.touchpoints.yaml'), INVENTORY);
    writeFileSync(join(dir, 'service.standards.yaml'), STANDARDS);
    const many = Array.from({ length: count }, (_, i) => `  - { id: tp-${String(i).padStart(2, '0')}, name: 点${i}, phase: service, channel: onsite, type: human }`).join('\n');
    writeFileSync(join(dir, 'many.touchpoints.yaml'), `peakend: 1\nkind: touchpoints\nid: many\ntouchpoints:\n${many}\n`);
    return dir;
  }
  const created = (id: string, items = 1) => `audits/${id}/2026-12-01.md: created (${items} item(s))\n`;
  const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `tp-${String(from + i).padStart(2, '0')}`);

  it('writes each checklist once, in order, eight at a time', async () => {
    const ws = workspace(17);
    const r = await run(ws, ['checklist', '--all', '--date', '2026-12-01']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([...ids(0, 17).map((id) => created(id)), created('hotline', 4), created('repair-visit')].join(''));
    expect(r.written).toEqual([...ids(0, 17), 'hotline', 'repair-visit'].map((id) => `audits/${id}/2026-12-01.md`));
    expect(r.status).toBe(0);
  });

  it('an error stops the queue: what was begun is printed, then the error; nothing after it is written', async () => {
    const ws = workspace(12);
    // A folder where tp-00's checklist would go: reading it is an error.
    mkdirSync(join(ws, 'audits/tp-00/2026-12-01.md'), { recursive: true });
    const r = await run(ws, ['checklist', '--all', '--date', '2026-12-01']);
    // tp-00 … tp-07 were begun together; tp-08 and on were not.
    expect(r.stdout).toBe(ids(1, 8).map((id) => created(id)).join(''));
    expect(r.stderr).toBe('peakend: audits/tp-00/2026-12-01.md exists and is not a file.\nRun "peakend checklist --help" for usage.\n');
    expect(r.status).toBe(2);
    expect(readdirSync(join(ws, 'audits')).sort()).toEqual(ids(0, 8));
  });

  it('an update names each item added, by ID, in the order of the checklist (by dimension)', async () => {
    const ws = workspace(0);
    mkdirSync(join(ws, 'audits/hotline'), { recursive: true });
    writeFileSync(join(ws, 'audits/hotline/2026-12-01.md'), 'notes\n');
    const r = await run(ws, ['checklist', 'hotline', '--date', '2026-12-01', '--dry-run']);
    expect(r.stdout).toBe('audits/hotline/2026-12-01.md: would update (added: ring-3, respond-24h, greet, satisfaction; 0 kept)\n');
  });
});
