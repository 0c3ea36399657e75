import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** Links followed before giving up (Linux's own limit for a path). */
const MAX_LINKS = 40;

/**
 * Writes a file so that a reader never sees half a report: a temporary file beside it, then a
 * rename. A symbolic link is written through (its target is replaced, the link stays). Anything
 * that is not a regular file is written in place, never replaced: a device (/dev/null), a FIFO,
 * or /dev/stdout, which names whatever standard output is (renaming over it would replace a
 * system file, or a file a shell opened, with a new one).
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const { target, special } = await writeTarget(path);
  const existing = await fs.stat(target).catch(() => undefined);
  if (special || (existing && !existing.isFile())) {
    // Appending: a file behind /dev/stdout keeps what the shell and this run already wrote to it.
    await fs.writeFile(path, text, { encoding: 'utf8', flag: 'a' });
    return;
  }
  const folder = dirname(target);
  await fs.mkdir(folder, { recursive: true });
  // Exclusive (fails on anything already there, a planted link included) and unguessable.
  const tmp = join(folder, `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      // The report keeps the permissions of the file it replaces; a new one gets the usual 0666 less the umask.
      await handle.chmod(existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Where a write to `path` lands: the end of its chain of symbolic links (which may not exist yet),
 * and whether the chain passes through /dev or /proc (/dev/stdout → /proc/self/fd/1 → …), whose
 * entries are never replaced.
 */
export async function writeTarget(path: string): Promise<{ target: string; special: boolean }> {
  let p = resolve(path);
  let special = false;
  for (let i = 0; ; i++) {
    special ||= /^\/(dev|proc)\//.test(p);
    const st = await fs.lstat(p).catch(() => undefined);
    if (!st?.isSymbolicLink()) break;
    if (i === MAX_LINKS) throw Object.assign(new Error(`ELOOP: too many symbolic links, open '${path}'`), { code: 'ELOOP' });
    const link = await fs.readlink(p);
    p = isAbsolute(link) ? resolve(link) : resolve(dirname(p), link);
  }
  // The folder's real path: two spellings of one folder name one target.
  const folder = await fs.realpath(dirname(p)).catch(() => dirname(p));
  return { target: join(folder, basename(p)), special };
}
