/** `peakend render` run in this process (`main`): what it draws, with which options, and what it refuses. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../src/cli/commands/render';
import { runCli, tempWorkspace } from '../helpers/cliInProcess';

const ROOT = resolve(__dirname, '../..');

const run = (args: string[], cwd: string, opts: { env?: Record<string, string>; failWrite?: boolean } = {}) => runCli(['render', ...args], cwd, opts);

const workspace = (files: Record<string, string>) => tempWorkspace('peakend-render-in-', files);

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
// a is named 甲 (the name is the chart's series title); b has no name and is shown by its ID.
const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: a, name: 甲 }\n  - { id: b }\n';
const CONFIG = 'peakend: 1\nkind: config\n';
const INVENTORY = `peakend: 1
kind: touchpoints
id: inv
title: 接触点
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: phone, type: human, importance: 5, performance: 2 }
  - { id: lobby, name: 大堂, phase: service, channel: store, type: physical, importance: 2, performance: 4 }
`;

/** The rich chart: a worst ▼ and best/end ▲● label on each persona's points; b's unscored step drawn at (4 + 9) / 2. */
const RICH = `%%{init: {"xyChart":{"width":1100,"height":480,"showLegend":true,"xAxis":{"labelRotation":-35}},"themeVariables":{"xyChart":{"plotColorPalette":"#2563eb, #dc2626, #9ca3af"}}}}%%
xychart-beta
  title "Visit"
  x-axis "Arrive 1–2 · Leave 3" ["1 At the door", "2 Waiting", "3 Pay"]
  y-axis "Emotion" 1 --> 10
  line "甲" [7, 3 "▼ +3", 8 "▲● +8"]
  line "b" [4 "▼ +4", 6.5, 9 "▲● +9"]
  line "neutral (5.5)" [5.5, 5.5, 5.5]
`;

describe('peakend render in process', () => {
  it('mermaid: the emotion curve with persona names from the workspace', async () => {
    const dir = workspace({ 'peakend.yaml': CONFIG, 'visit.journey.yaml': JOURNEY, 'p.personas.yaml': PERSONAS });
    expect(await run(['visit.journey.yaml', '-f', 'mermaid'], dir)).toEqual({ status: 0, stdout: RICH, stderr: '', written: new Map() });
    // From a subfolder, the file named relative to it; the workspace is still the one of peakend.yaml.
    mkdirSync(join(dir, 'sub'));
    expect((await run(['../visit.journey.yaml', '--format=mermaid'], join(dir, 'sub'))).stdout).toBe(RICH);
  });

  it('--variant portable, --persona and --lang zh-cn', async () => {
    const dir = workspace({ 'peakend.yaml': CONFIG, 'visit.journey.yaml': JOURNEY, 'p.personas.yaml': PERSONAS });
    const r = await run(['visit.journey.yaml', '-f', 'mermaid', '--variant', 'portable', '-p', 'b', '--lang', 'zh-cn'], dir);
    expect(r.stdout).toBe(`%%{init: {"xyChart":{"width":800,"height":480},"themeVariables":{"xyChart":{"plotColorPalette":"#2563eb, #9ca3af"}}}}%%
xychart-beta
  title "Visit"
  x-axis "Arrive 1–2 · Leave 3" ["1 At the… ▼", "2 Waiting", "3 Pay ▲●"]
  y-axis "情绪" 1 --> 10
  line "b" [4, 6.5, 9]
  line "中性 (5.5)" [5.5, 5.5, 5.5]
`);
    expect(r.status).toBe(0);
    // "--persona a,b" and "--persona a --persona b" (blanks dropped) are the same choice as all of them.
    const all = (await run(['visit.journey.yaml', '-f', 'mermaid', '--persona', ' b , a ,'], dir)).stdout;
    expect(all).toBe((await run(['visit.journey.yaml', '-f', 'mermaid', '-p', 'b', '-p', 'a'], dir)).stdout);
    expect(all).toContain('\n  line "b" [4 "▼ +4", 6.5, 9 "▲● +9"]\n  line "甲" [7, 3 "▼ +3", 8 "▲● +8"]\n');
    // The language from the environment.
    expect((await run(['visit.journey.yaml', '-f', 'mermaid'], dir, { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('\n  y-axis "情绪" 1 --> 10\n');
  });

  it('md (the default): the chart and the tables; html: one page; --output writes the file only', async () => {
    const dir = workspace({ 'peakend.yaml': CONFIG, 'visit.journey.yaml': JOURNEY, 'p.personas.yaml': PERSONAS });
    const md = await run(['visit.journey.yaml'], dir);
    expect(md.stdout.startsWith(`# Visit\n\n\`\`\`mermaid\n${RICH}\`\`\`\n`)).toBe(true);
    expect(md.stdout).toContain('\n| 甲 | 3 | +8 · 3 Pay | +3 · 2 Waiting |');
    const out = await run(['visit.journey.yaml', '-o', 'out/visit.md'], dir);
    expect(out).toEqual({ status: 0, stdout: '', stderr: '', written: new Map([[join(dir, 'out/visit.md'), md.stdout]]) });
    const html = await run(['visit.journey.yaml', '--format', 'html'], dir);
    expect(html.stdout.startsWith('<!doctype html>\n<html lang="en">\n')).toBe(true);
    expect(html.stdout).toContain('xychart-beta');
    expect(html.stdout.length).toBeGreaterThan(1_000_000);
    expect(html.status).toBe(0);
  });

  it('an inventory: the quadrant chart, cut where peakend.yaml says', async () => {
    const dir = workspace({ 'peakend.yaml': `${CONFIG}analysis:\n  cuts: { importance: 4.5, performance: 4.5 }\n`, 'inv.touchpoints.yaml': INVENTORY });
    const mermaid = await run(['inv.touchpoints.yaml', '-f', 'mermaid'], dir);
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout).toContain('quadrantChart');
    const md = await run(['inv.touchpoints.yaml'], dir);
    expect(md.stdout.startsWith('# 接触点\n\n```mermaid\n')).toBe(true);
    // Cut at 4.5 and 4.5: 大堂 (2, 4) is low on both.
    expect(md.stdout).toMatch(/\| 大堂 \(lobby\) \|[^\n]*Low priority/);
    const plain = workspace({ 'peakend.yaml': CONFIG, 'inv.touchpoints.yaml': INVENTORY });
    expect((await run(['inv.touchpoints.yaml'], plain)).stdout).toMatch(/\| 大堂 \(lobby\) \|[^\n]*Possible overkill/);
    const html = await run(['inv.touchpoints.yaml', '-f', 'html', '--lang', 'zh'], dir);
    expect(html.stdout.startsWith('<!doctype html>\n<html lang="zh-CN">\n')).toBe(true);
    expect(html.stdout).toContain('quadrantChart');
    expect(await run(['inv.touchpoints.yaml', '--persona', 'a'], dir)).toMatchObject({
      status: 2,
      stderr: 'peakend: --persona applies to journeys; this is a touchpoint inventory.\nRun "peakend render --help" for usage.\n',
    });
  });

  it('refuses what it cannot draw, saying why (exit 2)', async () => {
    const dir = workspace({
      'peakend.yaml': CONFIG,
      'visit.journey.yaml': JOURNEY,
      'p.personas.yaml': PERSONAS,
      'bad.journey.yaml': JOURNEY.replace('title: Visit', 'title: [Visit'),
      'empty.journey.yaml': 'peakend: 1\nkind: journey\nid: empty\ntitle: Empty\n',
      'notes.yaml': 'a: 1\n',
    });
    expect(await run(['visit.journey.yaml', '-p', 'ghost,a', '-p', 'nobody'], dir)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'peakend: unknown personas "ghost", "nobody" for journey "visit"; it has: a, b.\n',
    });
    expect((await run(['visit.journey.yaml', '-p', 'ghost'], dir)).stderr).toBe('peakend: unknown persona "ghost" for journey "visit"; it has: a, b.\n');
    // What was typed is shown, never acted on.
    expect((await run(['visit.journey.yaml', '-p', '\u001b[31mz'], dir)).stderr).toBe('peakend: unknown persona "\ufffd[31mz" for journey "visit"; it has: a, b.\n');
    expect(await run(['p.personas.yaml'], dir)).toMatchObject({ status: 2, stdout: '', stderr: 'peakend: p.personas.yaml is not a journey or a touchpoint inventory (it is a personas file); render draws those two.\n' });
    expect((await run(['notes.yaml'], dir)).stderr).toBe('peakend: notes.yaml is not a journey or a touchpoint inventory; render draws those two.\n');
    const bad = await run(['bad.journey.yaml'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    const lines = bad.stderr.split('\n');
    expect(lines[0]).toBe('peakend: bad.journey.yaml has errors that prevent the analysis; fix them first (peakend check shows them all):');
    expect(lines[1]).toBe('bad.journey.yaml');
    expect(lines[2]).toBe('  bad.journey.yaml:5:1  error    YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]  yaml-syntax');
    expect(bad.stderr).not.toContain('\u001b');
    expect(lines.slice(3)).toEqual(['', '1 error, 0 warnings in 1 file', '']);
    const zh = await run(['bad.journey.yaml', '--lang', 'zh-cn'], dir);
    expect(zh.stderr.split('\n').slice(2)).toEqual(['  bad.journey.yaml:5:1  error    YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]  yaml-syntax', '', '共 1 个文件：1 个错误，0 个警告', '']);
    // Only errors block the drawing: schema errors of a journey without personas and stages.
    expect(await run(['empty.journey.yaml'], dir)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: [
        'peakend: empty.journey.yaml has errors that prevent the analysis; fix them first (peakend check shows them all):',
        'empty.journey.yaml',
        '  empty.journey.yaml:1:1  error    Missing property "personas".  schema',
        '  empty.journey.yaml:1:1  error    Missing property "stages".  schema',
        '',
        '2 errors, 0 warnings in 1 file',
        '',
      ].join('\n'),
    });
  });

  it('usage errors name the problem (exit 2); --help prints the help', async () => {
    const dir = workspace({ 'peakend.yaml': CONFIG, 'visit.journey.yaml': JOURNEY });
    const usage = (m: string) => ({ status: 2, stdout: '', stderr: `peakend: ${m}\nRun "peakend render --help" for usage.\n` });
    expect(await run([], dir)).toMatchObject(usage('Give the journey or touchpoint inventory to render.'));
    expect(await run(['a.yaml', 'b.yaml'], dir)).toMatchObject(usage('Give one file to render.'));
    expect(await run(['visit.journey.yaml', '-f', 'pdf'], dir)).toMatchObject(usage('Unknown format "pdf". Use one of: md, mermaid, html.'));
    expect(await run(['visit.journey.yaml', '--variant', 'fancy'], dir)).toMatchObject(usage('--variant takes rich or portable, not "fancy".'));
    expect(await run(['visit.journey.yaml', '--lang', 'fr'], dir)).toMatchObject(usage('--lang takes en or zh-cn, not "fr".'));
    expect(await run(['nope.journey.yaml'], dir)).toMatchObject(usage('No such file: nope.journey.yaml'));
    mkdirSync(join(dir, 'maps'));
    expect(await run(['maps'], dir)).toMatchObject(usage('maps is a folder; give a journey or touchpoint inventory file.'));
    for (const h of ['--help', '-h']) expect(await run([h], dir)).toEqual({ status: 0, stdout: renderHelp(), stderr: '', written: new Map() });
    expect(renderHelp().startsWith('Usage: peakend render <file> [options]\n')).toBe(true);
  });

  it('a failed write is reported with its reason (exit 2)', async () => {
    const dir = workspace({ 'peakend.yaml': CONFIG, 'visit.journey.yaml': JOURNEY });
    expect(await run(['visit.journey.yaml', '-o', 'x.md'], dir, { failWrite: true })).toMatchObject({ status: 2, stdout: '', stderr: 'peakend: cannot write "x.md": EACCES: permission denied\n' });
  });

  it('the example journey, as documented', async () => {
    const r = await run(['examples/property-management/homeowner.journey.yaml', '-f', 'mermaid', '-p', 'upgrader'], ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n  line "改善型业主" [');
    expect(readFileSync(join(ROOT, 'examples/property-management/homeowner.journey.yaml'), 'utf8')).toContain('upgrader');
  });
});
