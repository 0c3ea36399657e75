import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckArgs, UsageError } from '../../src/cli/args';
import { COMMANDS, commandNamed } from '../../src/cli/commands';
import { checkHelp } from '../../src/cli/commands/check';
import { FORMATTERS } from '../../src/cli/formatters';
import { summaryLine } from '../../src/cli/formatters/summary';
import { mainHelp } from '../../src/cli/help';
import { languageOf } from '../../src/cli/lang';
import { main } from '../../src/cli/main';
import { VERSION } from '../../src/cli/version';
import type { Finding } from '../../src/core';
import { runCli, tempWorkspace } from '../helpers/cliInProcess';

/** The CLI run in this process (from `/` unless told): its output, its exit status and the files it wrote. */
const cli = (argv: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean; failWrite?: boolean } = {}) => runCli(argv, opts.cwd ?? '/', opts);
const workspace = (files: Record<string, string>) => tempWorkspace('peakend-inproc-', files);

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - id: owner\n    name: Owner\n';
/** One error (unknown touchpoint) and, with the inventory, one warning (uncovered touchpoint). */
const JOURNEY =
  'peakend: 1\nkind: journey\nid: j\ntitle: J\npersonas: [owner]\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, touchpoints: [lobby], emotions: { owner: 1 } }\n';
const TOUCHPOINTS = 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n  - { id: lobby, name: Lobby, phase: service, channel: in-person, type: physical }\n';

describe('main', () => {
  it('without a command prints the help to standard error and exits 2', async () => {
    expect(await cli([])).toEqual({ status: 2, stdout: '', stderr: mainHelp(COMMANDS), written: new Map() });
  });

  it('prints the help and the version on request', async () => {
    for (const a of [['-h'], ['--help'], ['help'], ['help', 'help']]) expect(await cli(a)).toMatchObject({ status: 0, stdout: mainHelp(COMMANDS), stderr: '' });
    for (const a of [['-v'], ['--version']]) expect(await cli(a)).toMatchObject({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(await cli(['help', 'check'])).toMatchObject({ status: 0, stdout: checkHelp(['stylish', 'json', 'sarif', 'github']), stderr: '' });
    expect(await cli(['check', '--help'])).toMatchObject({ status: 0, stdout: checkHelp(['stylish', 'json', 'sarif', 'github']) });
  });

  it('refuses unknown commands and usage errors with a one-line reason and status 2', async () => {
    expect(await cli(['nope'])).toMatchObject({ status: 2, stdout: '', stderr: 'peakend: unknown command "nope". Run "peakend --help".\n' });
    expect(await cli(['help', 'nope'])).toMatchObject({ status: 2, stdout: '', stderr: 'peakend: no help for unknown command "nope". Run "peakend --help".\n' });
    expect(await cli(['check', '--fail-severity', 'fatal'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'peakend: --fail-severity takes error, warning or info, not "fatal".\nRun "peakend check --help" for usage.\n',
    });
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n' });
    expect(await cli(['check', 'missing.journey.yaml'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'peakend: No such file or folder: missing.journey.yaml\nRun "peakend check --help" for usage.\n',
    });
    expect(commandNamed('check')).toBe(COMMANDS[0]);
    expect(commandNamed('nope')).toBeUndefined();
  });

  it('lists each command in its help, aligned, with the exit statuses', () => {
    const help = mainHelp(COMMANDS);
    const rows = help.slice(help.indexOf('\nCommands:\n') + 11, help.indexOf('\n\nOptions:')).split('\n');
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual([...COMMANDS.map((c) => `${c.name} ${c.usage}`), 'help [command]']);
    // Every summary starts in one column, the options' descriptions too.
    const column = rows[0]!.indexOf('Validate the workspace (or the given files and folders)');
    for (const r of rows) expect(r.slice(0, column).trimEnd().length).toBeLessThan(column - 2);
    expect(rows.at(-1)!.slice(column)).toBe('Show help for a command');
    expect(help).toContain(`\nOptions:\n  -h, --help${' '.repeat(column - 12)}Show help\n  -v, --version${' '.repeat(column - 15)}Show the version\n`);
    expect(help.startsWith('Usage: peakend <command> [options]\n')).toBe(true);
    const wide = mainHelp([{ name: 'a-very-long-command-name', usage: '<x>', summary: 'S', help: () => '', run: async () => 0 }]);
    expect(wide).toContain('  a-very-long-command-name <x>   S\n  help [command]                 Show help');
    expect(wide).toContain('  -h, --help                     Show help\n  -v, --version                  Show the version\n');
  });
});

describe('check', () => {
  it('exits 1 for errors, 0 for warnings unless --fail-severity warning, and reports in stylish by default', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'p.personas.yaml': PERSONAS, 'j.journey.yaml': JOURNEY });
    const r = await cli(['check'], { cwd: join(dir) });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'j.journey.yaml\n  j.journey.yaml:10:42  error    Unknown touchpoint "lobby".  unknown-touchpoint\n\n1 error, 0 warnings in 3 files\n',
    );
    writeFileSync(join(dir, 't.touchpoints.yaml'), TOUCHPOINTS);
    expect((await cli(['check'], { cwd: dir })).status).toBe(0);
    expect((await cli(['check', '--fail-severity', 'warning'], { cwd: dir })).status).toBe(1);
    expect((await cli(['check', '--fail-severity', 'info'], { cwd: dir })).status).toBe(1);
    expect((await cli(['check', '--fail-severity', 'error'], { cwd: dir })).stdout).toBe(
      't.touchpoints.yaml\n  t.touchpoints.yaml:6:11  warning  No standard applies to touchpoint "lobby" (Lobby).  uncovered-touchpoint\n\n0 errors, 1 warning in 4 files\n',
    );
  });

  it('without paths checks the whole workspace around the working folder; with paths only inside them', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'sub/p.personas.yaml': PERSONAS, 'j.journey.yaml': JOURNEY });
    expect((await cli(['check'], { cwd: join(dir, 'sub') })).stdout).toContain('1 error, 0 warnings in 3 files\n');
    const inside = await cli(['check', 'sub'], { cwd: dir });
    expect(inside).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
    const alone = workspace({ 'p.personas.yaml': PERSONAS });
    expect(await cli(['check'], { cwd: alone })).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
  });

  it('writes each format to its --output file, resolved from the working folder, and reports a failed write', async () => {
    const dir = workspace({ 'peakend.yaml': 'peakend: 1\nkind: config\n', 'p.personas.yaml': PERSONAS, 'j.journey.yaml': JOURNEY });
    const r = await cli(['check', '--format', 'github', '--format', 'json', '-o', './out/../r.json'], { cwd: dir, tty: true });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('::error file=j.journey.yaml,line=10,col=42,endLine=10,endColumn=47,title=peakend unknown-touchpoint::Unknown touchpoint "lobby".\n');
    expect([...r.written.keys()]).toEqual([join(dir, 'r.json')]);
    expect(JSON.parse(r.written.get(join(dir, 'r.json'))!)).toEqual([expect.objectContaining({ file: 'j.journey.yaml', ruleId: 'unknown-touchpoint' })]);
    const failed = await cli(['check', '-o', 'r.txt'], { cwd: dir, failWrite: true });
    expect(failed).toMatchObject({ status: 2, stderr: 'peakend: cannot write "r.txt": EACCES: permission denied\n' });
  });

  it('colours a terminal unless NO_COLOR or --no-color, never a file; speaks Chinese when asked', async () => {
    const dir = workspace({ 'p.personas.yaml': PERSONAS, 'j.journey.yaml': JOURNEY });
    const ESC = '\u001b[';
    expect((await cli(['check'], { cwd: dir, tty: true })).stdout).toContain(`${ESC}31merror  ${ESC}39m`);
    expect((await cli(['check'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['check', '--no-color'], { cwd: dir, tty: true })).stdout).not.toContain(ESC);
    expect((await cli(['check', '--color'], { cwd: dir })).stdout).toContain(ESC);
    expect([...(await cli(['check', '--color', '-o', 'x.txt'], { cwd: dir })).written.values()][0]).not.toContain(ESC);
    const zh = await cli(['check', '--lang', 'zh-cn'], { cwd: dir });
    expect(zh.stdout).toContain('未知的接触点');
    expect((await cli(['check'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })).stdout).toBe(zh.stdout);
  });
});

describe('parseCheckArgs', () => {
  const formats = ['stylish', 'json', 'sarif'];
  const parse = (...argv: string[]) => parseCheckArgs(argv, formats);
  const refuses = (argv: string[], message: string) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  };

  it('pairs each --output with the --format before it; stylish to standard output by default', () => {
    expect(parse()).toEqual({ paths: [], outputs: [{ format: 'stylish' }], failSeverity: 'error', cache: true, help: false });
    expect(parse('a', '-f', 'json', '-o', 'x.json', 'b', '--format', 'stylish')).toEqual({
      paths: ['a', 'b'],
      outputs: [{ format: 'json', file: 'x.json' }, { format: 'stylish' }],
      failSeverity: 'error',
      cache: true,
      help: false,
    });
    expect(parse('--no-cache').cache).toBe(false);
    expect(parse('-o', 'r.txt').outputs).toEqual([{ format: 'stylish', file: 'r.txt' }]);
    expect(parse('--color', '--no-color').color).toBe(false);
    expect(parse('--no-color', '--color').color).toBe(true);
    expect(parse('--lang', 'zh-CN', '--fail-severity', 'info', '-h')).toMatchObject({ lang: 'zh-CN', failSeverity: 'info', help: true });
    expect(parse('--fail-severity', 'warning').failSeverity).toBe('warning');
    for (const lang of ['en', 'zh-cn', 'zh']) expect(parse('--lang', lang).lang).toBe(lang);
  });

  it('refuses what it cannot honour, saying why', () => {
    refuses(['--format', 'xml'], 'Unknown format "xml". Use one of: stylish, json, sarif.');
    refuses(['-f', 'json', '-o', 'a', '-o', 'b'], '--output "b" follows another --output; give a --format before each.');
    refuses(['-f', 'json', '-f', 'sarif'], 'Only one format can go to standard output; give the others an --output file.');
    refuses(['--lang', 'fr'], '--lang takes en or zh-cn, not "fr".');
    refuses(['--bogus'], "Unknown option '--bogus'");
  });
});

describe('languageOf', () => {
  it('takes --lang, then PEAKEND_LANG, LC_ALL, LC_MESSAGES, LANG, skipping empty ones', () => {
    expect(languageOf(undefined, {})).toBe('en');
    expect(languageOf('zh', { LANG: 'en_US.UTF-8' })).toBe('zh-cn');
    expect(languageOf(undefined, { PEAKEND_LANG: 'zh-CN', LC_ALL: 'en_US' })).toBe('zh-cn');
    expect(languageOf(undefined, { PEAKEND_LANG: '', LC_ALL: 'zh_CN.UTF-8', LANG: 'en' })).toBe('zh-cn');
    expect(languageOf(undefined, { LC_ALL: 'C', LC_MESSAGES: 'zh_CN' })).toBe('en');
    expect(languageOf(undefined, { LC_MESSAGES: 'zh_CN.GB18030@stroke', LANG: 'en' })).toBe('zh-cn');
    expect(languageOf(undefined, { LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(languageOf(undefined, { LANG: 'zh_HK' })).toBe('en');
  });
});

describe('errors, defaults and edges', () => {
  it('reports an internal error in one line, not as a usage error', async () => {
    let stderr = '';
    const status = await main(['--version'], {
      cwd: '/',
      env: {},
      stdout: { write: () => { throw new Error('EPIPE: broken pipe'); } },
      stderr: { write: (s) => void (stderr += s) },
      writeFile: async () => {},
    });
    expect(status).toBe(2);
    expect(stderr).toBe('peakend: internal error: EPIPE: broken pipe\n');
  });

  it('leaves colour unset unless asked, and names the formats in the help', () => {
    expect(parseCheckArgs([], ['stylish'])).toStrictEqual({ paths: [], outputs: [{ format: 'stylish' }], failSeverity: 'error', cache: true, help: false });
    expect(checkHelp(['a', 'b'])).toContain('  -f, --format <name>          a, b (default stylish); may repeat\n');
    const short = mainHelp([{ name: 'x', usage: '', summary: 'S', help: () => '', run: async () => 0 }]);
    expect(short).toContain('\n  x                S\n  help [command]   Show help for a command\n');
  });

  it('writes the summary line in Chinese from the catalog, with infos only when there are any', () => {
    const f = (severity: Finding['severity']) => ({ severity }) as Finding;
    expect(summaryLine([f('error'), f('warning'), f('warning')], 3, 'zh-cn')).toBe('共 3 个文件：1 个错误，2 个警告');
    expect(summaryLine([f('info')], 1, 'zh-cn')).toBe('共 1 个文件：0 个错误，0 个警告，1 条提示');
  });

  it('keeps colons in folder names out of the drive-letter rule', () => {
    const base = (cwd: string) => JSON.parse(FORMATTERS.sarif!([], { cwd, fileCount: 0, color: false, toolVersion: '1' })).runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    expect(base('/ws/C:')).toBe('file:///ws/C%3A/');
    expect(base('/ab:/x')).toBe('file:///ab%3A/x/');
    expect(base('/C:x/y')).toBe('file:///C%3Ax/y/');
    expect(base('/d:/y')).toBe('file:///d:/y/');
  });
});
