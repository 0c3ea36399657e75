/**
 * `peakend diff` run in this process (`main`), against real git repositories made in temporary
 * folders: the same reviews as test/cli/diff.test.ts (which runs the bundle), and the options,
 * outputs and errors around them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands';
import { DIFF_CHECKS } from '../../src/core';
import { runCli, tempFolder } from '../helpers/cliInProcess';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/property-management');
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

function exampleRepo(branch = 'main') {
  const dir = tempFolder('peakend-diffin-');
  cpSync(EXAMPLE, dir, { recursive: true });
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '-q', '-b', branch);
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
  const edit = (file: string, from: string, to: string) => {
    const p = join(dir, file);
    const text = readFileSync(p, 'utf8');
    if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
    writeFileSync(p, text.replace(from, to));
  };
  return { dir, git, edit };
}

const peakend = (args: string[], cwd: string, opts: { env?: Record<string, string>; tty?: boolean } = {}) => runCli(['diff', ...args], cwd, opts);

const WEAKER_END = ['homeowner.journey.yaml', 'emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: -4, upgrader: -3 }'] as const;
const LOOSER = ['complaints.standards.yaml', 'threshold: 30 }', 'threshold: 60 }'] as const;

const LOOSER_LINE = '  complaints.standards.yaml:7:9  breaking  Standard "complaint-respond-at-once": threshold <= 30 minutes → <= 60 minutes.  standard-loosened';
const CHECKLIST_LINE = '  property.touchpoints.yaml:92:9  info      The checklist of touchpoint "complaint-handling" changes at complaint-respond-at-once.  checklist-changed';

let repo: ReturnType<typeof exampleRepo>;
beforeAll(() => {
  // One repository for the read-only reviews: the two edits in the working tree, also committed on `change` as `edited`.
  repo = exampleRepo();
  repo.edit(...WEAKER_END);
  repo.edit(...LOOSER);
});

describe('peakend diff in process', () => {
  it('reviews the working tree against the merge base with main, grouped by file, most serious first', async () => {
    const r = await peakend([], repo.dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'complaints.standards.yaml',
        LOOSER_LINE,
        '',
        'homeowner.journey.yaml',
        '  homeowner.journey.yaml:3:5  warning   首次置业业主 (first-time-buyer): peak-end score 1 → -4 (-5); average 0.46 → 0.31.  peak-end-score-changed',
        '  homeowner.journey.yaml:3:5  warning   改善型业主 (upgrader): peak-end score -3 → -3.5 (-0.5); average -0.58 → -0.67.  peak-end-score-changed',
        '  homeowner.journey.yaml:121:39  warning   Step "pay-fee": first-time-buyer -2 → -4 (-2).  emotion-changed',
        '  homeowner.journey.yaml:121:53  warning   Step "pay-fee": upgrader -2 → -3 (-1).  emotion-changed',
        '  homeowner.journey.yaml:121:39  warning   首次置业业主 (first-time-buyer): the worst moment moved from "inspect-house" (-3) to "pay-fee" (-4).  peak-end-moment-changed',
        '  homeowner.journey.yaml:121:39  warning   首次置业业主 (first-time-buyer): the most intense moment moved from "get-keys" (4) to "pay-fee" (-4).  peak-end-moment-changed',
        '  homeowner.journey.yaml:121:39  warning   首次置业业主 (first-time-buyer): the end at "pay-fee" changed from -2 to -4.  peak-end-moment-changed',
        '  homeowner.journey.yaml:121:53  warning   改善型业主 (upgrader): the end at "pay-fee" changed from -2 to -3.  peak-end-moment-changed',
        '',
        'property.touchpoints.yaml',
        CHECKLIST_LINE,
        '',
        '1 breaking, 8 warnings, 1 info',
        '',
      ].join('\n'),
    );
    // No --fail-on: 0 whatever changed.
    expect(r.status).toBe(0);
  });

  it('--fail-on: exit 1 when a change is at or above the level', async () => {
    expect((await peakend(['--fail-on', 'breaking', '-f', 'json'], repo.dir)).status).toBe(1);
    expect((await peakend(['--fail-on', 'warning', '-f', 'json'], repo.dir)).status).toBe(1);
    expect((await peakend(['--fail-on', 'info', '-f', 'json'], repo.dir)).status).toBe(1);
    // Only the touchpoints file: one info change, below warning.
    expect((await peakend(['--fail-on', 'warning', 'property.touchpoints.yaml'], repo.dir)).status).toBe(0);
    expect((await peakend(['--fail-on', 'info', 'property.touchpoints.yaml'], repo.dir)).status).toBe(1);
  });

  it('paths keep the changes inside them; one folder is also where the workspace is read', async () => {
    const one = await peakend(['complaints.standards.yaml'], repo.dir);
    expect(one.stdout).toBe(['complaints.standards.yaml', LOOSER_LINE, '', '1 breaking, 0 warnings, 0 info', ''].join('\n'));
    const two = await peakend(['complaints.standards.yaml', 'property.touchpoints.yaml', 'owners.personas.yaml'], repo.dir);
    expect(two.stdout).toBe(['complaints.standards.yaml', LOOSER_LINE, '', 'property.touchpoints.yaml', CHECKLIST_LINE, '', '1 breaking, 0 warnings, 1 info', ''].join('\n'));
    // Two files with a revision are paths in the repository, not two files to compare with each other.
    for (const rev of [['--base', 'main'], ['--head', 'change'], ['--base', 'main', '--head', 'change']]) {
      const r = await peakend([...rev, 'complaints.standards.yaml', 'property.touchpoints.yaml'], repo.dir);
      expect(r.stdout, rev.join(' ')).toBe(rev.includes('--head') ? '0 breaking, 0 warnings, 0 info\n' : two.stdout);
    }
    const folder = await peakend(['.'], repo.dir);
    expect(folder.stdout.endsWith('\n1 breaking, 8 warnings, 1 info\n')).toBe(true);
    // A subfolder without journeys: nothing changed inside it.
    const audits = await peakend(['audits'], repo.dir);
    expect(audits.stdout).toBe('0 breaking, 0 warnings, 0 info\n');
  });

  it('two paths of which one does not exist are paths in the repository; a stylish file never gets colour', async () => {
    expect(await peakend(['complaints.standards.yaml', 'gone.yaml'], repo.dir)).toMatchObject({ status: 0, stdout: ['complaints.standards.yaml', LOOSER_LINE, '', '1 breaking, 0 warnings, 0 info', ''].join('\n') });
    const r = await peakend(['complaints.standards.yaml', '--color', '-o', 'review.txt'], repo.dir, { tty: true });
    expect(r.written.get(join(repo.dir, 'review.txt'))).toBe(['complaints.standards.yaml', LOOSER_LINE, '', '1 breaking, 0 warnings, 0 info', ''].join('\n'));
    expect(r.stdout).toBe('');
  });

  it('no changes: the summary only; --head names a committed revision', async () => {
    expect(await peakend(['--base', 'main', '--head', 'main'], repo.dir)).toMatchObject({ status: 0, stdout: '0 breaking, 0 warnings, 0 info\n', stderr: '' });
  });

  it('JSON: the revisions and commits compared, the summary, the changes with relative files', async () => {
    const r = exampleRepo();
    r.edit(...LOOSER);
    r.git('commit', '-qam', 'looser');
    const out = await peakend(['--base', 'main', '--head', 'change', '--format', 'json'], r.dir);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.version).toBe(1);
    expect(json.base).toEqual({ rev: 'main', commit: r.git('rev-parse', 'main').trim() });
    expect(json.head).toEqual({ rev: 'change', commit: r.git('rev-parse', 'change').trim() });
    expect(json.summary).toEqual({ breaking: 1, warning: 0, info: 1 });
    expect(json.changes.map((c: { checkId: string; file: string }) => `${c.checkId} ${c.file}`)).toEqual(['standard-loosened complaints.standards.yaml', 'checklist-changed property.touchpoints.yaml']);
    // Without --base: the merge base; without --head: the working tree.
    const wt = JSON.parse((await peakend(['--format', 'json'], r.dir)).stdout);
    expect(wt.base).toEqual({ rev: 'merge-base', commit: r.git('rev-parse', 'main').trim() });
    expect(wt.head).toEqual({ rev: 'working tree' });
    expect(wt.summary).toEqual({ breaking: 1, warning: 0, info: 1 });
    // --fail-on with nothing at its level.
    r.git('checkout', '-q', 'main');
    expect((await peakend(['--base', 'main', '--fail-on', 'info'], r.dir)).status).toBe(0);
  });

  it('several formats: each --output to its file (never coloured), one format on standard output', async () => {
    const r = await peakend(['complaints.standards.yaml', '--color', '-f', 'github', '-o', 'out/review.txt', '-f', 'md', '-o', 'review.md', '-f', 'stylish'], repo.dir, { tty: true });
    expect([...r.written.keys()]).toEqual([join(repo.dir, 'out/review.txt'), join(repo.dir, 'review.md')]);
    expect(r.written.get(join(repo.dir, 'out/review.txt'))).toBe(
      '::error file=complaints.standards.yaml,line=7,col=9,endLine=7,endColumn=34,title=peakend diff standard-loosened::Standard "complaint-respond-at-once": threshold <= 30 minutes → <= 60 minutes.\n',
    );
    expect(r.written.get(join(repo.dir, 'review.md'))).toContain('merge-base…working tree');
    expect(r.written.get(join(repo.dir, 'review.md'))).not.toContain('\u001b');
    // --color on standard output.
    expect(r.stdout).toBe(
      [
        '\u001b[1mcomplaints.standards.yaml\u001b[22m',
        '  complaints.standards.yaml:7:9  \u001b[31mbreaking\u001b[39m  Standard "complaint-respond-at-once": threshold <= 30 minutes → <= 60 minutes.  \u001b[2mstandard-loosened\u001b[22m',
        '',
        '\u001b[31m1 breaking, 0 warnings, 0 info\u001b[39m',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('colour: on at a terminal, off with NO_COLOR or --no-color (the last of --color and --no-color wins)', async () => {
    const args = ['--base', 'main', '--head', 'main'];
    expect((await peakend(args, repo.dir, { tty: true })).stdout).toBe('0 breaking, 0 warnings, 0 info\n');
    const r = exampleRepo();
    r.edit(...LOOSER);
    const coloured = '\u001b[31m1 breaking, 0 warnings, 1 info\u001b[39m\n';
    expect((await peakend([], r.dir, { tty: true })).stdout.endsWith(coloured)).toBe(true);
    expect((await peakend([], r.dir, { tty: true, env: { NO_COLOR: '1' } })).stdout.endsWith('\n1 breaking, 0 warnings, 1 info\n')).toBe(true);
    expect((await peakend(['--color', '--no-color'], r.dir, { tty: true })).stdout.endsWith('\n1 breaking, 0 warnings, 1 info\n')).toBe(true);
    expect((await peakend(['--no-color', '--color'], r.dir)).stdout.endsWith(coloured)).toBe(true);
    expect((await peakend([], r.dir)).stdout).not.toContain('\u001b');
  });

  it('Chinese with --lang zh-cn or from the environment: messages, summary, annotations', async () => {
    const r = await peakend(['complaints.standards.yaml', '--lang', 'zh-cn'], repo.dir);
    expect(r.stdout).toBe(
      ['complaints.standards.yaml', '  complaints.standards.yaml:7:9  breaking  标准“complaint-respond-at-once”：阈值 <= 30 minutes → <= 60 minutes。  standard-loosened', '', '1 项破坏性变更，0 项警告，0 条提示', ''].join('\n'),
    );
    const env = await peakend(['complaints.standards.yaml', '--format', 'github'], repo.dir, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stdout).toBe('::error file=complaints.standards.yaml,line=7,col=9,endLine=7,endColumn=34,title=peakend diff standard-loosened::标准“complaint-respond-at-once”：阈值 <= 30 minutes → <= 60 minutes。\n');
  });

  it('control characters in names from the files act in no format: replaced on a terminal and in annotations, escaped in JSON', async () => {
    const r = exampleRepo();
    // ESC ] 8 … BEL is an OSC-8 hyperlink; U+202E reverses what follows on screen.
    r.edit('owners.personas.yaml', 'name: 首次置业业主', 'name: "首次\\e]8;;http://x.invalid\\a置业\\u202E业主"');
    r.git('commit', '-qam', 'hostile name');
    r.git('branch', '-qf', 'main', 'HEAD');
    r.edit(...WEAKER_END);
    const shown = '首次\ufffd]8;;http://x.invalid\ufffd置业\ufffd业主 (first-time-buyer): peak-end score 1 → -4 (-5); average 0.46 → 0.31.';
    const stylish = await peakend(['homeowner.journey.yaml'], r.dir);
    expect(stylish.stdout.split('\n')[1]).toBe(`  homeowner.journey.yaml:3:5  warning   ${shown}  peak-end-score-changed`);
    const github = await peakend(['homeowner.journey.yaml', '-f', 'github'], r.dir);
    expect(github.stdout.split('\n')[0]).toBe(`::warning file=homeowner.journey.yaml,line=3,col=5,endLine=3,endColumn=14,title=peakend diff peak-end-score-changed::${shown}`);
    const json = await peakend(['homeowner.journey.yaml', '-f', 'json'], r.dir);
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(json.stdout).toContain('首次\\u001b]8;;http://x.invalid\\u0007置业\\u202e业主 (first-time-buyer): peak-end score');
    expect(JSON.parse(json.stdout).changes[0].message).toBe('首次\u001b]8;;http://x.invalid\u0007置业\u202e业主 (first-time-buyer): peak-end score 1 → -4 (-5); average 0.46 → 0.31.');
  });

  it('two files given by name are compared as they are, without git', async () => {
    const dir = tempFolder('peakend-difffiles-');
    const before = readFileSync(join(EXAMPLE, 'complaints.standards.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.standards.yaml'), before);
    writeFileSync(join(dir, 'b.standards.yaml'), before.replace('threshold: 24 }', 'threshold: 48 }'));
    const out = await peakend(['a.standards.yaml', 'b.standards.yaml', '--format', 'json', '--fail-on', 'warning'], dir);
    const json = JSON.parse(out.stdout);
    expect(json.base).toEqual({ rev: 'a.standards.yaml' });
    expect(json.head).toEqual({ rev: 'b.standards.yaml' });
    expect(json.changes.map((c: { checkId: string; level: string; message: string }) => [c.checkId, c.level, c.message])).toEqual([
      ['standard-loosened', 'warning', 'Standard "social-media-complaint-24h": threshold <= 24 hours → <= 48 hours.'],
    ]);
    expect(out.status).toBe(1);
    // One of the two is a folder: they are paths in the repository, and here is none.
    mkdirSync(join(dir, 'sub'));
    const notRepo = await peakend(['a.standards.yaml', 'sub'], dir);
    expect(notRepo.status).toBe(2);
    expect(notRepo.stderr).toMatch(/^peakend: .+\n$/);
  });

  it('errors: an unknown revision, a revision that looks like an option, no default branch, bad options (exit 2)', async () => {
    expect(await peakend(['--base', 'no-such'], repo.dir)).toMatchObject({ status: 2, stdout: '', stderr: 'peakend: unknown revision "no-such"\n' });
    expect(await peakend(['--base', 'main', '--head', 'no-such'], repo.dir)).toMatchObject({ status: 2, stdout: '', stderr: 'peakend: unknown revision "no-such"\n' });
    expect(await peakend(['--base=--upload-pack=x'], repo.dir)).toMatchObject({ status: 2, stderr: 'peakend: "--upload-pack=x" is not a revision\n' });
    const usage = (m: string) => ({ status: 2, stdout: '', stderr: `peakend: ${m}\nRun "peakend diff --help" for usage.\n` });
    expect(await peakend(['--fail-on', 'major'], repo.dir)).toMatchObject(usage('--fail-on takes breaking, warning or info, not "major".'));
    expect(await peakend(['--format', 'sarif'], repo.dir)).toMatchObject(usage('Unknown format "sarif". Use one of: stylish, json, md, github.'));
    const lonely = exampleRepo('trunk');
    expect(await peakend([], lonely.dir)).toMatchObject(usage('No --base given and no default branch (origin/HEAD, main or master) to compare with.'));
    expect((await peakend(['--base', 'trunk'], lonely.dir)).stdout).toBe('0 breaking, 0 warnings, 0 info\n');
  });

  it('prints its help, listing every check with its level', async () => {
    const help = (await peakend(['--help'], repo.dir)).stdout;
    expect(help.startsWith('Usage: peakend diff [--base REV] [--head REV] [paths…] [options]\n')).toBe(true);
    expect(help).toContain('  -f, --format <name>         stylish, json, md, github (default stylish); may repeat\n');
    for (const c of DIFF_CHECKS) expect(help).toContain(`\n  ${c.id.padEnd(30)} ${c.level.padEnd(9)} ${c.summary}\n`);
    expect(help.endsWith(`${DIFF_CHECKS.at(-1)!.summary}\n`)).toBe(true);
    const command = COMMANDS.find((c) => c.name === 'diff')!;
    expect(command.help()).toBe(help);
    expect(await peakend(['-h'], repo.dir)).toMatchObject({ status: 0, stdout: help, stderr: '' });
  });
});
