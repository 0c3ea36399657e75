import type { Fix, Range, RelatedLocation } from './finding';
import { fix } from './report';
import { SimilarIndex, similar } from './util/similar';
import { yamlScalar } from './yaml/scalar';

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
  /** Only suggestions that pass get a fix (IDs: the ID pattern), so nothing malformed is ever written. */
  writable?: (suggestion: string) => boolean;
}

/**
 * The one "did you mean": the candidates close to `word`, a fix for each that writes it over `range`
 * in `file` (quoted when YAML needs it), and their definitions as related locations.
 */
export function didYouMean(word: string, candidates: Iterable<string> | SimilarIndex, file: string, range: Range, options: DidYouMeanOptions = {}): DidYouMean {
  const limit = options.limit ?? 1;
  // A SimilarIndex, built once per run, bounds the work when many words meet many candidates.
  const suggestions = candidates instanceof SimilarIndex ? candidates.similar(word, limit) : options.all ? [...candidates] : similar(word, candidates, limit);
  const writable = options.writable ? suggestions.filter(options.writable) : suggestions;
  const fixes = writable.map((s) => fix('fix.replace', { id: s }, [{ file, range, newText: yamlScalar(s) }], suggestions.length === 1));
  const related: RelatedLocation[] = [];
  for (const s of suggestions) {
    const r = options.locate?.(s);
    if (r) related.push(r);
  }
  return { suggestions, fixes, related };
}

