// The integration tests' entry point in the standard VS Code test-module form: the host (code-server
// through scripts/vscode-host, or @vscode/test-electron) loads this module and awaits run().
// scripts/test-extension.mjs bundles it to test-output/extension-tests/index.cjs (CommonJS; `vscode`
// and `mocha` stay external) and runs each suite in its own host with its own workspace:
//   PEAKEND_TEST_SUITE     main | l10n | trust | plain | hostile (which test files run; default main)
//   PEAKEND_TEST_EXPECTED  JSON of the findings `peakend check` reports for the workspace
//   PEAKEND_TEST_HASHES    (trust) JSON of the workspace files' SHA-256 before the run
//   PEAKEND_TEST_RESULTS   where to write { passed, failed, pending, failures } for the runner
//   PEAKEND_TEST_GREP      only tests whose full title contains this text
// The test files are named *.itest.ts: vitest collects test/**/*.test.ts, and these need `vscode`.
// Under @vscode/test-electron (where VS Code can be downloaded) the same bundle runs with
//   runTests({ extensionDevelopmentPath: <repo>, extensionTestsPath: <index.cjs>,
//              launchArgs: [<workspace copy>], extensionTestsEnv: { PEAKEND_TEST_SUITE, … } })
// after scripts/test-extension.mjs's preparation (workspace copies, expected findings).
import * as fs from 'node:fs';
import Mocha from 'mocha';

/** Each suite's test files, loaded lazily (their top level calls mocha's suite()). */
const SUITES: Record<string, () => void> = {
  main: () => {
    require('./activation.itest');
    require('./diagnostics.itest');
    require('./statusBar.itest');
    require('./editing.itest');
    require('./completion.itest');
    require('./hover.itest');
    require('./navigation.itest');
    require('./rename.itest');
    require('./quickfixes.itest');
    require('./templates.itest');
    require('./lifecycle.itest');
    require('./settings.itest');
    require('./audits.itest');
    require('./preview.itest');
  },
  l10n: () => require('./l10n.itest'),
  trust: () => require('./trust.itest'),
  plain: () => require('./inactive.itest'),
  hostile: () => require('./hostile.itest'),
};

interface Counts {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
}

export function run(): Promise<void> {
  const name = process.env.PEAKEND_TEST_SUITE ?? 'main';
  const load = SUITES[name];
  if (!load) return Promise.reject(new Error(`Unknown PEAKEND_TEST_SUITE "${name}"`));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, slow: 2_000 });
  if (process.env.PEAKEND_TEST_GREP) mocha.grep(process.env.PEAKEND_TEST_GREP);
  // What mocha does before it requires a test file: makes suite(), test(), … point at this instance.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, `${name}.itest`, mocha);
  load();
  const counts: Counts = { suite: name, passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (process.env.PEAKEND_TEST_RESULTS) fs.writeFileSync(process.env.PEAKEND_TEST_RESULTS, JSON.stringify(counts, null, 2));
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => counts.passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => counts.pending++);
    // Also fires for a failing hook, which fails the tests under it.
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err: Error) => {
      counts.failed++;
      counts.failures.push({ title: test.fullTitle(), message: err?.message ?? String(err) });
    });
  });
}
