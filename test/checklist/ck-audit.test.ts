import { describe, expect, it } from 'vitest';
import { auditChecklists, type AuditScore } from '../../src/core';
import { memoryHost } from '../helpers/memory';
import { INVENTORY, STANDARDS } from './fixture';

const A = `---
touchpoint: hotline
date: 2026-12-01
site: 北区
auditor: 张
---

### \`greet\`

- [x] Fail
`;
const B = `---
touchpoint: nowhere
---

### \`ring-3\`

- Measured: 2
`;

function host(config = 'peakend: 1\nkind: config\nchecklists: { dir: audits }\nlimits: { maxFileBytes: 4096 }\n') {
  return memoryHost({
    '/ws/peakend.yaml': config,
    '/ws/property.touchpoints.yaml': INVENTORY,
    '/ws/service.standards.yaml': STANDARDS,
    '/ws/audits/hotline/a.md': A,
    '/ws/notes/b.md': B,
    '/ws/notes/bad.md': new Uint8Array([0x2d, 0xff, 0xfe]),
    '/ws/notes/big.md': `${B}${'x'.repeat(5000)}\n`,
    '/other/c.md': B,
  });
}

describe('auditing checklists', () => {
  it('scores checklists in and out of the checklists folder and reports files it cannot read, each at its place', async () => {
    const files = ['/ws/audits/hotline/a.md', '/ws/notes/b.md', '/ws/notes/missing.md', '/ws/notes/bad.md', '/ws/notes/big.md', '/ws/property.touchpoints.yaml', '/other/c.md'];
    const r = await auditChecklists(host(), files);
    expect(r.audits.map((a) => [a.file, a.touchpoint, a.date, a.site, a.auditor, a.outcome, a.overall.passedWeight, a.overall.answeredWeight, a.unknown])).toEqual([
      ['/ws/audits/hotline/a.md', 'hotline', '2026-12-01', '北区', '张', 'pass', 0, 1, []],
      ['/ws/notes/b.md', 'nowhere', undefined, undefined, undefined, 'pass', 2, 2, []],
      ['/other/c.md', 'nowhere', undefined, undefined, undefined, 'pass', 0, 0, ['ring-3']],
    ]);
    expect(r.findings.map((f) => [f.file, f.ruleId, f.severity, f.message, f.range.start.line])).toEqual([
      ['/other/c.md', 'checklist-unknown-touchpoint', 'error', 'Unknown touchpoint "nowhere": no inventory defines it.', 1],
      ['/other/c.md', 'checklist-unknown-item', 'error', 'Unknown item "ring-3": no standard of the workspace has this ID.', 4],
      ['/ws/audits/hotline/a.md', 'checklist-missing-action', 'warning', 'Item "greet" failed and has no corrective action.', 7],
      ['/ws/notes/b.md', 'checklist-unknown-touchpoint', 'error', 'Unknown touchpoint "nowhere": no inventory defines it.', 1],
      ['/ws/notes/bad.md', 'file-unreadable', 'error', 'The file cannot be read: The encoded data was not valid for encoding utf-8', 0],
      ['/ws/notes/big.md', 'file-unreadable', 'error', `The file cannot be read: it is ${B.length + 5001} bytes, over limits.maxFileBytes`, 0],
      ['/ws/notes/missing.md', 'file-unreadable', 'error', 'The file cannot be read: ENOENT: /ws/notes/missing.md', 0],
    ]);
    expect(r.findings.find((f) => f.file === '/ws/notes/missing.md')).toMatchObject({ messageId: 'file.unreadable', args: { detail: 'ENOENT: /ws/notes/missing.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(r.workspaces.map((w) => w.config.root)).toEqual(['/ws', '/other']);
  });

  it('hands each score over instead of keeping it, keeps only the findings asked for and applies the rule settings', async () => {
    const seen: AuditScore[] = [];
    const r = await auditChecklists(host(), ['/ws/audits/hotline/a.md', '/ws/notes/b.md', '/ws/notes/missing.md'], (a) => void seen.push(a), (f) => f.severity === 'error');
    expect(r.audits).toEqual([]);
    expect(seen.map((a) => a.file)).toEqual(['/ws/audits/hotline/a.md', '/ws/notes/b.md']);
    expect(r.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['/ws/notes/b.md', 'checklist-unknown-touchpoint'],
      ['/ws/notes/missing.md', 'file-unreadable'],
    ]);
    const strict = await auditChecklists(host('peakend: 1\nkind: config\nchecklists: { dir: audits }\nrules: { checklist-missing-action: error, checklist-unknown-touchpoint: off }\n'), ['/ws/audits/hotline/a.md', '/ws/notes/b.md'], undefined, (f) => f.severity === 'error');
    expect(strict.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['/ws/audits/hotline/a.md', 'checklist-missing-action', 'error']]);
    expect(strict.audits).toHaveLength(2);
  });

  it('reports a checklist named that is not a regular file', async () => {
    const base = host();
    const fifo = { ...base, readFile: async (p: string, max: number) => (p === '/ws/notes/fifo.md' ? ({ notFile: 'fifo' } as never) : base.readFile(p, max)) };
    const r = await auditChecklists(fifo, ['/ws/notes/fifo.md']);
    expect(r.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([['/ws/notes/fifo.md', 'file-unreadable', 'The file cannot be read: it is not a regular file']]);
  });

  it('passes on the findings of a workspace file that is not a checklist', async () => {
    const r = await auditChecklists(memoryHost({ '/ws/peakend.yaml': 'peakend: 1\nkind: config\n', '/ws/x.touchpoints.yaml': 'peakend: 1\nkind: touchpoints\nid: x\ntouchpoints: 3\n' }), ['/ws/x.touchpoints.yaml'], undefined, (f) => f.ruleId !== 'nothing');
    expect(r.audits).toEqual([]);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(new Set(r.findings.map((f) => f.file))).toEqual(new Set(['/ws/x.touchpoints.yaml']));
    const none = await auditChecklists(memoryHost({ '/ws/peakend.yaml': 'peakend: 1\nkind: config\n', '/ws/x.touchpoints.yaml': 'peakend: 1\nkind: touchpoints\nid: x\ntouchpoints: 3\n' }), ['/ws/x.touchpoints.yaml'], undefined, () => false);
    expect(none.findings).toEqual([]);
  });
});
