import { isValidId } from '../model/ids';
import { isInside, join } from '../util/paths';
import { isDate } from './parse';

/** Names Windows reserves for devices, in any case and with any extension. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_SITE = 48;

/**
 * A site name as a file-name part: letters (any script), digits, "-" and "_"; everything else
 * (separators, dots, spaces, control characters) becomes "-". At most 48 characters; empty when
 * nothing is left.
 */
export function sanitizeSegment(s: string): string {
  let out = s
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  out = [...out].slice(0, MAX_SITE).join('').replace(/[-_]+$/, '');
  if (DEVICE.test(out)) out = `_${out}`;
  return out;
}

/**
 * Where the checklist of one audit goes: `<dir>/<touchpoint-id>/<date>[-<site>].md`. One folder per
 * touchpoint keeps its audits together and in date order; the site tells apart audits of one day.
 * Undefined when the touchpoint ID or date cannot be part of a file name (the caller reports it).
 */
export function checklistPath(dir: string, touchpoint: string, date: string, site?: string): string | undefined {
  if (!isValidId(touchpoint) || !isDate(date)) return undefined;
  const folder = DEVICE.test(touchpoint) ? `_${touchpoint}` : touchpoint;
  const s = site ? sanitizeSegment(site) : '';
  const path = join(dir, folder, `${date}${s ? `-${s}` : ''}.md`);
  return isInside(dir, path) && path !== dir ? path : undefined;
}
