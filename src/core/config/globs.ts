import type { MessageArgs } from '../finding';
import type { MessageId } from '../messages/render';

/**
 * Bounds on the `include` and `exclude` globs of peakend.yaml. picomatch turns a glob into a
 * regular expression that backtracks: each `*` in one path segment multiplies the work by the
 * length of the name, each `**` by the depth of the path, and extended globs such as `*(a|aa)`
 * repeat alternatives, which is exponential. Measured with picomatch 4.0.3 on Node 20, one match:
 *
 *   `*(a|aa)b`               against 40 × "a"                  > 15 s (not finished)
 *   `*a*a*a*a*a*a*a*a*a*a*a*a*b` (13 `*`), 40 × "a"            > 5 min (not finished)
 *   `*a*a*a*b` (4 `*`)       against 250 × "a"                 2.8 s;  3 `*`: 0.1 s;  2 `*`: < 1 ms
 *   `**\/x/**\/x/**\/x/**\/b` (4 `**`), a path 100 folders deep  0.7 s;  3 `**`: 40 ms
 *   `{a,aa}` 30 times, then `b`, against 250 × "a"              > 15 s (not finished)
 *
 * Within the bounds below the worst found was three `**` against a path 100 folders deep: 40 ms
 * (`**\/a/**\/*b` against such a path ending in 250 × "a": 12 ms; ordinary paths: microseconds).
 * A file name is at most 255 bytes, which bounds the work per `*`. A glob past the bounds is
 * refused with a finding and ignored.
 */
export const GLOB_LIMITS = {
  length: 256,
  /** `*` wildcards (a run of stars counts once) in one path segment. */
  starsPerSegment: 2,
  /** Wildcards in the whole glob, `**` included. */
  wildcards: 3,
  braces: 8,
} as const;

/** Why a glob is refused, as the message that says so; undefined for a glob within the bounds. */
export function globProblem(glob: string): { messageId: MessageId; args: MessageArgs } | undefined {
  if (glob.length > GLOB_LIMITS.length) return { messageId: 'config.globTooLong', args: { length: glob.length, limit: GLOB_LIMITS.length } };
  const ext = /[*+?@!]\(/.exec(glob);
  if (ext) return { messageId: 'config.globExtended', args: { pattern: ext[0] } };
  const segments = glob.split('/').map((s) => (s.match(/\*+/g) ?? []).length);
  const perSegment = Math.max(0, ...segments);
  if (perSegment > GLOB_LIMITS.starsPerSegment) return { messageId: 'config.globStars', args: { count: perSegment, limit: GLOB_LIMITS.starsPerSegment } };
  const wildcards = segments.reduce((a, b) => a + b, 0);
  if (wildcards > GLOB_LIMITS.wildcards) return { messageId: 'config.globWildcards', args: { count: wildcards, limit: GLOB_LIMITS.wildcards } };
  const braces = (glob.match(/\{/g) ?? []).length;
  if (braces > GLOB_LIMITS.braces) return { messageId: 'config.globBraces', args: { count: braces, limit: GLOB_LIMITS.braces } };
  return undefined;
}
