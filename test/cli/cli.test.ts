/**
 * Scenario tests of the real, built CLI (`node bin/peakend.js`) against workspaces written into
 * temporary folders, plus a few in-process runs of `main` for what a child process cannot show
 * (a terminal on standard output).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/cli/formatters';
import { COMMANDS } from '../../src/cli/commands';
import { checkHelp } from '../../src/cli/commands/check';
import { mainHelp } from '../../src/cli/help';

const MAIN_HELP = mainHelp(COMMANDS);
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/peakend.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of each run, without anything that picks a language or colour. */
const BASE_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['PEAKEND_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'FORCE_COLOR'].includes(k)),
);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...BASE_ENV, ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];

/** Writes `files` (relative path → text) into a new temporary folder and returns the folder. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-cli-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

const PERSONAS = lines('peakend: 1', 'kind: personas', 'personas:', '  - id: owner', '    name: Owner');
const TOUCHPOINTS = lines(
  'peakend: 1',
  'kind: touchpoints',
  'id: inv',
  'title: Touchpoints',
  'touchpoints:',
  '  - { id: hotline, name: Hotline, phase: service, channel: phone, type: human }',
  '  - { id: lobby, name: Lobby, phase: service, channel: in-person, type: physical }',
);
const STANDARDS = lines(
  'peakend: 1',
  'kind: standards',
  'id: std',
  'title: Standards',
  'standards:',
  '  - id: answer-fast',
  '    title: Answer fast',
  '    requirement: The hotline answers within 20 seconds.',
  '    dimension: responsiveness',
  '    kano: basic',
  '    appliesTo: { touchpoints: [hotline] }',
  '    method: mystery-shopping',
  '    expect: { type: pass-fail }',
);
const journey = (score: number, touchpoint = 'hotline') =>
  lines(
    'peakend: 1',
    'kind: journey',
    'id: j',
    'title: Repairs',
    'personas: [owner]',
    'stages:',
    '  - id: s',
    '    title: Stage',
    '    steps:',
    `      - { id: call, title: Calls, touchpoints: [${touchpoint}], emotions: { owner: ${score} } }`,
  );
/** A scale of -2 to 2: a score of 3 is an error only when the CLI found this peakend.yaml. */
const CONFIG = lines('peakend: 1', 'kind: config', 'scale: { min: -2, max: 2, neutral: 0 }');

/** One warning (the lobby has no standard) and, in sub/j.journey.yaml, one error (score 3 outside -2..2). */
const MIXED = { 'peakend.yaml': CONFIG, 'people.personas.yaml': PERSONAS, 'inv.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS, 'sub/j.journey.yaml': journey(3) };
const LOBBY_WARNING = '  inv.touchpoints.yaml:7:11  warning  No standard applies to touchpoint "lobby" (Lobby).  uncovered-touchpoint';
const SCORE_ERROR = (file: string) => `  ${file}:10:78  error    The score 3 is outside the scale -2 to 2.  score-out-of-scale`;

const PROPERTY_MANAGEMENT = lines(
  'examples/property-management/complaints.standards.yaml',
  '  examples/property-management/complaints.standards.yaml:17:9  warning  Standard "social-media-complaint-24h" applies to no touchpoint.  unused-standard',
  '',
  'examples/property-management/homeowner.journey.yaml',
  '  examples/property-management/homeowner.journey.yaml:46:39  warning  Moment of truth "inspect-house" scores -3 for persona "first-time-buyer", below 0.  negative-moment-of-truth',
  '  examples/property-management/homeowner.journey.yaml:46:53  warning  Moment of truth "inspect-house" scores -4 for persona "upgrader", below 0.  negative-moment-of-truth',
  '  examples/property-management/homeowner.journey.yaml:46:53  info     Persona "upgrader" remembers this journey far worse than "first-time-buyer": peak-end score -3 against 1 (a difference of 4; the limit is 3).  persona-gap',
  '  examples/property-management/homeowner.journey.yaml:99:9  warning  Step "repair-visit" has no emotion score for persona "upgrader".  missing-persona-score',
  '  examples/property-management/homeowner.journey.yaml:121:39  warning  The journey ends weakly for persona "first-time-buyer": its last scored step "pay-fee" scores -2, below both the persona\'s average 0.46 and neutral (0).  weak-ending',
  '  examples/property-management/homeowner.journey.yaml:121:53  warning  The journey ends weakly for persona "upgrader": its last scored step "pay-fee" scores -2, below both the persona\'s average -0.58 and neutral (0).  weak-ending',
  '',
  'examples/property-management/property.touchpoints.yaml',
  '  examples/property-management/property.touchpoints.yaml:156:9  warning  No standard applies to touchpoint "green-maintenance" (绿化养护).  uncovered-touchpoint',
  '',
  '0 errors, 7 warnings, 1 info in 30 files',
);

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A usage error: status 2, nothing on standard output, a message on standard error and no stack trace. */
function expectUsageError(r: Run, message: string | RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr.startsWith('peakend: ')).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('internal error');
}

describe('the example workspaces', () => {
  it('examples/property-management: the three deliberate flaws and the peak-end judgements, exit 0', () => {
    const r = run(['check', 'examples/property-management']);
    expect(r).toEqual({ status: 0, stdout: PROPERTY_MANAGEMENT, stderr: '' });
  });

  it('examples/property-management with --fail-severity warning: the same report, exit 1', () => {
    expect(run(['check', 'examples/property-management', '--fail-severity', 'warning'])).toEqual({ status: 1, stdout: PROPERTY_MANAGEMENT, stderr: '' });
    expect(run(['check', '--fail-severity=warning', 'examples/property-management'])).toEqual({ status: 1, stdout: PROPERTY_MANAGEMENT, stderr: '' });
  });

  it('examples/online-service is clean', () => {
    expect(run(['check', 'examples/online-service'])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 5 files\n', stderr: '' });
    expect(run(['check', 'examples/online-service', '--fail-severity', 'info']).status).toBe(0);
  });

  it('both examples at once, each against its own workspace', () => {
    const r = run(['check', 'examples/online-service', 'examples/property-management']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(PROPERTY_MANAGEMENT.replace('0 errors, 7 warnings, 1 info in 30 files', '0 errors, 7 warnings, 1 info in 35 files'));
  });
});

describe('exit status and --fail-severity', () => {
  it('0 for a clean workspace', () => {
    const dir = workspace({ 'peakend.yaml': CONFIG, 'people.personas.yaml': PERSONAS, 'j.journey.yaml': journey(1, 'hotline'), 'inv.touchpoints.yaml': TOUCHPOINTS.split('\n').slice(0, 6).join('\n') + '\n', 's.standards.yaml': STANDARDS });
    expect(run(['check'], { cwd: dir })).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 5 files\n', stderr: '' });
    expect(run(['check', '--fail-severity', 'info'], { cwd: dir }).status).toBe(0);
  });

  it('warnings only: 0 by default, 1 with --fail-severity warning or info', () => {
    const dir = workspace({ ...MIXED, 'sub/j.journey.yaml': journey(1) });
    const expected = lines('inv.touchpoints.yaml', LOBBY_WARNING, '', '0 errors, 1 warning in 5 files');
    expect(run(['check'], { cwd: dir })).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(run(['check', '--fail-severity', 'error'], { cwd: dir }).status).toBe(0);
    expect(run(['check', '--fail-severity', 'warning'], { cwd: dir })).toEqual({ status: 1, stdout: expected, stderr: '' });
    expect(run(['check', '--fail-severity', 'info'], { cwd: dir }).status).toBe(1);
  });

  it('infos only (a rule set to info in peakend.yaml): 1 only with --fail-severity info', () => {
    const dir = workspace({ ...MIXED, 'peakend.yaml': CONFIG + 'rules:\n  uncovered-touchpoint: info\n', 'sub/j.journey.yaml': journey(1) });
    const expected = lines('inv.touchpoints.yaml', LOBBY_WARNING.replace('warning', 'info   '), '', '0 errors, 0 warnings, 1 info in 5 files');
    expect(run(['check'], { cwd: dir })).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(run(['check', '--fail-severity', 'warning'], { cwd: dir }).status).toBe(0);
    expect(run(['check', '--fail-severity', 'info'], { cwd: dir })).toEqual({ status: 1, stdout: expected, stderr: '' });
  });

  it('errors: 1 whatever the threshold', () => {
    const dir = workspace(MIXED);
    for (const level of ['error', 'warning', 'info']) expect(run(['check', '--fail-severity', level], { cwd: dir }).status).toBe(1);
  });
});

describe('usage errors: status 2, a clear message on stderr, no stack trace', () => {
  it('an unknown option', () => {
    expectUsageError(run(['check', '--bogus']), "Unknown option '--bogus'");
    expectUsageError(run(['check', '--bogus']), 'Run "peakend check --help" for usage.');
  });

  it('an unknown format', () => {
    expectUsageError(run(['check', '--format', 'xml']), 'peakend: Unknown format "xml". Use one of: stylish, json, sarif, github.');
  });

  it('a bad --fail-severity', () => {
    expectUsageError(run(['check', '--fail-severity', 'fatal']), 'peakend: --fail-severity takes error, warning or info, not "fatal".');
  });

  it('an option without its value', () => {
    expectUsageError(run(['check', '--format']), /--format/);
  });

  it('a path that does not exist, named as it was given', () => {
    expectUsageError(run(['check', 'examples/no-such-folder']), 'peakend: No such file or folder: examples/no-such-folder');
  });

  it('two formats to standard output', () => {
    expectUsageError(run(['check', '--format', 'json', '--format', 'sarif']), 'peakend: Only one format can go to standard output; give the others an --output file.');
  });

  it('two --output in a row, and the same file twice', () => {
    expectUsageError(run(['check', '--format', 'json', '--output', 'a.json', '--output', 'b.json']), '--output "b.json" follows another --output');
    expectUsageError(run(['check', '--format', 'json', '--output', 'a.json', '--format', 'sarif', '--output', 'a.json']), '--output "a.json" is given twice');
  });

  it('an unknown language', () => {
    expectUsageError(run(['check', '--lang', 'fr']), '--lang takes en or zh-cn, not "fr".');
  });

  it('an unknown command, and help for one', () => {
    expectUsageError(run(['frobnicate']), 'peakend: unknown command "frobnicate". Run "peakend --help".');
    expectUsageError(run(['help', 'frobnicate']), 'peakend: no help for unknown command "frobnicate"');
  });

  it('no command at all: the help, on stderr', () => {
    const r = run([]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: MAIN_HELP });
  });

  it('an output file that cannot be written', () => {
    const dir = workspace(MIXED);
    const r = run(['check', '--format', 'json', '--output', 'sub'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^peakend: cannot write "sub": /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('help and version', () => {
  it('--help and -h', () => {
    expect(run(['--help'])).toEqual({ status: 0, stdout: MAIN_HELP, stderr: '' });
    expect(run(['-h'])).toEqual({ status: 0, stdout: MAIN_HELP, stderr: '' });
    expect(run(['help'])).toEqual({ status: 0, stdout: MAIN_HELP, stderr: '' });
    expect(MAIN_HELP).toContain('Usage: peakend <command> [options]');
    // Every registered command is listed with its summary.
    expect(MAIN_HELP).toMatch(/^ {2}check \[paths…\] +Validate the workspace \(or the given files and folders\)$/m);
    expect(MAIN_HELP).toMatch(/^ {2}help \[command\] +Show help for a command$/m);
  });

  it('check --help and help check', () => {
    const help = checkHelp(Object.keys(FORMATTERS));
    expect(run(['check', '--help'])).toEqual({ status: 0, stdout: help, stderr: '' });
    expect(run(['check', '-h'])).toEqual({ status: 0, stdout: help, stderr: '' });
    expect(run(['help', 'check'])).toEqual({ status: 0, stdout: help, stderr: '' });
    expect(help).toContain('Usage: peakend check [paths…] [options]');
    expect(help).toContain('stylish, json, sarif, github (default stylish); may repeat');
    expect(help).toMatch(/^ {2}uncovered-touchpoint +warning +A touchpoint to which no standard applies\.$/m);
  });

  it('--version and -v print the package version', () => {
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(run(['-v'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describe('several formats with --output files', () => {
  it('writes each file and prints stylish on stdout', () => {
    const dir = workspace(MIXED);
    const r = run(['check', '--format', 'stylish', '--format', 'sarif', '--output', 'out.sarif', '--format', 'json', '--output', 'reports/out.json'], { cwd: dir });
    expect(r).toEqual({ status: 1, stdout: lines('inv.touchpoints.yaml', LOBBY_WARNING, '', 'sub/j.journey.yaml', SCORE_ERROR('sub/j.journey.yaml'), '', '1 error, 1 warning in 5 files'), stderr: '' });

    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['uncovered-touchpoint', 'score-out-of-scale']);

    // The json file is what --format json prints on stdout.
    const json = readFileSync(join(dir, 'reports/out.json'), 'utf8');
    expect(json).toBe(run(['check', '--format', 'json'], { cwd: dir }).stdout);
    expect(JSON.parse(json).map((f: { file: string; range: { start: { line: number } } }) => `${f.file}:${f.range.start.line + 1}`)).toEqual(['inv.touchpoints.yaml:7', 'sub/j.journey.yaml:10']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('files never get colour, even with --color; an --output before any --format takes stylish', () => {
    const dir = workspace(MIXED);
    const r = run(['check', '--color', '--output', 'report.txt', '--format', 'github'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '::warning file=inv.touchpoints.yaml,line=7,col=11,endLine=7,endColumn=16,title=peakend uncovered-touchpoint::No standard applies to touchpoint "lobby" (Lobby).\n' +
        '::error file=sub/j.journey.yaml,line=10,col=78,endLine=10,endColumn=79,title=peakend score-out-of-scale::The score 3 is outside the scale -2 to 2.\n',
    );
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(lines('inv.touchpoints.yaml', LOBBY_WARNING, '', 'sub/j.journey.yaml', SCORE_ERROR('sub/j.journey.yaml'), '', '1 error, 1 warning in 5 files'));
  });

  it('only files: nothing on stdout', () => {
    const dir = workspace(MIXED);
    const r = run(['check', '-f', 'json', '-o', 'a.json', '-f', 'sarif', '-o', 'b.sarif'], { cwd: dir });
    expect(r).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'a.json')) && existsSync(join(dir, 'b.sarif'))).toBe(true);
  });
});

describe('--lang', () => {
  it('zh-cn renders the messages and the summary in Chinese', () => {
    const r = run(['check', 'examples/property-management', '--lang', 'zh-cn']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      lines(
        'examples/property-management/complaints.standards.yaml',
        '  examples/property-management/complaints.standards.yaml:17:9  warning  服务标准“social-media-complaint-24h”没有适用于任何接触点。  unused-standard',
        '',
        'examples/property-management/homeowner.journey.yaml',
        '  examples/property-management/homeowner.journey.yaml:46:39  warning  关键时刻“inspect-house”对客户画像“first-time-buyer”得分 -3，低于 0。  negative-moment-of-truth',
        '  examples/property-management/homeowner.journey.yaml:46:53  warning  关键时刻“inspect-house”对客户画像“upgrader”得分 -4，低于 0。  negative-moment-of-truth',
        '  examples/property-management/homeowner.journey.yaml:46:53  info     客户画像“upgrader”对这段旅程的记忆远差于“first-time-buyer”：峰终分 -3，对方为 1（相差 4，上限 3）。  persona-gap',
        '  examples/property-management/homeowner.journey.yaml:99:9  warning  步骤“repair-visit”缺少客户画像“upgrader”的情感评分。  missing-persona-score',
        '  examples/property-management/homeowner.journey.yaml:121:39  warning  旅程对客户画像“first-time-buyer”收尾偏弱：最后一个有评分的步骤“pay-fee”得分 -2，既低于该画像的平均分 0.46，也低于中性分（0）。  weak-ending',
        '  examples/property-management/homeowner.journey.yaml:121:53  warning  旅程对客户画像“upgrader”收尾偏弱：最后一个有评分的步骤“pay-fee”得分 -2，既低于该画像的平均分 -0.58，也低于中性分（0）。  weak-ending',
        '',
        'examples/property-management/property.touchpoints.yaml',
        '  examples/property-management/property.touchpoints.yaml:156:9  warning  没有任何服务标准适用于接触点“green-maintenance”（绿化养护）。  uncovered-touchpoint',
        '',
        '共 30 个文件：0 个错误，7 个警告，1 条提示',
      ),
    );
  });

  it('the language also comes from the environment; --lang wins, an empty variable counts as unset', () => {
    const zh = run(['check', 'examples/property-management'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout;
    expect(zh).toContain('服务标准“social-media-complaint-24h”没有适用于任何接触点。');
    expect(run(['check', 'examples/property-management'], { env: { PEAKEND_LANG: 'zh-CN', LANG: 'en_US.UTF-8' } }).stdout).toBe(zh);
    expect(run(['check', 'examples/property-management'], { env: { LC_ALL: '', LANG: 'zh_CN.UTF-8' } }).stdout).toBe(zh);
    expect(run(['check', 'examples/property-management', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toBe(PROPERTY_MANAGEMENT);
    expect(run(['check', 'examples/property-management'], { env: { LANG: 'zh_TW.UTF-8' } }).stdout).toBe(PROPERTY_MANAGEMENT);
  });
});

describe('colour', () => {
  const ESC = '\u001b';

  it('none when stdout is not a terminal', () => {
    expect(run(['check', 'examples/property-management']).stdout).not.toContain(ESC);
  });

  it('--color forces it; the last of --color and --no-color wins', () => {
    const r = run(['check', 'examples/property-management', '--color']);
    expect(r.status).toBe(0);
    const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;
    const dim = (s: string) => `${ESC}[2m${s}${ESC}[22m`;
    const yellow = (s: string) => `${ESC}[33m${s}${ESC}[39m`;
    const cyan = (s: string) => `${ESC}[36m${s}${ESC}[39m`;
    expect(r.stdout).toBe(
      lines(
        bold('examples/property-management/complaints.standards.yaml'),
        `  examples/property-management/complaints.standards.yaml:17:9  ${yellow('warning')}  Standard "social-media-complaint-24h" applies to no touchpoint.  ${dim('unused-standard')}`,
        '',
        bold('examples/property-management/homeowner.journey.yaml'),
        `  examples/property-management/homeowner.journey.yaml:46:39  ${yellow('warning')}  Moment of truth "inspect-house" scores -3 for persona "first-time-buyer", below 0.  ${dim('negative-moment-of-truth')}`,
        `  examples/property-management/homeowner.journey.yaml:46:53  ${yellow('warning')}  Moment of truth "inspect-house" scores -4 for persona "upgrader", below 0.  ${dim('negative-moment-of-truth')}`,
        `  examples/property-management/homeowner.journey.yaml:46:53  ${cyan('info   ')}  Persona "upgrader" remembers this journey far worse than "first-time-buyer": peak-end score -3 against 1 (a difference of 4; the limit is 3).  ${dim('persona-gap')}`,
        `  examples/property-management/homeowner.journey.yaml:99:9  ${yellow('warning')}  Step "repair-visit" has no emotion score for persona "upgrader".  ${dim('missing-persona-score')}`,
        `  examples/property-management/homeowner.journey.yaml:121:39  ${yellow('warning')}  The journey ends weakly for persona "first-time-buyer": its last scored step "pay-fee" scores -2, below both the persona's average 0.46 and neutral (0).  ${dim('weak-ending')}`,
        `  examples/property-management/homeowner.journey.yaml:121:53  ${yellow('warning')}  The journey ends weakly for persona "upgrader": its last scored step "pay-fee" scores -2, below both the persona's average -0.58 and neutral (0).  ${dim('weak-ending')}`,
        '',
        bold('examples/property-management/property.touchpoints.yaml'),
        `  examples/property-management/property.touchpoints.yaml:156:9  ${yellow('warning')}  No standard applies to touchpoint "green-maintenance" (绿化养护).  ${dim('uncovered-touchpoint')}`,
        '',
        yellow('0 errors, 7 warnings, 1 info in 30 files'),
      ),
    );
    expect(run(['check', 'examples/property-management', '--color', '--no-color']).stdout).toBe(PROPERTY_MANAGEMENT);
    expect(run(['check', 'examples/property-management', '--no-color', '--color']).stdout).toBe(r.stdout);
    expect(run(['check', 'examples/property-management', '--color'], { env: { NO_COLOR: '1' } }).stdout).toBe(r.stdout);
  });

  it('on by default at a terminal, off there with NO_COLOR or --no-color (in-process)', async () => {
    const at = async (args: string[], env: Record<string, string> = {}) => {
      let out = '';
      const io: CliIo = {
        cwd: ROOT,
        env,
        stdout: { isTTY: true, write: (s: string) => void (out += s) },
        stderr: { write: () => undefined },
        writeFile: async () => undefined,
      };
      expect(await main(['check', 'examples/property-management', ...args], io)).toBe(0);
      return out;
    };
    expect(await at([])).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(await at([], { NO_COLOR: '1' })).toBe(PROPERTY_MANAGEMENT);
    expect(await at(['--no-color'])).toBe(PROPERTY_MANAGEMENT);
  });
});

describe('paths', () => {
  it('a single file resolves references against the whole workspace but reports only its own findings', () => {
    // The journey refers to "hotline", defined in another file; the lobby warning lies in that other file.
    const dir = workspace(MIXED);
    const expected = lines('sub/j.journey.yaml', SCORE_ERROR('sub/j.journey.yaml'), '', '1 error, 0 warnings in 1 file');
    expect(run(['check', 'sub/j.journey.yaml'], { cwd: dir })).toEqual({ status: 1, stdout: expected, stderr: '' });
    // However the path is spelled.
    expect(run(['check', './sub/j.journey.yaml'], { cwd: dir }).stdout).toBe(expected);
    expect(run(['check', 'sub/../sub/j.journey.yaml'], { cwd: dir }).stdout).toBe(expected);
    // An absolute path, from elsewhere: shown relative to the working folder.
    expect(run(['check', join(dir, 'sub/j.journey.yaml')], { cwd: ROOT }).stdout).toBe(expected.replaceAll('sub/j.journey.yaml', `${relPrefix(dir)}sub/j.journey.yaml`));
  });

  it('a reference to a touchpoint no file defines is still reported for a single file', () => {
    const dir = workspace({ ...MIXED, 'sub/j.journey.yaml': journey(1, 'hotlne') });
    const r = run(['check', 'sub/j.journey.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      lines('sub/j.journey.yaml', '  sub/j.journey.yaml:10:49  error    Unknown touchpoint "hotlne". Did you mean "hotline"?  unknown-touchpoint', '', '1 error, 0 warnings in 1 file'),
    );
  });

  it('a folder inside a workspace reports the findings inside it only', () => {
    const dir = workspace(MIXED);
    expect(run(['check', 'sub'], { cwd: dir }).stdout).toBe(lines('sub/j.journey.yaml', SCORE_ERROR('sub/j.journey.yaml'), '', '1 error, 0 warnings in 1 file'));
    expect(run(['check', '.'], { cwd: join(dir, 'sub') }).stdout).toBe(lines('j.journey.yaml', SCORE_ERROR('j.journey.yaml'), '', '1 error, 0 warnings in 1 file'));
  });

  it('no paths, from a subfolder: the workspace of the nearest peakend.yaml above it', () => {
    const dir = workspace(MIXED);
    const r = run(['check'], { cwd: join(dir, 'sub') });
    // The error proves the config was found (its scale is -2 to 2); the warning, that the whole workspace was checked.
    expect(r).toEqual({
      status: 1,
      stdout: lines('../inv.touchpoints.yaml', LOBBY_WARNING.replaceAll('inv.touchpoints.yaml', '../inv.touchpoints.yaml'), '', 'j.journey.yaml', SCORE_ERROR('j.journey.yaml'), '', '1 error, 1 warning in 5 files'),
      stderr: '',
    });
    // The same from a deeper folder with no workspace files of its own.
    mkdirSync(join(dir, 'sub/deeper/still'), { recursive: true });
    expect(run(['check'], { cwd: join(dir, 'sub/deeper/still') }).stdout).toContain('../../j.journey.yaml:10:78  error');
  });

  it('no peakend.yaml anywhere: the current folder with the defaults', () => {
    const dir = workspace({ 'people.personas.yaml': PERSONAS, 'j.journey.yaml': journey(3) });
    // With the default scale (-5 to 5) a score of 3 is fine, and the touchpoint is unknown.
    const r = run(['check'], { cwd: dir });
    expect(r.stdout).toBe(lines('j.journey.yaml', '  j.journey.yaml:10:49  error    Unknown touchpoint "hotline".  unknown-touchpoint', '', '1 error, 0 warnings in 2 files'));
    expect(r.status).toBe(1);
  });
});

/** The relative path from the repository root to `dir`, ending in "/". */
function relPrefix(dir: string): string {
  const from = ROOT.split('/').filter(Boolean);
  const to = dir.split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/') + '/';
}
