import { describe, expect, it } from 'vitest';
import { checkPaths, defaultConfig, discoverFiles, findConfigFile, loadConfig, openWorkspace, resolveConfig } from '../../src/core';
import { describeFinding } from '../helpers/expectations';
import { memoryHost } from '../helpers/memory';

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: p, name: P }\n';
const config = (extra = '') => `peakend: 1\nkind: config\n${extra}`;

/** A workspace at /ws with a persona file in each of the given paths. */
function tree(paths: string[], configText = config()) {
  const files: Record<string, string> = { '/ws/peakend.yaml': configText };
  for (const p of paths) files[`/ws/${p}`] = PERSONAS;
  return memoryHost(files);
}

const relative = (files: string[]) => files.map((f) => f.slice('/ws/'.length));

describe('discovering files', () => {
  it('takes the four kinds in .yaml and .yml at any depth, sorted, and nothing else', async () => {
    const host = tree(['b.personas.yml', 'a.journey.yaml', 'deep/er/c.touchpoints.yml', 'd.standards.yaml', 'notes.yaml', 'x.personas.json', 'journey.yaml']);
    expect(relative(await discoverFiles(host, defaultConfig('/ws')))).toEqual(['a.journey.yaml', 'b.personas.yml', 'd.standards.yaml', 'deep/er/c.touchpoints.yml']);
  });

  it('skips node_modules, .git and dot folders, and folders with a peakend.yaml (peakend.yml) of their own', async () => {
    const host = memoryHost({
      '/ws/peakend.yaml': config(),
      '/ws/a.personas.yaml': PERSONAS,
      '/ws/node_modules/m/x.personas.yaml': PERSONAS,
      '/ws/.git/y.personas.yaml': PERSONAS,
      '/ws/.hidden/z.personas.yaml': PERSONAS,
      '/ws/sub/peakend.yaml': config(),
      '/ws/sub/b.personas.yaml': PERSONAS,
      '/ws/sub/deeper/c.personas.yaml': PERSONAS,
      '/ws/other/peakend.yml': config(),
      '/ws/other/d.personas.yaml': PERSONAS,
      '/ws/plain/e.personas.yaml': PERSONAS,
    });
    expect(relative(await discoverFiles(host, defaultConfig('/ws')))).toEqual(['a.personas.yaml', 'plain/e.personas.yaml']);
    // The nested workspace is a workspace of its own, with its own files.
    expect((await loadConfig(host, '/ws/sub')).config.root).toBe('/ws/sub');
    expect(await discoverFiles(host, defaultConfig('/ws/sub'))).toEqual(['/ws/sub/b.personas.yaml', '/ws/sub/deeper/c.personas.yaml']);
    expect(await findConfigFile(host, '/ws/other/x')).toBe('/ws/other/peakend.yml');
    expect(await findConfigFile(host, '/ws/plain')).toBe('/ws/peakend.yaml');
    expect(await findConfigFile(memoryHost({ '/a/b.personas.yaml': PERSONAS }), '/a')).toBeUndefined();
  });

  it("never lists the folders it skips: dependencies, version control, check's cache", async () => {
    const files: Record<string, string> = { '/ws/peakend.yaml': config(), '/ws/a.personas.yaml': PERSONAS };
    for (const dir of ['node_modules', '.git', '.hg', '.svn', '.peakend-cache']) files[`/ws/${dir}/inner/x.md`] = 'x';
    const host = memoryHost(files);
    const listed: string[] = [];
    const watching = { ...host, readDirectory: (path: string) => (listed.push(path), host.readDirectory(path)) };
    // A checklists folder of '.' would take any Markdown file below it: still nothing from those folders.
    expect(relative(await discoverFiles(watching, { ...defaultConfig('/ws'), checklistsDir: '.' }))).toEqual(['a.personas.yaml']);
    expect(listed).toEqual(['/ws']);
  });

  it('checks a file inside a nested workspace with that workspace, not the outer one', async () => {
    const host = memoryHost({
      '/ws/peakend.yaml': config('rules: { unknown-persona: off }\n'),
      '/ws/sub/peakend.yaml': config(),
      '/ws/sub/j.journey.yaml': 'peakend: 1\nkind: journey\nid: j\ntitle: t\npersonas: [ghost]\nstages:\n  - { id: s, title: s, steps: [{ id: a, title: a, emotions: { ghost: 0 } }] }\n',
    });
    const { findings, files } = await checkPaths(host, ['/ws/sub/j.journey.yaml']);
    expect(files).toEqual(['/ws/sub/j.journey.yaml']);
    // The step scores 0: nothing above neutral to remember.
    expect(findings.map(describeFinding)).toEqual(['unknown-persona 5:12-5:17', 'no-positive-peak 7:70-7:71']);
    // From the outer folder the nested workspace is not part of the outer one.
    const outer = await checkPaths(host, ['/ws']);
    expect(outer.files).toEqual(['/ws/peakend.yaml']);
    expect(outer.findings).toEqual([]);
  });

  it('follows include and exclude from peakend.yaml: file globs, folder globs, folders by name', async () => {
    const paths = ['maps/a.personas.yaml', 'maps/drafts/b.personas.yaml', 'maps/c.personas.yml', 'old/d.personas.yaml', 'e.personas.yaml', 'maps/.wip/f.personas.yaml'];
    const withConfig = async (extra: string) => {
      const host = tree(paths, config(extra));
      const { config: c } = await loadConfig(host, '/ws');
      return relative(await discoverFiles(host, c));
    };
    expect(await withConfig('')).toEqual(['e.personas.yaml', 'maps/a.personas.yaml', 'maps/c.personas.yml', 'maps/drafts/b.personas.yaml', 'old/d.personas.yaml']);
    expect(await withConfig('include: ["maps/**/*.yaml"]\n')).toEqual(['maps/a.personas.yaml', 'maps/drafts/b.personas.yaml']);
    expect(await withConfig('exclude: ["**/drafts/**", "old"]\n')).toEqual(['e.personas.yaml', 'maps/a.personas.yaml', 'maps/c.personas.yml']);
    expect(await withConfig('exclude: ["maps/drafts/"]\n')).toEqual(['e.personas.yaml', 'maps/a.personas.yaml', 'maps/c.personas.yml', 'old/d.personas.yaml']);
    expect(await withConfig('exclude: ["*.yml", "**/*.yml"]\n')).toEqual(['e.personas.yaml', 'maps/a.personas.yaml', 'maps/drafts/b.personas.yaml', 'old/d.personas.yaml']);
    expect(await withConfig('include: ["**/*.personas.yaml"]\nexclude: ["e.personas.yaml"]\n')).toEqual(['maps/a.personas.yaml', 'maps/drafts/b.personas.yaml', 'old/d.personas.yaml']);
    // Dot folders are never included by a glob, but an exclude matches them.
    expect(await withConfig('include: ["**/*.yaml", "maps/.wip/*.yaml"]\nexclude: ["maps/.wip"]\n')).not.toContain('maps/.wip/f.personas.yaml');
    expect(await withConfig('include: ["maps/.wip/*.yaml", "e.personas.yaml"]\n')).toEqual(['e.personas.yaml', 'maps/.wip/f.personas.yaml']);
    expect(await withConfig('include: ["maps/.wip/*.yaml", "e.personas.yaml"]\nexclude: ["*/*/f.personas.yaml"]\n')).toEqual(['e.personas.yaml']);
  });

  it('walks below one folder (one that just appeared) with the answer the walk from the root gives there', async () => {
    const paths = ['maps/a.personas.yaml', 'maps/drafts/b.personas.yaml', 'maps/drafts/deep/g.personas.yaml', 'old/d.personas.yaml', 'e.personas.yaml', 'maps/.wip/f.personas.yaml', 'node_modules/m/h.personas.yaml', 'sub/i.personas.yaml'];
    const belows = ['/ws/maps', '/ws/maps/drafts', '/ws/maps/drafts/deep', '/ws/old', '/ws/maps/.wip', '/ws/node_modules/m', '/ws/sub', '/ws/sub/', '/elsewhere', '/ws'];
    const configs = ['', 'exclude: ["**/drafts/**", "old"]\n', 'exclude: ["maps/drafts/"]\n', 'include: ["maps/.wip/*.yaml", "e.personas.yaml"]\n'];
    let nonEmpty = 0;
    for (const extra of configs) {
      const files: Record<string, string> = { '/ws/peakend.yaml': config(extra), '/ws/sub/peakend.yaml': config() };
      for (const p of paths) files[`/ws/${p}`] = PERSONAS;
      const host = memoryHost(files);
      const { config: c } = await loadConfig(host, '/ws');
      const all = await discoverFiles(host, c);
      for (const below of belows) {
        const want = all.filter((f) => f.startsWith(below.replace(/\/?$/, '/')));
        const got = await discoverFiles(host, c, undefined, below);
        expect(got, `${extra} below ${below}`).toEqual(want);
        if (want.length) nonEmpty++;
      }
    }
    // The comparison is not between empty lists only.
    expect(nonEmpty).toBe(13);
  });

  it('takes include and exclude only as lists of text, and limits.maxFileBytes only as a whole number of at least 1024', async () => {
    const c = resolveConfig({ include: [1, '', 'maps/*.journey.yaml'], exclude: 'x', limits: { maxFileBytes: 1023 } }, '/ws', '/ws/peakend.yaml');
    expect(c.include).toEqual(['maps/*.journey.yaml']);
    // Nothing left of the list: the default files, not none.
    expect(resolveConfig({ include: [1, ''] }, '/ws', '/ws/peakend.yaml').include).toEqual(defaultConfig('/ws').include);
    expect(c.exclude).toEqual([]);
    expect(c.maxFileBytes).toBe(5 * 1024 * 1024);
    expect(resolveConfig({ limits: { maxFileBytes: 1024 } }, '/ws', undefined).maxFileBytes).toBe(1024);
    expect(resolveConfig({ limits: { maxFileBytes: 2048.5 } }, '/ws', undefined).maxFileBytes).toBe(5 * 1024 * 1024);
    expect(resolveConfig(null, '/r', '/r/peakend.yaml')).toEqual({ ...defaultConfig('/r'), file: '/r/peakend.yaml' });
  });

  it('reads the rest of peakend.yaml: scale, rules, checklists', () => {
    const c = resolveConfig({ scale: { min: 1, max: 7 }, rules: { 'duplicate-id': 'warning', x: 'loud', y: 'off' }, checklists: { dir: 'lists' } }, '/ws', undefined);
    expect(c.scale).toEqual({ min: 1, max: 7, neutral: 4 });
    // unevidenced-extreme is off unless turned on.
    expect(c.rules).toEqual({ 'unevidenced-extreme': 'off', 'duplicate-id': 'warning', y: 'off' });
    expect(c.checklistsDir).toBe('lists');
    expect(resolveConfig({ scale: { min: 1, max: 7, neutral: 0 } }, '/ws', undefined).scale).toEqual({ min: -5, max: 5, neutral: 0 });
    expect(resolveConfig({ scale: { min: 1, max: 7, neutral: 7 } }, '/ws', undefined).scale).toEqual({ min: 1, max: 7, neutral: 7 });
    expect(resolveConfig({ scale: { min: 1, max: 7, neutral: 1 } }, '/ws', undefined).scale).toEqual({ min: 1, max: 7, neutral: 1 });
    expect(resolveConfig({ scale: { min: 2, max: 2 } }, '/ws', undefined).scale).toEqual({ min: -5, max: 5, neutral: 0 });
    expect(resolveConfig({ rules: { a: 'error', b: 'info' } }, '/ws', undefined).rules).toEqual({ 'unevidenced-extreme': 'off', a: 'error', b: 'info' });
  });

  it('loads the config file itself into the workspace and the files given by name, whatever their name', async () => {
    const host = memoryHost({ '/ws/peakend.yaml': config('include: ["*.personas.yaml"]\n'), '/ws/a.personas.yaml': PERSONAS, '/ws/odd.txt': PERSONAS.replace('id: p', 'id: q') });
    const { workspace, requested } = await openWorkspace(host, '/ws/', ['/ws/./odd.txt']);
    expect([...workspace.files.keys()]).toEqual(['/ws/peakend.yaml', '/ws/a.personas.yaml', '/ws/odd.txt']);
    expect([...requested]).toEqual(['/ws/a.personas.yaml', '/ws/peakend.yaml', '/ws/odd.txt']);
    expect(workspace.findings()).toEqual([]);
  });
});
