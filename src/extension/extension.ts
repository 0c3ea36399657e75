import * as vscode from 'vscode';
import { KIND_EXTENSIONS, KIND_GLOBS } from '../core';
import { newFromTemplate } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { codeActionProvider } from './features/codeActions';
import { completionProvider } from './features/completion';
import { hoverProvider } from './features/hover';
import { definitionProvider, documentSymbolProvider, referenceProvider, renameProvider, workspaceSymbolProvider } from './features/navigation';
import { log } from './log';
import type { PreviewInfo, PreviewManager } from './preview/manager';
import { Sessions } from './sessions';
import { showProblems } from './showProblems';
import { StatusBar } from './statusBar';

const SELECTOR: vscode.DocumentSelector = KIND_GLOBS.map((pattern) => ({ scheme: 'file', pattern }));

/** What the extension returns to other extensions and to its integration tests. */
export interface PeakendApi {
  /** Resolves once every pending check has run and its diagnostics are published. */
  whenIdle(): Promise<void>;
  /** The status bar item's text and tooltip, as shown now. */
  statusBar(): { text: string; tooltip: string };
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
    previews: () => previews?.info() ?? [],
    clickInPreview: (selector) => previews?.current()?.post({ type: 'click', selector }),
    onDidRenderPreview: previewRendered.event,
  };
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
  // A deleted folder comes as one event for the folder, which the pattern above does not match.
  const folders = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  folders.onDidDelete((u) => !KIND_EXTENSIONS.some((e) => u.path.toLowerCase().endsWith(e)) && sessions.folderDeleted(u));
  return vscode.Disposable.from(w, folders);
}
