import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
// yaml's ESM build, found the way Node finds packages: a copy of the repository (a mutation-testing
// sandbox) may have no node_modules folder of its own.
const YAML_ESM = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('yaml/package.json')), 'browser/index.js');
/** One CommonJS file with `import.meta.url` its own URL, as scripts/build.mjs writes Node's bundles. */
const COMMON_JS = {
  format: 'cjs',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "'use strict'; const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
} as const;

/**
 * Builds the CLI into a folder of its own (not dist/, which another test file may be rebuilding
 * at the same moment) and returns the path of its entry point, plus a function that removes it.
 */
export function buildCliBundle(): { bin: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-bin-'));
  // Readable by all: a test may run it as another user.
  chmodSync(dir, 0o755);
  const bin = join(dir, 'cli.cjs');
  const script = `
    import { build } from 'esbuild';
    const commonJs = ${JSON.stringify(COMMON_JS)};
    await build({
      ...commonJs, entryPoints: ['src/cli/bin.ts'], outfile: ${JSON.stringify(bin)}, bundle: true, platform: 'node', target: 'node20',
      define: { ...commonJs.define, PEAKEND_VERSION: '"0.0.0-test"' }, logLevel: 'warning',
      alias: { yaml: ${JSON.stringify(YAML_ESM)} },
    });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' });
  return { bin, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Builds a worker thread's entry point (`entry`, from the repository root) into `outfile`, as scripts/build.mjs builds it. */
export async function buildWorker(entry: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    ...COMMON_JS,
    logLevel: 'warning',
    alias: { yaml: YAML_ESM },
  });
}
