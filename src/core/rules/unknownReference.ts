import { didYouMean } from '../didYouMean';
import type { Finding, Fix } from '../finding';
import type { Def, FileModel, Ref } from '../model/types';
import { fix, makeFinding, related } from '../report';
import { basename } from '../util/paths';
import { SimilarIndex } from '../util/similar';
import { isValidId } from '../model/ids';
import { yamlScalar } from '../yaml/scalar';
import { forEachRefOfKind } from '../workspace/fileEntries';
import type { RuleId } from './meta';
import type { CrossFileContext } from './workspaceRule';

/** The defined IDs of one kind, indexed once per set of definitions for every unknown reference. */
export interface KnownIds {
  byId: ReadonlyMap<string, Def>;
  similar: SimilarIndex;
}

export function knownIds(defs: readonly Def[]): KnownIds {
  const byId = new Map<string, Def>();
  for (const d of defs) if (!byId.has(d.id)) byId.set(d.id, d);
  return { byId, similar: new SimilarIndex(byId.keys()) };
}

/**
 * Reports each reference of one kind in a file whose ID no file defines (a score's persona is the
 * journey's to check: `unknownPersona`).
 */
export function unknownReferences(ruleId: RuleId, file: FileModel, ctx: CrossFileContext, kind: Ref['kind'], emit: (f: Finding) => void): void {
  const lookUp = kind === 'touchpoint' ? (id: string) => ctx.touchpoints(id) : kind === 'standard' ? (id: string) => ctx.standards(id) : (id: string) => ctx.personas(id);
  forEachRefOfKind(file, kind, (ref) => {
    if (!lookUp(ref.id)) emit(unknownReference(ruleId, ref, ctx));
  });
}

/**
 * The finding for a reference to an ID that no file defines: on the referencing node, with the
 * closest IDs as related locations, a "did you mean" fix for each, and a fix that creates the
 * missing touchpoint or persona as a stub in the file where it belongs.
 */
export function unknownReference(ruleId: RuleId, ref: Ref, ctx: CrossFileContext): Finding {
  const known = ctx.known(ref.kind);
  const locate = (c: string) => {
    const d = known.byId.get(c)!;
    return related(d.file, d.range, 'reference.similar', { kind: ref.kind, id: c });
  };
  // Fixes write only IDs of the valid form, quoted where YAML would read them as something else ("123").
  const { suggestions, fixes, related: similarDefs } = didYouMean(ref.id, known.similar, ref.file, ref.range, { limit: 3, locate, writable: isValidId });
  const [best] = suggestions;
  const args: Record<string, string> = best ? { kind: ref.kind, id: ref.id, suggestion: best } : { kind: ref.kind, id: ref.id };
  const create = createStub(ref, best, ctx);
  if (create) fixes.push(create);
  return makeFinding(ruleId, ref.file, ref.range, best ? 'reference.unknownSuggest' : 'reference.unknown', args, { related: similarDefs, fixes });
}

function createStub(ref: Ref, near: string | undefined, ctx: CrossFileContext): Fix | undefined {
  // An ID that breaks the pattern (a line break, a path) is never written into another file.
  if (ref.kind === 'standard' || !isValidId(ref.id)) return undefined;
  const target = ctx.fileFor(ref.kind === 'touchpoint' ? 'touchpoints' : 'personas', near);
  const end = target?.listEnd;
  if (!target || !end) return undefined;
  const i = end.indent;
  let entry: string;
  if (ref.kind === 'touchpoint') {
    // A stub that validates: the fields it must have, copied from the closest touchpoint when there is one.
    const model = near ? ctx.touchpoints(near)?.[0] : undefined;
    entry = [
      `${i}- id: ${yamlScalar(ref.id)}`,
      `${i}  name: ${yamlScalar(ref.id)}`,
      `${i}  phase: ${yamlScalar(model?.phase ?? 'service')}`,
      `${i}  channel: ${yamlScalar(model?.channel ?? 'on-site')}`,
      `${i}  type: ${yamlScalar(model?.type ?? 'human')}`,
    ].join('\n');
  } else {
    entry = `${i}- id: ${yamlScalar(ref.id)}\n${i}  name: ${yamlScalar(ref.id)}`;
  }
  const at = { start: end.position, end: end.position };
  return fix(ref.kind === 'touchpoint' ? 'fix.createTouchpoint' : 'fix.createPersona', { id: ref.id, file: basename(target.file) }, [
    { file: target.file, range: at, newText: `\n${entry}` },
  ]);
}
