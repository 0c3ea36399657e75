import type { Def, Ref } from '../model/types';
import { fix, makeFinding, related } from '../report';
import { similar } from '../util/similar';
import type { Finding } from '../finding';

/**
 * The finding for a reference to an ID that no file defines: on the referencing node, with the
 * closest IDs as related locations and a "did you mean" fix for each.
 */
export function unknownReference(ruleId: string, ref: Ref, defs: readonly Def[]): Finding {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const candidates = similar(ref.id, byId.keys(), 3);
  const [best] = candidates;
  const args: Record<string, string> = best ? { kind: ref.kind, id: ref.id, suggestion: best } : { kind: ref.kind, id: ref.id };
  return makeFinding(ruleId, ref.file, ref.range, best ? 'reference.unknownSuggest' : 'reference.unknown', args, {
    related: candidates.map((c) => {
      const d = byId.get(c)!;
      return related(d.file, d.range, 'reference.similar', { kind: ref.kind, id: c });
    }),
    fixes: candidates.map((c, i) => fix('fix.replace', { id: c }, [{ file: ref.file, range: ref.range, newText: c }], i === 0 && candidates.length === 1)),
  });
}
