import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { checkPaths, loadConfig, type Host, type ModelStore, type PeakendConfig } from '../../src/core';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { CACHE_DIR, diskStore } from '../../src/node/diskStore';
import { nodeHost } from '../../src/node/nodeHost';
import { PERSONAS, STANDARDS, TOUCHPOINTS, journey } from '../helpers/workspaces';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const JOURNEY = journey(`
      - id: call
        title: 来电
        touchpoints: [service-hotline]
        emotions: { owner: 1, tenant: 1 }
      - id: visit
        title: 到访
        touchpoints: [service-hotlin]
        emotions: { owner: 2, tenant: 2 }
`);

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-store-'));
  made.push(dir);
  writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\n');
  writeFileSync(join(dir, 'people.personas.yaml'), PERSONAS);
  writeFileSync(join(dir, 'inv.touchpoints.yaml'), TOUCHPOINTS);
  writeFileSync(join(dir, 'std.standards.yaml'), STANDARDS);
  writeFileSync(join(dir, 'a.journey.yaml'), JOURNEY);
  return dir;
}

/** A disk store that counts what it hands back. */
function counting(engine = 'test') {
  const counts = { models: 0, findings: 0, runs: 0 };
  const storeFor = (config: PeakendConfig): ModelStore => {
    const s = diskStore(config, engine);
    return {
      input: (f) => s.input!(f),
      model: (f, i, t) => {
        const m = s.model(f, i, t);
        if (m) counts.models++;
        return m;
      },
      keep: (f, i, m) => s.keep(f, i, m),
      findings: (files) => {
        const x = s.findings(files);
        if (x) counts.findings++;
        return x;
      },
      keepFindings: (files, x) => s.keepFindings(files, x),
      lastRun: (files) => {
        const x = s.lastRun!(files);
        if (x) counts.runs++;
        return x;
      },
      keepRun: (files, state) => s.keepRun!(files, state),
    };
  };
  return { counts, storeFor };
}

const check = (dir: string, storeFor?: (c: PeakendConfig) => ModelStore, host: Host = nodeHost) => checkPaths(host, [dir], { positions: 'later' }, storeFor).then((r) => JSON.stringify(r.findings));
/** nodeHost, noting the name of each file it reads. */
const readingHost = (dir: string) => {
  const reads: string[] = [];
  const host: Host = { ...nodeHost, readFile: (path, max) => (reads.push(path.slice(dir.length + 1)), nodeHost.readFile(path, max)) };
  return { host, reads };
};
/** Changes a record's body, with a trailer that fits it. */
function rewriteRecord(path: string, change: (body: string) => string): void {
  const text = readFileSync(path, 'utf8');
  const nl = text.lastIndexOf('\n');
  const trailer = JSON.parse(text.slice(nl + 1)) as { length: number; sha256: string };
  const body = Buffer.from(change(text.slice(0, nl + 1)), 'utf8');
  writeFileSync(path, Buffer.concat([body, Buffer.from(JSON.stringify({ ...trailer, length: body.length, sha256: createHash('sha256').update(body).digest('hex') }))]));
}
const plain = (dir: string) => checkPaths(nodeHost, [dir]).then((r) => JSON.stringify(r.findings));
const records = (dir: string) => readdirSync(join(dir, CACHE_DIR)).filter((n) => !n.startsWith('.'));

describe('the disk store of peakend check', () => {
  it('gives the findings of a run over the same contents, and reuses the models of unchanged files', async () => {
    const dir = workspace();
    const expected = await plain(dir);
    expect(JSON.parse(expected).map((f: { ruleId: string }) => f.ruleId)).toEqual(['unknown-touchpoint']);
    const first = counting();
    expect(await check(dir, first.storeFor)).toBe(expected);
    expect(first.counts).toEqual({ models: 0, findings: 0, runs: 0 });
    // One record per file model (personas, touchpoints, standards, journey; the config is read before),
    // one of the run's findings, one of the state it ended in, and one of the files' sizes and times.
    expect(records(dir).filter((n) => /^[0-9a-f]{32}-[0-9a-f]{32}\.model$/.test(n))).toHaveLength(4);
    expect(records(dir).filter((n) => /^[0-9a-f]{32}\.run$/.test(n))).toHaveLength(1);
    expect(records(dir).filter((n) => /^[0-9a-f]{32}\.state$/.test(n))).toHaveLength(1);
    expect(records(dir).filter((n) => /^[0-9a-f]{32}\.stat$/.test(n))).toHaveLength(1);
    expect(records(dir)).toHaveLength(7);
    expect(readFileSync(join(dir, CACHE_DIR, '.gitignore'), 'utf8')).toMatch(/^\*$/m);

    const second = counting();
    expect(await check(dir, second.storeFor)).toBe(expected);
    expect(second.counts).toEqual({ models: 0, findings: 1, runs: 0 });

    // One file changes: its own analysis is redone; the index and the other files' findings come from
    // the last run's state, and no other file is read again (the journey reads nothing that changed).
    writeFileSync(join(dir, 'a.journey.yaml'), JOURNEY.replace('service-hotlin]', 'service-center]'));
    const third = counting();
    const after = await check(dir, third.storeFor);
    expect(after).toBe(await plain(dir));
    expect(JSON.parse(after)).toEqual([]);
    expect(third.counts).toEqual({ models: 0, findings: 0, runs: 1 });
    // The edited file's new model replaced its old one.
    expect(records(dir)).toHaveLength(7);

    // The inventory changes a touchpoint the journey names: the journey's whole model comes from its
    // record, to be checked again; the standards file (whose coverage reads the touchpoint's channel) too.
    writeFileSync(join(dir, 'inv.touchpoints.yaml'), TOUCHPOINTS.replace('id: service-center', 'id: service-centre'));
    const fourth = counting();
    const changed = await check(dir, fourth.storeFor);
    expect(changed).toBe(await plain(dir));
    expect(JSON.parse(changed).map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file.slice(dir.length + 1)}`)).toEqual(['unknown-touchpoint a.journey.yaml']);
    expect(fourth.counts).toEqual({ models: 2, findings: 0, runs: 1 });

    // The state that run ended in holds the journey's new finding, though the journey did not change:
    // a run after an unrelated edit reports it from there.
    writeFileSync(join(dir, 'people.personas.yaml'), `${PERSONAS}# reviewed\n`);
    const fifth = counting();
    expect(await check(dir, fifth.storeFor)).toBe(changed);
    expect(fifth.counts).toEqual({ models: 0, findings: 0, runs: 1 });
    // And every file is as that state has it.
    const { config } = await loadConfig(nodeHost, dir);
    const files = ['a.journey.yaml', 'inv.touchpoints.yaml', 'people.personas.yaml', 'std.standards.yaml'].map((name) => ({
      file: join(dir, name),
      input: { bytes: readFileSync(join(dir, name)) },
    }));
    expect([...diskStore(config, 'test').lastRun!(files)!.unchanged].sort()).toEqual(files.map((f) => f.file));
  });

  it("after one edit writes only the edited file's model, the run, and what changed in the state and the files' table", async () => {
    const dir = workspace();
    await check(dir, counting().storeFor);
    const before = new Map(records(dir).map((n) => [n, readFileSync(join(dir, CACHE_DIR, n), 'utf8')]));
    writeFileSync(join(dir, 'a.journey.yaml'), JOURNEY.replace('title: 到访', 'title: 再次到访'));
    const edited = counting();
    expect(await check(dir, edited.storeFor)).toBe(await plain(dir));
    const after = new Map(records(dir).map((n) => [n, readFileSync(join(dir, CACHE_DIR, n), 'utf8')]));
    const changed = [...after.keys()].filter((n) => before.get(n) !== after.get(n));
    expect(changed.filter((n) => n.endsWith('.model'))).toHaveLength(1);
    expect(changed.filter((n) => n.endsWith('.run'))).toHaveLength(1);
    expect(changed.filter((n) => n.endsWith('.state'))).toHaveLength(1);
    expect(changed.filter((n) => n.endsWith('.stat'))).toHaveLength(1);
    expect(changed).toHaveLength(4);
    // The state grew by what changed: the last run's state is still there, as it was.
    const state = changed.find((n) => n.endsWith('.state'))!;
    expect(after.get(state)!.startsWith(before.get(state)!)).toBe(true);
    expect(after.get(state)!.length - before.get(state)!.length).toBeLessThan(before.get(state)!.length);
    expect(after.get(changed.find((n) => n.endsWith('.model'))!)).toContain('a.journey.yaml');
    // The old model of the edited file is gone.
    expect([...before.keys()].filter((n) => !after.has(n))).toHaveLength(1);
  });

  it('rewrites its state once the edits appended to it outweigh what it holds', async () => {
    const dir = workspace();
    await check(dir, counting().storeFor);
    const stateFile = () =>
      join(
        dir,
        CACHE_DIR,
        records(dir).find((n) => n.endsWith('.state'))!,
      );
    const first = readFileSync(stateFile()).length;
    const sizes: number[] = [];
    for (let i = 0; i < 40; i++) {
      writeFileSync(join(dir, 'a.journey.yaml'), JOURNEY.replace('title: 到访', `title: 到访 ${i}`));
      const run = counting();
      expect(await check(dir, run.storeFor)).toBe(await plain(dir));
      expect(run.counts.runs).toBe(1);
      sizes.push(readFileSync(stateFile()).length);
    }
    // It grew edit by edit, then started again from one segment, and never went past its bound.
    expect(sizes.some((n, i) => i > 0 && n < sizes[i - 1]!)).toBe(true);
    expect(Math.max(...sizes)).toBeLessThan(2 * first + 64 * 1024 + first);
    expect(sizes.filter((n, i) => i > 0 && n > sizes[i - 1]!).length).toBeGreaterThan(20);
  });

  it('does not read a file whose size and times are those the last run saw, unless they were recent then', async () => {
    const dir = workspace();
    // Files changed within two seconds of a run are read again by the next (their time stamp may not show a second change).
    await new Promise((r) => setTimeout(r, 2100));
    const first = readingHost(dir);
    expect(await check(dir, counting().storeFor, first.host)).toBe(await plain(dir));
    expect(first.reads.sort()).toEqual(['a.journey.yaml', 'inv.touchpoints.yaml', 'peakend.yaml', 'people.personas.yaml', 'std.standards.yaml']);
    // Nothing changed: only the config is read (it says which settings, hence which records).
    const second = readingHost(dir);
    const warm = counting();
    expect(await check(dir, warm.storeFor, second.host)).toBe(await plain(dir));
    expect(second.reads).toEqual(['peakend.yaml']);
    expect(warm.counts).toEqual({ models: 0, findings: 1, runs: 0 });
    // One file edited: it alone is read, and read again by the next run (it changed just before).
    writeFileSync(join(dir, 'a.journey.yaml'), JOURNEY.replace('service-hotlin]', 'service-center]'));
    for (let i = 0; i < 2; i++) {
      const edited = readingHost(dir);
      expect(await check(dir, counting().storeFor, edited.host)).toBe(await plain(dir));
      expect(edited.reads.sort()).toEqual(['a.journey.yaml', 'peakend.yaml']);
    }
    // A file replaced by a folder is not taken for the file it was.
    rmSync(join(dir, 'std.standards.yaml'));
    mkdirSync(join(dir, 'std.standards.yaml'));
    expect(await check(dir, counting().storeFor)).toBe(await plain(dir));
  });

  it('keeps nothing of a run in which a file it took as unchanged had other bytes', async () => {
    const dir = workspace();
    await new Promise((r) => setTimeout(r, 2100));
    await check(dir, counting().storeFor);
    await check(dir, counting().storeFor);
    // The table says the journey had other bytes than it has, with the same size and times (as when a
    // file is changed twice within its file system's time-stamp tick). Without the findings, the state
    // and the models, the journey's bytes are read to be analysed, and do not match.
    const cache = join(dir, CACHE_DIR);
    const stat = records(dir).find((n) => n.endsWith('.stat'))!;
    const journeyHash = createHash('sha256').update(readFileSync(join(dir, 'a.journey.yaml'))).digest('hex');
    rewriteRecord(join(cache, stat), (body) => body.replace(journeyHash, '0'.repeat(64)));
    for (const name of records(dir)) if (!name.endsWith('.stat')) rmSync(join(cache, name));
    const misled = readingHost(dir);
    expect(await check(dir, counting().storeFor, misled.host)).toBe(await plain(dir));
    expect(misled.reads).not.toContain('a.journey.yaml');
    // Nothing was kept, the table is gone: the next run reads every file and keeps its work again.
    expect(records(dir)).toEqual([]);
    const next = readingHost(dir);
    expect(await check(dir, counting().storeFor, next.host)).toBe(await plain(dir));
    expect(next.reads).toContain('a.journey.yaml');
    expect(records(dir).filter((n) => n.endsWith('.run'))).toHaveLength(1);
  });

  it('removes the model of a file gone from the workspace', async () => {
    const dir = workspace();
    await check(dir, counting().storeFor);
    const before = records(dir).filter((n) => n.endsWith('.model'));
    rmSync(join(dir, 'std.standards.yaml'));
    expect(await check(dir, counting().storeFor)).toBe(await plain(dir));
    const after = records(dir).filter((n) => n.endsWith('.model'));
    expect(after).toHaveLength(before.length - 1);
    expect(after.every((n) => before.includes(n))).toBe(true);
    for (const n of after) expect(readFileSync(join(dir, CACHE_DIR, n), 'utf8')).not.toContain('std.standards.yaml');
  });

  it('takes a model only for the path and content it was made from', async () => {
    const dir = workspace();
    await check(dir, counting().storeFor);
    // Every model record given another file's name: none matches its header, so none is taken.
    const names = records(dir).filter((n) => n.endsWith('.model')).sort();
    const bodies = names.map((n) => readFileSync(join(dir, CACHE_DIR, n)));
    names.forEach((n, i) => writeFileSync(join(dir, CACHE_DIR, n), bodies[(i + 1) % names.length]!));
    for (const name of records(dir)) if (name.endsWith('.run')) rmSync(join(dir, CACHE_DIR, name));
    for (const name of records(dir)) if (name.endsWith('.state')) rmSync(join(dir, CACHE_DIR, name));
    const swapped = counting();
    expect(await check(dir, swapped.storeFor)).toBe(await plain(dir));
    expect(swapped.counts).toEqual({ models: 0, findings: 0, runs: 0 });
  });

  it('ignores records of another engine or other settings', async () => {
    const dir = workspace();
    await check(dir, counting('one').storeFor);
    const other = counting('two');
    expect(await check(dir, other.storeFor)).toBe(await plain(dir));
    expect(other.counts).toEqual({ models: 0, findings: 0, runs: 0 });
    writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\nrules:\n  unknown-touchpoint: warning\n');
    const settings = counting('two');
    const out = await check(dir, settings.storeFor);
    expect(out).toBe(await plain(dir));
    expect(JSON.parse(out)[0].severity).toBe('warning');
    expect(settings.counts).toEqual({ models: 0, findings: 0, runs: 0 });
  });

  const damages: [string, (b: Buffer) => Buffer | string][] = [
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
    ['one byte changed', (b) => Buffer.from(b.map((x, i) => (i === b.length - 5 ? x ^ 1 : x)))],
    ['empty', () => ''],
    ['foreign', () => '{"format":"peakend-cache/1","key":"x","length":2,"sha256":"0"}\n{}'],
    ['not JSON', () => '\u0000\u0001 garbage\n'],
    ['a valid record of another workspace', (b) => b],
  ];
  for (const [what, change] of damages) {
    it(`ignores and rewrites a ${what} record`, async () => {
      const dir = workspace();
      await check(dir, counting().storeFor);
      for (const name of records(dir)) {
        const path = join(dir, CACHE_DIR, name);
        if (what === 'a valid record of another workspace') {
          // Same settings key, but the files (their paths) are another workspace's.
          const other = workspace();
          writeFileSync(join(other, 'a.journey.yaml'), JOURNEY.replace('service-hotlin]', 'service-center]'));
          await check(other, counting().storeFor);
          const foreign = readdirSync(join(other, CACHE_DIR)).find((n) => n.endsWith(name.slice(name.lastIndexOf('.'))));
          if (foreign) writeFileSync(path, readFileSync(join(other, CACHE_DIR, foreign)));
        } else writeFileSync(path, change(readFileSync(path)));
      }
      const damaged = counting();
      expect(await check(dir, damaged.storeFor)).toBe(await plain(dir));
      expect(damaged.counts).toEqual({ models: 0, findings: 0, runs: 0 });
      // Rewritten whole: the next run takes it.
      const next = counting();
      expect(await check(dir, next.storeFor)).toBe(await plain(dir));
      expect(next.counts.findings).toBe(1);
    });
  }

  it('never writes through a link in place of its folder, nor reads a FIFO-like record', async () => {
    const dir = workspace();
    const elsewhere = mkdtempSync(join(tmpdir(), 'peakend-elsewhere-'));
    made.push(elsewhere);
    symlinkSync(elsewhere, join(dir, CACHE_DIR));
    expect(await check(dir, counting().storeFor)).toBe(await plain(dir));
    expect(readdirSync(elsewhere)).toEqual([]);

    const dir2 = workspace();
    await check(dir2, counting().storeFor);
    // A record replaced by a folder (or anything not a regular file) is passed over, not followed.
    for (const name of records(dir2)) {
      rmSync(join(dir2, CACHE_DIR, name));
      mkdirSync(join(dir2, CACHE_DIR, name));
    }
    const over = counting();
    expect(await check(dir2, over.storeFor)).toBe(await plain(dir2));
    expect(over.counts).toEqual({ models: 0, findings: 0, runs: 0 });
  });

  it('keeps nothing but its records, named by hashes, in its own folder', async () => {
    const dir = workspace();
    await check(dir, counting().storeFor);
    expect(readdirSync(dir).sort()).toEqual(['.peakend-cache', 'a.journey.yaml', 'inv.touchpoints.yaml', 'peakend.yaml', 'people.personas.yaml', 'std.standards.yaml']);
    for (const name of readdirSync(join(dir, CACHE_DIR))) expect(name).toMatch(/^(\.gitignore|[0-9a-f]{32}-[0-9a-f]{32}\.model|[0-9a-f]{32}\.(run|state|stat))$/);
  });

  it('stays whole when runs over changing contents overlap', async () => {
    const dir = workspace();
    const variants = [JOURNEY, JOURNEY.replace('service-hotlin]', 'service-center]'), JOURNEY.replace('owner: 1', 'owner: 9')];
    const runs: Promise<string>[] = [];
    for (let i = 0; i < 9; i++) {
      writeFileSync(join(dir, 'a.journey.yaml'), variants[i % 3]!);
      runs.push(check(dir, counting().storeFor));
    }
    await Promise.all(runs);
    // Whatever run wrote last, the records are whole and agree with the files as they are now.
    const last = counting();
    expect(await check(dir, last.storeFor)).toBe(await plain(dir));
    expect(existsSync(join(dir, CACHE_DIR))).toBe(true);
    expect(readdirSync(join(dir, CACHE_DIR)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('models taken from the store give the findings of a fresh analysis', () => {
  const repo = join(__dirname, '..', '..');
  for (const folder of ['examples/property-management', 'examples/online-service', 'test/fixtures/bad-input', 'test/fixtures/invalid']) {
    it(`on ${folder}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'peakend-store-copy-'));
      made.push(dir);
      cpSync(join(repo, folder), dir, { recursive: true, filter: (src) => !src.includes(CACHE_DIR) });
      const expected = await plain(dir);
      await check(dir, counting().storeFor);
      // Without the findings record, the findings come from the state the last run ended in.
      for (const name of records(dir)) if (name.endsWith('.run')) rmSync(join(dir, CACHE_DIR, name));
      const state = counting();
      expect(await check(dir, state.storeFor)).toBe(expected);
      expect(state.counts).toEqual({ models: 0, findings: 0, runs: 1 });
      // Without that state either, every model comes from the store and the rules run again.
      for (const name of records(dir)) if (name.endsWith('.run') || name.endsWith('.state')) rmSync(join(dir, CACHE_DIR, name));
      const again = counting();
      expect(await check(dir, again.storeFor)).toBe(expected);
      expect(again.counts.models).toBeGreaterThan(0);
    });
  }
});

describe('peakend check and its cache folder', () => {
  async function run(argv: string[]) {
    let stdout = '';
    const io: CliIo = { cwd: '/', env: {}, stdout: { write: (t) => void (stdout += t), isTTY: false }, stderr: { write: () => {} }, writeFile: async () => {} };
    const status = await main(argv, io);
    return { status, stdout };
  }

  it('keeps its results in .peakend-cache, and the same output comes from it', async () => {
    const dir = workspace();
    const first = await run(['check', dir, '--format', 'json']);
    expect(existsSync(join(dir, CACHE_DIR))).toBe(true);
    expect(await run(['check', dir, '--format', 'json'])).toEqual(first);
    expect(JSON.parse(first.stdout).map((f: { ruleId: string }) => f.ruleId)).toEqual(['unknown-touchpoint']);
  });

  it('with --no-cache neither reads nor writes it', async () => {
    const dir = workspace();
    const out = await run(['check', dir, '--format', 'json', '--no-cache']);
    expect(existsSync(join(dir, CACHE_DIR))).toBe(false);
    // A record that would say "no findings" is not read either.
    await run(['check', dir, '--format', 'json']);
    for (const name of records(dir)) if (name.endsWith('.run')) {
      const path = join(dir, CACHE_DIR, name);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace(/"findings":\[.*\]\}$/s, '"findings":[]}'));
    }
    expect(await run(['check', dir, '--format', 'json', '--no-cache'])).toEqual(out);
  });
});
