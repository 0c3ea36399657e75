import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core';
import { defaultBase, gitAsync, GitError, GitRevisionHost, repositoryRoot, repositoryRootAsync, resolveCommitAsync } from '../../src/node/gitRevisionHost';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): { root: string; git(...args: string[]): string; write(path: string, text: string): void } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'peakend-git-')));
  dirs.push(root);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
    });
  git('init', '-q', '-b', 'main');
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  return { root, git, write };
}

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';
const journey = (score: number) => `peakend: 1
kind: journey
id: j
title: 旅程
personas: [owner]
stages:
  - id: s
    title: 阶段
    steps:
      - { id: a, title: 第一步, emotions: { owner: ${score} } }
`;

describe('GitRevisionHost', () => {
  it('reads each revision as it was committed, without touching the working tree', async () => {
    const r = repo();
    r.write('peakend.yaml', 'peakend: 1\nkind: config\n');
    r.write('people.personas.yaml', PERSONAS);
    r.write('旅程/业主.journey.yaml', journey(2));
    r.git('add', '-A');
    r.git('commit', '-qm', 'one');
    r.write('旅程/业主.journey.yaml', journey(-4));
    r.git('commit', '-qam', 'two');
    r.write('旅程/业主.journey.yaml', journey(5)); // uncommitted

    const first = GitRevisionHost.open(r.root, 'HEAD~1');
    const second = GitRevisionHost.open(r.root, 'main');
    try {
      const file = `${r.root}/旅程/业主.journey.yaml`;
      expect(await first.readFile(file, 1e6)).toEqual({ bytes: new Uint8Array(Buffer.from(journey(2))) });
      expect(await second.readFile(file, 1e6)).toEqual({ bytes: new Uint8Array(Buffer.from(journey(-4))) });
      // Over the limit: never read, the size from the tree.
      expect(await second.readFile(file, 10)).toEqual({ tooLarge: Buffer.byteLength(journey(-4)) });
      expect(await first.stat(`${r.root}/旅程`)).toEqual({ type: 'directory', size: 0 });
      expect(await first.stat(file)).toEqual({ type: 'file', size: Buffer.byteLength(journey(2)) });
      expect(await first.stat(`${r.root}/nothing.yaml`)).toBeUndefined();
      expect((await first.readDirectory(r.root)).map((e) => `${e.type} ${e.name}`).sort()).toEqual(['directory 旅程', 'file peakend.yaml', 'file people.personas.yaml']);

      // The engine loads a whole workspace from a revision like from disk.
      const { workspace } = await openWorkspace(second, r.root);
      expect([...workspace.files.keys()].sort()).toEqual([`${r.root}/peakend.yaml`, `${r.root}/people.personas.yaml`, file]);
      // A one-step journey that scores −4 is judged (no positive peak, a weak ending): nothing else is found.
      expect(workspace.findings().filter((f) => f.severity === 'error')).toEqual([]);
      expect(workspace.getFile(file)!.journey!.stages[0]!.steps[0]!.emotions[0]!.value).toBe(-4);
    } finally {
      first.close();
      second.close();
    }
    expect(r.git('status', '--porcelain')).toBe(' M "\\346\\227\\205\\347\\250\\213/\\344\\270\\232\\344\\270\\273.journey.yaml"\n');
  });

  it('many files through one git process, in order', async () => {
    const r = repo();
    for (let i = 0; i < 200; i++) r.write(`f${i}.personas.yaml`, `peakend: 1\nkind: personas\npersonas:\n  - { id: p${i}, name: 第${i}位 }\n`);
    r.git('add', '-A');
    r.git('commit', '-qm', 'many');
    const host = GitRevisionHost.open(r.root, 'HEAD');
    try {
      const texts = await Promise.all(Array.from({ length: 200 }, (_, i) => host.readFile(`${r.root}/f${i}.personas.yaml`, 1e6)));
      texts.forEach((t, i) => expect(new TextDecoder().decode((t as { bytes: Uint8Array }).bytes)).toContain(`id: p${i},`));
    } finally {
      host.close();
    }
  });

  it('symbolic links are never followed', async () => {
    const r = repo();
    r.write('real.personas.yaml', PERSONAS);
    symlinkSync('/etc/passwd', join(r.root, 'link.personas.yaml'));
    r.git('add', '-A');
    r.git('commit', '-qm', 'link');
    const host = GitRevisionHost.open(r.root, 'HEAD');
    expect(await host.stat(`${r.root}/link.personas.yaml`)).toEqual({ type: 'other', size: 0 });
    expect(await host.readFile(`${r.root}/link.personas.yaml`, 1e6)).toEqual({ notFile: 'other' });
    host.close();
  });

  it('an unknown revision, or one that looks like an option, is a clear error', () => {
    const r = repo();
    r.write('a.personas.yaml', PERSONAS);
    r.git('add', '-A');
    r.git('commit', '-qm', 'a');
    expect(() => GitRevisionHost.open(r.root, 'no-such-branch')).toThrow(new GitError('unknown revision "no-such-branch"'));
    expect(() => GitRevisionHost.open(r.root, '--output=/tmp/x')).toThrow(new GitError('"--output=/tmp/x" is not a revision'));
  });

  it('repositoryRoot outside a repository is an error', () => {
    const d = realpathSync(mkdtempSync(join(tmpdir(), 'peakend-nogit-')));
    dirs.push(d);
    expect(() => repositoryRoot(d)).toThrow(GitError);
  });

  it('the default base is the merge base with the default branch', () => {
    const r = repo();
    r.write('a.personas.yaml', PERSONAS);
    r.git('add', '-A');
    r.git('commit', '-qm', 'base');
    const base = r.git('rev-parse', 'HEAD').trim();
    r.git('checkout', '-qb', 'feature');
    r.write('b.personas.yaml', PERSONAS.replace('owner', 'tenant'));
    r.git('add', '-A');
    r.git('commit', '-qm', 'feature');
    r.git('checkout', '-q', 'main');
    r.write('c.personas.yaml', PERSONAS.replace('owner', 'guest'));
    r.git('add', '-A');
    r.git('commit', '-qm', 'main moves on');
    r.git('checkout', '-q', 'feature');
    expect(defaultBase(r.root)).toBe(base);
  });
});

describe('git without blocking (the editor\'s "Compare with…")', () => {
  it('GitRevisionHost.load reads a revision as open does', async () => {
    const r = repo();
    r.write('peakend.yaml', 'peakend: 1\nkind: config\n');
    r.write('旅程/业主.journey.yaml', journey(2));
    r.git('add', '-A');
    r.git('commit', '-qm', 'one');
    r.write('旅程/业主.journey.yaml', journey(-1));
    const host = await GitRevisionHost.load(r.root, 'main');
    try {
      expect(host.commit).toBe(r.git('rev-parse', 'HEAD').trim());
      expect(await host.readFile(`${r.root}/旅程/业主.journey.yaml`, 1e6)).toEqual({ bytes: new Uint8Array(Buffer.from(journey(2))) });
      expect(await host.stat(`${r.root}/new.journey.yaml`)).toBeUndefined();
    } finally {
      host.close();
    }
  });

  it('names what went wrong: not a repository, an unknown revision', async () => {
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'peakend-nogit-')));
    dirs.push(outside);
    await expect(repositoryRootAsync(outside)).rejects.toMatchObject({ kind: 'not-repository' });
    const r = repo();
    r.write('a.txt', 'a');
    r.git('add', '-A');
    r.git('commit', '-qm', 'one');
    expect(await repositoryRootAsync(r.root)).toBe(r.root);
    await expect(GitRevisionHost.load(r.root, 'no-such-branch')).rejects.toMatchObject({ kind: 'unknown-revision', message: 'unknown revision "no-such-branch"' });
    await expect(resolveCommitAsync(r.root, '--output=x')).rejects.toMatchObject({ kind: 'unknown-revision' });
    await expect(gitAsync(r.root, ['cat-file', '-p', 'HEAD:missing.txt'])).rejects.toBeInstanceOf(GitError);
  });

  it('a git that does not answer is killed at the time limit, and the event loop runs meanwhile', async () => {
    const r = repo();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      // A real git running a shell alias that sleeps: the stand-in for a slow repository.
      await expect(gitAsync(r.root, ['-c', 'alias.slow=!sleep 3', 'slow'], { timeoutMs: 400 })).rejects.toMatchObject({ kind: 'timeout', message: 'git slow did not finish within 0.4 s' });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('aborting kills git: the reason given, else "cancelled"', async () => {
    const r = repo();
    const a = new AbortController();
    const running = gitAsync(r.root, ['-c', 'alias.slow=!sleep 3', 'slow'], { signal: a.signal });
    setTimeout(() => a.abort(), 100);
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    const b = new AbortController();
    b.abort(new GitError('over time', 'timeout'));
    await expect(gitAsync(r.root, ['status'], { signal: b.signal })).rejects.toMatchObject({ kind: 'timeout', message: 'over time' });
  });
});
