import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * Builds the CLI into a folder of its own (not dist/, which another test file may be rebuilding
 * at the same moment) and returns the path of its entry point, plus a function that removes it.
 */
export function buildCliBundle(): { bin: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-bin-'));
  // Readable by all: a test may run it as another user.
  chmodSync(dir, 0o755);
  const bin = join(dir, 'cli.mjs');
  const script = `
    import { build } from 'esbuild';
    await build({
      entryPoints: ['src/cli/bin.ts'], outfile: ${JSON.stringify(bin)}, bundle: true, platform: 'node', target: 'node20', format: 'esm',
      define: { PEAKEND_VERSION: '"0.0.0-test"' }, logLevel: 'warning',
      alias: { yaml: './node_modules/yaml/browser/index.js' },
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' });
  return { bin, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
