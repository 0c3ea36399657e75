import * as fs from 'node:fs';
import type { Host } from '../core';
import { ReadSlab, readRegularFile } from './readRegularFile';

/**
 * The engine's host backed by the local file system. Reads are synchronous inside the async
 * interface: the CLI does nothing else meanwhile, and a thread-pool round trip per small file
 * costs more than the read.
 */
export const nodeHost: Host = {
  async readFile(path, maxBytes) {
    return readRegularFile(path, maxBytes);
  },
  async stat(path) {
    try {
      // A missing file is the common answer (a config looked for in every folder up): no exception for it.
      const s = fs.statSync(path, { throwIfNoEntry: false });
      if (!s) return undefined;
      return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
    } catch {
      return undefined;
    }
  },
  async readDirectory(path) {
    const entries = fs.readdirSync(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }));
  },
};

/**
 * `nodeHost` for a run that keeps every file it reads (`peakend check`): small files are read into
 * shared buffers, one allocation for many files.
 */
export function keepingHost(): Host {
  const slab = new ReadSlab();
  return { ...nodeHost, readFile: async (path, maxBytes) => readRegularFile(path, maxBytes, slab) };
}

/** An absolute POSIX path for a path given on the command line. */
export function toEnginePath(p: string, cwd: string): string {
  const abs = p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`;
  return abs.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
}
