#!/usr/bin/env node
// `npm run mutation`: StrykerJS over src/core and src/cli (stryker.config.mjs). Stryker 10 needs
// Node >= 22, so it runs under the Node 24 that scripts/vscode-host/setup.mjs installs for the
// VS Code host. Arguments pass through: `npm run mutation -- --mutate 'src/core/text/**/*.ts'`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { hostPaths, REPO_ROOT } from './vscode-host/setup.mjs';

const { node24 } = hostPaths();
if (!existsSync(node24)) {
  console.error(`mutation: Node 24 is not installed at ${path.relative(REPO_ROOT, node24)}.`);
  console.error('Install it with: node scripts/vscode-host/setup.mjs');
  process.exit(2);
}
const stryker = path.join(REPO_ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const r = spawnSync(node24, [stryker, 'run', 'stryker.config.mjs', ...process.argv.slice(2)], { cwd: REPO_ROOT, stdio: 'inherit' });
process.exit(r.status ?? 2);
