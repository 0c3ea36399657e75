// Documents and files over time: closing a file takes its problems away (default problems.scope =
// openFiles), the "workspace" scope shows closed files too, and files changed on disk (written by
// another program, replaced by `git checkout`, deleted) are re-checked along with their dependents.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, eventually, expected, file, isOpen, openEditor, peakend, readDisk, ruleOf, sortedLines, until } from './helpers';

const JOURNEY = 'online-service/support-chat.journey.yaml';
const INVENTORY = 'online-service/online.touchpoints.yaml';

/** The texts the journey's unknown-touchpoint diagnostics point at. */
function unknownTouchpoints(doc: vscode.TextDocument): string[] {
  return diagnostics(doc.uri)
    .filter((d) => ruleOf(d) === 'unknown-touchpoint')
    .map((d) => doc.getText(d.range));
}

function git(...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=peakend-test', '-c', 'user.email=test@peakend.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: file('online-service').fsPath, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
}

async function setScope(scope: 'openFiles' | 'workspace' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('peakend').update('problems.scope', scope, vscode.ConfigurationTarget.Global);
  await (await peakend()).whenIdle();
}

suite('lifecycle', () => {
  suiteSetup(closeAll);
  suiteTeardown(async () => {
    await setScope(undefined);
    await closeAll();
  });

  test('closing a file removes its diagnostics', async () => {
    const rel = 'defects/broken.standards.yaml';
    const uri = file(rel);
    await openEditor(uri);
    await eventually(() => assert.deepEqual(sortedLines(diagnostics(uri)), sortedLines(expected().findings[rel]!)));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until(() => !isOpen(uri), `${rel} to close`);
    await eventually(() => assert.deepEqual(diagnostics(uri), []));
  });

  test('closing an edited file without saving: the file on disk counts again', async () => {
    const api = await peakend();
    const before = api.statusBar();
    const editor = await openEditor(file(JOURNEY));
    await editor.edit((b) => b.insert(at(editor.document, '[help-center]', 'help-center'), 'no-such-touchpoint, '));
    await eventually(() => assert.deepEqual(unknownTouchpoints(editor.document), ['no-such-touchpoint']));
    assert.notDeepEqual(api.statusBar(), before);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await until(() => !isOpen(file(JOURNEY)), 'the journey to close');
    await eventually(() => {
      assert.deepEqual(diagnostics(file(JOURNEY)), []);
      assert.deepEqual(api.statusBar(), before);
    });
  });

  test('problems.scope = workspace shows every file\'s problems, open or not, as the CLI reports them', async () => {
    await closeAll();
    await setScope('workspace');
    const { files, findings } = expected();
    await eventually(() => {
      const actual = Object.fromEntries(files.map((rel) => [rel, sortedLines(diagnostics(file(rel)))]));
      assert.deepEqual(actual, Object.fromEntries(files.map((rel) => [rel, sortedLines(findings[rel] ?? [])])));
    });
    await setScope(undefined);
    await eventually(() => assert.deepEqual(diagnostics(file('defects/broken.standards.yaml')), []));
  });

  test('a closed file rewritten on disk is re-checked, and so is the open journey that uses it', async () => {
    const journey = (await openEditor(file(JOURNEY))).document;
    await until(() => !isOpen(file(INVENTORY)), 'the inventory to be closed');
    const original = readDisk(INVENTORY);
    try {
      fs.writeFileSync(file(INVENTORY).fsPath, original.replace('- id: live-agent', '- id: human-agent'));
      await eventually(() => assert.deepEqual(unknownTouchpoints(journey), ['live-agent', 'live-agent', 'live-agent']));
    } finally {
      fs.writeFileSync(file(INVENTORY).fsPath, original);
    }
    await eventually(() => assert.deepEqual(unknownTouchpoints(journey), []));
  });

  test('git checkout of another branch (files replaced, the open one too) is re-checked', async () => {
    const journeyUri = file(JOURNEY);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'video');
    // The branch adds a step that uses a touchpoint the inventory does not define.
    fs.writeFileSync(journeyUri.fsPath, readDisk(JOURNEY).replace('touchpoints: [satisfaction-survey]', 'touchpoints: [satisfaction-survey, video-call]'));
    git('commit', '-qam', 'video call');
    git('checkout', '-q', 'main');

    const journey = (await openEditor(journeyUri)).document;
    await eventually(() => assert.deepEqual(unknownTouchpoints(journey), []));
    git('checkout', '-q', 'video');
    await eventually(() => {
      assert.match(journey.getText(), /video-call/, 'the open editor was not reloaded from disk');
      assert.deepEqual(unknownTouchpoints(journey), ['video-call']);
    });
    git('checkout', '-q', 'main');
    await eventually(() => assert.deepEqual(unknownTouchpoints(journey), []));
    assert.equal(journey.isDirty, false);
    fs.rmSync(file('online-service/.git').fsPath, { recursive: true, force: true });
  });

  test('a folder moved in with files already inside is checked, and unchecked once removed', async () => {
    await closeAll();
    await setScope('workspace');
    // Written outside the workspace, then renamed in: the watcher may see only the folder appear.
    const staging = fs.mkdtempSync(path.join(path.dirname(file('').fsPath), 'incoming-'));
    const rel = 'online-service/moved-in/nested/callback.journey.yaml';
    const journey = readDisk(JOURNEY).replace('id: support-chat', 'id: callback').replace('touchpoints: [satisfaction-survey]', 'touchpoints: [satisfaction-survey, pager]');
    fs.mkdirSync(path.join(staging, 'nested'));
    fs.writeFileSync(path.join(staging, 'nested', 'callback.journey.yaml'), journey);
    try {
      fs.renameSync(staging, file('online-service/moved-in').fsPath);
      await eventually(() => assert.deepEqual(diagnostics(file(rel)).filter((d) => ruleOf(d) === 'unknown-touchpoint').map((d) => d.range.start.line), [journey.split('\n').findIndex((l) => l.includes('pager'))]));
    } finally {
      fs.rmSync(file('online-service/moved-in').fsPath, { recursive: true, force: true });
      fs.rmSync(staging, { recursive: true, force: true });
    }
    await eventually(() => assert.deepEqual(diagnostics(file(rel)), []));
    await setScope(undefined);
  });

  test('a file deleted on disk takes its definitions with it; re-created, they are back', async () => {
    const journey = (await openEditor(file(JOURNEY))).document;
    const original = readDisk(INVENTORY);
    fs.rmSync(file(INVENTORY).fsPath);
    try {
      await eventually(() => assert.equal(unknownTouchpoints(journey).length, 7));
    } finally {
      fs.writeFileSync(file(INVENTORY).fsPath, original);
    }
    await eventually(() => assert.deepEqual(unknownTouchpoints(journey), []));
  });

  test('a file deleted while open is gone once its editor closes (not "cannot be read")', async () => {
    const api = await peakend();
    const rel = 'online-service/online.standards.yaml';
    const original = readDisk(rel);
    await openEditor(file(rel));
    const before = api.statusBar();
    let deleted: typeof before;
    try {
      fs.rmSync(file(rel).fsPath);
      // Its standards no longer cover the inventory's touchpoints.
      await eventually(() => assert.notDeepEqual(api.statusBar(), before));
      deleted = api.statusBar();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await until(() => !isOpen(file(rel)), `${rel} to close`);
      await api.whenIdle();
      assert.deepEqual(api.statusBar(), deleted);
    } finally {
      fs.writeFileSync(file(rel).fsPath, original);
    }
    await eventually(() => assert.deepEqual(api.statusBar(), before));
  });

  test('"Re-check Workspace" reloads everything and publishes the same problems', async () => {
    const editor = await openEditor(file('defects/shop.touchpoints.yaml'));
    await vscode.commands.executeCommand('peakend.recheck');
    assert.deepEqual(sortedLines(diagnostics(editor.document.uri)), sortedLines(expected().findings['defects/shop.touchpoints.yaml']!));
  });
});
