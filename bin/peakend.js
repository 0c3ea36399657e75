#!/usr/bin/env node
// The CLI is one CommonJS file (dist/package.json): required, not imported, so that Node loads it
// without first scanning its 1.6 MB for the names it exports.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/cli.js');
