import * as vscode from 'vscode';
import { disableLineFix, localizeFinding, toLanguage, type Finding, type Fix } from '../../core';
import { toPath, toRange, toWorkspaceEdit } from '../convert';
import type { DiagnosticsPublisher } from '../diagnostics';
import type { Sessions } from '../sessions';

/**
 * Quick fixes come from the rules' own fix information (replace an unknown ID, create a missing
 * touchpoint or persona, add a missing score, clamp a score), plus "disable for this line".
 * Nothing is offered in Restricted Mode, which writes no file.
 */
export function codeActionProvider(sessions: Sessions, diagnostics: DiagnosticsPublisher): vscode.CodeActionProvider {
  return {
    provideCodeActions(doc, _range, context) {
      if (!vscode.workspace.isTrusted) return [];
      const path = toPath(doc.uri);
      const model = sessions.workspaceFor(path)?.getFile(path);
      if (!model) return [];
      const lang = toLanguage(vscode.env.language);
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== 'peakend') continue;
        const finding = findingOf(diagnostics.findingsFor(path), diagnostic);
        if (!finding) continue;
        for (const fix of finding.fixes ?? []) actions.push(action(fix, diagnostic));
        const disable = localizeFinding({ ...finding, fixes: [disableLineFix(model.lines, finding)] }, lang).fixes![0]!;
        const a = action(disable, diagnostic);
        a.isPreferred = false;
        actions.push(a);
      }
      return actions;
    },
  };
}

function action(fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  a.edit = toWorkspaceEdit(fix.edits);
  a.diagnostics = [diagnostic];
  if (fix.preferred) a.isPreferred = true;
  return a;
}

function findingOf(findings: readonly Finding[], d: vscode.Diagnostic): Finding | undefined {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  return findings.find((f) => f.ruleId === code && toRange(f.range).isEqual(d.range) && f.message === d.message);
}
