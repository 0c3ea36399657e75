import { join } from 'node:path';
import { startCli } from './startCli';

// The CLI's entry point in the build (dist/cli.js): the CLI itself is dist/cli-main.js, run with
// V8's code cache of it (dist/cli-main.js.cache). PEAKEND_WRITE_CODE_CACHE is set by the build only.
startCli(join(__dirname, 'cli-main.js'), process.env.PEAKEND_WRITE_CODE_CACHE);
