import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a regular file via a temporary file and a rename, so a reader never sees half a report.
 * Anything that is not a regular file (/dev/null, /dev/stdout, a FIFO) is written in place:
 * renaming over it would replace the device or pipe with a file.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const existing = await fs.stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await fs.writeFile(path, text, 'utf8');
    return;
  }
  await fs.mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
