import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The suite StrykerJS runs against each mutant: the in-process tests. Left out: the CLI tests that
 * spawn the bundled `bin/peakend.js` (a bundle built before mutation cannot see a mutant) and the
 * property test (random inputs, seconds per run; it guards against crashes, not wrong answers).
 */
export default mergeConfig(
  base,
  defineConfig({
    // Modules stay loaded between runs: mutants are switched on at run time, not by reloading.
    test: { isolate: false, exclude: [...configDefaults.exclude, 'test/cli/cli.test.ts', 'test/core/property.test.ts'] },
  }),
);
