// A folder with only plain YAML files (docker-compose.yaml, a CI workflow, a journey.yaml that is not
// named *.journey.yaml): Peakend must stay inactive, even with those files open in editors.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { extension, file, sleep, until } from './helpers';

suite('activation in a workspace without Peakend files', () => {
  test('the extension is installed but not active', async () => {
    const ext = extension();
    // Give workspaceContains and onStartupFinished time to have happened.
    await sleep(3_000);
    assert.equal(ext.isActive, false);
  });

  test('opening plain YAML files does not activate it, and they get no Peakend diagnostics', async () => {
    for (const rel of ['docker-compose.yaml', '.github/workflows/ci.yml', 'config/journey.yaml']) {
      await vscode.commands.executeCommand('vscode.open', file(rel));
      await until(() => vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file(rel).fsPath), `${rel} to open`);
    }
    await sleep(2_000);
    const ext = extension();
    assert.equal(ext.isActive, false);
    const peakend = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds).filter((d) => d.source === 'peakend');
    assert.deepEqual(peakend, []);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(!commands.includes('peakend.recheck'), 'peakend.recheck is registered, so the extension ran');
  });
});
