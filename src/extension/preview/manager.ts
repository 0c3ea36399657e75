/**
 * The previews, after VS Code's Markdown preview: one that follows the active editor (dynamic) and
 * any number locked to one file; restored after a window reload by the serializer. Loaded only when
 * a preview opens (extension.ts imports it lazily), so activation does not pay for it.
 */
import * as vscode from 'vscode';
import { inventoryHtml, journeyHtml, kindFromFileName, toLanguage } from '../../core';
import { toPath } from '../convert';
import type { Sessions } from '../sessions';
import { ChartCache } from './chartCache';
import { exportPreview, type ExportTarget } from './export';
import { logError, Preview, PREVIEW_VIEW_TYPE } from './preview';
import { parsePersistedState, type PersistedChart, type RenderSummary } from './protocol';

/** What the integration tests and the benchmark read of a preview. */
export interface PreviewInfo {
  resource: string;
  locked: boolean;
  hidden: string[];
  title: string;
  active: boolean;
  summary?: RenderSummary;
  /** The extension's cache holds the chart of what the page shows now: opened again, the page shows it at once. */
  chartCached: boolean;
  /** The panel is shown (a hidden one has no page). */
  visible: boolean;
  /** See Preview.timing. */
  timing: Preview['timing'];
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<Preview>();
  private active: Preview | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Each document's last drawn chart, shown at once when its preview opens again. */
  private readonly charts = new ChartCache();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly sessions: Sessions,
    /** Told each time a preview's page reports a render (tests and the benchmark listen). */
    private readonly rendered: (info: PreviewInfo) => void = () => undefined,
  ) {
    this.disposables.push(
      sessions.onDidChange((change) => {
        for (const p of this.previews) if (p.affectedBy(change)) p.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e.document)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        for (const p of this.previews) if (p.resource.toString() === e.textEditor.document.uri.toString()) p.cursorAt(e.selections[0]!.active.line);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const p of this.previews) p.refresh(true);
      }),
    );
  }

  /** Whether a document is one a preview can show: a journey or a touchpoint inventory. */
  static previewable(uri: vscode.Uri): boolean {
    const kind = uri.scheme === 'file' ? kindFromFileName(toPath(uri)) : undefined;
    return kind === 'journey' || kind === 'touchpoints';
  }

  /** Opens (or reveals) the preview of a file; `toSide` puts it beside the editor. */
  async open(resource: vscode.Uri, toSide: boolean, locked = false): Promise<void> {
    await this.sessions.whenIdle();
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const same = [...this.previews].find((p) => p.resource.toString() === resource.toString() && p.locked === locked);
    const dynamic = locked ? undefined : [...this.previews].find((p) => !p.locked);
    const existing = same ?? dynamic;
    if (existing) {
      existing.show(resource);
      existing.panel.reveal(toSide ? existing.panel.viewColumn : column, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: column, preserveFocus: toSide }, { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')] });
    this.add(panel, resource, locked, []);
  }

  /** The serializer's half: a panel VS Code restored after a reload, with the state its page kept. */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = parsePersistedState(saved);
    if (!state) {
      panel.dispose();
      return;
    }
    await this.sessions.whenIdle();
    this.add(panel, vscode.Uri.parse(state.resource), state.locked, state.hidden, state.chart);
  }

  private add(panel: vscode.WebviewPanel, resource: vscode.Uri, locked: boolean, hidden: string[], kept?: PersistedChart): Preview {
    const preview = new Preview(
      panel,
      this.context.extensionUri,
      this.sessions,
      resource,
      locked,
      hidden,
      (p, line, range) => void this.reveal(p, line, range),
      (p, format) => void this.export(p, format),
      this.charts,
      kept,
    );
    this.previews.add(preview);
    this.active = preview;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.active = preview;
    });
    preview.onDidRender(() => this.rendered(this.infoOf(preview)));
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
    });
    return preview;
  }

  /** An unlocked preview follows the editor that becomes active, if it holds a journey or inventory. */
  private follow(doc: vscode.TextDocument): void {
    if (!PreviewManager.previewable(doc.uri)) return;
    for (const p of this.previews) if (!p.locked) p.show(doc.uri);
  }

  toggleLock(): void {
    const p = this.current();
    if (p) p.setLocked(!p.locked);
  }

  /** The preview the user works with: the active panel, else the last one opened. */
  current(): Preview | undefined {
    return [...this.previews].find((p) => p.panel.active) ?? this.active;
  }

  /** Reveals a line of the previewed file in an editor beside the preview (the editor that shows it, if any). */
  private async reveal(p: Preview, line: number, range?: vscode.Range): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === p.resource.toString());
    const selection = range ?? new vscode.Range(line, 0, line, 0);
    const column = visible?.viewColumn ?? (p.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    try {
      const editor = await vscode.window.showTextDocument(p.resource, { viewColumn: column, selection, preserveFocus: false });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      logError('Peakend could not reveal the line', e);
    }
  }

  /**
   * Exports the preview's chart (SVG, PNG) or page (HTML) to a file the user picks, or to `target`.
   * Restricted Mode writes nothing. Resolves to the file written, or undefined.
   */
  async export(p: Preview | undefined = this.current(), format: 'svg' | 'png' | 'html', target?: ExportTarget): Promise<vscode.Uri | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Peakend writes no files in Restricted Mode: export is not available.'));
      return undefined;
    }
    if (!p) return undefined;
    try {
      return await exportPreview(p, format, target, () => this.pageHtml(p));
    } catch (e) {
      logError('Peakend could not export the preview', e);
      void vscode.window.showErrorMessage(vscode.l10n.t('Peakend could not export the preview: {0}', e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  }

  /** The page as core's self-contained HTML document (Mermaid inlined), with the persona filter applied. */
  private async pageHtml(p: Preview): Promise<string> {
    const a = p.filteredAnalysis();
    if (!a) throw new Error(vscode.l10n.t('nothing to export'));
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', 'mermaid.min.js'));
    const opts = { mermaidScript: new TextDecoder().decode(bytes), lang: toLanguage(vscode.env.language) };
    return a.kind === 'journey' ? journeyHtml(a.a, opts) : inventoryHtml(a.a, opts);
  }

  info(): PreviewInfo[] {
    return [...this.previews].map((p) => this.infoOf(p));
  }

  private infoOf(p: Preview): PreviewInfo {
    const i: PreviewInfo = { resource: p.resource.toString(), locked: p.locked, hidden: p.hidden, title: p.panel.title, active: p.panel.active, visible: p.panel.visible, chartCached: p.chartCached(), timing: { ...p.timing } };
    if (p.summary) i.summary = p.summary;
    return i;
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
