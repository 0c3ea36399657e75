import type { MessageRef } from '../finding';

/** The common file-system errors, by Node's error code, as catalog messages. */
const BY_CODE: Record<string, string> = {
  EACCES: 'io.permissionDenied',
  EPERM: 'io.permissionDenied',
  ENOENT: 'io.notFound',
  ENOTDIR: 'io.notFound',
  ENAMETOOLONG: 'io.nameTooLong',
  ELOOP: 'io.linkLoop',
  EMFILE: 'io.tooManyOpen',
  ENFILE: 'io.tooManyOpen',
  EIO: 'io.deviceError',
};

/**
 * Why a read failed, for a finding's message. A known error code becomes a localised phrase; the
 * system's own text ("EACCES: permission denied, open '/abs/path'") would repeat the path the
 * finding already names, in the machine's absolute form.
 */
export function ioErrorDetail(e: unknown): string | MessageRef {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const message = typeof code === 'string' && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
  if (message) return { message };
  return e instanceof Error ? e.message : String(e);
}
