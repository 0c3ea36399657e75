// Tiny extension for the harness self-test: one command that shows a notification in the
// UI language (vscode.l10n picks l10n/bundle.l10n.<language>.json from vscode.env.language).
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('peakendSelftest.hello', () => {
      const message = vscode.l10n.t('Peakend selftest says hello (vscode.env.language={0})', vscode.env.language);
      vscode.window.showInformationMessage(message);
      return message;
    }),
  );
  return { language: vscode.env.language };
}

module.exports = { activate, deactivate() {} };
