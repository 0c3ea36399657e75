import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const core = resolve(__dirname, '../../src/core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.[cm]?[jt]s$/.test(name) ? [p] : [];
  });
}

/** Every module a source text names: static imports and re-exports, `import()` and `require()`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

const forbidden = (spec: string) => spec === 'vscode' || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);

describe('src/core runs anywhere', () => {
  it('finds the imports this test looks for', () => {
    const sample = `import * as vscode from 'vscode';\nimport { readFile } from "node:fs/promises";\nexport { x } from 'path';\nimport 'fs';\nconst os = require('os');\nconst u = await import('node:url');\nimport type { A } from './a';`;
    expect(specifiers(sample).filter(forbidden).sort()).toEqual(['fs', 'node:fs/promises', 'node:url', 'os', 'path', 'vscode']);
  });

  it('imports neither vscode nor Node built-ins', () => {
    const all = files(core);
    expect(all.length).toBeGreaterThan(40);
    const offenders = all.flatMap((f) => specifiers(readFileSync(f, 'utf8')).filter(forbidden).map((s) => `${relative(core, f)}: ${s}`));
    expect(offenders).toEqual([]);
  });
});
