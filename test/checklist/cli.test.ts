import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { checklistPath, sanitizeSegment } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { writeFileAtomic } from '../../src/node/writeFileAtomic';
import { INVENTORY, STANDARDS } from './fixture';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-checklist-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n');
  writeFileSync(join(dir, 'property.touchpoints.yaml'), INVENTORY);
  writeFileSync(join(dir, 'service.standards.yaml'), STANDARDS);
  return dir;
}

async function run(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdout: { write: (s) => void (stdout += s) }, stderr: { write: (s) => void (stderr += s) }, writeFile: writeFileAtomic };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();
}

describe('file names', () => {
  it('keep hostile site names inside the folder', () => {
    const dir = '/ws/audits';
    const hostile = ['../../etc/passwd', '/abs/path', 'C:\\Windows\\system32', 'CON', 'nul.txt', 'a\u0000b', '..', '.', ' ', 'x'.repeat(500), '北区 1 号楼', 'a/../../b', 'LPT1', '\u202eevil'];
    for (const site of hostile) {
      const p = checklistPath(dir, 'hotline', '2026-12-03', site)!;
      expect(p.startsWith('/ws/audits/hotline/2026-12-03'), site).toBe(true);
      expect(p.slice('/ws/audits/hotline/'.length), site).toMatch(/^2026-12-03(-[\p{L}\p{N}_-]{1,48})?\.md$/u);
    }
    expect(sanitizeSegment('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeSegment('CON')).toBe('_CON');
    expect(sanitizeSegment('a\u0000b')).toBe('a-b');
    expect(sanitizeSegment('北区 1 号楼')).toBe('北区-1-号楼');
    expect(sanitizeSegment('..')).toBe('');
    expect([...sanitizeSegment('长'.repeat(100))]).toHaveLength(48);
    // A Windows device name is no ID at all.
    expect(checklistPath(dir, 'CON', '2026-12-03')).toBeUndefined();
    expect(checklistPath(dir, '../x', '2026-12-03')).toBeUndefined();
    expect(checklistPath(dir, 'hotline', '2026-02-30')).toBeUndefined();
    expect(checklistPath(dir, 'hotline', '../../2026-12-03')).toBeUndefined();
  });
});

describe('peakend checklist', () => {
  it('writes one file per touchpoint and audit under checklists.dir', async () => {
    const ws = workspace();
    const r = await run(ws, 'checklist', '--all', '--date', '2026-12-03', '--site', '../北区', '--auditor', '张三');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('audits/hotline/2026-12-03-北区.md: created (4 item(s))\naudits/repair-visit/2026-12-03-北区.md: created (1 item(s))\n');
    expect(r.status).toBe(0);
    expect(files(join(ws, 'audits'))).toEqual(['hotline', 'hotline/2026-12-03-北区.md', 'repair-visit', 'repair-visit/2026-12-03-北区.md']);
    const again = await run(ws, 'checklist', 'hotline', '--date', '2026-12-03', '--site', '../北区');
    expect(again.stdout).toBe('audits/hotline/2026-12-03-北区.md: up to date\n');
  });

  it('merges on regeneration, and --dry-run says what would change without writing', async () => {
    const ws = workspace();
    await run(ws, 'checklist', 'hotline', '--date', '2026-12-03');
    const path = join(ws, 'audits/hotline/2026-12-03.md');
    const filled = readFileSync(path, 'utf8')
      .replace('- Measured (≤ 3 rings):', '- Measured (≤ 3 rings): 5 声\n- Action: 培训\n- Owner: 王\n- Due: 2026-12-20')
      .replace('- [ ] Pass\n', '- [x] Pass\n')
      .replace(/(`satisfaction`[\s\S]*?)- \[ \] N\/A/, '$1- [x] N/A');
    writeFileSync(path, filled);
    // ring-3's threshold changes, greet no longer applies, a new standard applies.
    const changed = STANDARDS.replace('threshold: 3', 'threshold: 4').replace('appliesTo: { tags: [counter] }', 'appliesTo: { tags: [nowhere] }') +
      `  - id: hands\n    title: 双手递接\n    requirement: 双手递接物品。\n    appliesTo: { touchpoints: [hotline] }\n    method: observation\n    expect: { type: pass-fail }\n`;
    writeFileSync(join(ws, 'service.standards.yaml'), changed);
    writeFileSync(join(ws, 'property.touchpoints.yaml'), INVENTORY.replace('standards: [ring-3, greet]', 'standards: [ring-3]'));
    const dry = await run(ws, 'checklist', 'hotline', '--date', '2026-12-03', '--dry-run');
    expect(dry.stdout).toBe('audits/hotline/2026-12-03.md: would update (added: hands; re-check: ring-3; obsolete: greet; 2 kept)\n');
    expect(readFileSync(path, 'utf8')).toBe(filled);
    const real = await run(ws, 'checklist', 'hotline', '--date', '2026-12-03');
    expect(real.stdout).toBe('audits/hotline/2026-12-03.md: updated (added: hands; re-check: ring-3; obsolete: greet; 2 kept)\n');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('- Measured (≤ 3 rings): 5 声\n- Action: 培训\n- Owner: 王\n- Due: 2026-12-20');
    expect(text).toContain('| ≤ 4 rings |');
    expect(text).toMatch(/## Obsolete[\s\S]*### `greet`[\s\S]*- \[x\] Pass/);
    expect(text).toMatch(/### `ring-3`.*\n\n> Re-check:/);
    expect(files(join(ws, 'audits'))).toEqual(['hotline', 'hotline/2026-12-03.md']);
  });

  it('writes nothing over a checklist a person saved while it was merged, and says so', async () => {
    const ws = workspace();
    await run(ws, 'checklist', 'hotline', '--date', '2026-12-03');
    const path = join(ws, 'audits/hotline/2026-12-03.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('- [ ] Pass\n', '- [x] Pass\n'));
    writeFileSync(join(ws, 'service.standards.yaml'), STANDARDS.replace('threshold: 3', 'threshold: 4'));
    const saved = readFileSync(path, 'utf8').replace('- Note:', '- Note: 保存于合并期间');
    // The person saves right after the command read the file to merge it (it looks the file up first).
    const read = nodeHost.readFile.bind(nodeHost);
    const stat = nodeHost.stat.bind(nodeHost);
    let merging = false;
    let reads = 0;
    const statSpy = vi.spyOn(nodeHost, 'stat').mockImplementation(async (p) => ((merging ||= p === path), stat(p)));
    const spy = vi.spyOn(nodeHost, 'readFile').mockImplementation(async (p, max) => {
      const r = await read(p, max);
      if (p === path && merging && ++reads === 1) writeFileSync(path, saved);
      return r;
    });
    try {
      const r = await run(ws, 'checklist', 'hotline', '--date', '2026-12-03');
      expect(r.stderr).toBe('peakend: audits/hotline/2026-12-03.md changed on disk while its checklist was generated; nothing written. Run the command again.\n');
      expect(r.stdout).toBe('');
      expect(r.status).toBe(1);
    } finally {
      spy.mockRestore();
      statSpy.mockRestore();
    }
    expect(reads).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(saved);
    // Run again, it merges what the person saved.
    const again = await run(ws, 'checklist', 'hotline', '--date', '2026-12-03');
    expect(again.stdout).toBe('audits/hotline/2026-12-03.md: updated (re-check: ring-3; 3 kept)\n');
    expect(readFileSync(path, 'utf8')).toContain('- Note: 保存于合并期间');
  });

  it('never writes through a symbolic link in the checklists folder', async () => {
    const ws = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'peakend-outside-'));
    dirs.push(outside);
    mkdirSync(join(ws, 'audits'));
    symlinkSync(outside, join(ws, 'audits/hotline'));
    const r = await run(ws, 'checklist', 'hotline', 'repair-visit', '--date', '2026-12-03');
    expect(r.stderr).toBe('peakend: audits/hotline is a symbolic link, which is not followed; no checklist written for "hotline".\n');
    expect(r.stdout).toBe('audits/repair-visit/2026-12-03.md: created (1 item(s))\n');
    expect(r.status).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
    // A link in place of the checklist file itself.
    writeFileSync(join(outside, 'kept.md'), 'not a checklist\n');
    symlinkSync(join(outside, 'kept.md'), join(ws, 'audits/repair-visit/2026-12-04.md'));
    const file = await run(ws, 'checklist', 'repair-visit', '--date', '2026-12-04');
    expect(file.stderr).toBe('peakend: audits/repair-visit/2026-12-04.md is a symbolic link, which is not followed; no checklist written for "repair-visit".\n');
    expect(readFileSync(join(outside, 'kept.md'), 'utf8')).toBe('not a checklist\n');
  });

  it('refuses unknown touchpoints, bad dates and missing arguments', async () => {
    const ws = workspace();
    expect((await run(ws, 'checklist', 'nope', '--date', '2026-12-03')).stderr).toContain('Unknown touchpoint "nope".');
    expect((await run(ws, 'checklist', '../x')).stderr).toContain('"../x" cannot be a touchpoint ID.');
    expect((await run(ws, 'checklist', 'hotline', '--date', '03/12/2026')).status).toBe(2);
    expect((await run(ws, 'checklist')).status).toBe(2);
    expect(readdirSync(ws).sort()).toEqual(['peakend.yaml', 'property.touchpoints.yaml', 'service.standards.yaml']);
  });

  it('writes into --out', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'elsewhere'));
    await run(ws, 'checklist', 'repair-visit', '--date', '2026-12-03', '--out', 'elsewhere');
    expect(files(join(ws, 'elsewhere')).map((f) => relative('.', f))).toEqual(['repair-visit', 'repair-visit/2026-12-03.md']);
  });
});

describe('peakend audit score', () => {
  it('scores a filled checklist, reports its problems with positions, and exits 1 on a failed critical item', async () => {
    const ws = workspace();
    await run(ws, 'checklist', 'hotline', '--date', '2026-12-03', '--site', 'A');
    const path = join(ws, 'audits/hotline/2026-12-03-A.md');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('- Measured (≤ 3 rings):', '- Measured (≤ 3 rings): 2')
        .replace('- Measured (≤ 24 hours):', '- Measured (≤ 24 hours): 2 days')
        .replace('- [ ] Pass\n', '- [x] Pass\n')
        .replace('- Rating (比较满意 (satisfied) or better):', '- Rating (比较满意 (satisfied) or better): 很满意'),
    );
    const r = await run(ws, 'audit', 'score', 'audits');
    // Passed: ring-3 (2) + greet (1) + satisfaction (1) = 4 of 2 + 3 + 1 + 1 = 7 answered.
    expect(r.stdout).toBe(`audits/hotline/2026-12-03-A.md  hotline · 2026-12-03 · A
  PASS  compliance 57.1 % (weight 4 of 7 passed)
    efficiency: 40.0 % (2 of 5)
    etiquette: 100.0 % (1 of 1)
    empathy: 100.0 % (1 of 1)
  items: 3 pass, 1 fail, 0 N/A, 0 unanswered
  failed without corrective action: respond-24h
  audits/hotline/2026-12-03-A.md:34:6  warning  Item "respond-24h" failed and has no corrective action.  checklist-missing-action

1 audit(s): 0 failed, 1 finding(s)
`);
    expect(r.status).toBe(0);
    const json = JSON.parse((await run(ws, 'audit', 'score', 'audits/hotline/2026-12-03-A.md', '--format', 'json')).stdout);
    expect(json.audits[0].overall).toMatchObject({ passedWeight: 4, answeredWeight: 7 });
    writeFileSync(path, readFileSync(path, 'utf8').replace('- Measured (≤ 3 rings): 2', '- Measured (≤ 3 rings): 4 声'));
    const failed = await run(ws, 'audit', 'score', path, '--format', 'md');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('**FAIL** · 28.6 % (2 / 7)');
    // --lang (as for the messages) also sets the Markdown's words; the measured text stays as written.
    const zh = await run(ws, 'audit', 'score', path, '--format', 'md', '--lang', 'zh-cn');
    expect(zh.stdout).toContain('**不通过** · 28.6 % (2 / 7)');
    expect(zh.stdout).toContain('| 检查项 ');
    expect(zh.stdout).not.toContain('FAIL');
  });
});

describe('audit score names each file relative to the working folder', () => {
  it('from the workspace, the checklists folder, the checklist\'s own folder, below it and beside it', async () => {
    const ws = workspace();
    await run(ws, 'checklist', 'repair-visit', '--date', '2026-12-03');
    const path = join(ws, 'audits/repair-visit/2026-12-03.md');
    for (const sub of ['other', 'audits/repair-visit/below/deeper']) mkdirSync(join(ws, sub), { recursive: true });
    for (const cwd of ['.', 'audits', 'audits/repair-visit', 'audits/repair-visit/below/deeper', 'other']) {
      const at = join(ws, cwd);
      const json = JSON.parse((await run(at, 'audit', 'score', relative(at, join(ws, 'audits')) || '.', '--format', 'json')).stdout);
      const expected = relative(at, path).split('\\').join('/');
      expect(json.audits.map((a: { file: string }) => a.file)).toEqual([expected]);
      for (const f of json.findings as { file: string }[]) expect(f.file).toBe(expected);
    }
  });
});

describe('peakend check with checklists', () => {
  it('includes the checklists folder and reports checklist problems with their positions', async () => {
    const ws = workspace();
    await run(ws, 'checklist', 'repair-visit', '--date', '2026-12-03');
    const path = join(ws, 'audits/repair-visit/2026-12-03.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('touchpoint: repair-visit', 'touchpoint: repair-vist').replace('- Measured (≤ 24 hours):', '- Measured (≤ 24 hours): 3 yuan'));
    writeFileSync(join(ws, 'audits/README.md'), '# Audits of the north site\n');
    writeFileSync(join(ws, 'notes.md'), 'not a checklist\n');
    const r = await run(ws, 'check', '--no-color');
    expect(r.stdout).toBe(`audits/repair-visit/2026-12-03.md
  audits/repair-visit/2026-12-03.md:4:13  error    Unknown touchpoint "repair-vist": no inventory defines it.  checklist-unknown-touchpoint
  audits/repair-visit/2026-12-03.md:25:26  error    "yuan" cannot be compared with the threshold's unit "hours". Write the value in hours or a unit convertible to it.  checklist-invalid-measurement

2 errors, 0 warnings in 4 files
`);
    expect(r.status).toBe(1);
    const zh = await run(ws, 'check', '--no-color', '--lang', 'zh-cn');
    expect(zh.stdout).toContain('未知接触点“repair-vist”：没有任何接触点清单定义它。');
  });
});
