import { mkdtempSync, cpSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace, renderMessage, type Host, type MessageId, type ReadResult } from '../../src/core';
import { memoryHost } from '../helpers/memory';
import { zhCn } from '../../src/core/messages/zh-cn';
import { nodeHost } from '../../src/node/nodeHost';
import { groupFindings, readExpectations } from '../helpers/expectations';

const FIXTURES = resolve(__dirname, '../fixtures/bad-input');

describe('hostile and broken files', () => {
  it('each yields exactly its expected findings, and the other files are still checked', async () => {
    const { workspace } = await openWorkspace(nodeHost, FIXTURES);
    const expected = readExpectations(FIXTURES);
    const actual = groupFindings(workspace.findings(), workspace.files.keys());
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('never resolves tags or pollutes prototypes', async () => {
    const { workspace } = await openWorkspace(nodeHost, FIXTURES);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty('polluted')).toBe(false);
    const tagged = workspace.getFile(join(FIXTURES, 'custom-tag.standards.yaml'))!;
    const method = (tagged.value as { standards: { method: unknown }[] }).standards[0]!.method;
    expect(method).toBe('function () { process.exit(1) }');
    const proto = workspace.getFile(join(FIXTURES, 'prototype-keys.personas.yaml'))!.value as object;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toContain('__proto__');
  });

  it('keeps the IDs of a file from a future format version so references to them resolve', async () => {
    const { workspace } = await openWorkspace(nodeHost, FIXTURES);
    const future = workspace.getFile(join(FIXTURES, 'future.journey.yaml'))!;
    expect(future.def?.id).toBe('from-the-future');
    expect(future.findings.map((f) => f.ruleId)).toEqual(['unsupported-version']);
  });
});

describe('what reaches the reader', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes nothing to the console or to stderr while checking the hostile files', async () => {
    const calls: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation((...a) => void calls.push([method, ...a]));
    vi.spyOn(process.stderr, 'write').mockImplementation((...a) => (calls.push(['stderr', ...a]), true));
    vi.spyOn(process, 'emitWarning').mockImplementation((...a) => void calls.push(['emitWarning', ...a]));
    const { workspace } = await openWorkspace(nodeHost, FIXTURES);
    workspace.findings();
    expect(calls).toEqual([]);
  });

  it('shows text starting with "@" as written', async () => {
    const { workspace } = await openWorkspace(nodeHost, FIXTURES);
    const messages = workspace.findingsFor(join(FIXTURES, 'at-sign.journey.yaml')).map((f) => f.message);
    expect(messages.filter((m) => m.startsWith('Unknown'))).toEqual(['Unknown touchpoint "@constructor".', 'Unknown persona "@type.string".']);
    expect(messages.filter((m) => m.includes('cannot be an ID')).map((m) => m.slice(0, 18))).toEqual(['"@constructor" can', '"@type.string" can']);
  });

  it('looks up catalogs by own property only, and renders message arguments only when marked', () => {
    expect(renderMessage('constructor' as MessageId, {})).toBe('constructor');
    expect(renderMessage('reference.unknown', { kind: 'constructor', id: '@constructor' })).toBe('Unknown constructor "@constructor".');
    expect(renderMessage('reference.unknown', { kind: 'touchpoint', id: '@type.string' })).toBe('Unknown touchpoint "@type.string".');
    const zh = zhCn['schema.type'].replace('{expected}', zhCn['type.string']).replace('{actual}', zhCn['type.null']);
    expect(renderMessage('schema.type', { expected: { message: 'type.string' }, actual: { message: 'type.null' } }, 'zh-cn')).toBe(zh);
    expect(renderMessage('schema.type', { expected: { message: 'type.string' }, actual: { message: 'type.null' } })).toBe('Expected text, found nothing.');
    expect(renderMessage('schema.type', { expected: '@type.string', actual: '@constructor' })).toBe('Expected @type.string, found @constructor.');
  });
});

describe('nesting', () => {
  it('refuses a deeply nested peakend.yaml at the place past the limit, and checks the rest with the defaults', async () => {
    const config = `peakend: 1\nkind: config\nrules: ${'{ a: '.repeat(1000)}1${' }'.repeat(1000)}\n`;
    const host = memoryHost({
      '/ws/peakend.yaml': config,
      '/ws/p.personas.yaml': 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, nmae: 业主 }\n',
    });
    const { workspace } = await openWorkspace(host, '/ws');
    const byFile = groupFindings(workspace.findings(), workspace.files.keys());
    // Level 1 is the top mapping, so the 64th "{" is level 65: at column 8 + 63 * 5.
    expect(byFile.get('peakend.yaml')).toEqual([`yaml-too-deep 3:${8 + 63 * 5}-3:${9 + 63 * 5}`]);
    expect(byFile.get('p.personas.yaml')).toEqual(['schema 4:18-4:22', 'schema 4:5-4:28']);
  });

  it('honours limits.maxDepth, also for aliases that would nest deeper than it', async () => {
    const config = 'peakend: 1\nkind: config\nlimits: { maxDepth: 8 }\n';
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const host = memoryHost({
      '/ws/peakend.yaml': config,
      '/ws/a.personas.yaml': `peakend: 1\nkind: personas\npersonas: []\nx: ${nested(7)}\n`,
      '/ws/b.personas.yaml': `peakend: 1\nkind: personas\npersonas: []\nx: ${nested(8)}\n`,
      '/ws/c.personas.yaml': `peakend: 1\nkind: personas\npersonas: []\nx: &a ${nested(4)}\ny: [[[[*a]]]]\n`,
    });
    const { workspace } = await openWorkspace(host, '/ws');
    const byFile = groupFindings(workspace.findings(), workspace.files.keys());
    expect(byFile.get('a.personas.yaml')).toEqual(['schema 3:11-3:13', 'schema 4:1-4:2']);
    expect(byFile.get('b.personas.yaml')).toEqual(['yaml-too-deep 4:11-4:12']);
    expect(byFile.get('c.personas.yaml')).toEqual(['schema 3:11-3:13', 'schema 4:1-4:2', 'schema 5:1-5:2', 'yaml-too-deep 5:8-5:10']);
  });
});

describe('size limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a 50 MB file without reading it, and checks the rest', async () => {
    cpSync(join(FIXTURES, 'people.personas.yaml'), join(dir, 'people.personas.yaml'));
    writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\n');
    const big = join(dir, 'huge.journey.yaml');
    const fd = openSync(big, 'w');
    const chunk = Buffer.alloc(1024 * 1024, '# padding line of a very large file\n');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
    writeFileSync(join(dir, 'small.journey.yaml'), 'peakend: 1\nkind: journey\nid: j\ntitle: t\npersonas: [nobody]\nstages:\n  - id: s\n    title: s\n    steps:\n      - { id: a, title: a, emotions: { nobody: 1 } }\n');

    const reads = new Map<string, ReadResult>();
    const host: Host = { ...nodeHost, readFile: async (p, max) => (reads.set(p, await nodeHost.readFile(p, max)), reads.get(p)!) };
    const { workspace } = await openWorkspace(host, dir);
    expect(reads.get(big)).toEqual({ tooLarge: 52428800 });
    const byFile = groupFindings(workspace.findings(), workspace.files.keys());
    expect(byFile.get('huge.journey.yaml')).toEqual(['file-too-large 1:1-1:1']);
    expect(workspace.findingsFor(big)[0]!.message).toBe(
      'The file is 52428800 bytes; files over 5242880 bytes are not read (limits.maxFileBytes in peakend.yaml).',
    );
    expect(byFile.get('small.journey.yaml')).toEqual(['unknown-persona 5:12-5:18']);
  });

  it('honours limits.maxFileBytes from peakend.yaml', async () => {
    writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\nlimits: { maxFileBytes: 1024 }\n');
    writeFileSync(join(dir, 'huge.journey.yaml'), 'x'.repeat(2048));
    const { workspace } = await openWorkspace(nodeHost, dir);
    expect(workspace.findingsFor(join(dir, 'huge.journey.yaml')).map((f) => f.ruleId)).toEqual(['file-too-large']);
  });
});

describe('paths', () => {
  it('treats "./a/../b" and "b" as one file', async () => {
    const { checkPaths } = await import('../../src/core');
    const file = join(FIXTURES, 'still-checked.journey.yaml');
    const odd = join(FIXTURES, '.', 'x', '..', 'still-checked.journey.yaml').replace('/x/..', '/./x/..');
    const { findings } = await checkPaths(nodeHost, [odd]);
    expect(findings.map((f) => [f.file, f.ruleId])).toEqual([[file, 'unknown-touchpoint']]);
  });
});
