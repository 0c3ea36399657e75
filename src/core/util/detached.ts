/**
 * A copy of a string that does not point into the string it was cut from. V8 shares the text of a
 * slice of 13 characters or more (and a concatenation points at its parts), so that one ID kept
 * for the whole run would keep its whole file's text alive; slicing a concatenation copies it first.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
