// `peakend audit score` and `peakend audit report`, run in this process over checklists written by
// `peakend checklist` and filled in as an auditor would. Every figure below is worked out by hand
// from the standards in ./fixture.ts (ring-3 weight 2 critical, respond-24h weight 3, greet 1,
// satisfaction 1; hotline gets all four, repair-visit only respond-24h).
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHelp } from '../../src/cli/commands/audit';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';
import { INVENTORY, STANDARDS } from './fixture';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env, stdout: { write: (s) => void (stdout += s) }, stderr: { write: (s) => void (stderr += s) }, writeFile: writeFileAtomic };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

function edit(path: string, ...pairs: [string, string][]): void {
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of pairs) {
    expect(text.includes(from), from).toBe(true);
    text = text.replace(from, to);
  }
  writeFileSync(path, text);
}

/**
 * Three audits:
 * - hotline 2026-11-01 site A, auditor 张三: ring-3 2 rings (pass, 2), respond-24h 2 days (fail, 0 of 3,
 *   action by 王芳 due 2026-11-20), greet pass (1), satisfaction 很满意 (pass, 1): 4 of 7 = 57.1 %.
 * - hotline 2026-12-01 site 北区: ring-3 4 rings (critical fail, action without owner or due date),
 *   respond-24h 30 hours (fail, no action), greet pass, satisfaction unanswered: 1 of 6 = 16.7 %, FAIL.
 * - repair-visit 2026-12-01: respond-24h 12 hours (pass): 3 of 3.
 * hotline declares performance 3, repair-visit 4. Beside them: files that are no checklists.
 */
async function auditWorkspace(): Promise<string> {
  const ws = mkdtempSync(join(tmpdir(), 'peakend-audit-cli-'));
  dirs.push(ws);
  writeFileSync(join(ws, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
  writeFileSync(join(ws, 'property.touchpoints.yaml'), INVENTORY.replace('tags: [counter], standards', 'tags: [counter], performance: 3, standards'));
  writeFileSync(join(ws, 'service.standards.yaml'), STANDARDS);
  expect((await run(ws, ['checklist', 'hotline', '--date', '2026-11-01', '--site', 'A', '--auditor', '张三'])).status).toBe(0);
  expect((await run(ws, ['checklist', 'hotline', '--date', '2026-12-01', '--site', '北区'])).status).toBe(0);
  expect((await run(ws, ['checklist', 'repair-visit', '--date', '2026-12-01'])).status).toBe(0);
  const respond = '- Measured (≤ 24 hours):\n- Note:\n- Evidence:\n- Action:\n- Owner:\n- Due (YYYY-MM-DD):';
  edit(
    join(ws, 'audits/hotline/2026-11-01-A.md'),
    ['- Measured (≤ 3 rings):', '- Measured (≤ 3 rings): 2'],
    [respond, '- Measured (≤ 24 hours): 2 days\n- Note:\n- Evidence:\n- Action: 加派人手\n- Owner: 王芳\n- Due (YYYY-MM-DD): 2026-11-20'],
    ['- [ ] Pass\n', '- [x] Pass\n'],
    ['- Rating (比较满意 (satisfied) or better):', '- Rating (比较满意 (satisfied) or better): 很满意'],
  );
  edit(
    join(ws, 'audits/hotline/2026-12-01-北区.md'),
    ['- Measured (≤ 3 rings):', '- Measured (≤ 3 rings): 4 声'],
    // A control character in an action's text must not reach the terminal.
    ['- Action:\n', '- Action: 复训\u0007接听\n'],
    ['- Measured (≤ 24 hours):', '- Measured (≤ 24 hours): 30 hours'],
    ['- [ ] Pass\n', '- [x] Pass\n'],
  );
  edit(join(ws, 'audits/repair-visit/2026-12-01.md'), ['- Measured (≤ 24 hours):', '- Measured (≤ 24 hours): 12 hours']);
  // None of these is read as a checklist: each would be an audit with a "no front matter" error.
  writeFileSync(join(ws, 'audits/README.md'), '# Audits\n');
  writeFileSync(join(ws, 'audits/Index.md'), '# Index\n');
  writeFileSync(join(ws, 'audits/notes.txt'), 'notes\n');
  mkdirSync(join(ws, 'audits/.old'));
  writeFileSync(join(ws, 'audits/.old/x.md'), '# old\n');
  return ws;
}

let ws: string;
beforeAll(async () => {
  ws = await auditWorkspace();
});

const HOTLINE_A = `audits/hotline/2026-11-01-A.md  hotline · 2026-11-01 · A · 张三
  PASS  compliance 57.1 % (weight 4 of 7 passed)
    efficiency: 40.0 % (2 of 5)
    etiquette: 100.0 % (1 of 1)
    empathy: 100.0 % (1 of 1)
  items: 3 pass, 1 fail, 0 N/A, 0 unanswered
`;
const HOTLINE_B = `audits/hotline/2026-12-01-北区.md  hotline · 2026-12-01 · 北区
  FAIL  compliance 16.7 % (weight 1 of 6 passed)
    efficiency: 0.0 % (0 of 5)
    etiquette: 100.0 % (1 of 1)
    empathy: — (0 of 0)
  items: 1 pass, 2 fail, 0 N/A, 1 unanswered
  critical failures: ring-3
  unanswered: satisfaction
  failed without corrective action: respond-24h
  audits/hotline/2026-12-01-北区.md:29:11  warning  The corrective action of item "ring-3" has no owner.  checklist-incomplete-action
  audits/hotline/2026-12-01-北区.md:29:11  warning  The corrective action of item "ring-3" has no due date.  checklist-incomplete-action
  audits/hotline/2026-12-01-北区.md:34:6  warning  Item "respond-24h" failed and has no corrective action.  checklist-missing-action
`;
const REPAIR = `audits/repair-visit/2026-12-01.md  repair-visit · 2026-12-01
  PASS  compliance 100.0 % (weight 3 of 3 passed)
    efficiency: 100.0 % (3 of 3)
  items: 1 pass, 0 fail, 0 N/A, 0 unanswered
`;

describe('peakend audit score', () => {
  it('scores every checklist below a folder in name order, with each audit’s findings under it; a failed audit exits 1', async () => {
    const r = await run(ws, ['audit', 'score', 'audits']);
    expect(r.stdout).toBe(`${HOTLINE_A}\n${HOTLINE_B}\n${REPAIR}\n3 audit(s): 1 failed, 3 finding(s)\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('passing audits with warnings only exit 0; files and folders mix', async () => {
    const r = await run(join(ws, 'audits'), ['audit', 'score', 'hotline/2026-11-01-A.md', 'repair-visit']);
    expect(r.stdout).toBe(
      `${HOTLINE_A.replace('audits/hotline/', 'hotline/')}\n${REPAIR.replace('audits/repair-visit/', 'repair-visit/')}\n2 audit(s): 0 failed, 0 finding(s)\n`,
    );
    expect(r.status).toBe(0);
  });

  it('a file that cannot be read gives no audit: its finding follows the audits, in the Markdown score too', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(ws, 'audits/hotline/pipe.md');
    execFileSync('mkfifo', [fifo]);
    try {
      const r = await run(ws, ['audit', 'score', 'audits/hotline/2026-12-01-北区.md', 'audits/hotline/pipe.md', 'audits/hotline/2026-11-01-A.md']);
      const unreadable = 'audits/hotline/pipe.md:1:1  error  The file cannot be read: it is not a regular file  file-unreadable';
      expect(r.stdout).toBe(`${HOTLINE_B}\n${HOTLINE_A}\n${unreadable}\n2 audit(s): 1 failed, 4 finding(s)\n`);
      expect(r.status).toBe(1);
      const md = await run(ws, ['audit', 'score', '--format', 'md', 'audits/hotline/pipe.md', 'audits/hotline/2026-11-01-A.md']);
      expect(md.stdout.startsWith('## hotline · 2026-11-01 · A\n')).toBe(true);
      expect(md.stdout).not.toContain('pipe.md');
      expect(md.status).toBe(1);
    } finally {
      rmSync(fifo);
    }
  });

  it('a file that is no checklist is an audit with an error: exit 1, the finding in English or Chinese', async () => {
    const r = await run(ws, ['audit', 'score', 'audits/README.md']);
    expect(r.stdout).toBe(`audits/README.md  
  PASS  compliance — (weight 0 of 0 passed)
  items: 0 pass, 0 fail, 0 N/A, 0 unanswered
  audits/README.md:1:1  error  A checklist starts with front matter between "---" lines naming its touchpoint ("touchpoint: <id>").  checklist-header

1 audit(s): 0 failed, 1 finding(s)
`);
    expect(r.status).toBe(1);
    const zh = await run(ws, ['audit', 'score', 'audits/README.md'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toContain('  audits/README.md:1:1  error  ');
    expect(zh.stdout).not.toContain('A checklist starts');
    expect(zh.status).toBe(1);
  });

  it('--format json: each audit with its file relative to the working folder, then the findings', async () => {
    const r = await run(ws, ['audit', 'score', 'audits/repair-visit', 'audits/hotline/2026-11-01-A.md', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['audits', 'findings']);
    expect(json.audits.map((a: { file: string; outcome: string; overall: { passedWeight: number; answeredWeight: number } }) => [a.file, a.outcome, a.overall.passedWeight, a.overall.answeredWeight])).toEqual([
      ['audits/repair-visit/2026-12-01.md', 'pass', 3, 3],
      ['audits/hotline/2026-11-01-A.md', 'pass', 4, 7],
    ]);
    expect(json.findings).toEqual([]);
    expect(r.stdout.startsWith('{\n  "audits": [\n    {\n      "file": "audits/repair-visit/2026-12-01.md",\n')).toBe(true);
    expect(r.status).toBe(0);
  });

  it('--format json exits 1 for a failed audit, and for an error finding; warnings alone keep 0', async () => {
    const failed = await run(ws, ['audit', 'score', 'audits/hotline/2026-12-01-北区.md', '--format', 'json']);
    const json = JSON.parse(failed.stdout);
    expect(json.audits.map((a: { outcome: string }) => a.outcome)).toEqual(['fail']);
    expect(json.findings.map((f: { severity: string; ruleId: string; file: string; range: { start: { line: number } } }) => [f.severity, f.ruleId, f.file, f.range.start.line])).toEqual([
      ['warning', 'checklist-incomplete-action', 'audits/hotline/2026-12-01-北区.md', 28],
      ['warning', 'checklist-incomplete-action', 'audits/hotline/2026-12-01-北区.md', 28],
      ['warning', 'checklist-missing-action', 'audits/hotline/2026-12-01-北区.md', 33],
    ]);
    expect(failed.status).toBe(1);
    const broken = await run(ws, ['audit', 'score', 'audits/README.md', '--format', 'json', '--lang', 'zh-cn']);
    const b = JSON.parse(broken.stdout);
    expect(b.audits.map((a: { outcome: string; file: string }) => [a.file, a.outcome])).toEqual([['audits/README.md', 'pass']]);
    expect(b.findings).toHaveLength(1);
    expect(b.findings[0]).toMatchObject({ severity: 'error', ruleId: 'checklist-header', file: 'audits/README.md' });
    expect(b.findings[0].message).not.toContain('A checklist starts');
    expect(broken.status).toBe(1);
  });

  it('--format md, in English or Chinese', async () => {
    const en = await run(ws, ['audit', 'score', 'audits/repair-visit', '--format', 'md']);
    expect(en.stdout).toContain('**PASS** · 100.0 % (3 / 3) · audits/repair-visit/2026-12-01.md');
    expect(en.status).toBe(0);
    const zh = await run(ws, ['audit', 'score', 'audits/hotline/2026-12-01-北区.md', '--format', 'md', '--lang', 'zh-cn']);
    expect(zh.stdout).toContain('**不通过** · 16.7 % (1 / 6)');
    expect(zh.status).toBe(1);
  });

  it('file names with control characters are shown, never acted on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakend-audit-names-'));
    dirs.push(dir);
    const name = 'x\u001b]8;;x.invalid\u0007\u202e.md';
    writeFileSync(join(dir, name), readFileSync(join(ws, 'audits/repair-visit/2026-12-01.md'), 'utf8'));
    writeFileSync(join(dir, 'y\nz.md'), '# no checklist\n');
    const r = await run(dir, ['audit', 'score', '.']);
    expect(r.stdout.split('\n').filter((l) => l.includes('.md'))).toEqual([
      'x\ufffd]8;;x.invalid\ufffd\ufffd.md  repair-visit · 2026-12-01',
      // No workspace around this folder: no touchpoint or standard is known.
      '  x\ufffd]8;;x.invalid\ufffd\ufffd.md:4:13  error  Unknown touchpoint "repair-visit": no inventory defines it.  checklist-unknown-touchpoint',
      '  x\ufffd]8;;x.invalid\ufffd\ufffd.md:16:6  error  Unknown item "respond-24h": no standard of the workspace has this ID.  checklist-unknown-item',
      'y z.md  ',
      '  y z.md:1:1  error  A checklist starts with front matter between "---" lines naming its touchpoint ("touchpoint: <id>").  checklist-header',
    ]);
    const report = await run(dir, ['audit', 'report', '.', '--today', '2026-12-10']);
    expect(report.stderr).toBe(
      [
        'x\ufffd]8;;x.invalid\ufffd\ufffd.md:4:13  error  Unknown touchpoint "repair-visit": no inventory defines it.  checklist-unknown-touchpoint',
        'x\ufffd]8;;x.invalid\ufffd\ufffd.md:16:6  error  Unknown item "respond-24h": no standard of the workspace has this ID.  checklist-unknown-item',
        'y z.md:1:1  error  A checklist starts with front matter between "---" lines naming its touchpoint ("touchpoint: <id>").  checklist-header',
        '',
      ].join('\n'),
    );
    expect(report.status).toBe(1);
  });

  it('refuses a missing file, an unknown format and no files, with status 2', async () => {
    expect(await run(ws, ['audit', 'score', 'audits/nope.md'])).toEqual({ status: 2, stdout: '', stderr: 'peakend: No such file or folder: audits/nope.md\nRun "peakend audit --help" for usage.\n' });
    expect(await run(ws, ['audit', 'score', 'audits', '-f', 'csv'])).toEqual({ status: 2, stdout: '', stderr: 'peakend: Unknown format "csv". Use one of: stylish, json, md.\nRun "peakend audit --help" for usage.\n' });
    expect(await run(ws, ['audit', 'score'])).toEqual({ status: 2, stdout: '', stderr: 'peakend: Name the checklist files (or folders) to score.\nRun "peakend audit --help" for usage.\n' });
    expect(await run(ws, ['audit', 'score', '--help'])).toEqual({ status: 0, stdout: auditHelp(), stderr: '' });
  });
});

describe('peakend audit', () => {
  it('without a subcommand prints its help to standard error and exits 2; with --help to standard output', async () => {
    expect(await run(ws, ['audit'])).toEqual({ status: 2, stdout: '', stderr: auditHelp() });
    expect(await run(ws, ['audit', '-h'])).toEqual({ status: 0, stdout: auditHelp(), stderr: '' });
    expect(await run(ws, ['audit', '--help'])).toEqual({ status: 0, stdout: auditHelp(), stderr: '' });
    expect(await run(ws, ['help', 'audit'])).toEqual({ status: 0, stdout: auditHelp(), stderr: '' });
    expect(auditHelp()).toContain('Usage: peakend audit score <checklist.md|folder…> [--format stylish|json|md]\n');
    expect(await run(ws, ['audit', 'scores'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'peakend: Unknown audit command "scores". Use "peakend audit score" or "peakend audit report".\nRun "peakend audit --help" for usage.\n',
    });
  });
});

describe('peakend audit report', () => {
  // hotline: 4 + 1 = 5 of 7 + 6 = 13 → 38.5 %, measured 1 + 4 × 5/13 = 2.54, gap 2.54 − 3 = −0.46.
  // efficiency: 2 + 0 + 3 = 5 of 5 + 5 + 3 = 13. 2026-12-01: 1 + 3 = 4 of 6 + 3 = 9 → 44.4 %.
  const STYLISH = `3 audit(s)

Compliance by touchpoint (declared → measured performance, 1–5):
  hotline: 38.5 % in 2 audit(s)  3 → 2.54 (-0.46)
  repair-visit: 100.0 % in 1 audit(s)  4 → 5 (+1)

Compliance by dimension:
  efficiency: 38.5 %
  empathy: 100.0 %
  etiquette: 100.0 %

Trend by audit date:
  2026-11-01: 57.1 % (1 audit(s))
  2026-12-01: 44.4 % (2 audit(s))

Most-failed standards:
  respond-24h: failed 2 of 3
  ring-3: failed 1 of 2

Repeat failures:
  hotline / respond-24h: 2026-11-01, 2026-12-01

Critical failures:
  hotline 2026-12-01 北区: ring-3

Open corrective actions (overdue as of 2026-12-10):
  (no owner): 1 open, 0 overdue
    no due date  hotline / ring-3: 复训\ufffd接听
  王芳: 1 open, 1 overdue
    OVERDUE 2026-11-20  hotline / respond-24h: 加派人手
`;

  it('aggregates the checklists folder of peakend.yaml by default; no errors, exit 0', async () => {
    const r = await run(ws, ['audit', 'report', '--today', '2026-12-10']);
    expect(r).toEqual({ status: 0, stdout: STYLISH, stderr: '' });
    // The folder named, from elsewhere: the same report.
    expect(await run(join(ws, 'audits'), ['audit', 'report', '.', '--today', '2026-12-10'])).toEqual({ status: 0, stdout: STYLISH, stderr: '' });
  });

  it('says "none" for empty sections, and takes today’s date by default', async () => {
    const r = await run(ws, ['audit', 'report', 'audits/repair-visit']);
    const today = new Date().toISOString().slice(0, 10);
    expect(r.stdout).toBe(`1 audit(s)

Compliance by touchpoint (declared → measured performance, 1–5):
  repair-visit: 100.0 % in 1 audit(s)  4 → 5 (+1)

Compliance by dimension:
  efficiency: 100.0 %

Trend by audit date:
  2026-12-01: 100.0 % (1 audit(s))

Most-failed standards:
  none

Repeat failures:
  none

Critical failures:
  none

Open corrective actions (overdue as of ${today}):
  none
`);
    expect(r.status).toBe(0);
  });

  it('--format json: the report with files relative to the working folder', async () => {
    const r = await run(ws, ['audit', 'report', '--today', '2026-12-10', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(r.stdout.endsWith('\n}\n')).toBe(true);
    expect(json).toMatchObject({ today: '2026-12-10', audits: 3 });
    expect(json.touchpoints.map((t: { id: string; passedWeight: number; answeredWeight: number; measured: number }) => [t.id, t.passedWeight, t.answeredWeight, t.measured])).toEqual([
      ['hotline', 5, 13, 2.54],
      ['repair-visit', 3, 3, 5],
    ]);
    expect(json.criticalFailures).toEqual([{ touchpoint: 'hotline', standard: 'ring-3', file: 'audits/hotline/2026-12-01-北区.md', date: '2026-12-01', site: '北区' }]);
    expect(json.openActions.map((o: { owner: string; actions: { file: string; overdue: boolean }[] }) => [o.owner, o.actions.map((a) => [a.file, a.overdue])])).toEqual([
      ['', [['audits/hotline/2026-12-01-北区.md', false]]],
      ['王芳', [['audits/hotline/2026-11-01-A.md', true]]],
    ]);
    expect(r.status).toBe(0);
  });

  it('--format md in English and Chinese, --format csv with every audited item', async () => {
    const en = await run(ws, ['audit', 'report', '--today', '2026-12-10', '--format', 'md']);
    expect(en.stdout.startsWith('# Audit report\n\n3 audit(s); actions overdue as of 2026-12-10.\n')).toBe(true);
    const zh = await run(ws, ['audit', 'report', '--today', '2026-12-10', '--format', 'md', '--lang', 'zh-cn']);
    expect(zh.stdout.startsWith('# 审核报告\n\n共 3 次审核；逾期整改截至 2026-12-10。\n')).toBe(true);
    const csv = await run(ws, ['audit', 'report', '--today', '2026-12-10', '-f', 'csv']);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe('\ufefffile,touchpoint,site,auditor,date,outcome,standard,dimension,weight,critical,result,measured,action,owner,due,action status,overdue');
    expect(rows.slice(1, -1).map((r) => r.split(',').slice(0, 7).join(','))).toEqual([
      'audits/hotline/2026-11-01-A.md,hotline,A,张三,2026-11-01,pass,ring-3',
      'audits/hotline/2026-11-01-A.md,hotline,A,张三,2026-11-01,pass,respond-24h',
      'audits/hotline/2026-11-01-A.md,hotline,A,张三,2026-11-01,pass,greet',
      'audits/hotline/2026-11-01-A.md,hotline,A,张三,2026-11-01,pass,satisfaction',
      'audits/hotline/2026-12-01-北区.md,hotline,北区,,2026-12-01,fail,ring-3',
      'audits/hotline/2026-12-01-北区.md,hotline,北区,,2026-12-01,fail,respond-24h',
      'audits/hotline/2026-12-01-北区.md,hotline,北区,,2026-12-01,fail,greet',
      'audits/hotline/2026-12-01-北区.md,hotline,北区,,2026-12-01,fail,satisfaction',
      'audits/repair-visit/2026-12-01.md,repair-visit,,,2026-12-01,pass,respond-24h',
    ]);
    expect(rows.at(-1)).toBe('');
    for (const r of [en, zh, csv]) expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('an undeclared performance is "—" with no gap; a gap of 0 has no sign; a dot-folder named like a checklist is skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakend-audit-gap-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
    writeFileSync(join(dir, 'property.touchpoints.yaml'), INVENTORY);
    writeFileSync(join(dir, 'service.standards.yaml'), STANDARDS);
    for (const day of ['01', '02', '03', '04']) {
      await run(dir, ['checklist', 'repair-visit', '--date', `2026-11-${day}`]);
      edit(join(dir, `audits/repair-visit/2026-11-${day}.md`), ['- Measured (≤ 24 hours):', `- Measured (≤ 24 hours): ${day === '04' ? '2 days' : '1 hours'}`]);
    }
    await run(dir, ['checklist', 'hotline', '--date', '2026-11-05']);
    edit(join(dir, 'audits/hotline/2026-11-05.md'), ['- Measured (≤ 3 rings):', '- Measured (≤ 3 rings): 5'], ['- Measured (≤ 24 hours):', '- Measured (≤ 24 hours): 3 days']);
    mkdirSync(join(dir, 'audits/.x.md'));
    const r = await run(dir, ['audit', 'report', '--today', '2026-12-10']);
    // repair-visit: 3 of 4 audits pass, 9 of 12 → 1 + 4 × 0.75 = 4, as declared. hotline: 0 of 5, nothing declared.
    // efficiency: 9 + 0 of 12 + 5 = 52.9 %.
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      '5 audit(s)',
      '',
      'Compliance by touchpoint (declared → measured performance, 1–5):',
      '  hotline: 0.0 % in 1 audit(s)  — → 1',
      '  repair-visit: 75.0 % in 4 audit(s)  4 → 4 (0)',
      '',
      'Compliance by dimension:',
      '  efficiency: 52.9 %',
      '  empathy: —',
    ]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    // Two failures without action, two unanswered: listed with commas.
    const score = await run(dir, ['audit', 'score', 'audits/hotline']);
    expect(score.stdout).toContain('\n  unanswered: greet, satisfaction\n  failed without corrective action: ring-3, respond-24h\n');
    // A passing audit with warnings only: JSON exits 0.
    const json = await run(dir, ['audit', 'score', 'audits/repair-visit/2026-11-04.md', '-f', 'json']);
    expect(JSON.parse(json.stdout).findings.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
    expect(json.status).toBe(0);
  });

  it('prints a checklist’s errors on standard error, in the language asked for, and exits 1', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'peakend-audit-broken-'));
    dirs.push(broken);
    writeFileSync(join(broken, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
    writeFileSync(join(broken, 'property.touchpoints.yaml'), INVENTORY);
    writeFileSync(join(broken, 'service.standards.yaml'), STANDARDS);
    await run(broken, ['checklist', 'repair-visit', '--date', '2026-12-01']);
    renameSync(join(broken, 'audits/repair-visit/2026-12-01.md'), join(broken, 'audits/repair-visit/2026-12-02.md'));
    edit(join(broken, 'audits/repair-visit/2026-12-02.md'), ['touchpoint: repair-visit', 'touchpoint: repair-vist'], ['date: 2026-12-01', 'date: 2026-12-02']);
    const r = await run(broken, ['audit', 'report', '--today', '2026-12-10']);
    expect(r.stderr).toBe('audits/repair-visit/2026-12-02.md:4:13  error  Unknown touchpoint "repair-vist": no inventory defines it.  checklist-unknown-touchpoint\n');
    expect(r.status).toBe(1);
    const zh = await run(broken, ['audit', 'report', '--today', '2026-12-10', '--lang', 'zh-cn']);
    expect(zh.stderr).toBe('audits/repair-visit/2026-12-02.md:4:13  error  未知接触点“repair-vist”：没有任何接触点清单定义它。  checklist-unknown-touchpoint\n');
    expect(zh.status).toBe(1);
  });

  it('refuses a bad date, two folders, a missing folder and an unknown format', async () => {
    const usage = (message: string) => ({ status: 2, stdout: '', stderr: `peakend: ${message}\nRun "peakend audit --help" for usage.\n` });
    expect(await run(ws, ['audit', 'report', '--today', '2026-13-01'])).toEqual(usage('--today takes a date written YYYY-MM-DD, not "2026-13-01".'));
    expect(await run(ws, ['audit', 'report', 'audits', 'audits'])).toEqual(usage('Give one folder of checklists.'));
    expect(await run(ws, ['audit', 'report', 'nowhere'])).toEqual(usage('No such folder: nowhere'));
    expect(await run(ws, ['audit', 'report', 'audits/README.md'])).toEqual(usage('No such folder: audits/README.md'));
    expect(await run(ws, ['audit', 'report', '-f', 'html'])).toEqual(usage('Unknown format "html". Use one of: stylish, md, json, csv.'));
    expect(await run(ws, ['audit', 'report', '-h'])).toEqual({ status: 0, stdout: auditHelp(), stderr: '' });
  });
});
