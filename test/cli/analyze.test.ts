/** `peakend analyze`, run in-process against workspaces written into temporary folders and against the examples. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/core';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const ROOT = resolve(__dirname, '../..');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-analyze-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Result {
  status: number;
  stdout: string;
  stderr: string;
  written: Record<string, string>;
}

async function analyze(args: string[], cwd = ROOT, writeFails = false): Promise<Result> {
  const r: Result = { status: -1, stdout: '', stderr: '', written: {} };
  const io: CliIo = {
    cwd,
    env: {},
    stdout: { write: (s) => void (r.stdout += s) },
    stderr: { write: (s) => void (r.stderr += s) },
    writeFile: async (p, text) => {
      if (writeFails) throw new Error('EACCES: permission denied');
      r.written[p] = text;
    },
  };
  r.status = await main(['analyze', ...args], io);
  return r;
}

const JOURNEY = `peakend: 1
kind: journey
id: repair
title: "报修 | <b>@ops</b>"
personas: [owner, tenant]
stages:
  - id: call
    title: 来电
    steps:
      - { id: dial, title: 拨号, emotions: { owner: -1, tenant: 1 } }
      - { id: wait, title: 等待, emotions: { owner: -3, tenant: 2 } }
  - id: visit
    title: 上门
    steps:
      - { id: fix, title: 维修, emotions: { owner: 2, tenant: 2 } }
      - { id: pay, title: 付费, emotions: { owner: 1 } }
`;

const FILES = {
  'peakend.yaml': 'peakend: 1\nkind: config\n',
  'p.personas.yaml': 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n  - { id: tenant, name: 租户 }\n',
  'j.journey.yaml': JOURNEY,
  't.touchpoints.yaml': `peakend: 1
kind: touchpoints
id: inv
title: 接触点
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: phone, type: human, importance: 4.5, performance: 2.5 }
  - { id: lobby, name: 大堂, phase: service, channel: store, type: physical, importance: 2, performance: 4 }
  - { id: app, name: App, phase: service, channel: app, type: digital, importance: 3 }
`,
};

/** Where `text` starts in the journey: 0-based line and column of its first occurrence on the line holding `on`. */
function at(on: string, text: string): { line: number; character: number } {
  const lines = JOURNEY.split('\n');
  const line = lines.findIndex((l) => l.includes(on));
  return { line, character: lines[line]!.indexOf(text) };
}

describe('peakend analyze', () => {
  it('prints the versioned JSON report with hand-computed figures', async () => {
    const dir = workspace(FILES);
    const r = await analyze(['--format', 'json'], dir);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const report = JSON.parse(r.stdout) as AnalysisReport;
    expect(report.version).toBe(1);
    expect(report.journeys).toHaveLength(1);
    const j = report.journeys[0]!;
    expect(j).toMatchObject({ journeyId: 'repair', file: 'j.journey.yaml', errors: 0, title: '报修 | <b>@ops</b>', scale: { min: -5, max: 5, neutral: 0 } });
    expect(j.stages).toEqual([
      { stageId: 'call', title: '来电', firstIndex: 0, lastIndex: 1 },
      { stageId: 'visit', title: '上门', firstIndex: 2, lastIndex: 3 },
    ]);
    const [owner, tenant] = j.personas;
    // owner: −1, −3, 2, 1. Peak −3 (wait), end 1 (pay): −1; mean −0.25.
    expect(owner).toMatchObject({
      persona: 'owner',
      name: '业主',
      scored: 4,
      best: { stepId: 'fix', score: 2 },
      worst: { stepId: 'wait', score: -3 },
      peak: { stepId: 'wait', score: -3 },
      end: { stepId: 'pay', score: 1 },
      peakEnd: -1,
      average: -0.25,
      gap: -0.75,
      stages: [
        { stageId: 'call', average: -2, scored: 2 },
        { stageId: 'visit', average: 1.5, scored: 2 },
      ],
    });
    // tenant: 1, 2, 2 (no score at pay). Best and peak 2 at fix, tied with wait; end fix: 2.
    expect(tenant).toMatchObject({ scored: 3, best: { stepId: 'fix', tiedWith: ['wait'] }, peak: { stepId: 'fix', tiedWith: ['wait'] }, end: { stepId: 'fix' }, peakEnd: 2 });
    expect(tenant!.average).toBeCloseTo(5 / 3, 12);
    // A shortfall of 3 (2 against −1) on a −5…+5 scale: persona-gap, on owner's peak.
    const start = at('id: wait', '-3');
    expect(j.judgements.map((f) => [f.ruleId, f.file, f.range])).toEqual([['persona-gap', 'j.journey.yaml', { start, end: { line: start.line, character: start.character + 2 } }]]);
    expect(j.judgements[0]!.related!.map((x) => x.file)).toEqual(['j.journey.yaml', 'j.journey.yaml']);
    expect(report.inventories).toEqual([
      {
        inventoryId: 'inv',
        file: 't.touchpoints.yaml',
        errors: 0,
        title: '接触点',
        scale: { min: 1, max: 5 },
        cuts: { importance: 3, performance: 3, method: 'midpoint' },
        points: [
          { touchpointId: 'hotline', name: '热线', phase: 'service', range: { start: { line: 5, character: 10 }, end: { line: 5, character: 17 } }, importance: 4.5, performance: 2.5, quadrant: 'concentrate-here', gap: 2 },
          { touchpointId: 'lobby', name: '大堂', phase: 'service', range: { start: { line: 6, character: 10 }, end: { line: 6, character: 15 } }, importance: 2, performance: 4, quadrant: 'possible-overkill', gap: -2 },
        ],
        priority: ['hotline', 'lobby'],
        missing: [{ touchpointId: 'app', name: 'App', lacks: ['performance'] }],
      },
    ]);
  });

  it('prints Markdown tables with user text escaped', async () => {
    const dir = workspace(FILES);
    const r = await analyze(['j.journey.yaml', 't.touchpoints.yaml', '--format', 'md'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`# Peakend analysis

## Journey: 报修 &#124; &#60;b&#62;&#64;⁠ops&#60;/b&#62; (repair)

File: j.journey.yaml · Scale -5 to 5, neutral 0

| Persona | Scored steps | Best | Worst | Peak (most intense) | End | Peak-end | Average | Peak-end − average |
| --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: |
| 业主 (owner) | 4 | 2 at fix | -3 at wait | -3 at wait | 1 at pay | -1 | -0.25 | -0.75 |
| 租户 (tenant) | 3 | 2 at fix (tied with wait) | 1 at dial | 2 at fix (tied with wait) | 2 at fix | 2 | 1.67 | 0.33 |

### Stage averages

| Stage | 业主 (owner) | 租户 (tenant) |
| --- | ---: | ---: |
| 来电 (call) | -2 | 1.5 |
| 上门 (visit) | 1.5 | 2 |

### What peakend check judges

- info · 11:51 · Persona "owner" remembers this journey far worse than "tenant": peak-end score -1 against 2 (a difference of 3; the limit is 3). (persona-gap)

## Touchpoint inventory: 接触点 (inv)

File: t.touchpoints.yaml

Cut at importance 3 and performance 3, the scale's midpoint; a value on a cut counts as high.

### Priority

| &#35; | Touchpoint | Quadrant | Importance | Performance | Importance − performance |
| ---: | --- | --- | ---: | ---: | ---: |
| 1 | 热线 (hotline) | Concentrate here | 4.5 | 2.5 | 2 |
| 2 | 大堂 (lobby) | Possible overkill | 2 | 4 | -2 |

### Missing data (placed in no quadrant)

- App (app): no performance
`);
  });

  it('prints text for a terminal, in Chinese with --lang zh-cn, and cuts at the means with --cuts mean', async () => {
    const dir = workspace(FILES);
    const r = await analyze(['--lang', 'zh-cn', '--cuts', 'mean'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '旅程：报修 | <b>@ops</b> (repair)',
        'j.journey.yaml · 量表 -5 到 5，中性分 0',
        '  业主 (owner) · 已评分步骤：4',
        '    最好：2（fix）',
        '    最差：-3（wait）',
        '    峰值（最强烈）：-3（wait）',
        '    终点：1（pay）',
        '    峰终分：-1 · 平均分：-0.25 · 峰终分 − 平均分：-0.75',
        '    各阶段平均分：来电 -2 · 上门 1.5',
        '  租户 (tenant) · 已评分步骤：3',
        '    最好：2（fix）（与 wait 并列）',
        '    最差：1（dial）',
        '    峰值（最强烈）：2（fix）（与 wait 并列）',
        '    终点：2（fix）',
        '    峰终分：2 · 平均分：1.67 · 峰终分 − 平均分：0.33',
        '    各阶段平均分：来电 1.5 · 上门 2',
        '  peakend check 的判断：',
        '    11:51  info     客户画像“owner”对这段旅程的记忆远差于“tenant”：峰终分 -1，对方为 2（相差 3，上限 3）。  persona-gap',
        '',
        '接触点清单：接触点 (inv)',
        't.touchpoints.yaml',
        // (4.5 + 2) / 2 = 3.25 and (2.5 + 4) / 2 = 3.25; App, lacking performance, takes no part.
        '分界：重要性 3.25、表现 3.25（清单的平均值）；恰好等于分界值的算作高。',
        '优先级：',
        '  1. 热线 (hotline) · 重点改进 · 重要性 4.5 · 表现 2.5 · 重要性 − 表现 2',
        '  2. 大堂 (lobby) · 可能过度投入 · 重要性 2 · 表现 4 · 重要性 − 表现 -2',
        '缺少数据（未归入任何象限）：',
        '  App (app)：缺少表现',
        '',
      ].join('\n'),
    );
  });

  it('writes --output to a file and nothing to standard output; exit 2 when it cannot', async () => {
    const dir = workspace(FILES);
    const r = await analyze(['--format', 'md', '--output', 'out/analysis.md'], dir);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(Object.keys(r.written)).toEqual([`${dir}/out/analysis.md`]);
    expect(r.written[`${dir}/out/analysis.md`]).toContain('| 业主 (owner) | 4 |');
    const failed = await analyze(['--output', 'x.txt'], dir, true);
    expect([failed.status, failed.stderr]).toEqual([2, 'peakend: cannot write "x.txt": EACCES: permission denied\n']);
  });

  it('exits 1 when an analysed file has errors, still reporting it, and 2 on usage errors', async () => {
    const dir = workspace({ ...FILES, 'j.journey.yaml': JOURNEY.replace('owner: 1 }', 'owner: 9 }') });
    const r = await analyze(['--format', 'json'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('peakend: 1 analysed file(s) have errors, so their figures may be incomplete: j.journey.yaml. Run "peakend check".\n');
    const j = (JSON.parse(r.stdout) as AnalysisReport).journeys[0]!;
    // The figures are shown as written; the judgements are withheld, as in `peakend check`.
    expect([j.errors, j.personas[0]!.end!.score, j.judgements]).toEqual([1, 9, []]);
    expect((await analyze(['--format', 'xml'], dir)).status).toBe(2);
    expect((await analyze(['--format', 'xml'], dir)).stderr).toBe('peakend: Unknown format "xml". Use one of: stylish, json, md.\nRun "peakend analyze --help" for usage.\n');
    expect((await analyze(['--cuts', '7,1'], dir)).status).toBe(2);
    expect((await analyze(['nowhere'], dir)).stderr).toContain('No such file or folder: nowhere');
    const help = await analyze(['--help'], dir);
    expect([help.status, help.stdout.startsWith('Usage: peakend analyze [paths…] [options]')]).toEqual([0, true]);
  });

  it('takes the cuts from analysis.cuts in peakend.yaml, and --cuts over it', async () => {
    const dir = workspace({ ...FILES, 'peakend.yaml': 'peakend: 1\nkind: config\nanalysis:\n  cuts: { importance: 4.5, performance: 2 }\n' });
    const cuts = async (args: string[]) => (JSON.parse((await analyze(['--format', 'json', ...args], dir)).stdout) as AnalysisReport).inventories[0]!;
    const fixed = await cuts([]);
    expect(fixed.cuts).toEqual({ importance: 4.5, performance: 2, method: 'fixed' });
    // hotline 4.5 / 2.5: on the importance cut, so important; above the performance cut.
    expect(fixed.points.map((p) => p.quadrant)).toEqual(['keep-up-the-good-work', 'possible-overkill']);
    expect((await cuts(['--cuts', 'midpoint'])).cuts.method).toBe('midpoint');
    expect((await cuts(['--cuts', '3,3.5'])).cuts).toEqual({ importance: 3, performance: 3.5, method: 'fixed' });
  });

  it('says when there is nothing to analyse', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'p.personas.yaml': FILES['p.personas.yaml'] });
    expect(await analyze([], dir)).toMatchObject({ status: 0, stdout: 'No journeys or touchpoint inventories to analyse.\n' });
    expect((await analyze(['--format', 'json'], dir)).stdout).toBe('{\n  "version": 1,\n  "journeys": [],\n  "inventories": []\n}\n');
  });

  it('shows the example homeowner journey ending weakly for both personas, at paying the fee', async () => {
    const r = await analyze(['examples/property-management', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = (JSON.parse(r.stdout) as AnalysisReport).journeys.find((x) => x.journeyId === 'homeowner')!;
    const [buyer, upgrader] = j.personas;
    // First-time buyer: 13 scores summing to 6; upgrader: 12 scores summing to −7 (no score at repair-visit).
    expect(buyer).toMatchObject({ persona: 'first-time-buyer', scored: 13, end: { stepId: 'pay-fee', score: -2 }, peak: { stepId: 'get-keys', score: 4 }, peakEnd: 1 });
    expect(buyer!.average).toBeCloseTo(6 / 13, 12);
    expect(upgrader).toMatchObject({ persona: 'upgrader', scored: 12, end: { stepId: 'pay-fee', score: -2 }, peak: { stepId: 'inspect-house', score: -4 }, peakEnd: -3 });
    expect(upgrader!.average).toBeCloseTo(-7 / 12, 12);
    const weak = j.judgements.filter((f) => f.ruleId === 'weak-ending');
    // Line 121 of the file: `emotions: { first-time-buyer: -2, upgrader: -2 }` under pay-fee.
    expect(weak.map((f) => [f.range.start, f.args.persona])).toEqual([
      [{ line: 120, character: 38 }, 'first-time-buyer'],
      [{ line: 120, character: 52 }, 'upgrader'],
    ]);
    const text = await analyze(['examples/property-management/homeowner.journey.yaml']);
    expect(text.stdout).toContain('    End: -2 at pay-fee\n    Peak-end: 1 · Average: 0.46 · Peak-end − average: 0.54\n');
    expect(text.stdout).toContain('weak-ending');
    // The measured CSAT and NPS beside the designed emotion.
    expect(text.stdout).toContain('  Measured metrics beside the designed emotion:\n    call-hotline: CSAT 3.1 (1–5, n = 240, 2026-06) · Designed emotion first-time-buyer -2, upgrader -3\n');
    expect(text.stdout).toContain('    pay-fee: NPS -12 (n = 310, 2026-06) · Designed emotion first-time-buyer -2, upgrader -2\n');
  });
});
