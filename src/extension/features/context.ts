import * as vscode from 'vscode';
import { targetAt, type Target, type Workspace, type WorkspaceIndex } from '../../core';
import { toPath, toPosition } from '../convert';
import type { Sessions } from '../sessions';

/** The workspace of a document, brought up to date with the buffer first (a request may beat the debounce). */
export function documentContext(sessions: Sessions, doc: vscode.TextDocument): { ws: Workspace; path: string } | undefined {
  if (!sessions.isPeakendDocument(doc)) return undefined;
  sessions.analyzeDocument(doc);
  const path = toPath(doc.uri);
  const ws = sessions.workspaceFor(path);
  return ws ? { ws, path } : undefined;
}

/** The ID under the cursor, with the index it was found in. */
export function targetUnder(sessions: Sessions, doc: vscode.TextDocument, position: vscode.Position): { index: WorkspaceIndex; target: Target } | undefined {
  const ctx = documentContext(sessions, doc);
  if (!ctx) return undefined;
  const index = ctx.ws.getIndex();
  const target = targetAt(index, ctx.path, toPosition(position));
  return target ? { index, target } : undefined;
}
