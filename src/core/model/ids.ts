/**
 * The ID pattern of every entity (also in each schema's `definitions.id`). IDs become file names
 * (checklists, previews), so they can never hold a path separator, a dot or a space, and are never
 * one of the names Windows reserves for devices (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in any
 * letter case). Windows also takes such a name followed by an extension ("con.md") as the device:
 * an ID has no dot, so refusing the bare names covers every file name made from an ID. JSON Schema
 * patterns have no flags, hence the spelled-out letter cases.
 */
export const ID_PATTERN =
  '^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9]|[Ll][Pp][Tt][0-9])$)[A-Za-z0-9\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff-]{0,63}$';

const RESERVED_RE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Whether an ID is a Windows device name (valid in form, refused as a file name). */
export function isReservedName(id: string): boolean {
  return RESERVED_RE.test(id);
}

/** Dates in evidence and metrics: a day or a month. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}(-\\d{2})?$';

const ID_RE = new RegExp(ID_PATTERN, 'u');

export function isValidId(id: string): boolean {
  return ID_RE.test(id);
}
