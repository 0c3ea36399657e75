/**
 * The CLI's edges, run in this process: `analyze` text with colour and without scores, the quadrant
 * cuts it accepts, `check` outputs that land on one file, JSON written in chunks to a slow pipe, and
 * what `main` prints for errors that are not usage errors.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeHelp, parseAnalyzeArgs } from '../../src/cli/commands/analyze';
import type { CliIo } from '../../src/cli/io';
import { JsonArraysWriter, writeJsonOfArrays } from '../../src/cli/jsonOutput';
import { main } from '../../src/cli/main';
import { COMMANDS } from '../../src/cli/commands';
import { runCli, tempWorkspace } from '../helpers/cliInProcess';

const workspace = (files: Record<string, string>) => tempWorkspace('peakend-climore-', files);
const cli = runCli;

// Personas a, b, c are defined nowhere (errors in the file), titles are missing (errors too): the figures are still shown.
// a: 4 then -4: best 4 at up, worst and end -4 at down; the peak ties |4| with up and the later wins, of the opposite sign.
// b: 1 and 1: every moment at the later step, tied with up. c: no scores.
const FILES = {
  'peakend.yaml': 'peakend: 1\nkind: config\n',
  'j.journey.yaml': 'peakend: 1\nkind: journey\nid: j\npersonas: [a, b, c]\nstages:\n  - id: s\n    steps:\n      - { id: up, emotions: { a: 4, b: 1 } }\n      - { id: down, emotions: { a: -4, b: 1 } }\n',
  'e.journey.yaml': 'peakend: 1\nkind: journey\nid: e\npersonas: []\nstages:\n  - id: s\n    steps:\n      - { id: x }\n',
  't.touchpoints.yaml': 'peakend: 1\nkind: touchpoints\nid: inv\ntouchpoints:\n  - { id: a1, phase: service, channel: phone, type: human }\n  - { id: b1, phase: service, channel: phone, type: human, importance: 3 }\n',
};
const E = '\u001b[';
const COLOURED = [
  `${E}1mJourney: e${E}22m`,
  `${E}2me.journey.yaml · Scale -5 to 5, neutral 0${E}22m`,
  'This file has 5 error(s): the figures may be incomplete. Run peakend check.',
  '  The journey lists no personas.',
  '',
  `${E}1mJourney: j${E}22m`,
  `${E}2mj.journey.yaml · Scale -5 to 5, neutral 0${E}22m`,
  'This file has 7 error(s): the figures may be incomplete. Run peakend check.',
  '  a · Scored steps: 2',
  '    Best: 4 at up',
  '    Worst: -4 at down',
  '    Peak (most intense): -4 at down (tied with up; an opposite moment is as intense)',
  '    End: -4 at down',
  '    Peak-end: -4 · Average: 0 · Peak-end − average: -4',
  '    Stage averages: s 0',
  '  b · Scored steps: 2',
  '    Best: 1 at down (tied with up)',
  '    Worst: 1 at down (tied with up)',
  '    Peak (most intense): 1 at down (tied with up)',
  '    End: 1 at down',
  '    Peak-end: 1 · Average: 1 · Peak-end − average: 0',
  '    Stage averages: s 1',
  '  c · Scored steps: 0',
  '    no scores',
  '  What peakend check judges:',
  `    9:36  ${E}36minfo   ${E}39m  Persona "a" remembers this journey far worse than "b": peak-end score -4 against 1 (a difference of 5; the limit is 3).  ${E}2mpersona-gap${E}22m`,
  `    9:36  ${E}33mwarning${E}39m  Persona "a" falls to -4 at step "down" and no later step rises above 0.  ${E}2munrecovered-trough${E}22m`,
  `    9:36  ${E}33mwarning${E}39m  The journey ends weakly for persona "a": its last scored step "down" scores -4, below both the persona's average 0 and neutral (0).  ${E}2mweak-ending${E}22m`,
  '',
  `${E}1mTouchpoint inventory: inv${E}22m`,
  `${E}2mt.touchpoints.yaml${E}22m`,
  'This file has 3 error(s): the figures may be incomplete. Run peakend check.',
  "Cut at importance 3 and performance 3, the scale's midpoint; a value on a cut counts as high.",
  '  No touchpoint has both importance and performance.',
  'Missing data (placed in no quadrant):',
  '  a1: no importance and performance',
  '  b1: no performance',
  '',
].join('\n');

describe('peakend analyze: the text for a terminal', () => {
  it('colours headings, file lines, severities and rule IDs at a terminal or with --color; ties, no scores and missing data', async () => {
    const dir = workspace(FILES);
    const tty = await cli(['analyze'], dir, { tty: true });
    expect(tty.stdout).toBe(COLOURED);
    expect(tty.stderr).toBe('peakend: 3 analysed file(s) have errors, so their figures may be incomplete: e.journey.yaml, j.journey.yaml, t.touchpoints.yaml. Run "peakend check".\n');
    expect(tty.status).toBe(1);
    const plain = COLOURED.replace(/\u001b\[\d+m/g, '');
    expect((await cli(['analyze', '--color'], dir)).stdout).toBe(COLOURED);
    expect((await cli(['analyze', '--no-color', '--color'], dir)).stdout).toBe(COLOURED);
    expect((await cli(['analyze'], dir)).stdout).toBe(plain);
    expect((await cli(['analyze', '--color', '--no-color'], dir, { tty: true })).stdout).toBe(plain);
    expect((await cli(['analyze'], dir, { tty: true, env: { NO_COLOR: '1' } })).stdout).toBe(plain);
    // A file never gets colour.
    const out = await cli(['analyze', '--color', '-o', 'a.txt'], dir, { tty: true });
    expect([...out.written.values()]).toEqual([plain]);
    expect(out.stdout).toBe('');
  });

  it('a judgement raised to an error in peakend.yaml is painted red', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\nrules:\n  weak-ending: error\n', 'j.journey.yaml': FILES['j.journey.yaml'] });
    const r = await cli(['analyze', '--color'], dir);
    expect(r.stdout).toContain(
      `\n    9:36  ${E}31merror  ${E}39m  The journey ends weakly for persona "a": its last scored step "down" scores -4, below both the persona's average 0 and neutral (0).  ${E}2mweak-ending${E}22m\n`,
    );
  });

  it('control characters in file names and titles are shown, never acted on, on standard output and standard error', async () => {
    const name = 'x\u001b]8;;y\u0007.journey.yaml';
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', [name]: FILES['j.journey.yaml'].replace('id: j\n', 'id: j\ntitle: "A\\u202Eb\\tc"\n') });
    const r = await cli(['analyze'], dir);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Journey: A\ufffdb c (j)', 'x\ufffd]8;;y\ufffd.journey.yaml · Scale -5 to 5, neutral 0']);
    expect(r.stderr).toBe('peakend: 1 analysed file(s) have errors, so their figures may be incomplete: x\ufffd]8;;y\ufffd.journey.yaml. Run "peakend check".\n');
    const failed = await main(['analyze', '-o', 'a\u001b[2J.txt'], {
      cwd: dir,
      env: {},
      stdout: { write: () => {} },
      stderr: { write: (s) => void (r.stderr = s) },
      writeFile: async (p) => {
        throw new Error(`EACCES: ${p}`);
      },
    });
    expect(failed).toBe(2);
    expect(r.stderr).toBe(`peakend: cannot write "a\ufffd[2J.txt": EACCES: ${dir}/a\ufffd[2J.txt\n`);
    const render = await cli(['render', name, '-p', 'a,\u001b[31mz'], dir);
    expect(render.stderr).toBe('peakend: x\ufffd]8;;y\ufffd.journey.yaml has errors that prevent the analysis; fix them first (peakend check shows them all):\n' + render.stderr.split('\n').slice(1).join('\n'));
    expect(render.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('takes the quadrant cuts as midpoint, mean or two numbers from 1 to 5', () => {
    expect(parseAnalyzeArgs(['--cuts', 'midpoint']).cuts).toBe('midpoint');
    expect(parseAnalyzeArgs(['--cuts', 'mean']).cuts).toBe('mean');
    expect(parseAnalyzeArgs(['--cuts', ' 3.5 , 3 ']).cuts).toEqual({ importance: 3.5, performance: 3 });
    expect(parseAnalyzeArgs(['--cuts', '1,5']).cuts).toEqual({ importance: 1, performance: 5 });
    expect(parseAnalyzeArgs(['--cuts', '5,1']).cuts).toEqual({ importance: 5, performance: 1 });
    expect(parseAnalyzeArgs(['--cuts', '03.25,04.75']).cuts).toEqual({ importance: 3.25, performance: 4.75 });
    for (const bad of ['0.5,3', '3,0.9', '5.5,3', '3,5.01', 'a,b', '3', '3,4,5', '2,-3', '3.,4', 'Mean', '']) {
      expect(() => parseAnalyzeArgs(['--cuts', bad]), bad).toThrow(`--cuts takes midpoint, mean, or two numbers from 1 to 5 such as 3.5,3 (importance, performance), not "${bad}".`);
    }
  });

  it('parses its other options: format, output, language, colour, help', () => {
    expect(parseAnalyzeArgs([])).toStrictEqual({ paths: [], format: 'stylish', help: false });
    expect(parseAnalyzeArgs(['a', '-f', 'md', '-o', 'x.md', '--lang', 'zh', 'b', '-h'])).toStrictEqual({ paths: ['a', 'b'], format: 'md', output: 'x.md', lang: 'zh', help: true });
    for (const lang of ['en', 'zh-cn', 'zh-CN']) expect(parseAnalyzeArgs(['--lang', lang]).lang).toBe(lang);
    expect(() => parseAnalyzeArgs(['--lang', 'fr'])).toThrow('--lang takes en or zh-cn, not "fr".');
    expect(() => parseAnalyzeArgs(['--format', 'csv'])).toThrow('Unknown format "csv". Use one of: stylish, json, md.');
    expect(parseAnalyzeArgs(['--color']).color).toBe(true);
    expect(parseAnalyzeArgs(['--no-color']).color).toBe(false);
    expect(analyzeHelp().startsWith('Usage: peakend analyze [paths…] [options]\n')).toBe(true);
    expect(COMMANDS.find((c) => c.name === 'analyze')!.help()).toBe(analyzeHelp());
  });
});

describe('peakend check: where the outputs land', () => {
  it('refuses two formats written to one file, however the file is spelled', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n' });
    const usage = (m: string) => ({ status: 2, stdout: '', stderr: `peakend: ${m}\nRun "peakend check --help" for usage.\n` });
    expect(await cli(['check', '-f', 'json', '-o', 'a.json', '-f', 'sarif', '-o', 'a.json'], dir)).toMatchObject(usage('--output "a.json" is given twice; each format needs its own file.'));
    expect(await cli(['check', '-f', 'json', '-o', 'a.json', '-f', 'sarif', '-o', 'sub/../a.json'], dir)).toMatchObject(
      usage('--output "a.json" and --output "sub/../a.json" are the same file; each format needs its own file.'),
    );
    const ok = await cli(['check', '-f', 'json', '-o', 'a.json', '-f', 'sarif', '-o', 'b.sarif', '-f', 'github'], dir);
    expect(ok.status).toBe(0);
    expect([...ok.written.keys()]).toEqual([join(dir, 'a.json'), join(dir, 'b.sarif')]);
    expect(ok.written.get(join(dir, 'a.json'))).toBe('[]\n');
    expect(ok.stdout).toBe('');
  });

  it('--no-cache writes no cache folder; the default run writes one', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'p.personas.yaml': 'peakend: 1\nkind: personas\npersonas:\n  - { id: a, name: A }\n' });
    const { readdirSync } = await import('node:fs');
    expect((await cli(['check', '--no-cache'], dir)).stdout).toBe('0 errors, 0 warnings in 2 files\n');
    expect(readdirSync(dir).sort()).toEqual(['p.personas.yaml', 'peakend.yaml']);
    expect((await cli(['check'], dir)).stdout).toBe('0 errors, 0 warnings in 2 files\n');
    expect(readdirSync(dir).sort()).toEqual(['.peakend-cache', 'p.personas.yaml', 'peakend.yaml']);
  });
});

describe('main: errors that are not usage errors', () => {
  it('a thrown value that is no Error, and control characters in what was typed', async () => {
    let stderr = '';
    const io = (write: () => void): CliIo => ({ cwd: '/', env: {}, stdout: { write }, stderr: { write: (s) => void (stderr += s) }, writeFile: async () => {} });
    expect(
      await main(['-v'], io(() => {
        throw 'EPIPE\u001b[2J';
      })),
    ).toBe(2);
    expect(stderr).toBe('peakend: internal error: EPIPE\ufffd[2J\n');
    stderr = '';
    expect(await main(['check\u001b[31m'], io(() => {}))).toBe(2);
    expect(stderr).toBe('peakend: unknown command "check\ufffd[31m". Run "peakend --help".\n');
    stderr = '';
    expect(await main(['help', 'x\u0007'], io(() => {}))).toBe(2);
    expect(stderr).toBe('peakend: no help for unknown command "x\ufffd". Run "peakend --help".\n');
    stderr = '';
    expect(await main(['check', '--format', 'a\u001b]8;;x\u0007'], io(() => {}))).toBe(2);
    expect(stderr).toBe('peakend: Unknown format "a\ufffd]8;;x\ufffd". Use one of: stylish, json, sarif, github.\nRun "peakend check --help" for usage.\n');
  });
});

describe('JSON written in chunks', () => {
  /** A pipe that takes 1 MiB and then asks the writer to wait for "drain". */
  function slowPipe() {
    const writes: string[] = [];
    let drain: (() => void) | undefined;
    return {
      writes,
      drain: () => drain?.(),
      waiting: () => drain !== undefined,
      stream: {
        write(s: string) {
          writes.push(s);
          return false;
        },
        once(event: 'drain', listener: () => void) {
          expect(event).toBe('drain');
          drain = () => {
            drain = undefined;
            listener();
          };
        },
      },
    };
  }

  it('keeps small output in one chunk, written at the end', async () => {
    const writes: string[] = [];
    await writeJsonOfArrays({ write: (s) => void writes.push(s) }, { a: [1, 2], b: ['x'] });
    expect(writes).toEqual([JSON.stringify({ a: [1, 2], b: ['x'] }, null, 2) + '\n']);
  });

  it('writes a chunk once it passes 1 MiB, and waits for a full pipe to drain', async () => {
    const pipe = slowPipe();
    const json = new JsonArraysWriter(pipe.stream);
    json.begin('big');
    const half = 'x'.repeat(1 << 19);
    await json.add(half);
    // Half a MiB and a little: still held.
    expect(pipe.writes).toEqual([]);
    let added = false;
    const second = json.add(half).then(() => (added = true));
    await new Promise((r) => setTimeout(r, 20));
    // Past 1 MiB: written, and the writer waits for the pipe.
    expect(pipe.writes).toHaveLength(1);
    expect(pipe.writes[0]!.length).toBeGreaterThan(1 << 20);
    expect(pipe.waiting()).toBe(true);
    expect(added).toBe(false);
    pipe.drain();
    await second;
    expect(added).toBe(true);
    const closing = json.close();
    // The rest goes out on close, and close waits for the pipe in turn.
    await new Promise((r) => setTimeout(r, 20));
    expect(pipe.waiting()).toBe(true);
    pipe.drain();
    await closing;
    expect(pipe.writes.join('')).toBe(JSON.stringify({ big: [half, half] }, null, 2) + '\n');
    expect(pipe.writes).toHaveLength(2);
  });

  it('holds exactly 1 MiB; a pipe that takes more is not waited on', async () => {
    const writes: string[] = [];
    let waited = false;
    const stream = { write: (s: string) => (writes.push(s), true), once: () => void (waited = true) };
    const json = new JsonArraysWriter(stream);
    json.begin('k');
    // "{", then '\n  "k": [', then "\n    " and the string in quotes: 1 MiB in all.
    const fill = 'z'.repeat((1 << 20) - '{\n  "k": ['.length - '\n    '.length - 2);
    await json.add(fill);
    expect(writes).toEqual([]);
    await json.add('');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.length).toBe((1 << 20) + ',\n    ""'.length);
    await json.close();
    expect(waited).toBe(false);
    expect(writes.join('')).toBe(JSON.stringify({ k: [fill, ''] }, null, 2) + '\n');
  });

  it('a stream without "once" is written to without waiting', async () => {
    const writes: string[] = [];
    const json = new JsonArraysWriter({ write: (s: string) => (writes.push(s), false) } as unknown as CliIo['stdout']);
    json.begin('k');
    await json.add('y'.repeat((1 << 20) + 1));
    expect(writes).toHaveLength(1);
    await json.close();
    expect(writes.join('')).toBe(JSON.stringify({ k: ['y'.repeat((1 << 20) + 1)] }, null, 2) + '\n');
  });
});

describe('the built CLI writing to a pipe closed early', () => {
  it('stops quietly with the status of a broken pipe', async () => {
    const { spawn } = await import('node:child_process');
    const root = join(__dirname, '../..');
    const child = spawn(process.execPath, [join(root, 'bin/peakend.js'), 'check', '--no-cache', 'examples/online-service'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // The reader goes away before the first line, as `head -0` would.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});
