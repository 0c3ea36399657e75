/**
 * All the engine needs from the outside world. The CLI backs it with the file system; the extension
 * with VS Code's workspace file system and its open editor buffers. Paths are absolute, POSIX style.
 */
export interface Host {
  readFile(path: string): Promise<Uint8Array>;
  /** Undefined when nothing is there. */
  stat(path: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number } | undefined>;
  readDirectory(path: string): Promise<{ name: string; type: 'file' | 'directory' | 'other' }[]>;
}
