import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each run is a process of its own: V8 keeps what one process compiled, which would answer for a
// cache given in the same process whether the cache was good or not.

const ROOT = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'peakend-code-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `bundle` through runWithCodeCache (flags as dist/cli.js sets them), `write` then writing its cache; `cli` through startCli. */
const harness = join(scratch, 'harness.cjs');

beforeAll(async () => {
  const { build } = await import('esbuild');
  await build({
    stdin: {
      contents: `
        import { runWithCodeCache, writeCodeCache } from './src/node/codeCache';
        import { startCli } from './src/cli/startCli';
        import { tuneHeapForOneRun } from './src/node/processHeap';
        const [bundle, cache, mode] = process.argv.splice(2);
        let cacheAccepted;
        // The CLI as dist/cli.js starts it (its usage: no arguments left), or a bundle of a test.
        if (mode === 'cli') ({ cacheAccepted } = startCli(bundle, undefined));
        else {
          tuneHeapForOneRun();
          const run = runWithCodeCache(bundle, cache);
          if (mode === 'write') writeCodeCache(run, cache);
          cacheAccepted = run.cacheAccepted;
        }
        process.on('exit', () => console.log(JSON.stringify({ cacheAccepted })));`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: harness,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  if (!existsSync(join(ROOT, 'dist/cli-main.js.cache'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

function run(bundle: string, cache: string, mode = ''): { cacheAccepted: boolean; out: string[] } {
  const r = spawnSync(process.execPath, [harness, bundle, cache, mode], { encoding: 'utf8', timeout: 30_000 });
  if (mode !== 'cli') expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  return { cacheAccepted: JSON.parse(lines.pop()!).cacheAccepted, out: lines };
}

describe('runWithCodeCache', () => {
  // A bundle as esbuild writes one: strict, reading its own file name and requiring a built-in.
  const source = (n: number) =>
    `'use strict';\nconst { basename } = require('node:path');\nfunction add(a, b) { return a + b; }\nconsole.log(basename(__filename), basename(__dirname), typeof module.exports, add(${n}, 1), (function () { return this; })() === undefined);\n`;

  it('runs a CommonJS file as Node would, with or without its cache, and takes only a cache made from the same source', () => {
    const bundle = join(scratch, 'b1.js');
    const cache = `${bundle}.cache`;
    writeFileSync(bundle, source(1));
    const scratchName = scratch.slice(scratch.lastIndexOf('/') + 1);
    const expected = [`b1.js ${scratchName} object 2 true`];
    expect(run(bundle, cache, 'write')).toEqual({ cacheAccepted: false, out: expected });
    expect(readdirSync(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(run(bundle, cache)).toEqual({ cacheAccepted: true, out: expected });
    // Another source of the same length under the same name (V8 compares only the length): the
    // cache is refused, the file runs as it is.
    writeFileSync(bundle, source(2));
    expect(run(bundle, cache)).toEqual({ cacheAccepted: false, out: [`b1.js ${scratchName} object 3 true`] });
  });

  it('runs as usual with a cache that is empty, cut short, garbage or not a file', () => {
    const bundle = join(scratch, 'b2.js');
    const cache = `${bundle}.cache`;
    writeFileSync(bundle, source(5));
    run(bundle, cache, 'write');
    const good = readFileSync(cache);
    const expected = run(bundle, cache).out;
    for (const bad of [Buffer.alloc(0), good.subarray(0, good.length >> 1), good.subarray(0, 16), Buffer.from('not a code cache\n'.repeat(100))]) {
      writeFileSync(cache, bad);
      expect(run(bundle, cache)).toEqual({ cacheAccepted: false, out: expected });
    }
    rmSync(cache);
    expect(run(bundle, cache)).toEqual({ cacheAccepted: false, out: expected });
    // A FIFO in its place (reading it would wait for a writer) and a folder.
    expect(spawnSync('mkfifo', [cache]).status).toBe(0);
    expect(run(bundle, cache)).toEqual({ cacheAccepted: false, out: expected });
    rmSync(cache);
    mkdirSync(cache);
    expect(run(bundle, cache)).toEqual({ cacheAccepted: false, out: expected });
    rmSync(cache, { recursive: true });
  });
});

describe("the CLI's code cache", () => {
  it('is made by the build for the Node that built it, and taken', () => {
    // As dist/cli.js starts it, with no arguments left (it prints its usage).
    const { cacheAccepted } = run(join(ROOT, 'dist/cli-main.js'), join(ROOT, 'dist/cli-main.js.cache'), 'cli');
    expect(cacheAccepted).toBe(true);
  });

  it('changes nothing a run prints, whether it is there, stale or damaged', () => {
    const dir = mkdtempSync(join(scratch, 'dist-'));
    for (const f of ['cli.js', 'cli-main.js', 'package.json']) copyFileSync(join(ROOT, 'dist', f), join(dir, f));
    const cache = join(dir, 'cli-main.js.cache');
    const check = () => spawnSync(process.execPath, [join(dir, 'cli.js'), 'check', '--no-cache', '--no-color', 'examples/property-management'], { cwd: ROOT, encoding: 'utf8' });
    const good = readFileSync(join(ROOT, 'dist/cli-main.js.cache'));
    copyFileSync(join(ROOT, 'dist/cli-main.js.cache'), cache);
    const expected = check();
    expect(expected.stdout).toMatch(/7 warnings/);
    for (const bad of [undefined, good.subarray(0, 100), Buffer.from('x'.repeat(4096))]) {
      if (bad) writeFileSync(cache, bad);
      else rmSync(cache, { force: true });
      const r = check();
      expect([r.status, r.stdout, r.stderr]).toEqual([expected.status, expected.stdout, expected.stderr]);
    }
  });
});
