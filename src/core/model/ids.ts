/**
 * The ID pattern of every entity (also in each schema's `definitions.id`). IDs become file names
 * (checklists, previews), so they can never hold a path separator, a dot or a space.
 */
export const ID_PATTERN = '^[A-Za-z0-9\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff-]{0,63}$';

/** Dates in evidence and metrics: a day or a month. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}(-\\d{2})?$';

const ID_RE = new RegExp(ID_PATTERN, 'u');

export function isValidId(id: string): boolean {
  return ID_RE.test(id);
}
