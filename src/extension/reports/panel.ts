import * as vscode from 'vscode';
import { toLanguage } from '../../core';
import { makeNonce, reportHtml, type ReportShellOptions } from '../preview/shell';
import { parseRendered, type ReportRendered } from './protocol';

/** What a report panel shows: its body is HTML made from escaped text only (see markdownHtml). */
export interface ReportContent {
  title: string;
  body: string;
}

/** Where the webview may load from: the bundled scripts, nothing else of the extension or the workspace. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/**
 * One panel per kind of report (audit report, audit score, comparison), reused and revealed when the
 * command runs again. The page is the preview's kind (preview/shell.ts): its script, stylesheet and
 * Mermaid from dist/webview only, by a fresh nonce; no inline script or style; no network.
 */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  /** How each panel rebuilds its content when the workspace changes (reports follow the text as it is typed). */
  private readonly rebuild = new Map<string, () => ReportContent | undefined>();
  private readonly bodies = new Map<string, string>();
  /** The HTML each panel shows now, by view type (what the integration tests read). */
  readonly shown = new Map<string, string>();
  /** What each panel's page reported drawing for the HTML shown now. */
  readonly rendered = new Map<string, ReportRendered>();
  /** The number of the page each panel shows now; a report from an earlier page is ignored. */
  private readonly pages = new Map<string, number>();
  private nextPage = 1;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(viewType: string, content: ReportContent, rebuild?: () => ReportContent | undefined, column = vscode.ViewColumn.Beside): vscode.WebviewPanel {
    let panel = this.panels.get(viewType);
    if (!panel) {
      panel = vscode.window.createWebviewPanel(viewType, content.title, { viewColumn: column, preserveFocus: true }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [webviewRoot(this.extensionUri)],
      });
      this.panels.set(viewType, panel);
      panel.webview.onDidReceiveMessage((m: unknown) => {
        const r = parseRendered(m);
        if (r && r.page === this.pages.get(viewType)) this.rendered.set(viewType, r.rendered);
      });
      panel.onDidDispose(() => {
        this.panels.delete(viewType);
        this.shown.delete(viewType);
        this.rendered.delete(viewType);
        this.pages.delete(viewType);
        this.rebuild.delete(viewType);
        this.bodies.delete(viewType);
      });
    } else panel.reveal(undefined, true);
    if (rebuild) this.rebuild.set(viewType, rebuild);
    else this.rebuild.delete(viewType);
    this.render(viewType, panel, content);
    return panel;
  }

  /** Rebuilds the panels that follow the workspace; a page is replaced only when its content changed. */
  refresh(): void {
    for (const [viewType, rebuild] of this.rebuild) {
      const panel = this.panels.get(viewType);
      const content = rebuild();
      if (panel && content && (content.body !== this.bodies.get(viewType) || content.title !== panel.title)) this.render(viewType, panel, content);
    }
  }

  private render(viewType: string, panel: vscode.WebviewPanel, content: ReportContent): void {
    panel.title = content.title;
    const number = this.nextPage++;
    const html = page(panel.webview, webviewRoot(this.extensionUri), content, number);
    this.pages.set(viewType, number);
    this.rendered.delete(viewType);
    panel.webview.html = html;
    this.bodies.set(viewType, content.body);
    this.shown.set(viewType, html);
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
  }
}

function page(webview: vscode.Webview, root: vscode.Uri, content: ReportContent, number: number): string {
  const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
  const o: ReportShellOptions = {
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: uri('report.js'),
    styleUri: uri('report.css'),
    lang: toLanguage(vscode.env.language) === 'zh-cn' ? 'zh-CN' : 'en',
    title: content.title,
    body: content.body,
    page: number,
  };
  // Mermaid's 3.5 MB load only for a report with a chart.
  if (content.body.includes('<code class="language-mermaid">')) o.mermaidUri = uri('mermaid.min.js');
  return reportHtml(o);
}
