import * as vscode from 'vscode';
import { referenceSlot, type WorkspaceIndex } from '../../core';
import { toPosition, toRange } from '../convert';
import type { Sessions } from '../sessions';
import { documentContext } from './context';

/** Completes touchpoint, standard and persona IDs where the format refers to them, with names and phases. */
export function completionProvider(sessions: Sessions): vscode.CompletionItemProvider {
  return {
    provideCompletionItems(doc, position) {
      const ctx = documentContext(sessions, doc);
      const kind = ctx?.ws.getFile(ctx.path)?.kind;
      if (!ctx || !kind) return undefined;
      const slot = referenceSlot(doc.getText(), kind, toPosition(position));
      if (!slot) return undefined;
      const range = toRange(slot.range);
      const taken = new Set(slot.siblings);
      return candidates(ctx.ws.getIndex(), slot.kind)
        .filter((c) => !taken.has(c.id))
        .map((c) => {
          const item = new vscode.CompletionItem({ label: c.id, detail: c.name ? `  ${c.name}` : undefined, description: c.description }, c.icon);
          item.range = range;
          item.filterText = `${c.id} ${c.name ?? ''}`;
          item.sortText = c.id;
          return item;
        });
    },
  };
}

function candidates(index: WorkspaceIndex, kind: 'touchpoint' | 'standard' | 'persona') {
  if (kind === 'touchpoint') {
    return index.allTouchpoints().map((t) => ({
      id: t.def.id,
      name: t.name,
      description: [t.phase, t.channel].filter(Boolean).join(' · '),
      icon: vscode.CompletionItemKind.Reference,
    }));
  }
  if (kind === 'standard') {
    return index.allStandards().map((s) => ({
      id: s.def.id,
      name: s.title,
      description: [s.dimension?.value, s.critical ? '★' : ''].filter(Boolean).join(' '),
      icon: vscode.CompletionItemKind.Constant,
    }));
  }
  return [...index.personas.values()].flat().map((p) => ({ id: p.def.id, name: p.name, description: '', icon: vscode.CompletionItemKind.User }));
}
