import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type AuditScore, type Compliance } from '../../src/core';
import { AuditIndex } from '../../src/extension/audits/auditIndex';
import { auditLabel, standardsLabel, treeDescription, type Translate } from '../../src/extension/audits/labels';
import { lastAudits } from '../../src/extension/audits/lastAudit';
import { groupByPhase, touchpointRows } from '../../src/extension/audits/touchpointRows';
import { nodeHost } from '../../src/node/nodeHost';

/** vscode.l10n.t without a bundle: the English message with its arguments filled in. */
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function compliance(passed: number, answered: number): Compliance {
  const c: Compliance = { passedWeight: passed, answeredWeight: answered, counts: { pass: 0, fail: 0, na: 0, unanswered: 0 } };
  if (answered) c.compliance = passed / answered;
  return c;
}

function audit(file: string, touchpoint: string, date: string | undefined, overall = compliance(1, 2), outcome: AuditScore['outcome'] = 'pass'): AuditScore {
  const a: AuditScore = { file, touchpoint, outcome, overall, dimensions: [], items: [], criticalFailures: [], unanswered: [], failedWithoutAction: [], unknown: [] };
  if (date) a.date = date;
  return a;
}

describe('the last audit of each touchpoint', () => {
  it('is the latest date, whatever the order the files come in', () => {
    const older = audit('/w/a/hotline/2026-10-15.md', 'hotline', '2026-10-15');
    const newer = audit('/w/a/hotline/2026-11-15.md', 'hotline', '2026-11-15');
    const other = audit('/w/a/repair/2026-09-01.md', 'repair', '2026-09-01');
    for (const order of [[older, newer, other], [other, newer, older]]) {
      const last = lastAudits(order);
      expect([...last.keys()].sort()).toEqual(['hotline', 'repair']);
      expect(last.get('hotline')).toBe(newer);
      expect(last.get('repair')).toBe(other);
    }
  });

  it('on one day takes the greater file name (two sites), and any date over none', () => {
    const north = audit('/w/hotline/2026-11-15-北区.md', 'hotline', '2026-11-15');
    const plain = audit('/w/hotline/2026-11-15.md', 'hotline', '2026-11-15');
    const undated = audit('/w/hotline/zzz.md', 'hotline', undefined);
    // "2026-11-15.md" > "2026-11-15-北区.md": "." sorts after "-".
    expect(lastAudits([north, plain, undated]).get('hotline')).toBe(plain);
    expect(lastAudits([plain, north]).get('hotline')).toBe(plain);
    expect(lastAudits([north, undated]).get('hotline')).toBe(north);
  });

  it('measured: skips audits with nothing answered, such as a checklist just generated', () => {
    const scored = audit('/w/hotline/2026-11-15.md', 'hotline', '2026-11-15', compliance(3, 7));
    const blank = audit('/w/hotline/2026-12-01.md', 'hotline', '2026-12-01', compliance(0, 0), 'incomplete');
    expect(lastAudits([scored, blank]).get('hotline')).toBe(blank);
    expect(lastAudits([scored, blank], true).get('hotline')).toBe(scored);
    expect(lastAudits([blank], true).size).toBe(0);
  });

  it('ignores a checklist whose header names no touchpoint', () => {
    expect(lastAudits([audit('/w/x.md', '', '2026-01-01')]).size).toBe(0);
  });
});

describe('CodeLens and tree labels', () => {
  it('counts standards', () => {
    expect(standardsLabel(0, t)).toBe('No standard applies');
    expect(standardsLabel(1, t)).toBe('1 standard applies');
    expect(standardsLabel(4, t)).toBe('4 standards apply');
  });

  it('says the last audit: date, compliance to one decimal, outcome', () => {
    expect(auditLabel(undefined, t)).toBe('No audit yet');
    expect(auditLabel(audit('/f.md', 'hotline', '2026-11-15', compliance(3, 7)), t)).toBe('Last audit 2026-11-15: 42.9 % · pass');
    expect(auditLabel(audit('/f.md', 'hotline', '2026-10-15', compliance(6, 7), 'fail'), t)).toBe('Last audit 2026-10-15: 85.7 % · FAIL');
    expect(auditLabel(audit('/f.md', 'hotline', undefined, compliance(0, 0), 'incomplete'), t)).toBe('Last audit —: — · incomplete');
  });

  it('describes a touchpoint in the tree', () => {
    expect(treeDescription(1, undefined, t)).toBe('1 standard');
    expect(treeDescription(9, audit('/f.md', 'r', '2026-11-20', compliance(9, 13)), t)).toBe('9 standards · 69.2 %');
  });
});

describe('the example workspace in the editor', async () => {
  const root = resolve(__dirname, '../../examples/property-management');
  const { workspace } = await openWorkspace(nodeHost, root);
  const audits = new AuditIndex();

  it('scores each checklist once per file version', () => {
    const all = audits.audits(workspace);
    expect(all.length).toBe([...workspace.files.keys()].filter((f) => f.includes('/audits/')).length);
    const again = audits.audits(workspace);
    expect(again.every((a, i) => a === all[i])).toBe(true);
  });

  it('takes the newest audit for the CodeLens and the newest measured one for the tree', () => {
    // service-hotline: 2026-10-15 (FAIL, 6 of 7), 2026-11-15 (pass, 3 of 7), 2026-12-01 (nothing answered).
    const last = audits.last(workspace).get('service-hotline')!;
    expect([last.date, last.outcome, last.overall.compliance]).toEqual(['2026-12-01', 'incomplete', undefined]);
    const measured = audits.last(workspace, true).get('service-hotline')!;
    expect([measured.date, measured.outcome, measured.overall.passedWeight, measured.overall.answeredWeight]).toEqual(['2026-11-15', 'pass', 3, 7]);
  });

  it('groups touchpoints by phase in the order the inventory names the phases', () => {
    const groups = groupByPhase(touchpointRows(workspace, audits.last(workspace, true)));
    expect(groups.map((g) => g.phase)).toEqual(['marketing', 'product', 'service', 'brand-communication']);
    expect(groups[0]!.rows.map((r) => r.id)).toEqual(['ad-online', 'ad-outdoor', 'sales-reception', 'telephone-sales', 'sales-site']);
    const hotline = groups[2]!.rows.find((r) => r.id === 'service-hotline')!;
    expect([hotline.title, hotline.standards, hotline.measured?.date]).toEqual(['物业服务热线', 4, '2026-11-15']);
    const repair = groups[2]!.rows.find((r) => r.id === 'property-repair')!;
    expect([repair.standards, repair.measured?.date, treeDescription(repair.standards, repair.measured, t)]).toEqual([9, '2026-11-20', '9 standards · 69.2 %']);
  });

  it('puts touchpoints without a phase last', () => {
    const row = (id: string, phase?: string) => ({ id, title: id, standards: 0, file: '/f', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...(phase ? { phase } : {}) });
    const groups = groupByPhase([row('a'), row('b', 'service'), row('c', '营销'), row('d', 'service')]);
    expect(groups.map((g) => [g.phase, g.rows.map((r) => r.id)])).toEqual([
      ['service', ['b', 'd']],
      ['营销', ['c']],
      [undefined, ['a']],
    ]);
  });
});
