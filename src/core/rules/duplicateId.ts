import type { Def } from '../model/types';
import { makeFinding, related } from '../report';
import type { WorkspaceRule } from './workspaceRule';

/**
 * IDs are unique per kind across the workspace (stages and steps within their journey). IDs that
 * differ only in letter case are reported too: they collide when used as file names on macOS and Windows.
 */
export const duplicateId: WorkspaceRule<'duplicate-id'> = {
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Two entities of the same kind share an ID (or IDs that differ only in case).',
  check(index, emit) {
    const groups = new Map<string, Def[]>();
    for (const d of index.defs) {
      const key = `${d.kind}\u0000${d.scope ?? ''}\u0000${d.id.toLowerCase()}`;
      const g = groups.get(key);
      if (g) g.push(d);
      else groups.set(key, [d]);
    }
    for (const defs of groups.values()) {
      if (defs.length < 2) continue;
      for (const d of defs) {
        const others = defs.filter((o) => o !== d);
        const first = others[0]!;
        const where = `${first.file.slice(first.file.lastIndexOf('/') + 1)}:${first.range.start.line + 1}`;
        const sameCase = others.find((o) => o.id === d.id);
        emit(
          makeFinding(
            this.id,
            d.file,
            d.range,
            sameCase ? 'duplicate.id' : 'duplicate.idCase',
            sameCase ? { kind: d.kind, id: d.id, other: where } : { kind: d.kind, id: d.id, other: first.id },
            { related: others.map((o) => related(o.file, o.range, 'duplicate.related', { id: o.id })) },
          ),
        );
      }
    }
  },
};
