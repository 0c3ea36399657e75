import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditChecklists, auditCsv, auditReport, csvCell, reportMarkdown, type Touchpoint } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';

const WS = resolve(__dirname, '../../examples/property-management');
const FILES = ['service-hotline/2026-10-15-北区.md', 'service-hotline/2026-11-15-北区.md', 'service-hotline/2026-12-01.md', 'property-repair/2026-10-20-北区.md', 'property-repair/2026-11-20-北区.md'].map((f) => join(WS, 'audits', f));

async function exampleReport() {
  const result = await auditChecklists(nodeHost, FILES);
  const tps = new Map<string, Touchpoint>();
  for (const [id, list] of result.workspaces[0]!.getIndex().touchpoints) tps.set(id, list[0]!);
  return { result, report: auditReport(result.audits, tps, '2026-12-03') };
}

describe('audit report over the example audits', () => {
  it('aggregates compliance, failures and actions as computed by hand', async () => {
    const { result, report } = await exampleReport();
    expect(result.findings).toEqual([]);
    expect(result.audits.map((a) => [a.outcome, a.overall.passedWeight, a.overall.answeredWeight])).toEqual([
      ['fail', 6, 7], // answer-within-3-rings (critical, 1) measured 5 rings > 3
      ['pass', 3, 7], // staff-uniform (1) failed, owner-satisfaction (3) 88 % < 90 %
      ['incomplete', 0, 0], // not filled in yet
      ['pass', 9, 11], // repair-on-time (2) 25 minutes > 15; two N/A items out of the denominator
      ['pass', 9, 13], // repair-on-time (2) 0.5 hours = 30 minutes > 15; repair-rework-rate (2) 3 % > 2 %
    ]);
    expect(report.touchpoints).toEqual([
      { id: 'property-repair', name: '物业报修（入户维修）', audits: 2, passedWeight: 18, answeredWeight: 24, compliance: 0.75, declared: 2.9, measured: 4, gap: 1.1 },
      { id: 'service-hotline', name: '物业服务热线', audits: 3, passedWeight: 9, answeredWeight: 14, compliance: 9 / 14, declared: 3.4, measured: 3.57, gap: 0.17 },
    ]);
    expect(report.dimensions.find((d) => d.dimension === 'efficiency')).toEqual({ dimension: 'efficiency', passedWeight: 2, answeredWeight: 8, compliance: 0.25 });
    expect(report.trend.map((t) => [t.date, t.audits, t.passedWeight, t.answeredWeight])).toEqual([
      ['2026-10-15', 1, 6, 7],
      ['2026-10-20', 1, 9, 11],
      ['2026-11-15', 1, 3, 7],
      ['2026-11-20', 1, 9, 13],
      ['2026-12-01', 1, 0, 0],
    ]);
    expect(report.mostFailed[0]).toEqual({ id: 'repair-on-time', fail: 2, audits: 2 });
    expect(report.repeatFailures).toEqual([{ touchpoint: 'property-repair', standard: 'repair-on-time', dates: ['2026-10-20', '2026-11-20'] }]);
    expect(report.criticalFailures.map((c) => [c.touchpoint, c.date, c.site, c.standard])).toEqual([['service-hotline', '2026-10-15', '北区', 'answer-within-3-rings']]);
    expect(report.openActions.map((o) => [o.owner, o.open, o.overdue, o.actions.map((a) => [a.standard, a.due, a.overdue])])).toEqual([
      ['李强', 1, 1, [['repair-on-time', '2026-11-25', true]]],
      ['王芳', 1, 0, [['owner-satisfaction', '2027-01-31', false]]],
      ['赵磊', 1, 1, [['staff-uniform', '2026-11-30', true]]],
      ['陈工', 1, 0, [['repair-rework-rate', '2026-12-15', false]]],
    ]);
    const md = reportMarkdown(report);
    expect(md).toContain('| property-repair | 物业报修（入户维修） | 2      | 75.0 %');
    expect(md).toContain('## Repeat failures');
  });

  it('writes CSV that spreadsheets open as UTF-8 and never run as formulas', async () => {
    const { result } = await exampleReport();
    const csv = auditCsv(result.audits, '2026-12-03', (f) => f.slice(WS.length + 1));
    expect(csv.startsWith('\uFEFFfile,touchpoint,site,')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toHaveLength(1 + 4 + 4 + 4 + 9 + 9 + 1);
    expect(rows[1]).toBe('audits/service-hotline/2026-10-15-北区.md,service-hotline,北区,张敏,2026-10-15,fail,answer-within-3-rings,responsiveness,1,yes,fail,5,重新培训接线员三声接听，早班增加一名坐席。,王芳,2026-10-31,已完成,no');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b\nc')).toBe('"a,b\nc"');
    expect(csvCell(-2)).toBe('-2');
  });
});

describe("the README's report excerpt", () => {
  it('is what `peakend audit report` prints for the example, line for line and in order', async () => {
    const { readFileSync } = await import('node:fs');
    const { main } = await import('../../src/cli/main');
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const excerpt = /<!-- report excerpt: examples\/property-management --today 2026-12-03 -->\n```text\n([\s\S]*?)```/.exec(readme)![1]!;
    let stdout = '';
    await main(['audit', 'report', '--today', '2026-12-03'], { cwd: WS, env: {}, stdout: { write: (s) => void (stdout += s) }, stderr: { write: () => undefined }, writeFile: async () => {} });
    const lines = stdout.split('\n');
    // Every line of the excerpt, in order, each after the one before it.
    let at = 0;
    for (const line of excerpt.split('\n').filter((l) => l !== '')) {
      const found = lines.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });
});
