/** `peakend render` through the built CLI (node bin/peakend.js), on the examples and on temporary workspaces. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseError, xyChartTexts } from '../helpers/mermaid';
import { parseMarkdown, tables } from '../helpers/markdown';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/peakend.js');
const HOMEOWNER = 'examples/property-management/homeowner.journey.yaml';
const INVENTORY = 'examples/property-management/property.touchpoints.yaml';
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['PEAKEND_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'].includes(k)));

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: ENV, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-render-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

const JOURNEY = `peakend: 1
kind: journey
id: visit
title: Visit
personas: [a, b]
scale: { min: 1, max: 10, neutral: 5.5 }
stages:
  - id: s1
    title: Arrive
    steps:
      - { id: door, title: At the door, emotions: { a: 7, b: 4 } }
      - { id: wait, title: Waiting, emotions: { a: 3 } }
  - id: s2
    title: Leave
    steps:
      - { id: pay, title: Pay, emotions: { a: 8, b: 9 } }
`;

describe('peakend render', () => {
  it('md: the emotion curve and the tables of the example journey', () => {
    const r = run(['render', HOMEOWNER]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const root = parseMarkdown(r.stdout);
    const [steps, figures] = tables(root);
    expect(steps).toHaveLength(14);
    expect(steps![0]).toEqual(['#', 'Stage', 'Step', '首次置业业主', '改善型业主', 'Moment of truth', 'Pain points', 'Measured']);
    expect(steps![13]).toEqual(['13', '', '到前台缴纳物业费 (pay-fee)', '-2 ●', '-2 ●', '', '排队久，只开一个窗口', 'NPS -12 n=310 2026-06']);
    // The homeowner journey ends weakly: the end (-2) lies below both personas' averages.
    expect(figures!.map((r) => r[5])).toEqual(['End ●', '-2 · 13 到前台缴纳物业费', '-2 · 13 到前台缴纳物业费']);
  });

  it('mermaid: a chart Mermaid 11.17 reads, with only the personas asked for', async () => {
    const r = run(['render', HOMEOWNER, '--format', 'mermaid', '--persona', 'upgrader']);
    expect(r.status).toBe(0);
    expect(await parseError('v11', r.stdout)).toBeUndefined();
    const t = await xyChartTexts('v11', r.stdout);
    expect(t.series.map((s) => s.title)).toEqual(['改善型业主', 'neutral (0)']);
    expect(t.categories).toHaveLength(13);
  });

  it('mermaid --variant portable: a chart Mermaid 10.9 reads, on the journey’s own scale', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'visit.journey.yaml': JOURNEY });
    const r = run(['render', 'visit.journey.yaml', '-f', 'mermaid', '--variant', 'portable'], dir);
    expect(r.stderr).toBe('');
    expect(await parseError('v10', r.stdout)).toBeUndefined();
    const t = await xyChartTexts('v10', r.stdout);
    expect(t.yRange).toEqual({ min: 1, max: 10 });
    expect(t.categories).toEqual(['1 At the… ▼B', '2 Waiting ▼A', '3 Pay ▲●A▲●B']);
    // b has no score on "wait": drawn halfway between 4 and 9.
    expect(t.series.map((s) => s.values)).toEqual([[7, 3, 8], [4, 6.5, 9], [5.5, 5.5, 5.5]]);
  });

  it('--output writes the file and nothing to standard output', () => {
    const dir = workspace({});
    const out = join(dir, 'out/inventory.md');
    const r = run(['render', INVENTORY, '--output', out, '--lang', 'zh-cn']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# 地产公司接触点清单\n\n```mermaid\n/);
    expect(tables(parseMarkdown(md))[0]![0]).toEqual(['#', '触点', '阶段', '重要性', '表现', '差值', '象限', '图表']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['inventory.md']);
  });

  it('html: one page with Mermaid inlined and a strict policy', () => {
    const r = run(['render', HOMEOWNER, '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-[^']+';/);
    expect(r.stdout.length).toBeGreaterThan(2_000_000);
    expect(r.stdout).not.toMatch(/<script src=|<link /);
  });

  it('refuses an unknown persona, naming the journey’s personas (exit 2)', () => {
    const r = run(['render', HOMEOWNER, '--persona', 'first-time-buyer,ghost']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('peakend: unknown persona "ghost" for journey "homeowner"; it has: first-time-buyer, upgrader.\n');
  });

  it('refuses a file that is not a journey or an inventory (exit 2)', () => {
    const r = run(['render', 'examples/property-management/complaints.standards.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('peakend: examples/property-management/complaints.standards.yaml is not a journey or a touchpoint inventory (it is a standards file); render draws those two.\n');
  });

  it('refuses a file whose errors prevent the analysis, and lists them (exit 2)', () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'bad.journey.yaml': JOURNEY.replace('title: Visit', 'title: [Visit') });
    const r = run(['render', 'bad.journey.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^peakend: bad\.journey\.yaml has errors that prevent the analysis; fix them first \(peakend check shows them all\):\n/);
    expect(r.stderr).toMatch(/\n  bad\.journey\.yaml:\d+:\d+ +error +YAML syntax error/);
  });

  it('reports usage errors (exit 2)', () => {
    expect(run(['render']).stderr).toMatch(/^peakend: Give the journey or touchpoint inventory to render\./);
    expect(run(['render', HOMEOWNER, '--format', 'pdf']).stderr).toMatch(/^peakend: Unknown format "pdf"\. Use one of: md, mermaid, html\./);
    expect(run(['render', HOMEOWNER, '--variant', 'fancy']).status).toBe(2);
    expect(run(['render', 'nope.journey.yaml']).stderr).toMatch(/^peakend: No such file: nope\.journey\.yaml/);
    expect(run(['render', INVENTORY, '--persona', 'x']).stderr).toMatch(/--persona applies to journeys/);
  });

  it('is listed in peakend --help and has its own help', () => {
    expect(run(['--help']).stdout).toMatch(/\n  render <file> +Draw a journey’s emotion curve/);
    const r = run(['render', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: peakend render <file> \[options\]/);
  });
});

describe('render: the quadrant cuts', () => {
  it('cut where peakend.yaml says (analysis.cuts), as analyze does', () => {
    const inventory = readFileSync(join(ROOT, INVENTORY), 'utf8');
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\nanalysis:\n  cuts: mean\n', 'property.touchpoints.yaml': inventory });
    const md = run(['render', 'property.touchpoints.yaml', '--format', 'md'], dir);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/the inventory’s means/);
    const plain = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'property.touchpoints.yaml': inventory });
    expect(run(['render', 'property.touchpoints.yaml', '--format', 'md'], plain).stdout).toMatch(/scale midpoint/);
  });
});
