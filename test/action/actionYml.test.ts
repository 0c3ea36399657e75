import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; steps: { name: string; run?: string; env?: Record<string, string>; shell?: string }[] };
  inputs: Record<string, { default?: string }>;
};

describe('action.yml', () => {
  it('is a composite action whose every step runs in bash', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps) expect(s.shell, s.name).toBe('bash');
  });

  it('never expands an input or event field inside a script: they reach scripts as environment variables', () => {
    for (const s of action.runs.steps) expect(s.run ?? '', s.name).not.toMatch(/\$\{\{/);
  });

  it('runs the files the build makes', () => {
    const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('"$GITHUB_ACTION_PATH/bin/peakend.js" check');
    expect(scripts).toContain('"$GITHUB_ACTION_PATH/bin/peakend.js" diff --base "$BASE"');
    expect(scripts).toContain('"$GITHUB_ACTION_PATH/dist/action.js"');
    expect(build).toContain("outfile: 'dist/action.js'");
    expect(action.inputs['fail-on']!.default).toBe('breaking');
  });

  it('runs its comment step as the build makes it: Node reads dist/ as CommonJS', () => {
    if (!existsSync(join(ROOT, 'dist/action.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const dir = mkdtempSync(join(tmpdir(), 'peakend-action-'));
    try {
      // No report to post here: the step says so in its own words, after it has started.
      const run = spawnSync(process.execPath, [join(ROOT, 'dist/action.js')], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(run.stderr).toMatch(/^peakend action: .*peakend-report\.md/);
      expect(run.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
