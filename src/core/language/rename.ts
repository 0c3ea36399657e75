import type { TextEdit } from '../finding';
import { isReservedName, isValidId } from '../model/ids';
import type { MessageId } from '../messages/render';
import type { WorkspaceIndex } from '../workspace/index';
import { definitionsOf, identity, referencesOf, type Target } from './targets';
import { yamlScalar } from '../yaml/scalar';

export type RenameResult = { ok: true; edits: TextEdit[] } | { ok: false; messageId: MessageId; args: Record<string, string> };

/**
 * The edits that rename an ID everywhere: its definitions and every reference, across files.
 * Refuses a new ID that breaks the pattern or collides with another of the same kind (and scope).
 */
export function renameEdits(index: WorkspaceIndex, target: Target, newId: string): RenameResult {
  const { kind, id, scope } = identity(target);
  if (isReservedName(newId)) return { ok: false, messageId: 'rename.reserved', args: { id: newId } };
  if (!isValidId(newId)) return { ok: false, messageId: 'rename.invalid', args: { id: newId } };
  if (newId === id) return { ok: true, edits: [] };
  const clash = index.defs.find((d) => d.kind === kind && d.scope === scope && d.id.toLowerCase() === newId.toLowerCase() && d.id !== id);
  if (clash) return { ok: false, messageId: 'rename.collision', args: { kind, id: newId } };
  // "123" or "true" are valid IDs that YAML would read as a number or a boolean unquoted.
  const newText = yamlScalar(newId);
  const edits: TextEdit[] = definitionsOf(index, kind, id, scope).map((d) => ({ file: d.file, range: d.range, newText }));
  if (kind === 'touchpoint' || kind === 'standard' || kind === 'persona') {
    for (const r of referencesOf(index, kind, id)) edits.push({ file: r.file, range: r.range, newText });
  }
  return { ok: true, edits };
}
