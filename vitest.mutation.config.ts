import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The suite StrykerJS runs against each mutant: the in-process tests. Left out: the CLI tests that
 * spawn the bundled `bin/peakend.js` (a bundle built before mutation cannot see a mutant) and the
 * property test and the large-input test (random or huge inputs, seconds to minutes per run under
 * instrumentation; they guard against crashes and hangs, not wrong answers).
 */
export default mergeConfig(
  base,
  defineConfig({
    // Modules stay loaded between runs: mutants are switched on at run time, not by reloading.
    test: { isolate: false, exclude: [...configDefaults.exclude, 'test/cli/cli.test.ts', 'test/core/property.test.ts', 'test/core/large-inputs.test.ts'] },
  }),
);
