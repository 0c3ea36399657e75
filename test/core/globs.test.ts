/**
 * Globs in peakend.yaml that would make picomatch backtrack for minutes are refused at their node
 * and ignored; the rest of the config still applies. Timings are in src/core/config/globs.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_INCLUDE, openWorkspace } from '../../src/core';
import { globProblem } from '../../src/core/config/globs';
import { nodeHost } from '../../src/node/nodeHost';
import { describeFinding } from '../helpers/expectations';

const dir = mkdtempSync(join(tmpdir(), 'peakend-globs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('globProblem', () => {
  it('accepts the defaults and ordinary globs', () => {
    for (const g of [...DEFAULT_INCLUDE, 'drafts/**', '**/archive/**/*.yaml', '{a,b}/*-*.journey.yaml', 'maps/202?/*.yaml', '旅程/**/*.journey.yaml']) {
      expect(globProblem(g), g).toBeUndefined();
    }
  });

  it('refuses extended globs, too many stars in one name or in all, too many braces, too long', () => {
    expect(globProblem('*(a|aa)b')).toEqual({ messageId: 'config.globExtended', args: { pattern: '*(' } });
    expect(globProblem('docs/!(x).yaml')).toEqual({ messageId: 'config.globExtended', args: { pattern: '!(' } });
    expect(globProblem('*a*a*b')).toEqual({ messageId: 'config.globStars', args: { count: 3, limit: 2 } });
    // A run of stars is one wildcard; "**" as a whole segment too.
    expect(globProblem('**/x/**/y/**/z/**/b')).toEqual({ messageId: 'config.globWildcards', args: { count: 4, limit: 3 } });
    expect(globProblem('**/x*/**/y/*.yaml')).toEqual({ messageId: 'config.globWildcards', args: { count: 4, limit: 3 } });
    expect(globProblem('**/x/**/y/z/*.yaml')).toBeUndefined();
    expect(globProblem('{a,b}'.repeat(9))).toEqual({ messageId: 'config.globBraces', args: { count: 9, limit: 8 } });
    expect(globProblem('a'.repeat(257))).toEqual({ messageId: 'config.globTooLong', args: { length: 257, limit: 256 } });
    expect(globProblem('a'.repeat(256))).toBeUndefined();
  });
});

describe('a hostile glob in peakend.yaml', () => {
  it('is reported at its node and ignored; the other globs still apply', async () => {
    const ws = mkdtempSync(join(dir, 'ws-'));
    writeFileSync(
      join(ws, 'peakend.yaml'),
      ['peakend: 1', 'kind: config', 'include:', '  - "**/*.personas.yaml"', '  - "*(a|aa)b"', 'exclude:', '  - drafts/**', '  - "*a*a*a*b"', ''].join('\n'),
    );
    // Against this name `*(a|aa)b` ran for more than 15 s and `*a*a*a*b` for seconds.
    const long = 'a'.repeat(40) + '.personas.yaml';
    const personas = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';
    writeFileSync(join(ws, long), personas);
    mkdirSync(join(ws, 'drafts'));
    writeFileSync(join(ws, 'drafts', 'x.personas.yaml'), 'not: [valid');
    const { workspace } = await openWorkspace(nodeHost, ws);
    const findings = workspace.findings().map((f) => `${f.file.slice(ws.length + 1)} ${describeFinding(f)}: ${f.message}`);
    expect(findings).toEqual([
      'peakend.yaml schema 5:5-5:15: Extended globs such as "*(…)" can take minutes to match. Use braces ({a,b}) instead. This glob is ignored.',
      'peakend.yaml schema 8:5-8:15: This glob has 4 "*" in one folder or file name; more than 2 can take minutes to match. It is ignored.',
    ]);
    expect([...workspace.files.keys()].map((f) => f.slice(ws.length + 1)).sort()).toEqual([long, 'peakend.yaml']);
    expect(workspace.config.include).toEqual(['**/*.personas.yaml']);
    expect(workspace.config.exclude).toEqual(['drafts/**']);
  });
});
