import type { Def } from '../model/types';
import { forEachFileDef } from '../workspace/fileEntries';
import { makeFinding, related } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/** Each finding lists at most this many of the other definitions; the message gives the full count. */
export const MAX_DUPLICATE_RELATED = 5;

/**
 * IDs are unique per kind across the workspace (stages and steps within their journey). IDs that
 * differ only in letter case are reported too: they collide when used as file names on macOS and Windows.
 * Each definition is reported once; with thousands of copies the work and output stay linear.
 */
export const duplicateId: WorkspaceRule<'duplicate-id'> = {
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Two entities of the same kind share an ID (or IDs that differ only in case).',
  check(file, ctx, emit) {
    const check = (d: Def) => {
      const defs = ctx.duplicatesOf(d);
      if (!defs) return;
      // The first definitions other than this one: never a scan of the whole group per definition.
      const others: Def[] = [];
      // The first two definitions of this exact spelling: the one a definition names as "also defined at".
      const spelled: Def[] = [];
      for (const o of defs) {
        if (o.id === d.id && spelled.length < 2) spelled.push(o);
        if (o !== d && others.length < MAX_DUPLICATE_RELATED) others.push(o);
        if (spelled.length === 2 && others.length === MAX_DUPLICATE_RELATED) break;
      }
      const first = others[0]!;
      const more = defs.length - 2;
      let messageId: 'duplicate.id' | 'duplicate.idMore' | 'duplicate.idCase';
      let args: Record<string, string | number>;
      if (spelled.length > 1) {
        const same = spelled[0] === d ? spelled[1]! : spelled[0]!;
        const where = `${same.file.slice(same.file.lastIndexOf('/') + 1)}:${same.range.start.line + 1}`;
        messageId = more > 0 ? 'duplicate.idMore' : 'duplicate.id';
        args = more > 0 ? { kind: d.kind, id: d.id, other: where, more } : { kind: d.kind, id: d.id, other: where };
      } else {
        messageId = 'duplicate.idCase';
        args = { kind: d.kind, id: d.id, other: first.id };
      }
      emit(makeFinding(this.id, d.file, d.range, messageId, args, { related: others.map((o) => related(o.file, o.range, 'duplicate.related', { id: o.id })) }));
    };
    forEachFileDef(file, check);
    for (const d of file.journey?.repeated ?? []) check(d);
  },
};
