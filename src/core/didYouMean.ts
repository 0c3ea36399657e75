import type { Fix, Range, RelatedLocation } from './finding';
import { fix } from './report';
import { similar } from './util/similar';

export interface DidYouMean {
  /** Best first; empty when no candidate is close enough. */
  suggestions: string[];
  /** One "Change to …" fix per suggestion; the only suggestion, when there is one, is preferred. */
  fixes: Fix[];
  /** Where each suggestion is defined, when the caller can say. */
  related: RelatedLocation[];
}

export interface DidYouMeanOptions {
  /** How many suggestions at most (default 1). */
  limit?: number;
  /** Every candidate is a suggestion, as the caller narrowed them (e.g. the personas a step does not score yet). */
  all?: boolean;
  /** The related location of a suggestion: where it is defined. */
  locate?: (suggestion: string) => RelatedLocation | undefined;
}

/**
 * The one "did you mean": the candidates close to `word`, a fix for each that writes it over `range`
 * in `file` (quoted when YAML needs it), and their definitions as related locations.
 */
export function didYouMean(word: string, candidates: Iterable<string>, file: string, range: Range, options: DidYouMeanOptions = {}): DidYouMean {
  const suggestions = options.all ? [...candidates] : similar(word, candidates, options.limit ?? 1);
  const fixes = suggestions.map((s) => fix('fix.replace', { id: s }, [{ file, range, newText: yamlText(s) }], suggestions.length === 1));
  const related: RelatedLocation[] = [];
  for (const s of suggestions) {
    const r = options.locate?.(s);
    if (r) related.push(r);
  }
  return { suggestions, fixes, related };
}

/** A suggestion as YAML text: IDs, keys and names of letters, digits, '-' and '_' as they are, anything else quoted. */
function yamlText(s: string): string {
  return /^[A-Za-z0-9_\u3400-\u9fff-]+$/.test(s) ? s : JSON.stringify(s);
}
