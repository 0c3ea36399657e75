/**
 * All the engine needs from the outside world. The CLI backs it with the file system; the extension
 * with VS Code's workspace file system and its open editor buffers. Paths are absolute, POSIX style.
 */
export interface Host {
  /**
   * Reads a regular file whole, or says why not without reading it: it is larger than `maxBytes`,
   * or it is not a regular file (a folder, a FIFO, a device), which could block or never end.
   * Never reads more than `maxBytes` + 1 bytes. Throws when the file cannot be opened.
   */
  readFile(path: string, maxBytes: number): Promise<ReadResult>;
  /** Undefined when nothing is there. */
  stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number } | undefined>;
  readDirectory(path: string): Promise<{ name: string; type: 'file' | 'directory' | 'other' }[]>;
}

export type ReadResult = { bytes: Uint8Array } | { tooLarge: number } | { notFile: 'directory' | 'other' };
