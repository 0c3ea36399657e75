import * as vscode from 'vscode';
import { KIND_EXTENSIONS, KIND_GLOBS, kindGlobs } from '../core';
import { openAuditReport, scoreOpenChecklist } from './audits/auditCommands';
import { AuditIndex } from './audits/auditIndex';
import { askAuditInfo, auditInfoArg } from './audits/auditInfo';
import { findTouchpoint, reportWrites, touchpointAtCursor, writeChecklist, type WriteResult } from './audits/checklists';
import { TouchpointLenses } from './audits/codeLens';
import { TouchpointTree } from './audits/touchpointTree';
import { newFromTemplate } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { codeActionProvider } from './features/codeActions';
import { completionProvider } from './features/completion';
import { hoverProvider } from './features/hover';
import { definitionProvider, documentSymbolProvider, referenceProvider, renameProvider, workspaceSymbolProvider } from './features/navigation';
import { log } from './log';
import { compareWith, type CompareOptions } from './reports/compare';
import { ReportPanels } from './reports/panel';
import type { ReportRendered } from './reports/protocol';
import type { PreviewInfo, PreviewManager } from './preview/manager';
import { Sessions } from './sessions';
import { showProblems } from './showProblems';
import { toPath } from './convert';
import { StatusBar } from './statusBar';

const SELECTOR: vscode.DocumentSelector = KIND_GLOBS.map((pattern) => ({ scheme: 'file', pattern }));

/** What the extension returns to other extensions and to its integration tests. */
export interface PeakendApi {
  /** Resolves once every pending check has run and its diagnostics are published. */
  whenIdle(): Promise<void>;
  /** The status bar item's text and tooltip, as shown now. */
  statusBar(): { text: string; tooltip: string };
  /** The "Touchpoints" view's data, as the view shows it. */
  touchpointTree: vscode.TreeDataProvider<unknown>;
  /** The HTML a report panel shows now, by view type (peakend.auditReport, peakend.auditScore, peakend.compare). */
  reportHtml(viewType: string): string | undefined;
  /** What a report panel's page reported drawing (its charts) for the HTML it shows now. */
  reportRendered(viewType: string): ReportRendered | undefined;
  /** The open previews and what each one's page last reported drawing (none until a preview opens). */
  previews(): PreviewInfo[];
  /** Has the active preview's page click the element a CSS selector names, as a user would. */
  clickInPreview(selector: string): void;
  /** Fires each time a preview's page reports what it drew. */
  onDidRenderPreview: vscode.Event<PreviewInfo>;
}

export function activate(context: vscode.ExtensionContext): PeakendApi {
  const started = performance.now();
  const sessions = new Sessions();
  const docs = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const diagnostics = new DiagnosticsPublisher(sessions, docs);
  const actions = codeActionProvider(sessions, diagnostics);
  const statusBar = new StatusBar(diagnostics);
  const audits = new AuditIndex();
  const panels = new ReportPanels(context.extensionUri);
  const lenses = new TouchpointLenses(sessions, audits);
  const tree = new TouchpointTree(sessions, audits);
  let panelTimer: ReturnType<typeof setTimeout> | undefined;
  // The preview (its code, and Mermaid in its page) loads when the first preview opens.
  let previews: PreviewManager | undefined;
  const previewRendered = new vscode.EventEmitter<PreviewInfo>();
  const previewManager = async () => {
    if (!previews) {
      const { PreviewManager } = await import('./preview/manager');
      previews ??= new PreviewManager(context, sessions, (info) => previewRendered.fire(info));
      context.subscriptions.push(previews);
    }
    return previews;
  };
  const openPreview = async (toSide: boolean, uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target) await (await previewManager()).open(target, toSide);
  };
  context.subscriptions.push(
    log,
    sessions,
    previewRendered,
    diagnostics,
    statusBar,
    sessions.onDidChange(() => diagnostics.refresh()),
    sessions.onDidChange(() => {
      // Reports are rebuilt once typing pauses, not on every analysed buffer.
      clearTimeout(panelTimer);
      panelTimer = setTimeout(() => panels.refresh(), 300);
    }),
    { dispose: () => clearTimeout(panelTimer) },
    vscode.workspace.onDidOpenTextDocument((d) => sessions.analyzeDocument(d)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && sessions.scheduleDocument(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => sessions.documentClosed(d)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('peakend') && void sessions.reload()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => diagnostics.refresh()),
    watcher(sessions),
    vscode.languages.registerCompletionItemProvider(SELECTOR, completionProvider(sessions), '[', ',', ' ', '-'),
    vscode.languages.registerHoverProvider(SELECTOR, hoverProvider(sessions)),
    vscode.languages.registerDefinitionProvider(SELECTOR, definitionProvider(sessions)),
    vscode.languages.registerReferenceProvider(SELECTOR, referenceProvider(sessions)),
    vscode.languages.registerRenameProvider(SELECTOR, renameProvider(sessions)),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, documentSymbolProvider(sessions)),
    vscode.languages.registerWorkspaceSymbolProvider(workspaceSymbolProvider(sessions)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand('peakend.newJourney', (uri?: vscode.Uri) => newFromTemplate(context, sessions, 'journey', folderOf(uri))),
    vscode.commands.registerCommand('peakend.newTouchpoints', (uri?: vscode.Uri) => newFromTemplate(context, sessions, 'touchpoints', folderOf(uri))),
    vscode.commands.registerCommand('peakend.newStandards', (uri?: vscode.Uri) => newFromTemplate(context, sessions, 'standards', folderOf(uri))),
    vscode.commands.registerCommand('peakend.recheck', async () => {
      await sessions.reload();
      await sessions.whenIdle();
    }),
    vscode.commands.registerCommand('peakend.showLog', () => log.show()),
    panels,
    lenses,
    tree,
    vscode.languages.registerCodeLensProvider(
      kindGlobs('touchpoints').map((pattern) => ({ scheme: 'file', pattern })),
      lenses,
    ),
    vscode.window.createTreeView('peakend.touchpoints', { treeDataProvider: tree, showCollapseAll: true }),
    // The audit's site, auditor and date: asked for (site and auditor), unless the caller gives them.
    vscode.commands.registerCommand('peakend.generateChecklist', async (id?: unknown, near?: unknown, audit?: unknown) => {
      if (!writesAllowed()) return undefined;
      await sessions.whenIdle();
      const found =
        typeof id === 'string'
          ? findTouchpoint(sessions, id, near instanceof vscode.Uri ? near : undefined)
          : touchpointAtCursor(sessions, vscode.window.activeTextEditor) ?? (await pickTouchpoint(sessions));
      if (!found) return undefined;
      const info = auditInfoArg(audit) ?? (await askAuditInfo(context.workspaceState, found.ws.config.root));
      if (!info) return undefined;
      const result = await writeChecklist(found.ws, found.tp, info);
      reportWrites([result]);
      if (result.uri && result.status !== 'empty') await vscode.window.showTextDocument(result.uri, { preview: false });
      await sessions.whenIdle();
      return result;
    }),
    vscode.commands.registerCommand('peakend.generateAllChecklists', async (audit?: unknown) => {
      if (!writesAllowed()) return undefined;
      await sessions.whenIdle();
      const results: WriteResult[] = [];
      const active = vscode.window.activeTextEditor?.document.uri;
      const near = active?.scheme === 'file' ? sessions.workspaceFor(toPath(active)) : undefined;
      const targets = near ? [near] : sessions.workspaces();
      if (!targets[0]) return results;
      // One audit: asked once, remembered for the first workspace.
      const info = auditInfoArg(audit) ?? (await askAuditInfo(context.workspaceState, targets[0].config.root));
      if (!info) return undefined;
      for (const ws of targets) {
        const seen = new Set<string>();
        for (const tp of ws.getIndex().allTouchpoints()) {
          if (seen.has(tp.def.id)) continue;
          seen.add(tp.def.id);
          results.push(await writeChecklist(ws, tp, info));
        }
      }
      reportWrites(results);
      await sessions.whenIdle();
      return results;
    }),
    vscode.commands.registerCommand('peakend.scoreChecklist', (uri?: vscode.Uri) => scoreOpenChecklist(sessions, audits, panels, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('peakend.openAuditReport', async () => {
      await sessions.whenIdle();
      return openAuditReport(sessions, audits, panels);
    }),
    vscode.commands.registerCommand('peakend.compareWith', (uri?: vscode.Uri, rev?: string, options?: CompareOptions) =>
      compareWith(sessions, panels, uri instanceof vscode.Uri ? uri : undefined, typeof rev === 'string' ? rev : undefined, typeof options === 'object' && options ? options : {}),
    ),
    vscode.commands.registerCommand('peakend.showProblems', () => showProblems(diagnostics)),
    vscode.commands.registerCommand('peakend.openPreview', (uri?: vscode.Uri) => openPreview(false, uri)),
    vscode.commands.registerCommand('peakend.openPreviewToSide', (uri?: vscode.Uri) => openPreview(true, uri)),
    vscode.commands.registerCommand('peakend.togglePreviewLock', async () => (await previewManager()).toggleLock()),
    vscode.commands.registerCommand('peakend.exportPreview', async (format?: unknown, target?: unknown) => {
      const chosen = format === 'svg' || format === 'png' || format === 'html' ? format : await pickExportFormat();
      if (!chosen) return undefined;
      const m = await previewManager();
      return m.export(m.current(), chosen, target instanceof vscode.Uri ? target : undefined);
    }),
    vscode.window.registerWebviewPanelSerializer('peakend.preview', {
      deserializeWebviewPanel: async (panel, state) => (await previewManager()).restore(panel, state),
    }),
  );
  // Loading reads every file: it runs after activation returns, so activation stays fast.
  void sessions.reload();
  log.info(`Peakend activated in ${(performance.now() - started).toFixed(1)} ms (${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode: checks and navigation only'}).`);
  return {
    whenIdle: () => sessions.whenIdle(),
    statusBar: () => statusBar.summary,
    touchpointTree: tree as vscode.TreeDataProvider<unknown>,
    reportHtml: (viewType) => panels.shown.get(viewType),
    reportRendered: (viewType) => panels.rendered.get(viewType),
    previews: () => previews?.info() ?? [],
    clickInPreview: (selector) => previews?.current()?.post({ type: 'click', selector }),
    onDidRenderPreview: previewRendered.event,
  };
}

/** Checklist generation writes files: refused, with a reason, in Restricted Mode. */
function writesAllowed(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('Peakend writes no checklists in Restricted Mode. Trust the folder to generate them.'));
  return false;
}

/** A quick pick of every touchpoint, when the cursor is in none. */
async function pickTouchpoint(sessions: Sessions): Promise<{ ws: import('../core').Workspace; tp: import('../core').Touchpoint } | undefined> {
  const items = sessions.workspaces().flatMap((ws) =>
    ws.getIndex().allTouchpoints().map((tp) => ({ label: tp.name || tp.def.id, description: tp.def.id, detail: tp.phase, ws, tp })),
  );
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Generate the checklist of which touchpoint?'), matchOnDescription: true });
  return pick ? { ws: pick.ws, tp: pick.tp } : undefined;
}

async function pickExportFormat(): Promise<'svg' | 'png' | 'html' | undefined> {
  const items = [
    { label: vscode.l10n.t('Chart as SVG'), format: 'svg' as const },
    { label: vscode.l10n.t('Chart as PNG'), format: 'png' as const },
    { label: vscode.l10n.t('Page as HTML'), format: 'html' as const },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export the preview as') }))?.format;
}

export function deactivate(): void {}

/** A folder given by the Explorer's context menu; a file there means its folder. */
function folderOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (!uri) return undefined;
  return /\.[^/]+$/.test(uri.path) ? vscode.Uri.joinPath(uri, '..') : uri;
}

/** Re-checks files changed on disk by git or other programs (open buffers keep precedence). */
function watcher(sessions: Sessions): vscode.Disposable {
  // Every file of a kind's format: a workspace's include globs and peakend.configPath may name any of them.
  const w = vscode.workspace.createFileSystemWatcher(`**/*{${KIND_EXTENSIONS.join(',')}}`);
  w.onDidCreate((u) => void sessions.fileChanged(u));
  w.onDidChange((u) => void sessions.fileChanged(u));
  w.onDidDelete((u) => sessions.fileDeleted(u));
  // Audit checklists are Markdown files in a workspace's checklists folder (Sessions tells which).
  const md = vscode.workspace.createFileSystemWatcher('**/*.md');
  md.onDidCreate((u) => void sessions.fileChanged(u));
  md.onDidChange((u) => void sessions.fileChanged(u));
  md.onDidDelete((u) => sessions.fileDeleted(u));
  // A folder deleted or moved in may come as one event for the folder, which the patterns above do
  // not match.
  const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  const watched = (u: vscode.Uri) => [...KIND_EXTENSIONS, '.md'].some((e) => u.path.toLowerCase().endsWith(e));
  folders.onDidCreate((u) => !watched(u) && void sessions.folderCreated(u));
  folders.onDidDelete((u) => !watched(u) && sessions.folderDeleted(u));
  return vscode.Disposable.from(w, md, folders);
}
