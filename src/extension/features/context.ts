import * as vscode from 'vscode';
import type { Workspace } from '../../core';
import { toPath } from '../convert';
import type { Sessions } from '../sessions';

/** The workspace of a document, brought up to date with the buffer first (a request may beat the debounce). */
export function documentContext(sessions: Sessions, doc: vscode.TextDocument): { ws: Workspace; path: string } | undefined {
  if (!sessions.isPeakendDocument(doc)) return undefined;
  sessions.analyzeDocument(doc);
  const path = toPath(doc.uri);
  const ws = sessions.workspaceFor(path);
  return ws ? { ws, path } : undefined;
}
