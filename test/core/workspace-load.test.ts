import { describe, expect, it } from 'vitest';
import {
  analyzeText,
  checkPaths,
  defaultConfig,
  discoverFiles,
  findConfigFile,
  loadConfig,
  loadWorkspace,
  readInput,
  Workspace,
  type FileModel,
  type Finding,
  type Host,
  type ModelStore,
  type ParallelAnalysis,
  type StoreFile,
} from '../../src/core';
import { describeFinding } from '../helpers/expectations';
import { memoryHost } from '../helpers/memory';

const PERSONAS = (id: string) => `peakend: 1\nkind: personas\npersonas:\n  - { id: ${id}, name: N }\n`;
const CONFIG = 'peakend: 1\nkind: config\n';
const JOURNEY = (persona: string, id = 'j') =>
  `peakend: 1\nkind: journey\nid: ${id}\ntitle: J\npersonas: [${persona}]\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, emotions: { ${persona}: 1 } }\n      - { id: b, title: B, emotions: { ${persona}: 2 } }\n`;

/** A host whose listing comes in the order given, with failures and odd entries where asked. */
function host(files: Record<string, string>, extra: { unlistable?: string[]; others?: Record<string, string[]>; failing?: string[] } = {}): Host {
  const base = memoryHost(files);
  return {
    async readFile(p, max) {
      if (extra.failing?.includes(p)) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return base.readFile(p, max);
    },
    stat: base.stat,
    async readDirectory(p) {
      if (extra.unlistable?.includes(p)) throw Object.assign(new Error(`EACCES: ${p}`), { code: 'EACCES' });
      const list = await base.readDirectory(p);
      for (const name of extra.others?.[p] ?? []) list.push({ name, type: 'other' });
      return list.reverse();
    },
  };
}

describe('reading inputs', () => {
  it('gives the bytes, the size of a file too large, what a non-file is, or why the read failed', async () => {
    const h: Host = {
      readFile: async (p) => (p === '/a' ? { bytes: new Uint8Array([65]) } : p === '/b' ? { tooLarge: 99 } : p === '/c' ? { notFile: 'other' } : Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' }))),
      stat: async () => undefined,
      readDirectory: async () => [],
    };
    expect(await readInput(h, '/a', 10)).toEqual({ bytes: new Uint8Array([65]) });
    expect(await readInput(h, '/b', 10)).toEqual({ size: 99 });
    expect(await readInput(h, '/c', 10)).toEqual({ notFile: 'other' });
    expect(await readInput(h, '/d', 10)).toEqual({ size: 0, error: { message: 'io.notFound' } });
  });

  it('finds the nearest config file that is a file, up to the root', async () => {
    const h = memoryHost({ '/r/peakend.yaml': CONFIG, '/r/a/peakend.yaml/x': 'folder named like a config', '/r/a/b/c.personas.yaml': PERSONAS('p') });
    expect(await findConfigFile(h, '/r/a/b')).toBe('/r/peakend.yaml');
    expect(await findConfigFile(memoryHost({ '/peakend.yml': CONFIG }), '/x/y')).toBe('/peakend.yml');
    expect(await findConfigFile(memoryHost({ '/w/peakend.yml': CONFIG, '/w/peakend.yaml': CONFIG }), '/w')).toBe('/w/peakend.yaml');
    const none = await loadConfig(memoryHost({ '/n/a.personas.yaml': PERSONAS('p') }), '/n');
    expect(none.model).toBeUndefined();
    expect(none.config).toEqual(defaultConfig('/n'));
  });
});

describe('discovering files', () => {
  it('sorts each listing, skips entries that are neither file nor folder, and reports folders that cannot be listed', async () => {
    const h = host(
      { '/ws/peakend.yaml': CONFIG, '/ws/b.personas.yaml': PERSONAS('b'), '/ws/a.personas.yaml': PERSONAS('a'), '/ws/z/c.personas.yaml': PERSONAS('c'), '/ws/locked/d.personas.yaml': PERSONAS('d'), '/ws/checklists/audit.md': '# A\n' },
      { unlistable: ['/ws/locked'], others: { '/ws': ['fifo.personas.yaml'] } },
    );
    const unreadable: [string, unknown][] = [];
    const files = await discoverFiles(h, defaultConfig('/ws'), (folder, error) => unreadable.push([folder, error]));
    expect(files).toEqual(['/ws/a.personas.yaml', '/ws/b.personas.yaml', '/ws/checklists/audit.md', '/ws/z/c.personas.yaml']);
    expect(unreadable).toEqual([['/ws/locked', { message: 'io.permissionDenied' }]]);
    // Without a callback the folder is skipped all the same.
    expect(await discoverFiles(h, defaultConfig('/ws'))).toEqual(files);
    // The root's own config file does not make it a nested workspace.
    expect(await discoverFiles(h, { ...defaultConfig('/ws'), exclude: ['z/'] })).toEqual(['/ws/a.personas.yaml', '/ws/b.personas.yaml', '/ws/checklists/audit.md']);
  });
});

describe('loading a workspace', () => {
  it('adds files in order however many are read at once, the given files once, and folders that cannot be listed as findings', async () => {
    const files: Record<string, string> = { '/ws/peakend.yaml': CONFIG };
    const ids = Array.from({ length: 37 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    for (const id of ids) files[`/ws/${id}.personas.yaml`] = PERSONAS(id);
    files['/ws/locked/x.personas.yaml'] = PERSONAS('x');
    files['/ws/extra.txt'] = PERSONAS('extra');
    const h = host(files, { unlistable: ['/ws/locked'] });
    const { config, model } = await loadConfig(h, '/ws');
    const loaded = await loadWorkspace(h, config, model, ['/ws/p03.personas.yaml', '/ws/extra.txt']);
    const names = loaded.workspace.fileNames();
    expect(names).toEqual(['/ws/locked', '/ws/peakend.yaml', ...ids.map((id) => `/ws/${id}.personas.yaml`), '/ws/extra.txt']);
    expect([...loaded.workspace.getIndex().personas.keys()]).toEqual(['extra', ...ids]);
    expect(loaded.unreadableFolders).toEqual(['/ws/locked']);
    expect(loaded.requested.size).toBe(ids.length + 3);
    expect(loaded.requested.has('/ws/extra.txt')).toBe(true);
    expect(loaded.workspace.findings().map((f) => `${f.file} ${f.ruleId}`)).toEqual(['/ws/locked file-unreadable']);
  });

  it('lists checklists without reading them when asked', async () => {
    const h = memoryHost({ '/ws/peakend.yaml': CONFIG, '/ws/checklists/a.md': '# A\n', '/ws/p.personas.yaml': PERSONAS('p') });
    const { config, model } = await loadConfig(h, '/ws');
    const skipped = await loadWorkspace(h, config, model, [], undefined, { skipChecklists: true });
    expect(skipped.checklists).toEqual(['/ws/checklists/a.md']);
    expect(skipped.workspace.fileNames()).toEqual(['/ws/peakend.yaml', '/ws/p.personas.yaml']);
    const read = await loadWorkspace(h, config, model);
    expect(read.checklists).toEqual([]);
    expect(read.workspace.fileNames()).toEqual(['/ws/peakend.yaml', '/ws/checklists/a.md', '/ws/p.personas.yaml']);
  });

  it('hands YAML texts to the parallel analysis only for a run that reads positions later and keeps no data', async () => {
    const h = memoryHost({ '/ws/peakend.yaml': CONFIG, '/ws/p.personas.yaml': PERSONAS('p'), '/ws/checklists/a.md': '# A\n', '/ws/j.journey.yaml': JOURNEY('p') });
    const { config, model } = await loadConfig(h, '/ws');
    const calls: string[][] = [];
    const parallel: ParallelAnalysis = {
      batch: 64,
      async analyze(list, c, options) {
        calls.push(list.map((f) => f.file));
        expect(options).toEqual({ positions: 'later', keepValue: undefined });
        return list.map((f) => analyzeText(f.file, f.text, c, options));
      },
    };
    const ws = (await loadWorkspace(h, config, model, [], undefined, { positions: 'later', parallel })).workspace;
    // Journeys last, after every other file, all of which come in one batch.
    expect(calls).toEqual([['/ws/p.personas.yaml'], ['/ws/j.journey.yaml']]);
    expect(ws.findings().map((f) => `${f.file} ${describeFinding(f)}`)).toEqual(['/ws/checklists/a.md checklist-header 1:1-1:1']);
    expect(ws.getFile('/ws/p.personas.yaml')!.withoutPositions).toBe(true);
    await loadWorkspace(h, config, model, [], undefined, { positions: 'now', parallel });
    await loadWorkspace(h, config, model, [], undefined, { positions: 'later', keepValue: true, parallel });
    await loadWorkspace(h, config, model, [], new (await import('../../src/core')).ModelCache(), { positions: 'later', parallel });
    expect(calls).toHaveLength(2);
  });
});

/** A store in memory: models by file and text, findings by the list of files and texts. */
function memoryStore() {
  const models = new Map<string, FileModel>();
  const runs = new Map<string, Finding[]>();
  const key = (files: readonly StoreFile[]) => JSON.stringify(files.map((f) => [f.file, 'text' in f.input ? f.input.text : 'bytes' in f.input ? [...f.input.bytes] : f.input]));
  const log: string[] = [];
  const store: ModelStore = {
    model: (file, _input, text) => {
      const m = models.get(file + '\u0000' + text);
      log.push(`model ${file} ${m ? 'hit' : 'miss'}`);
      return m;
    },
    keep: (file, input, model) => {
      log.push(`keep ${file}${model.withoutPositions ? ' later' : ''}`);
      models.set(file + '\u0000' + ('text' in input ? input.text : new TextDecoder().decode((input as { bytes: Uint8Array }).bytes)), model);
    },
    findings: (files) => runs.get(key(files)),
    keepFindings: (files, findings) => {
      log.push(`run ${files.length}`);
      runs.set(key(files), [...findings]);
    },
  };
  return { store, log };
}

describe('a workspace with a store', () => {
  it('waits to analyse until asked, keeps YAML models, and takes a whole run back when nothing changed', () => {
    const { store, log } = memoryStore();
    const config = defaultConfig('/ws');
    const ws = new Workspace(config, undefined, { store, positions: 'later' });
    ws.addFile('/ws/p.personas.yaml', { text: PERSONAS('p') });
    ws.addFile('/ws/j.journey.yaml', { text: JOURNEY('ghost') });
    ws.addFile('/ws/checklists/a.md', { text: '# A\n' });
    expect(log).toEqual([]);
    expect(ws.fileNames()).toEqual(['/ws/p.personas.yaml', '/ws/j.journey.yaml', '/ws/checklists/a.md']);
    const first = ws.findings().map(describeFinding);
    expect(first).toEqual(['checklist-header 1:1-1:1', 'unknown-persona 5:12-5:17']);
    // The journey (where the finding is) and the persona file (where its fix adds the persona) are read
    // again with positions, and kept so; the checklist is never kept.
    expect(log).toEqual([
      'model /ws/p.personas.yaml miss',
      'keep /ws/p.personas.yaml later',
      'model /ws/j.journey.yaml miss',
      'keep /ws/j.journey.yaml later',
      'model /ws/checklists/a.md miss',
      'keep /ws/j.journey.yaml',
      'keep /ws/p.personas.yaml',
      'run 3',
    ]);
    expect(ws.getFile('/ws/j.journey.yaml')!.withoutPositions).toBeFalsy();
    expect(ws.getFile('/ws/p.personas.yaml')!.withoutPositions).toBeFalsy();
    expect(ws.findingsFor('/ws/j.journey.yaml')[0]!.fixes!.map((f) => f.edits.map((e) => e.file))).toContainEqual(['/ws/p.personas.yaml']);

    // The same files again: the run's findings, no analysis.
    log.length = 0;
    const again = new Workspace(config, undefined, { store, positions: 'later' });
    again.addFile('/ws/p.personas.yaml', { text: PERSONAS('p') });
    again.addFile('/ws/j.journey.yaml', { text: JOURNEY('ghost') });
    again.addFile('/ws/checklists/a.md', { text: '# A\n' });
    expect(again.findings().map(describeFinding)).toEqual(first);
    expect(log).toEqual([]);

    // One file edited: the others' models come from the store.
    log.length = 0;
    const edited = new Workspace(config, undefined, { store, positions: 'later' });
    edited.addFile('/ws/p.personas.yaml', { text: PERSONAS('ghost') });
    edited.addFile('/ws/j.journey.yaml', { text: JOURNEY('ghost') });
    expect(edited.findings()).toEqual([]);
    expect(log).toEqual(['model /ws/p.personas.yaml miss', 'keep /ws/p.personas.yaml later', 'model /ws/j.journey.yaml hit', 'run 2']);
  });

  it('keeps the config file as read, and forgets a waiting file that is deleted', () => {
    const { store } = memoryStore();
    const config = defaultConfig('/ws');
    const ws = new Workspace(config, undefined, { store });
    ws.addFile('/ws/a.personas.yaml', { text: PERSONAS('a') });
    expect(ws.deleteFile('/ws/a.personas.yaml')).toBe(true);
    expect(ws.deleteFile('/ws/a.personas.yaml')).toBe(false);
    expect(ws.fileNames()).toEqual([]);
    const cfg = analyzeText('/ws/peakend.yaml', CONFIG, config);
    ws.setModel(cfg);
    expect(ws.getFile('/ws/peakend.yaml')).toBe(cfg);
    expect(ws.files.size).toBe(1);
  });

  it('analyses waiting files for whichever question comes first, and a file set or replaced later wins', () => {
    const config = defaultConfig('/ws');
    const make = () => {
      const ws = new Workspace(config, undefined, { store: memoryStore().store });
      ws.addFile('/ws/a.personas.yaml', { text: PERSONAS('a') });
      return ws;
    };
    expect(make().getFile('/ws/a.personas.yaml')!.personas[0]!.def.id).toBe('a');
    expect([...make().files.keys()]).toEqual(['/ws/a.personas.yaml']);
    expect([...make().getIndex().personas.keys()]).toEqual(['a']);
    expect(make().findingsFor('/ws/a.personas.yaml')).toEqual([]);
    // Set after being added: the set text is the file, the added one is forgotten.
    const set = make();
    const model = set.setFile('/ws/a.personas.yaml', { text: PERSONAS('b') });
    expect(set.getFile('/ws/a.personas.yaml')).toBe(model);
    const kept = make();
    const cfg = analyzeText('/ws/a.personas.yaml', PERSONAS('c'), config);
    kept.setModel(cfg);
    expect(kept.getFile('/ws/a.personas.yaml')).toBe(cfg);
    // Added again after being analysed: listed once, analysed again from the new text.
    const again = make();
    again.getFile('/ws/a.personas.yaml');
    again.addFile('/ws/a.personas.yaml', { text: PERSONAS('d') });
    expect(again.fileNames()).toEqual(['/ws/a.personas.yaml']);
    expect(again.getFile('/ws/a.personas.yaml')!.personas[0]!.def.id).toBe('d');
  });

  it('forgets a deleted file in what it offers the store', () => {
    const { store, log } = memoryStore();
    const ws = new Workspace(defaultConfig('/ws'), undefined, { store });
    ws.addFile('/ws/a.personas.yaml', { text: PERSONAS('a') });
    ws.addFile('/ws/b.personas.yaml', { text: PERSONAS('b') });
    ws.findings();
    ws.deleteFile('/ws/b.personas.yaml');
    ws.findings();
    expect(log.filter((l) => l.startsWith('run'))).toEqual(['run 2', 'run 1']);
  });

  it('offers the store every file of the run, set or kept as read', () => {
    const { store, log } = memoryStore();
    const config = defaultConfig('/ws');
    const ws = new Workspace(config, undefined, { store });
    ws.setModel(analyzeText('/ws/peakend.yaml', CONFIG, config));
    ws.setFile('/ws/a.personas.yaml', { text: PERSONAS('a') });
    expect(ws.findings()).toEqual([]);
    expect(log).toEqual(['run 2']);
    const again = new Workspace(config, undefined, { store });
    again.setModel(analyzeText('/ws/peakend.yaml', CONFIG, config));
    again.setFile('/ws/a.personas.yaml', { text: PERSONAS('a') });
    expect(again.findings()).toEqual([]);
    expect(log).toEqual(['run 2']);
  });

  it('gives the findings of one file, its own and the workspace rules', () => {
    const ws = new Workspace(defaultConfig('/ws'));
    ws.setFile('/ws/j.journey.yaml', { text: JOURNEY('ghost') + '      - { id: a, title: A2, emotions: { ghost: 2 } }\n      - { id: c, emotions: { ghost: 2 } }\n' });
    ws.setFile('/ws/p.personas.yaml', { text: PERSONAS('p') });
    expect(ws.findingsFor('/ws/j.journey.yaml').map(describeFinding)).toEqual([
      'unknown-persona 5:12-5:17',
      'duplicate-id 10:15-10:16',
      'duplicate-id 12:15-12:16',
      'schema 13:9-13:42',
    ]);
    expect(ws.findingsFor('/ws/p.personas.yaml')).toEqual([]);
    expect(ws.findingsFor('/ws/none.yaml')).toEqual([]);
  });
});

describe('checking given paths', () => {
  it('groups paths by workspace, keeps the findings inside them, and never lists an unreadable folder as a file', async () => {
    const h = host(
      {
        '/a/peakend.yaml': CONFIG,
        '/a/p.personas.yaml': PERSONAS('p'),
        '/a/sub/j.journey.yaml': JOURNEY('ghost'),
        '/a/sub/locked/x.personas.yaml': PERSONAS('x'),
        '/a/k.journey.yaml': JOURNEY('nobody', 'k'),
        '/b/peakend.yaml': CONFIG,
        '/b/q.journey.yaml': JOURNEY('q'),
      },
      { unlistable: ['/a/sub/locked'] },
    );
    const stores: string[] = [];
    const r = await checkPaths(h, ['/a/sub', '/b/./q.journey.yaml'], {}, (c) => (stores.push(c.root), undefined));
    expect(stores).toEqual(['/a', '/b']);
    expect(r.workspaces).toHaveLength(2);
    expect(r.files).toEqual(['/a/sub/j.journey.yaml', '/b/q.journey.yaml']);
    expect(r.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual([
      '/a/sub/j.journey.yaml unknown-persona',
      '/a/sub/locked file-unreadable',
      '/b/q.journey.yaml unknown-persona',
    ]);
    // A file that exists nowhere is checked as given, with the workspace above it.
    const missing = await checkPaths(h, ['/a/gone.journey.yaml']);
    expect(missing.files).toEqual(['/a/gone.journey.yaml']);
    expect(missing.findings.map((f) => f.ruleId)).toEqual(['file-unreadable']);
  });
});

describe('analysing waiting files in parallel', () => {
  it('hands over only YAML texts the store lacks, keeps what comes back, and does nothing when the store holds the run', async () => {
    const { store, log } = memoryStore();
    const calls: string[][] = [];
    const parallel: ParallelAnalysis = {
      batch: 64,
      async analyze(list, c, options) {
        calls.push(list.map((f) => f.file));
        return list.map((f) => analyzeText(f.file, f.text, c, options));
      },
    };
    const config = defaultConfig('/ws');
    const files: [string, { text: string } | { bytes: Uint8Array }][] = [
      ['/ws/p.personas.yaml', { text: PERSONAS('p') }],
      ['/ws/bad.personas.yaml', { bytes: new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0x0a]) }],
      ['/ws/checklists/a.md', { text: '# A\n' }],
      ['/ws/j.journey.yaml', { text: JOURNEY('p') }],
    ];
    const run = async () => {
      const ws = new Workspace(config, undefined, { store, positions: 'later' }, parallel);
      for (const [file, input] of files) ws.addFile(file, input);
      expect(ws.fileNames()).toEqual(files.map(([f]) => f));
      await ws.analyzeWaiting();
      return ws;
    };
    const first = await run();
    expect(calls).toEqual([['/ws/p.personas.yaml'], ['/ws/j.journey.yaml']]);
    expect(log).toEqual([
      'model /ws/p.personas.yaml miss',
      'model /ws/checklists/a.md miss',
      'keep /ws/p.personas.yaml later',
      'keep /ws/bad.personas.yaml',
      'model /ws/j.journey.yaml miss',
      'keep /ws/j.journey.yaml later',
    ]);
    expect(first.getFile('/ws/bad.personas.yaml')!.findings.map((f) => f.ruleId)).toEqual(['file-encoding']);
    // Nothing waits any more: asking for models analyses nothing.
    expect(first.fileNames()).toEqual(files.map(([f]) => f));
    expect(log).toHaveLength(6);
    expect(first.getFile('/ws/checklists/a.md')!.checklist).toBeDefined();
    const findings = first.findings().map((f) => `${f.file} ${f.ruleId}`);
    expect(findings).toEqual(['/ws/bad.personas.yaml file-encoding', '/ws/checklists/a.md checklist-header']);
    // Again: the store holds the run, nothing is analysed.
    log.length = 0;
    const second = await run();
    expect(calls).toHaveLength(2);
    expect(log).toEqual([]);
    expect(second.findings().map((f) => `${f.file} ${f.ruleId}`)).toEqual(findings);
    // One file more: the others come from the store, only the new one is handed over.
    log.length = 0;
    files.push(['/ws/q.personas.yaml', { text: PERSONAS('q') }]);
    const third = await run();
    expect(calls).toEqual([['/ws/p.personas.yaml'], ['/ws/j.journey.yaml'], ['/ws/q.personas.yaml']]);
    expect(log).toEqual([
      'model /ws/p.personas.yaml hit',
      'model /ws/checklists/a.md miss',
      'model /ws/q.personas.yaml miss',
      // A file that could not be decoded has no text to look up: its model is made again, and offered.
      'keep /ws/bad.personas.yaml',
      'keep /ws/q.personas.yaml later',
      'model /ws/j.journey.yaml hit',
    ]);
    expect(third.getFile('/ws/q.personas.yaml')!.withoutPositions).toBe(true);
    // Without waiting files or without a parallel analysis there is nothing to do.
    await third.analyzeWaiting();
    expect(calls).toHaveLength(3);
  });
});

describe('a run that keeps no state', () => {
  it('reads the stages and steps of a journey it cut down again only for a scope a rule asks about', async () => {
    const config = defaultConfig('/ws');
    const files: [string, string][] = [
      ['/ws/p.personas.yaml', PERSONAS('p')],
      ['/ws/a.journey.yaml', JOURNEY('p', 'j1')],
      ['/ws/b.journey.yaml', JOURNEY('p', 'j2')],
      // j1 again, checked after a was cut down: its stage and steps collide with a's.
      ['/ws/c.journey.yaml', JOURNEY('p', 'j1')],
      ['/ws/d.journey.yaml', JOURNEY('p', 'j3')],
    ];
    const reads = new Map<string, number>();
    const counted = (file: string, text: string) => ({
      get text() {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return text;
      },
    });
    const parallel: ParallelAnalysis = {
      batch: 1,
      async analyze(list, c, options) {
        return list.map((f) => analyzeText(f.file, f.text, c, options));
      },
    };
    const ws = new Workspace(config, undefined, { positions: 'later' }, parallel);
    for (const [file, text] of files) ws.addFile(file, counted(file, text));
    await ws.analyzeWaiting();
    const shown = (f: Finding) => `${f.file} ${describeFinding(f)}`;
    const findings = ws.findings().map(shown);
    const whole = new Workspace(config);
    for (const [file, text] of files) whole.setFile(file, { text });
    expect(findings).toEqual(whole.findings().map(shown));
    // The journey's ID, its stage and its two steps, in each of the two files.
    for (const file of ['/ws/a.journey.yaml', '/ws/c.journey.yaml']) expect(findings.filter((f) => f.startsWith(`${file} duplicate-id`))).toHaveLength(4);
    // Read as often as the personas, analysed once: journeys no rule asked about again.
    const once = reads.get('/ws/p.personas.yaml');
    expect(reads.get('/ws/b.journey.yaml')).toBe(once);
    expect(reads.get('/ws/d.journey.yaml')).toBe(once);
    expect(reads.get('/ws/a.journey.yaml')).toBeGreaterThan(once!);
  });
});
