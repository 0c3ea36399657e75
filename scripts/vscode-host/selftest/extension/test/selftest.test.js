// Checks that the harness runs us in a real extension host with the workspace open.
// PEAKEND_SELFTEST_WORKSPACE: the folder the harness was asked to open (run.mjs sets a
// wrong one on purpose to check that a failing assertion fails the run).
// PEAKEND_SELFTEST_EXPECT_LANGUAGE: when set, vscode.env.language must equal it.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXT_ID = 'peakend-selftest.selftest';

async function waitFor(predicate, ms = 15_000) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('vscode host self-test', () => {
  test('reports the environment', () => {
    console.log(`vscode.version=${vscode.version} env.language=${vscode.env.language} appHost=${vscode.env.appHost} remoteName=${vscode.env.remoteName} uiKind=${vscode.env.uiKind}`);
    if (process.env.PEAKEND_SELFTEST_EXPECT_LANGUAGE) assert.equal(vscode.env.language, process.env.PEAKEND_SELFTEST_EXPECT_LANGUAGE);
  });

  test('the extension under test is active', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} is not loaded`);
    await waitFor(() => ext.isActive); // onStartupFinished
    assert.equal(ext.exports.language, vscode.env.language);
  });

  test('its command runs, speaking the UI language', async () => {
    const zh = vscode.env.language === 'zh-cn';
    const message = await vscode.commands.executeCommand('peakendSelftest.hello'); // vscode.l10n bundle
    assert.match(message, zh ? /自测向你问好/ : /says hello/);
    // package.nls.<language>.json: a localized title arrives as { value, original }.
    const title = vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.commands[0].title;
    assert.equal(title.value ?? title, zh ? 'Peakend 自测：打招呼' : 'Peakend Selftest: Say Hello');
  });

  test('the workspace folder is the one the harness opened', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0].uri.fsPath, process.env.PEAKEND_SELFTEST_WORKSPACE);
  });

  test('a workspace file opens in an editor', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'hello.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.match(doc.getText(), /Hello from the self-test workspace/);
  });
});
