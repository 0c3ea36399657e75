import { describe, expect, it } from 'vitest';
import { auditCsv, auditReport, csvCell, reportMarkdown, ReportTotals, type AuditScore, type ScoredItem, type Touchpoint } from '../../src/core';

type Item = Partial<ScoredItem> & Pick<ScoredItem, 'id' | 'status'>;

function audit(touchpoint: string, file: string, facts: { date?: string; site?: string; auditor?: string }, items: Item[]): AuditScore {
  return {
    file,
    touchpoint,
    ...facts,
    outcome: 'pass',
    overall: { passedWeight: 0, answeredWeight: 0, counts: { pass: 0, fail: 0, na: 0, unanswered: 0 } },
    dimensions: [],
    items: items.map((i) => ({ dimension: 'eff', weight: 1, critical: false, invalid: false, recheck: false, ...i })),
    criticalFailures: [],
    unanswered: [],
    failedWithoutAction: [],
    unknown: [],
  };
}

const tp = (id: string, over: Partial<Touchpoint> = {}): Touchpoint => ({ def: { id } as Touchpoint['def'], tags: [], standards: [], ...over });

const A1 = audit('hotline', '/a1.md', { date: '2026-10-01', site: 'N' }, [
  { id: 'x', status: 'pass', weight: 2 },
  { id: 'y', status: 'fail', dimension: 'eti', critical: true, action: { text: 't1', owner: '王', due: '2026-10-10' } },
  { id: 'z', status: 'na', weight: 3 },
]);
const A2 = audit('hotline', '/a2.md', { date: '2026-09-01' }, [
  { id: 'y', status: 'fail', dimension: 'eti', critical: true, action: { text: 't2', owner: '王', due: '2026-10-01', status: '已完成' } },
  { id: 'x', status: 'fail', weight: 2, action: { text: 't3' } },
]);
const A3 = audit('desk', '/a3.md', {}, [
  { id: 'x', status: 'unanswered', weight: 2 },
  { id: 'w', status: 'pass', dimension: '' },
]);
const TPS = new Map([['hotline', tp('hotline', { name: '热线', performance: 3 })]]);

describe('the audit report', () => {
  it('adds up touchpoints, dimensions, standards, dates, failures and open actions as worked out by hand', () => {
    const r = auditReport([A1, A2, A3], TPS, '2026-11-01');
    expect(r.today).toBe('2026-11-01');
    expect(r.audits).toBe(3);
    // hotline: answered x 2 + y 1 + y 1 + x 2 = 6, passed x 2: 1/3; measured 1 + 4/3 = 2.33; gap 2.33 − 3.
    expect(r.touchpoints).toEqual([
      { id: 'desk', audits: 1, passedWeight: 1, answeredWeight: 1, compliance: 1, measured: 5 },
      { id: 'hotline', name: '热线', audits: 2, passedWeight: 2, answeredWeight: 6, compliance: 1 / 3, declared: 3, measured: 2.33, gap: -0.67 },
    ]);
    expect(r.dimensions).toEqual([
      { dimension: '', passedWeight: 1, answeredWeight: 1, compliance: 1 },
      { dimension: 'eff', passedWeight: 2, answeredWeight: 4, compliance: 0.5 },
      { dimension: 'eti', passedWeight: 0, answeredWeight: 2, compliance: 0 },
    ]);
    expect(r.standards).toEqual([
      { id: 'w', pass: 1, fail: 0, na: 0, unanswered: 0, compliance: 1 },
      { id: 'x', pass: 1, fail: 1, na: 0, unanswered: 1, compliance: 0.5 },
      { id: 'y', pass: 0, fail: 2, na: 0, unanswered: 0, compliance: 0 },
      { id: 'z', pass: 0, fail: 0, na: 1, unanswered: 0, compliance: undefined },
    ]);
    expect(r.trend).toEqual([
      { date: '', audits: 1, passedWeight: 1, answeredWeight: 1, compliance: 1 },
      { date: '2026-09-01', audits: 1, passedWeight: 0, answeredWeight: 3, compliance: 0 },
      { date: '2026-10-01', audits: 1, passedWeight: 2, answeredWeight: 3, compliance: 2 / 3 },
    ]);
    expect(r.mostFailed).toEqual([
      { id: 'y', fail: 2, audits: 2 },
      { id: 'x', fail: 1, audits: 3 },
    ]);
    expect(r.repeatFailures).toEqual([{ touchpoint: 'hotline', standard: 'y', dates: ['2026-09-01', '2026-10-01'] }]);
    expect(r.criticalFailures).toEqual([
      { touchpoint: 'hotline', standard: 'y', date: '2026-09-01', file: '/a2.md' },
      { touchpoint: 'hotline', standard: 'y', date: '2026-10-01', site: 'N', file: '/a1.md' },
    ]);
    expect(r.openActions).toEqual([
      { owner: '', open: 1, overdue: 0, actions: [{ owner: '', touchpoint: 'hotline', standard: 'x', text: 't3', status: 'open', overdue: false, file: '/a2.md', auditDate: '2026-09-01' }] },
      {
        owner: '王',
        open: 1,
        overdue: 1,
        actions: [{ owner: '王', touchpoint: 'hotline', standard: 'y', text: 't1', status: 'open', overdue: true, file: '/a1.md', auditDate: '2026-10-01', site: 'N', due: '2026-10-10' }],
      },
    ]);
  });

  it('gives the same report one audit at a time', () => {
    const totals = new ReportTotals('2026-11-01');
    for (const a of [A1, A2, A3]) totals.add(a);
    expect(totals.report(TPS)).toEqual(auditReport([A1, A2, A3], TPS, '2026-11-01'));
  });

  it('leaves measured and gap out without compliance, and the gap out without a declared performance', () => {
    const r = auditReport([audit('t', '/t.md', { date: 'd' }, [{ id: 'n', status: 'na' }]), audit('u', '/u.md', {}, [{ id: 'p', status: 'pass' }])], new Map([['t', tp('t', { performance: 4 })], ['u', tp('u')]]), '2026-01-01');
    expect(r.touchpoints).toEqual([
      { id: 't', audits: 1, passedWeight: 0, answeredWeight: 0, compliance: undefined, declared: 4 },
      { id: 'u', audits: 1, passedWeight: 1, answeredWeight: 1, compliance: 1, measured: 5 },
    ]);
    expect(Object.keys(r.touchpoints[0]!)).not.toContain('measured');
    expect(Object.keys(r.touchpoints[1]!)).not.toContain('gap');
    expect(Object.keys(r.touchpoints[1]!)).not.toContain('name');
    // A touchpoint with no items has no compliance at all.
    expect(Object.keys(auditReport([audit('e', '/e.md', {}, [])], new Map(), 'x').touchpoints[0]!)).toEqual(['id', 'audits', 'passedWeight', 'answeredWeight']);
  });

  it('orders open actions by due date (none last), counts only open ones overdue before today', () => {
    const r = auditReport(
      [
        audit('t', '/t.md', { date: '2026-10-01' }, [
          { id: 'a1', status: 'fail', action: { text: 'a1', owner: 'o', due: '2026-12-05', status: 'in progress' } },
          { id: 'a2', status: 'fail', action: { text: 'a2', owner: 'o' } },
          { id: 'a3', status: 'fail', action: { text: 'a3', owner: 'o', due: '2026-11-01', status: 'DONE' } },
          { id: 'a4', status: 'fail', action: { text: 'a4', owner: 'o', due: '2026-11-02', status: 'maybe' } },
          { id: 'a5', status: 'pass', action: { text: 'a5', owner: 'o', due: '2026-12-01' } },
        ]),
      ],
      new Map(),
      '2026-12-01',
    );
    expect(r.openActions.map((o) => [o.owner, o.open, o.overdue, o.actions.map((a) => [a.standard, a.overdue, a.status])])).toEqual([
      ['o', 4, 1, [['a4', true, 'open'], ['a5', false, 'open'], ['a1', false, 'open'], ['a2', false, 'open']]],
    ]);
  });

  it('finds each run of two or more consecutive failures, audits ordered by date, site and file', () => {
    const at = (date: string, status: ScoredItem['status'], site?: string, file = `/${date}.md`) => audit('t', file, site ? { date, site } : { date }, [{ id: 's', status }]);
    const r = auditReport(
      [at('d5', 'fail'), at('d1', 'fail'), at('d3', 'pass'), at('d2', 'fail'), at('d4', 'fail'), at('d6', 'fail'), at('d7', 'pass'), at('d8', 'fail')],
      new Map(),
      'x',
    );
    expect(r.repeatFailures).toEqual([
      { touchpoint: 't', standard: 's', dates: ['d1', 'd2'] },
      { touchpoint: 't', standard: 's', dates: ['d4', 'd5', 'd6'] },
    ]);
    // Same date: by site, then by file; a pass between two failures breaks the run.
    const sameDay = auditReport([at('d', 'fail', 'b', '/1.md'), at('d', 'pass', 'a', '/9.md'), at('d', 'fail', 'b', '/0.md')], new Map(), 'x');
    expect(sameDay.repeatFailures).toEqual([{ touchpoint: 't', standard: 's', dates: ['d', 'd'] }]);
    const broken = auditReport([at('d', 'fail', 'a', '/1.md'), at('d', 'pass', 'b', '/0.md'), at('d', 'fail', 'c', '/2.md')], new Map(), 'x');
    expect(broken.repeatFailures).toEqual([]);
    const byFile = auditReport([at('d', 'fail', undefined, '/2.md'), at('d', 'pass', undefined, '/1.md'), at('d', 'fail', undefined, '/3.md')], new Map(), 'x');
    expect(byFile.repeatFailures).toEqual([{ touchpoint: 't', standard: 's', dates: ['d', 'd'] }]);
    const byFileBroken = auditReport([at('d', 'fail', undefined, '/1.md'), at('d', 'pass', undefined, '/2.md'), at('d', 'fail', undefined, '/3.md')], new Map(), 'x');
    expect(byFileBroken.repeatFailures).toEqual([]);
  });

  it('takes the first item of an ID in an audit as its result, lists touchpoints and standards in order', () => {
    const r = auditReport(
      [
        audit('b', '/1.md', { date: 'd1' }, [{ id: 's', status: 'fail' }, { id: 'r', status: 'fail' }]),
        audit('b', '/2.md', { date: 'd2' }, [{ id: 's', status: 'pass' }, { id: 's', status: 'fail' }, { id: 'r', status: 'fail' }, { id: 'r', status: 'pass' }]),
        audit('a', '/3.md', { date: 'd1' }, [{ id: 'q', status: 'fail' }]),
        audit('a', '/4.md', { date: 'd2' }, [{ id: 'q', status: 'fail' }]),
      ],
      new Map(),
      'x',
    );
    expect(r.repeatFailures).toEqual([
      { touchpoint: 'a', standard: 'q', dates: ['d1', 'd2'] },
      { touchpoint: 'b', standard: 'r', dates: ['d1', 'd2'] },
    ]);
    expect(r.mostFailed).toEqual([
      { id: 'q', fail: 2, audits: 2 },
      { id: 'r', fail: 2, audits: 3 },
      { id: 's', fail: 2, audits: 3 },
    ]);
  });

  it('adds audits of one date together, counts every answer of a standard as an audit and lists undated runs', () => {
    const r = auditReport(
      [
        audit('t', '/1.md', {}, [{ id: 'z', status: 'fail' }, { id: 'k', status: 'fail' }, { id: 'm', status: 'na' }]),
        audit('t', '/2.md', {}, [{ id: 'z', status: 'fail' }, { id: 'k', status: 'fail' }, { id: 'm', status: 'fail' }]),
        audit('u', '/3.md', { date: 'd' }, [{ id: 'p', status: 'pass' }]),
        audit('u', '/4.md', { date: 'd' }, [{ id: 'p', status: 'fail', weight: 3 }]),
      ],
      new Map(),
      'x',
    );
    expect(r.trend).toEqual([
      { date: '', audits: 2, passedWeight: 0, answeredWeight: 5, compliance: 0 },
      { date: 'd', audits: 2, passedWeight: 1, answeredWeight: 4, compliance: 0.25 },
    ]);
    expect(r.mostFailed).toEqual([
      { id: 'k', fail: 2, audits: 2 },
      { id: 'z', fail: 2, audits: 2 },
      { id: 'm', fail: 1, audits: 2 },
      { id: 'p', fail: 1, audits: 2 },
    ]);
    expect(r.repeatFailures).toEqual([
      { touchpoint: 't', standard: 'k', dates: ['', ''] },
      { touchpoint: 't', standard: 'z', dates: ['', ''] },
    ]);
    // An audit without a date is shown as "—", as in the trend.
    expect(reportMarkdown(r)).toContain('| t          | k        | —, —               |');
  });

  it('orders critical failures by touchpoint, date and standard', () => {
    const crit = (id: string) => ({ id, status: 'fail' as const, critical: true });
    const r = auditReport([audit('b', '/1.md', { date: 'd1' }, [crit('z'), crit('a')]), audit('a', '/2.md', { date: 'd2' }, [crit('m')]), audit('a', '/3.md', {}, [crit('n'), { id: 'o', status: 'fail' }])], new Map(), 'x');
    expect(r.criticalFailures.map((c) => [c.touchpoint, c.date, c.standard])).toEqual([
      ['a', undefined, 'n'],
      ['a', 'd2', 'm'],
      ['b', 'd1', 'a'],
      ['b', 'd1', 'z'],
    ]);
    expect(Object.keys(r.criticalFailures[0]!)).toEqual(['touchpoint', 'standard', 'file']);
  });
});

describe('the audit report in Markdown', () => {
  it('writes every section, "—" for what is unknown and "None." for an empty one', () => {
    const md = reportMarkdown(auditReport([A1, A2, A3], TPS, '2026-11-01'));
    expect(md).toBe(`# Audit report

3 audit(s); actions overdue as of 2026-11-01.

## Compliance by touchpoint

| Touchpoint | Name | Audits | Compliance | Weight passed / answered | Declared performance | Measured performance | Gap   |
| ---------- | ---- | ------ | ---------- | ------------------------ | -------------------- | -------------------- | ----- |
| desk       |      | 1      | 100.0 %    | 1 / 1                    | —                    | 5                    | —     |
| hotline    | 热线 | 2      | 33.3 %     | 2 / 6                    | 3                    | 2.33                 | -0.67 |

## Compliance by dimension

| Dimension | Compliance | Weight passed / answered |
| --------- | ---------- | ------------------------ |
| —         | 100.0 %    | 1 / 1                    |
| eff       | 50.0 %     | 2 / 4                    |
| eti       | 0.0 %      | 0 / 2                    |

## Compliance by standard

| Standard | Pass | Fail | N/A | Unanswered | Pass rate |
| -------- | ---- | ---- | --- | ---------- | --------- |
| w        | 1    | 0    | 0   | 0          | 100.0 %   |
| x        | 1    | 1    | 0   | 1          | 50.0 %    |
| y        | 0    | 2    | 0   | 0          | 0.0 %     |
| z        | 0    | 0    | 1   | 0          | —         |

## Trend by audit date

| Date       | Audits | Compliance | Weight passed / answered |
| ---------- | ------ | ---------- | ------------------------ |
| —          | 1      | 100.0 %    | 1 / 1                    |
| 2026-09-01 | 1      | 0.0 %      | 0 / 3                    |
| 2026-10-01 | 1      | 66.7 %     | 2 / 3                    |

## Most-failed standards

| Standard | Failures | Audits |
| -------- | -------- | ------ |
| y        | 2        | 2      |
| x        | 1        | 3      |

## Repeat failures

| Touchpoint | Standard | Consecutive audits     |
| ---------- | -------- | ---------------------- |
| hotline    | y        | 2026-09-01, 2026-10-01 |

## Critical failures

| Touchpoint | Date       | Site | Standard |
| ---------- | ---------- | ---- | -------- |
| hotline    | 2026-09-01 |      | y        |
| hotline    | 2026-10-01 | N    | y        |

## Open corrective actions by owner

| Owner      | Touchpoint | Standard | Action | Due        | Overdue |
| ---------- | ---------- | -------- | ------ | ---------- | ------- |
| (no owner) | hotline    | x        | t3     |            |         |
| 王         | hotline    | y        | t1     | 2026-10-10 | yes     |
`);
  });

  it('writes a positive gap with its sign, in Chinese with wide characters two columns wide, and "无。" for empty sections', () => {
    const r = auditReport([audit('t', '/t.md', { date: 'd' }, [{ id: 'p', status: 'pass' }])], new Map([['t', tp('t', { performance: 4.5 })]]), '2026-01-01');
    const md = reportMarkdown(r, 'zh-cn');
    expect(md).toContain('| t      |      | 1        | 100.0 % | 1 / 1           | 4.5        | 5          | +0.5 |');
    expect(md).toContain('| 接触点 | 名称 | 审核次数 | 符合率  | 通过 / 作答权重 | 声明表现度 | 实测表现度 | 差距 |\n| ------ | ---- | -------- | ------- | --------------- | ---------- | ---------- | ---- |\n');
    expect(md).toContain('## 连续不通过\n\n无。\n');
    expect(md.startsWith('# 审核报告\n\n共 1 次审核；逾期整改截至 2026-01-01。\n')).toBe(true);
    const zero = auditReport([audit('t', '/t.md', {}, [{ id: 'p', status: 'fail' }])], new Map([['t', tp('t', { performance: 1 })]]), 'x');
    expect(zero.touchpoints[0]!.gap).toBe(0);
    expect(reportMarkdown(zero)).toContain('| 1                    | 1                    | 0   |');
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas and leaves numbers and empty cells as they are', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1.5)).toBe('1.5');
    expect(csvCell('')).toBe('');
    expect(csvCell('plain 中文')).toBe('plain 中文');
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('x-1')).toBe('x-1');
  });

  it('writes one row per item, the overdue column only for an action, and not for a done one', () => {
    const a = audit('t', '/ws/a.md', { date: '2026-10-01', site: 'N', auditor: '张' }, [
      { id: 'p', status: 'pass', value: 3 },
      { id: 'f', status: 'fail', critical: true, action: { text: 'fix', owner: 'o', due: '2026-10-05' } },
      { id: 'd', status: 'fail', action: { text: 'done one', due: '2026-10-05', status: '已完成' } },
      { id: 'l', status: 'fail', action: { text: 'later', due: '2026-12-01' } },
      { id: 'q', status: 'fail', action: { text: 'today', due: '2026-11-01', status: 'open' } },
    ]);
    a.outcome = 'fail';
    expect(auditCsv([a], '2026-11-01', (f) => f.replace('/ws/', ''))).toBe(
      '\uFEFF' +
        [
          'file,touchpoint,site,auditor,date,outcome,standard,dimension,weight,critical,result,measured,action,owner,due,action status,overdue',
          'a.md,t,N,张,2026-10-01,fail,p,eff,1,no,pass,3,,,,,',
          'a.md,t,N,张,2026-10-01,fail,f,eff,1,yes,fail,,fix,o,2026-10-05,,yes',
          'a.md,t,N,张,2026-10-01,fail,d,eff,1,no,fail,,done one,,2026-10-05,已完成,no',
          'a.md,t,N,张,2026-10-01,fail,l,eff,1,no,fail,,later,,2026-12-01,,no',
          'a.md,t,N,张,2026-10-01,fail,q,eff,1,no,fail,,today,,2026-11-01,open,no',
        ].join('\r\n') +
        '\r\n',
    );
    expect(auditCsv([], 'x')).toBe('\uFEFFfile,touchpoint,site,auditor,date,outcome,standard,dimension,weight,critical,result,measured,action,owner,due,action status,overdue\r\n');
    expect(auditCsv([audit('t', '/f.md', {}, [{ id: 'p', status: 'na' }])], 'x')).toContain('\r\n/f.md,t,,,,pass,p,eff,1,no,na,,,,,,\r\n');
  });
});
