/**
 * Files that are not regular files: a FIFO would block the read until a writer comes, a device
 * such as /dev/zero never ends, and /proc files report size 0. Each must be refused or cut off
 * with a finding, never read without end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Host } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { ReadSlab, readRegularFile } from '../../src/node/readRegularFile';

const dir = mkdtempSync(join(tmpdir(), 'peakend-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';

describe('readRegularFile', () => {
  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'pipe.personas.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readRegularFile(fifo, 1024)).toEqual({ notFile: 'other' });
  });

  it('refuses a device that never ends', () => {
    expect(readRegularFile('/dev/zero', 1024)).toEqual({ notFile: 'other' });
  });

  it('refuses a folder', () => {
    expect(readRegularFile(dir, 1024)).toEqual({ notFile: 'directory' });
  });

  it('stops one byte past the limit when the size on record is 0 (/proc)', () => {
    const whole = readFileSync('/proc/self/status');
    expect(whole.length).toBeGreaterThan(100);
    expect(readRegularFile('/proc/self/status', 100)).toEqual({ tooLarge: 101 });
  });

  it('reads a regular file whole, up to and including the limit', () => {
    const file = join(dir, 'exact.personas.yaml');
    writeFileSync(file, PERSONAS);
    const size = Buffer.byteLength(PERSONAS);
    expect(Buffer.from((readRegularFile(file, size) as { bytes: Uint8Array }).bytes).toString('utf8')).toBe(PERSONAS);
    expect(readRegularFile(file, size - 1)).toEqual({ tooLarge: size });
  });

  it('reads files into a shared slab as they are, each apart from the others', () => {
    const slab = new ReadSlab(4096);
    const texts = Array.from({ length: 40 }, (_, i) => `${PERSONAS}# ${'中'.repeat(i * 3)}\n`);
    texts.push('x'.repeat(600), '', 'y'.repeat(5000));
    const files = texts.map((text, i) => {
      const file = join(dir, `slab-${i}.personas.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const read = files.map((file) => (readRegularFile(file, 1 << 20, slab) as { bytes: Buffer }).bytes);
    expect(read.map((b) => b.toString('utf8'))).toEqual(texts);
    // Small files share buffers, each holding exactly its bytes; a file over an eighth of the slab has its own.
    expect(new Set(read.slice(0, 40).map((b) => b.buffer)).size).toBeLessThan(10);
    expect(read.every((b, i) => b.length === Buffer.byteLength(texts[i]!))).toBe(true);
    expect(read.at(-1)!.buffer.byteLength).toBe(5001); // its size, and the byte that shows it did not grow
    // Limits hold as without a slab.
    expect(readRegularFile(files[0]!, 10, slab)).toEqual({ tooLarge: Buffer.byteLength(texts[0]!) });
    expect(readRegularFile('/proc/self/status', 100, slab)).toEqual({ tooLarge: 101 });
  });

  it('reads a file of size 0 on record (/proc) until a read gives nothing, through short reads', () => {
    // smaps comes a few kilobytes per read, hundreds of them in all.
    const smaps = readRegularFile('/proc/self/smaps', 1 << 26, new ReadSlab()) as { bytes: Buffer };
    expect(smaps.bytes.length).toBeGreaterThan(64 * 1024);
    expect(smaps.bytes.toString('utf8')).toMatch(/\nVmFlags:[^\n]*\n$/);
  });
});

describe('a file swapped for a FIFO or a device after it was found', () => {
  it('is reported as not a regular file, and the other files are still checked', async () => {
    const ws = mkdtempSync(join(dir, 'ws-'));
    writeFileSync(join(ws, 'peakend.yaml'), 'peakend: 1\nkind: config\n');
    writeFileSync(join(ws, 'a.personas.yaml'), PERSONAS);
    writeFileSync(join(ws, 'b.personas.yaml'), PERSONAS.replace('owner', 'tenant'));
    // Discovery lists a regular file; by the time it is read, it is a FIFO.
    const host: Host = {
      ...nodeHost,
      async readDirectory(path) {
        const entries = await nodeHost.readDirectory(path);
        if (path === ws) {
          unlinkSync(join(ws, 'a.personas.yaml'));
          execFileSync('mkfifo', [join(ws, 'a.personas.yaml')]);
        }
        return entries;
      },
    };
    const { workspace } = await openWorkspace(host, ws);
    const findings = workspace.findings().map((f) => [f.file.slice(ws.length + 1), f.ruleId, f.message]);
    expect(findings).toEqual([
      ['a.personas.yaml', 'file-unreadable', 'This is not a regular file (a FIFO, a socket or a device) and is not read. Name a file saved on disk.'],
    ]);
    expect(workspace.getFile(join(ws, 'b.personas.yaml'))!.personas.map((p) => p.def.id)).toEqual(['tenant']);
  });
});
