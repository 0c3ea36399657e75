import * as vscode from 'vscode';
import type { Host } from '../core';
import { readRegularFile } from '../node/readRegularFile';
import { toPath } from './convert';

const encoder = new TextEncoder();

/**
 * The engine's host inside VS Code: open editor buffers first (so unsaved text is what gets
 * checked), then the disk. Every path is a `file:` path on the machine the extension runs on
 * (the remote one in a remote window), so reads go through the same bounded read as the CLI's:
 * a FIFO or a device among the workspace's files cannot block or flood the extension host.
 */
export const vscodeHost: Host = {
  async readFile(path, maxBytes) {
    const open = openDocument(path);
    if (open) return { bytes: encoder.encode(open.getText()) };
    return readRegularFile(path, maxBytes);
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
