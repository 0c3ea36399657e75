import * as vscode from 'vscode';
import type { Finding, Range, Severity, TextEdit } from '../core';

/** Conversions between the engine's plain shapes and VS Code's classes. Paths are POSIX fs paths. */

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toPosition(p: vscode.Position): { line: number; character: number } {
  return { line: p.line, character: p.character };
}

export function toUri(file: string): vscode.Uri {
  return vscode.Uri.file(file);
}

/** The engine's path for a document: its fs path with forward slashes. */
export function toPath(uri: vscode.Uri): string {
  return uri.fsPath.replace(/\\/g, '/');
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding, docs: (ruleId: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = 'peakend';
  d.code = { value: f.ruleId, target: docs(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(toUri(r.file), toRange(r.range)), r.message));
  }
  return d;
}

export function toWorkspaceEdit(edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(toUri(e.file), toRange(e.range), e.newText);
  return we;
}
