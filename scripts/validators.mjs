// Peakend's schema validators compiled ahead of time (src/core/schema/standalone.ts), and the esbuild
// plugin that puts them in place of src/core/schema/precompiled.ts in every bundle that validates.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');

/** The source of the module of precompiled validators. */
export async function standaloneValidatorsCode() {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-validators-'));
  try {
    const outfile = join(dir, 'standalone.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/core/schema/standalone.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    const { standaloneValidators } = await import(pathToFileURL(outfile).href);
    return standaloneValidators();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An esbuild plugin that loads `code` as src/core/schema/precompiled.ts. */
export function precompiledValidators(code) {
  return {
    name: 'precompiled-validators',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]core[\\/]schema[\\/]precompiled\.ts$/ }, () => ({ contents: code, loader: 'js', resolveDir: ROOT }));
    },
  };
}
