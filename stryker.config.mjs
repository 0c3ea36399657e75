// StrykerJS (`npm run mutation`): mutates the engine and the CLI and runs the vitest suite against
// each mutant. Not part of `npm test`: a full run takes tens of minutes. Reports and the incremental
// file go to test-output/mutation/ (open index.html there).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // The message catalogs are text, not logic: tests pin the messages they render, not every word.
  // styleFreeSvg.ts is page code the HTML export ships as its source text, which instrumentation would change.
  mutate: ['src/core/**/*.ts', 'src/cli/**/*.ts', '!src/cli/bin.ts', '!src/core/messages/en.ts', '!src/core/messages/zh-cn.ts', '!src/core/render/styleFreeSvg.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared; two test processes at most.
  concurrency: 2,
  incremental: true,
  // A mutant in module-level code (rule table, constants) needs every test re-run with fresh modules:
  // minutes each. Tests pin those tables directly (test/core/rule-table.test.ts).
  ignoreStatic: true,
  incrementalFile: 'test-output/mutation/incremental.json',
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-output/mutation/index.html' },
  jsonReporter: { fileName: 'test-output/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false, reportTests: false },
  thresholds: { high: 90, low: 80, break: 80 },
  ignorePatterns: ['/.vscode-host', '/dist', '/test-output', '/bench/.workspace', '/scratch', '/media'],
  // Not a dot folder: yaml-language-server (in the schema agreement tests) matches no file below one.
  tempDirName: 'test-output/stryker-tmp',
  cleanTempDir: 'always',
};
