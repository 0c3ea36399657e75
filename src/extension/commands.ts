import * as vscode from 'vscode';
import { fillTemplate, isReservedName, isValidId, templateFileName, type TemplateKind } from '../core';
import { toPath } from './convert';
import { log } from './log';
import type { Sessions } from './sessions';

/** "Peakend: New Journey Map / Touchpoint Inventory / Service Standards": a file from templates/, never over an existing one. */
export async function newFromTemplate(context: vscode.ExtensionContext, sessions: Sessions, kind: TemplateKind, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Peakend creates no files in Restricted Mode.'));
    return undefined;
  }
  const folder = target ?? (await targetFolder(sessions));
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: new files go into the workspace.'));
    return undefined;
  }
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('New {0} file', kind),
    prompt: vscode.l10n.t('The ID, also the file name: letters (Latin or Chinese), digits, "-" and "_".'),
    validateInput: (v) => idProblem(v.trim()),
  });
  if (!id) return undefined;
  const title = (await vscode.window.showInputBox({ title: vscode.l10n.t('New {0} file', kind), prompt: vscode.l10n.t('The title'), value: id })) ?? id;
  const uri = vscode.Uri.joinPath(folder, templateFileName(kind, id.trim()));
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists.', uri.fsPath));
    return undefined;
  } catch {
    // Free: go on.
  }
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', `${kind}.yaml`)));
  const ws = sessions.workspaceFor(toPath(uri));
  const persona = ws ? [...ws.getIndex().personas.keys()][0] : undefined;
  const text = fillTemplate(template, { id: id.trim(), title, persona: persona ?? 'customer' });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  log.info(`Created ${uri.fsPath}`);
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function targetFolder(sessions: Sessions): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..');
  const roots = sessions.workspaces().map((w) => w.config.root);
  if (roots.length <= 1) return roots[0] ? vscode.Uri.file(roots[0]) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const pick = await vscode.window.showQuickPick(roots, { title: vscode.l10n.t('Which workspace?') });
  return pick ? vscode.Uri.file(pick) : undefined;
}

/** Why a typed ID cannot name a new file, or undefined when it can. */
function idProblem(id: string): string | undefined {
  if (isReservedName(id)) return vscode.l10n.t('"{0}" names a device on Windows and cannot be a file name: choose another ID.', id);
  return isValidId(id) ? undefined : vscode.l10n.t('Use letters (Latin or Chinese), digits, "-" and "_", at most 64 characters.');
}
