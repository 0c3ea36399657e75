// Activation in a Peakend workspace: by its workspaceContains events, not because a test asked.
// (inactive.itest.ts checks the other half in a workspace with only plain YAML files.)
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { extension, until } from './helpers';

suite('activation', () => {
  test('activates by itself in a folder with Peakend files', async () => {
    const ext = extension();
    // No ext.activate() here: that would activate it whatever its activation events say.
    await until(() => ext.isActive, 'the extension to activate', 20_000);
    assert.equal(ext.packageJSON.main, './dist/extension.cjs');
  });

  test('exports the API the tests use, and its commands are registered', async () => {
    const api = extension().exports;
    assert.equal(typeof api.whenIdle, 'function');
    await api.whenIdle();
    assert.match(api.statusBar().text, /Peakend/);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['peakend.newJourney', 'peakend.newTouchpoints', 'peakend.newStandards', 'peakend.recheck', 'peakend.showLog']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });
});
