import * as vscode from 'vscode';
import { htmlText } from '../../core';
import { makeNonce } from '../preview/shell';

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
 * command runs again. Scripts only by nonce (Mermaid, loaded from dist/webview, and the few lines that
 * draw the `language-mermaid` blocks); no network; resources only from dist/webview.
 */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  /** How each panel rebuilds its content when the workspace changes (reports follow the text as it is typed). */
  private readonly rebuild = new Map<string, () => ReportContent | undefined>();
  private readonly bodies = new Map<string, string>();
  /** The HTML each panel shows now, by view type (what the integration tests read). */
  readonly shown = new Map<string, string>();

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
      panel.onDidDispose(() => {
        this.panels.delete(viewType);
        this.shown.delete(viewType);
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
    const html = page(panel.webview, webviewRoot(this.extensionUri), content);
    panel.webview.html = html;
    this.bodies.set(viewType, content.body);
    this.shown.set(viewType, html);
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
  }
}

// Draws each Mermaid block in the theme's colours; a chart that cannot be drawn keeps its source.
const DRAW = `
(async () => {
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  if (!blocks.length || !window.mermaid) return;
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  let n = 0;
  for (const code of blocks) {
    const pre = code.parentElement;
    try {
      const { svg } = await window.mermaid.render('peakend-chart-' + n++, code.textContent);
      const div = document.createElement('div');
      div.className = 'chart';
      div.innerHTML = svg;
      pre.replaceWith(div);
    } catch (e) {
      pre.classList.add('chart-error');
    }
  }
  document.body.dataset.charts = 'drawn';
})();
`;

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); line-height: 1.5; padding: 0 1.5rem 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); }
code { font-family: var(--vscode-editor-font-family); }
pre { white-space: pre-wrap; background: var(--vscode-textCodeBlock-background); padding: 0.5rem; }
.chart svg { max-width: 100%; height: auto; }
.chart-error { border-left: 3px solid var(--vscode-errorForeground); }
`;

function page(webview: vscode.Webview, root: vscode.Uri, content: ReportContent): string {
  const n = makeNonce();
  const mermaid = webview.asWebviewUri(vscode.Uri.joinPath(root, 'mermaid.min.js'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    // Mermaid writes <style> into the SVGs it draws; scripts stay nonce-only.
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${n}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const title = htmlText(content.title);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style nonce="${n}">${STYLE}</style>
</head>
<body>
${content.body}
<script nonce="${n}" src="${mermaid}"></script>
<script nonce="${n}">${DRAW}</script>
</body>
</html>
`;
}
