import * as vscode from 'vscode';
import type { Workspace } from '../../core';
import { toRange, toUri } from '../convert';
import type { Sessions } from '../sessions';
import type { AuditIndex } from './auditIndex';
import { treeDescription } from './labels';
import { groupByPhase, touchpointRows, type PhaseGroup, type TouchpointRow } from './touchpointRows';

type Node = { kind: 'workspace'; ws: Workspace } | { kind: 'phase'; ws: Workspace; group: PhaseGroup } | { kind: 'touchpoint'; row: TouchpointRow };

/**
 * The "Touchpoints" view: by workspace (when there are several), then by phase; each touchpoint
 * with the number of standards that apply and its last measured compliance. A click opens its
 * definition. Refreshed whenever the session changes.
 */
export class TouchpointTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly sessions: Sessions,
    private readonly audits: AuditIndex,
  ) {
    this.sub = sessions.onDidChange(() => {
      // The view (and the walkthrough's first step) shows once a workspace has touchpoints.
      void vscode.commands.executeCommand('setContext', 'peakend.hasTouchpoints', this.withTouchpoints().length > 0);
      this.emitter.fire(undefined);
    });
  }

  private withTouchpoints(): Workspace[] {
    return this.sessions.workspaces().filter((ws) => ws.getIndex().allTouchpoints().length > 0);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const list = this.withTouchpoints();
      return list.length === 1 ? this.phases(list[0]!) : list.map((ws) => ({ kind: 'workspace', ws }));
    }
    if (node.kind === 'workspace') return this.phases(node.ws);
    if (node.kind === 'phase') return node.group.rows.map((row) => ({ kind: 'touchpoint', row }));
    return [];
  }

  private phases(ws: Workspace): Node[] {
    return groupByPhase(touchpointRows(ws, this.audits.last(ws, true))).map((group) => ({ kind: 'phase', ws, group }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const t = vscode.l10n.t;
    if (node.kind === 'workspace') {
      const item = new vscode.TreeItem(node.ws.config.root.slice(node.ws.config.root.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.tooltip = node.ws.config.root;
      return item;
    }
    if (node.kind === 'phase') {
      const item = new vscode.TreeItem(node.group.phase ?? t('(no phase)'), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.group.rows.length);
      item.iconPath = new vscode.ThemeIcon('milestone');
      item.contextValue = 'peakend.phase';
      return item;
    }
    const r = node.row;
    const item = new vscode.TreeItem(r.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${r.file}#${r.id}`;
    item.description = treeDescription(r.standards, r.measured, t);
    item.tooltip = new vscode.MarkdownString().appendText(`${r.title} (${r.id})\n`).appendText(r.measured ? t('Last measured {0}', r.measured.date ?? '—') : t('No measured audit yet'));
    item.iconPath = new vscode.ThemeIcon(r.measured?.outcome === 'fail' ? 'error' : r.measured ? 'pass' : 'circle-outline');
    item.contextValue = 'peakend.touchpoint';
    item.command = { title: t('Open definition'), command: 'vscode.open', arguments: [toUri(r.file), { selection: toRange(r.range) }] };
    return item;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
