import * as vscode from 'vscode';
import { definitionsIn, definitionsOf, identity, referencesOf, renameEdits, renderMessage, toLanguage, type Def } from '../../core';
import { toRange, toUri, toWorkspaceEdit } from '../convert';
import type { Sessions } from '../sessions';
import { documentContext, targetUnder } from './context';

const location = (file: string, range: import('../../core').Range) => new vscode.Location(toUri(file), toRange(range));

export function definitionProvider(sessions: Sessions): vscode.DefinitionProvider {
  return {
    provideDefinition(doc, position) {
      const under = targetUnder(sessions, doc, position);
      if (!under) return undefined;
      const { index, target } = under;
      const { kind, id, scope } = identity(target);
      return definitionsOf(index, kind, id, scope).map((d) => location(d.file, d.range));
    },
  };
}

export function referenceProvider(sessions: Sessions): vscode.ReferenceProvider {
  return {
    provideReferences(doc, position, context) {
      const under = targetUnder(sessions, doc, position);
      if (!under) return undefined;
      const { index, target } = under;
      const { kind, id, scope } = identity(target);
      const refs = kind === 'touchpoint' || kind === 'standard' || kind === 'persona' ? referencesOf(index, kind, id).map((r) => location(r.file, r.range)) : [];
      const defs = context.includeDeclaration ? definitionsOf(index, kind, id, scope).map((d) => location(d.file, d.range)) : [];
      return [...defs, ...refs];
    },
  };
}

/** Renames an ID in every file; refuses IDs that collide or break the pattern. Writes nothing in Restricted Mode. */
export function renameProvider(sessions: Sessions): vscode.RenameProvider {
  return {
    prepareRename(doc, position) {
      const target = targetUnder(sessions, doc, position)?.target;
      if (!target) throw new Error(vscode.l10n.t('Only IDs of journeys, stages, steps, touchpoints, standards and personas can be renamed.'));
      if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('Renaming writes files, which Restricted Mode does not allow.'));
      const r = target.type === 'ref' ? target.ref.range : target.def.range;
      return { range: toRange(r), placeholder: identity(target).id };
    },
    provideRenameEdits(doc, position, newName) {
      const under = targetUnder(sessions, doc, position);
      if (!under || !vscode.workspace.isTrusted) return undefined;
      const result = renameEdits(under.index, under.target, newName.trim());
      if (!result.ok) throw new Error(renderMessage(result.messageId, result.args, toLanguage(vscode.env.language)));
      return toWorkspaceEdit(result.edits);
    },
  };
}

const SYMBOL_KIND: Record<Def['kind'], vscode.SymbolKind> = {
  journey: vscode.SymbolKind.Module,
  stage: vscode.SymbolKind.Namespace,
  step: vscode.SymbolKind.Event,
  touchpoint: vscode.SymbolKind.Interface,
  standard: vscode.SymbolKind.Constant,
  persona: vscode.SymbolKind.Class,
  inventory: vscode.SymbolKind.Module,
  'standards-set': vscode.SymbolKind.Module,
};

function symbolOf(d: Def): vscode.DocumentSymbol {
  const full = toRange(d.fullRange);
  const sel = toRange(d.range);
  return new vscode.DocumentSymbol(d.name ? `${d.id} — ${d.name}` : d.id, d.kind, SYMBOL_KIND[d.kind], full.contains(sel) ? full : sel, sel);
}

/** The outline: a journey's stages with their steps; an inventory's touchpoints; standards; personas. */
export function documentSymbolProvider(sessions: Sessions): vscode.DocumentSymbolProvider {
  return {
    provideDocumentSymbols(doc) {
      const ctx = documentContext(sessions, doc);
      const model = ctx?.ws.getFile(ctx.path);
      if (!model) return undefined;
      const stages = (model.journey?.stages ?? []).map((stage) => {
        const s = symbolOf(stage.def);
        s.children = stage.steps.map((step) => symbolOf(step.def));
        return s;
      });
      const flat = [...model.touchpoints, ...model.standards, ...model.personas].map((e) => symbolOf(e.def));
      const children = [...stages, ...flat];
      if (!model.def) return children;
      const root = symbolOf(model.def);
      root.range = new vscode.Range(0, 0, doc.lineCount, 0);
      root.children = children;
      return [root];
    },
  };
}

export function workspaceSymbolProvider(sessions: Sessions): vscode.WorkspaceSymbolProvider {
  return {
    provideWorkspaceSymbols(query) {
      const q = query.toLowerCase();
      const out: vscode.SymbolInformation[] = [];
      for (const ws of sessions.workspaces()) {
        for (const model of ws.files.values()) {
          for (const d of definitionsIn(model)) {
            if (q && !d.id.toLowerCase().includes(q) && !(d.name ?? '').toLowerCase().includes(q)) continue;
            out.push(new vscode.SymbolInformation(d.name ? `${d.id} — ${d.name}` : d.id, SYMBOL_KIND[d.kind], d.scope ?? d.kind, location(d.file, d.range)));
          }
        }
      }
      return out;
    },
  };
}
