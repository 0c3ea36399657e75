// Tiny extension for the harness self-test: one command that shows a notification
// naming the UI language the extension host reports.
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('peakendSelftest.hello', () => {
      const message = `Peakend selftest says hello (vscode.env.language=${vscode.env.language})`;
      vscode.window.showInformationMessage(message);
      return message;
    }),
  );
  return { language: vscode.env.language };
}

module.exports = { activate, deactivate() {} };
