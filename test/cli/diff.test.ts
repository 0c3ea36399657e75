/** `peakend diff` as a real process against real git repositories made in temporary folders. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/peakend.js');
const EXAMPLE = join(ROOT, 'examples/property-management');
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['PEAKEND_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'FORCE_COLOR'].includes(k)));
const GIT_ENV = { ...ENV, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
});

/** A repository holding the example workspace on `main`, checked out on a new branch `change`. */
function exampleRepo(): { dir: string; git(...a: string[]): string; edit(file: string, from: string, to: string): void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'peakend-diff-')));
  temps.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
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

function peakend(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: ENV, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WEAKER_END = ['homeowner.journey.yaml', 'emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: -4, upgrader: -3 }'] as const;
const LOOSER = ['complaints.standards.yaml', 'threshold: 30 }', 'threshold: 60 }'] as const;

describe('peakend diff', () => {
  it('a weaker ending and a loosened critical standard: said in review language; --fail-on breaking fails', () => {
    const r = exampleRepo();
    r.edit(...WEAKER_END);
    r.edit(...LOOSER);
    const plain = peakend(['diff'], r.dir);
    expect(plain).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'complaints.standards.yaml',
        '  complaints.standards.yaml:7:9  breaking  Standard "complaint-respond-at-once": threshold <= 30 minutes → <= 60 minutes.  standard-loosened',
        '',
        'homeowner.journey.yaml',
        // Peak-end scores by hand: first-time-buyer (peak +4 at get-keys, end −2) = 1 → (peak −4 ties +4, the later wins; end −4) = −4;
        // upgrader (peak −4 at inspect-house, end −2) = −3 → (−4, −3) = −3.5.
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
        '  property.touchpoints.yaml:92:9  info      The checklist of touchpoint "complaint-handling" changes at complaint-respond-at-once.  checklist-changed',
        '',
        '1 breaking, 8 warnings, 1 info',
        '',
      ].join('\n'),
    });
    expect(peakend(['diff', '--fail-on', 'breaking'], r.dir).status).toBe(1);
    expect(peakend(['diff', '--fail-on', 'breaking', '--base', 'main', '--head', 'main'], r.dir)).toMatchObject({ status: 0, stdout: '0 breaking, 0 warnings, 0 info\n' });
    // Nothing was written: the working tree holds exactly the two edits.
    expect(r.git('status', '--porcelain')).toBe(' M complaints.standards.yaml\n M homeowner.journey.yaml\n');
  });

  it('two committed revisions, JSON: versioned, with the structural changes under the review', () => {
    const r = exampleRepo();
    r.edit(...LOOSER);
    r.git('commit', '-qam', 'looser');
    const out = peakend(['diff', '--base', 'main', '--head', 'change', '--format', 'json'], r.dir);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.version).toBe(1);
    expect(json.base.rev).toBe('main');
    expect(json.head.commit).toBe(r.git('rev-parse', 'change').trim());
    expect(json.summary).toEqual({ breaking: 1, warning: 0, info: 1 });
    expect(json.changes[0]).toMatchObject({ checkId: 'standard-loosened', level: 'breaking', side: 'after', file: 'complaints.standards.yaml', range: { start: { line: 6, character: 8 } } });
    expect(json.entities).toEqual([
      {
        type: 'modified',
        kind: 'standard',
        before: { id: 'complaint-respond-at-once', position: 0, file: 'complaints.standards.yaml', range: { start: { line: 6, character: 8 }, end: { line: 6, character: 33 } } },
        after: { id: 'complaint-respond-at-once', position: 0, file: 'complaints.standards.yaml', range: { start: { line: 6, character: 8 }, end: { line: 6, character: 33 } } },
        fields: [{ path: ['expect', 'threshold'], before: 30, after: 60 }],
      },
    ]);
  });

  it('whole files: a renamed file changes nothing, a deleted one removes its entities, an unparsable one is reported and the rest still runs', () => {
    const r = exampleRepo();
    r.git('mv', 'homeowner.journey.yaml', '业主.journey.yaml');
    r.git('commit', '-qm', 'rename');
    expect(peakend(['diff', '--base', 'main'], r.dir).stdout).toBe('0 breaking, 0 warnings, 0 info\n');

    unlinkSync(join(r.dir, 'marketing.standards.yaml'));
    writeFileSync(join(r.dir, 'owners.personas.yaml'), 'peakend: 1\nkind: personas\npersonas: [\n');
    r.edit(...LOOSER);
    const out = peakend(['diff', '--base', 'main', '--format', 'json'], r.dir);
    const json = JSON.parse(out.stdout);
    const checks = json.changes.map((c: { checkId: string; file: string }) => `${c.checkId} ${c.file}`);
    expect(checks).toContain('standard-loosened complaints.standards.yaml');
    expect(checks).toContain('file-unparsable owners.personas.yaml');
    expect(json.changes.find((c: { checkId: string }) => c.checkId === 'file-unparsable').message).toMatch(/^The head revision of this file cannot be read: YAML syntax error/);
    const removed = json.entities.filter((e: { type: string }) => e.type === 'removed').map((e: { kind: string; before: { id: string } }) => `${e.kind} ${e.before.id}`);
    expect(removed).toContain('standards-set marketing-brand');
    // The personas of the unreadable file are missing on the head side, and the diff said why.
    expect(removed).toContain('persona first-time-buyer');
  });

  it('two files given by name', () => {
    const r = exampleRepo();
    const before = join(r.dir, 'complaints.standards.yaml');
    const after = join(r.dir, 'after.standards.yaml');
    writeFileSync(after, readFileSync(before, 'utf8').replace('threshold: 24 }', 'threshold: 48 }'));
    const out = peakend(['diff', 'complaints.standards.yaml', 'after.standards.yaml'], r.dir);
    expect(out.stdout).toContain('warning   Standard "social-media-complaint-24h": threshold <= 24 hours → <= 48 hours.  standard-loosened');
  });

  it('errors: an unknown revision, a revision that looks like an option, no repository (exit 2)', () => {
    const r = exampleRepo();
    expect(peakend(['diff', '--base', 'no-such'], r.dir)).toEqual({ status: 2, stdout: '', stderr: 'peakend: unknown revision "no-such"\n' });
    expect(peakend(['diff', '--base=--upload-pack=x'], r.dir)).toMatchObject({ status: 2, stderr: 'peakend: "--upload-pack=x" is not a revision\n' });
    const plain = realpathSync(mkdtempSync(join(tmpdir(), 'peakend-nogit-')));
    temps.push(plain);
    expect(peakend(['diff'], plain).status).toBe(2);
    expect(peakend(['diff', '--fail-on', 'major'], r.dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--fail-on takes breaking, warning or info, not "major".') });
  });

  it('Chinese messages with --lang zh-cn, and GitHub annotations on head lines', () => {
    const r = exampleRepo();
    r.edit(...LOOSER);
    const out = peakend(['diff', '--format', 'github', '--lang', 'zh-cn'], r.dir);
    expect(out.stdout.split('\n')[0]).toBe('::error file=complaints.standards.yaml,line=7,col=9,endLine=7,endColumn=34,title=peakend diff standard-loosened::标准“complaint-respond-at-once”：阈值 <= 30 minutes → <= 60 minutes。');
  });
});


describe('peakend diff: levels from peakend.yaml', () => {
  it('diff.checks sets a check’s level or turns it off; the base revision’s settings apply, so a change cannot lower its own bar', () => {
    const r = exampleRepo();
    const config = readFileSync(join(r.dir, 'peakend.yaml'), 'utf8');
    writeFileSync(join(r.dir, 'peakend.yaml'), `${config.trimEnd()}\ndiff:\n  checks:\n    standard-loosened: warning\n    checklist-changed: off\n`);
    r.git('commit', '-qam', 'levels');
    r.git('branch', '-qf', 'main', 'HEAD');
    r.edit(...LOOSER);
    const out = peakend(['diff', '--base', 'main', '--fail-on', 'breaking'], r.dir);
    expect(out).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'complaints.standards.yaml',
        '  complaints.standards.yaml:7:9  warning   Standard "complaint-respond-at-once": threshold <= 30 minutes → <= 60 minutes.  standard-loosened',
        '',
        '0 breaking, 1 warning, 0 info',
        '',
      ].join('\n'),
    });
    // The head turning the check off changes nothing: the base's levels apply.
    writeFileSync(join(r.dir, 'peakend.yaml'), `${config.trimEnd()}\ndiff:\n  checks:\n    standard-loosened: off\n    checklist-changed: off\n`);
    expect(peakend(['diff', '--base', 'main'], r.dir).stdout).toContain('warning   Standard "complaint-respond-at-once"');
  });
});
