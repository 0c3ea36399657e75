// Hostile files in the workspace must not take the extension host down or stop it answering: nesting
// thousands of levels deep, a huge flat list, many copies of one ID, an alias to nothing, a binary
// file and a UTF-16 one. They are written into the defects workspace while the host runs, opened,
// and then an ordinary file must still get its hover and exactly the CLI's diagnostics. Its own suite
// (scripts/test-extension.mjs --suite hostile), so that a host brought down fails only these tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, eventually, expected, file, openEditor, peakend, ruleOf, sortedLines } from './helpers';

const DIR = 'defects/hostile';

const FILES: Record<string, string | Buffer> = {
  'deep.journey.yaml': `peakend: 1\nkind: journey\nid: deep\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  'flat.personas.yaml': `peakend: 1\nkind: personas\npersonas:\n${Array.from({ length: 20_000 }, (_, i) => `  - { id: flat-${i}, name: n }\n`).join('')}`,
  'copies.personas.yaml': `peakend: 1\nkind: personas\npersonas:\n${'  - { id: same-everywhere, name: n }\n'.repeat(300)}`,
  'alias.personas.yaml': 'peakend: 1\nkind: personas\npersonas:\n  - { id: aliased, name: *nowhere }\n',
  'binary.personas.yaml': Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  'utf16.personas.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('peakend: 1\nkind: personas\npersonas: []\n', 'utf16le')]),
};

async function setScope(scope: 'openFiles' | 'workspace' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('peakend').update('problems.scope', scope, vscode.ConfigurationTarget.Global);
  await (await peakend()).whenIdle();
}

suite('hostile files', function () {
  this.timeout(180_000);

  suiteSetup(async () => {
    await closeAll();
    fs.mkdirSync(file(DIR).fsPath, { recursive: true });
    for (const [name, content] of Object.entries(FILES)) fs.writeFileSync(path.join(file(DIR).fsPath, name), content);
    // Closed files count too, so that the files never opened as text (binary) show what was found. The
    // change of scope reloads the workspace, which reads the files above from disk; a new folder's
    // files written at once can escape the file watcher.
    await setScope('workspace');
  });

  suiteTeardown(async () => {
    await closeAll();
    // Back to open files only first, so that the large files stop being kept in the Problems panel.
    await setScope(undefined);
    fs.rmSync(file(DIR).fsPath, { recursive: true, force: true });
    await eventually(() => assert.deepEqual(diagnostics(file(`${DIR}/copies.personas.yaml`)), []), 120_000);
  });

  test('each is reported, read from disk and opened in an editor', async () => {
    const api = await peakend();
    // The binary file is read from disk only: VS Code does not open it as text.
    await eventually(() => {
      assert.deepEqual(diagnostics(file(`${DIR}/binary.personas.yaml`)).map(ruleOf), ['file-encoding']);
      assert.deepEqual(diagnostics(file(`${DIR}/utf16.personas.yaml`)).map(ruleOf), ['file-encoding']);
      assert.ok(diagnostics(file(`${DIR}/alias.personas.yaml`)).length > 0, 'the undefined alias is reported');
      assert.ok(diagnostics(file(`${DIR}/copies.personas.yaml`)).some((d) => ruleOf(d) === 'duplicate-id'), 'the copies are reported');
    }, 60_000);
    for (const name of ['deep.journey.yaml', 'flat.personas.yaml', 'copies.personas.yaml', 'alias.personas.yaml']) {
      await openEditor(file(`${DIR}/${name}`));
      await api.whenIdle();
    }
    assert.ok(diagnostics(file(`${DIR}/deep.journey.yaml`)).length > 0, 'the deep nesting is reported');
    assert.deepEqual(diagnostics(file(`${DIR}/flat.personas.yaml`)), []);
  });

  test('the host still answers: a hover and exactly the CLI diagnostics on an ordinary file', async () => {
    const doc = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, 'touchpoints: [property-repair]', 'repair'));
    const texts = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n').replace(/\\([-.()`])/g, '$1'));
    assert.ok(texts.some((t) => t.startsWith('Touchpoint `property-repair`')), `no Peakend hover in ${JSON.stringify(texts)}`);
    const rel = 'defects/people.personas.yaml';
    await openEditor(file(rel));
    await eventually(() => assert.deepEqual(sortedLines(diagnostics(file(rel))), sortedLines(expected().findings[rel] ?? [])));
  });
});
