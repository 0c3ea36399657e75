import * as vscode from 'vscode';
import type { DiagnosticsPublisher } from './diagnostics';

/**
 * "✖ 2 ⚠ 3 Peakend": the workspace's problem summary. A click opens the Problems panel, and offers
 * the files whose problems it does not show (closed files, in the default "open files" scope).
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('peakend.status', vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly diagnostics: DiagnosticsPublisher) {
    this.item.name = 'Peakend';
    this.item.command = 'peakend.showProblems';
    diagnostics.onDidPublish(() => this.update());
    this.update();
    this.item.show();
  }

  /** What the item shows now (for the extension's API: integration tests cannot read the status bar). */
  get summary(): { text: string; tooltip: string } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? '') };
  }

  private update(): void {
    const all = this.diagnostics.all();
    const errors = all.filter((f) => f.severity === 'error').length;
    const warnings = all.filter((f) => f.severity === 'warning').length;
    const files = new Set(all.map((f) => f.file)).size;
    this.item.text = errors || warnings ? `$(error) ${errors} $(warning) ${warnings} Peakend` : '$(check) Peakend';
    const hidden = this.diagnostics.hiddenFiles().length;
    this.item.tooltip =
      errors || warnings
        ? vscode.l10n.t('Peakend: {0} errors, {1} warnings in {2} files. Click to open the Problems panel.', errors, warnings, files) +
          (hidden ? ' ' + vscode.l10n.t('{0} of these files are not open: their problems show once you open them.', hidden) : '')
        : vscode.l10n.t('Peakend: no problems. Click to open the Problems panel.');
    this.item.accessibilityInformation = { label: this.item.tooltip };
  }

  dispose(): void {
    this.item.dispose();
  }
}
