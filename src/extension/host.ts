import * as vscode from 'vscode';
import type { Host } from '../core';
import { toPath } from './convert';

const encoder = new TextEncoder();

/**
 * The engine's host inside VS Code: open editor buffers first (so unsaved text is what gets
 * checked), then the workspace file system (which also serves remote and virtual workspaces).
 */
export const vscodeHost: Host = {
  async readFile(path) {
    const open = openDocument(path);
    if (open) return encoder.encode(open.getText());
    return vscode.workspace.fs.readFile(vscode.Uri.file(path));
  },
  async stat(path) {
    const open = openDocument(path);
    if (open) return { type: 'file', size: encoder.encode(open.getText()).length };
    try {
      const s = await vscode.workspace.fs.stat(vscode.Uri.file(path));
      const type = s.type & vscode.FileType.Directory ? 'directory' : s.type & vscode.FileType.File ? 'file' : 'other';
      return { type, size: s.size };
    } catch {
      return undefined;
    }
  },
  async readDirectory(path) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(path));
    return entries.map(([name, t]) => ({ name, type: t & vscode.FileType.Directory ? 'directory' : t & vscode.FileType.File ? 'file' : 'other' }));
  },
};

export function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && toPath(d.uri) === path);
}
