import { mkdtempSync, cpSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Host, type ReadResult } from '../../src/core';
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
