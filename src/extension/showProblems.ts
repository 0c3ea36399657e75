import * as vscode from 'vscode';
import { relativePath } from '../core';
import { toUri } from './convert';
import type { DiagnosticsPublisher } from './diagnostics';

/**
 * Opens the Problems panel; when some files with problems are not shown there (closed files in the
 * "open files" scope), offers them in a list, so that the status bar's count always leads somewhere.
 */
export async function showProblems(diagnostics: DiagnosticsPublisher): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const hidden = diagnostics.hiddenFiles();
  if (hidden.length === 0) return;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath.replace(/\\/g, '/');
  const items = hidden.map(({ file, findings }) => {
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    return {
      label: root ? relativePath(root, file) : file,
      description: `$(error) ${errors} $(warning) ${warnings}`,
      detail: findings[0]!.message,
      file,
    };
  });
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Files with problems that are not open'),
    placeHolder: vscode.l10n.t('Open a file to see its problems'),
    matchOnDescription: true,
  });
  if (pick) await vscode.window.showTextDocument(toUri(pick.file), { preview: false });
}
