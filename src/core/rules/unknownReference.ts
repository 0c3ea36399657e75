import { didYouMean } from '../didYouMean';
import type { Finding, Fix } from '../finding';
import type { Def, Ref } from '../model/types';
import { fix, makeFinding, related } from '../report';
import { basename } from '../util/paths';
import type { WorkspaceIndex } from '../workspace/index';
import type { RuleId } from './meta';

/**
 * The finding for a reference to an ID that no file defines: on the referencing node, with the
 * closest IDs as related locations, a "did you mean" fix for each, and a fix that creates the
 * missing touchpoint or persona as a stub in the file where it belongs.
 */
export function unknownReference(ruleId: RuleId, ref: Ref, defs: readonly Def[], index: WorkspaceIndex): Finding {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const locate = (c: string) => {
    const d = byId.get(c)!;
    return related(d.file, d.range, 'reference.similar', { kind: ref.kind, id: c });
  };
  const { suggestions, fixes, related: similarDefs } = didYouMean(ref.id, byId.keys(), ref.file, ref.range, { limit: 3, locate });
  const [best] = suggestions;
  const args: Record<string, string> = best ? { kind: ref.kind, id: ref.id, suggestion: best } : { kind: ref.kind, id: ref.id };
  const create = createStub(ref, best, index);
  if (create) fixes.push(create);
  return makeFinding(ruleId, ref.file, ref.range, best ? 'reference.unknownSuggest' : 'reference.unknown', args, { related: similarDefs, fixes });
}

function createStub(ref: Ref, near: string | undefined, index: WorkspaceIndex): Fix | undefined {
  if (ref.kind === 'standard') return undefined;
  const target = index.fileFor(ref.kind === 'touchpoint' ? 'touchpoints' : 'personas', near);
  const end = target?.listEnd;
  if (!target || !end) return undefined;
  const i = end.indent;
  let entry: string;
  if (ref.kind === 'touchpoint') {
    // A stub that validates: the fields it must have, copied from the closest touchpoint when there is one.
    const model = near ? index.touchpoints.get(near)?.[0] : undefined;
    entry = [
      `${i}- id: ${ref.id}`,
      `${i}  name: ${ref.id}`,
      `${i}  phase: ${model?.phase ?? 'service'}`,
      `${i}  channel: ${model?.channel ?? 'on-site'}`,
      `${i}  type: ${model?.type ?? 'human'}`,
    ].join('\n');
  } else {
    entry = `${i}- id: ${ref.id}\n${i}  name: ${ref.id}`;
  }
  const at = { start: end.position, end: end.position };
  return fix(ref.kind === 'touchpoint' ? 'fix.createTouchpoint' : 'fix.createPersona', { id: ref.id, file: basename(target.file) }, [
    { file: target.file, range: at, newText: `\n${entry}` },
  ]);
}
