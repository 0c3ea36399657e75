// Unsaved text is what gets checked: typing an error into an open document reports it without
// saving, fixing it clears it, and files that depend on the edited one are re-checked with it.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, eventually, expected, file, openEditor, readDisk, rangeOf, revertAll, ruleOf, sortedLines } from './helpers';

const JOURNEY = 'property-management/homeowner.journey.yaml';
const INVENTORY = 'property-management/property.touchpoints.yaml';

suite('editing', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);
  teardown(revertAll);

  test('a typed error is reported without saving, and removing it clears the diagnostic', async () => {
    const editor = await openEditor(file(JOURNEY));
    const doc = editor.document;
    const onDisk = readDisk(JOURNEY);
    // Type ", no-such-touchpoint" after the step's touchpoint, keystroke by keystroke through the editor.
    const after = at(doc, 'touchpoints: [property-repair]', ']');
    editor.selection = new vscode.Selection(after, after);
    for (const ch of ', no-such-touchpoint') await vscode.commands.executeCommand('type', { text: ch });
    assert.ok(doc.isDirty);
    await eventually(() => {
      const unknown = diagnostics(doc.uri).filter((d) => ruleOf(d) === 'unknown-touchpoint');
      assert.equal(unknown.length, 1);
      assert.deepEqual(unknown[0]!.range, rangeOf(doc, 'no-such-touchpoint'));
      assert.match(unknown[0]!.message, /Unknown touchpoint "no-such-touchpoint"/);
    });
    assert.equal(readDisk(JOURNEY), onDisk, 'the file on disk changed');

    // Delete what was typed: back to exactly what the CLI reports for the file.
    await editor.edit((b) => b.delete(rangeOf(doc, ', no-such-touchpoint')));
    await eventually(() => assert.deepEqual(sortedLines(diagnostics(doc.uri)), sortedLines(expected().findings[JOURNEY] ?? [])));
  });

  test('an unfinished line (YAML syntax error) is reported while typing', async () => {
    const editor = await openEditor(file(JOURNEY));
    const doc = editor.document;
    await editor.edit((b) => b.insert(at(doc, 'owner: 客户关系中心'), 'tags: [unclosed\n'));
    await eventually(() => assert.ok(diagnostics(doc.uri).some((d) => ruleOf(d) === 'yaml-syntax'), 'no yaml-syntax diagnostic'));
    await editor.edit((b) => b.delete(rangeOf(doc, 'tags: [unclosed\n')));
    await eventually(() => assert.deepEqual(sortedLines(diagnostics(doc.uri)), sortedLines(expected().findings[JOURNEY] ?? [])));
  });

  test('an unsaved change in one file re-checks the open files that refer to it', async () => {
    const journey = (await openEditor(file(JOURNEY))).document;
    const inventory = await openEditor(file(INVENTORY));
    // Rename the touchpoint in the inventory only: the journey's reference becomes unknown.
    await inventory.edit((b) => b.insert(at(inventory.document, '- id: property-repair', 'property-repair').translate(0, 'property-repair'.length), '-x'));
    await eventually(() => {
      const unknown = diagnostics(journey.uri).filter((d) => ruleOf(d) === 'unknown-touchpoint');
      assert.deepEqual(unknown.map((d) => journey.getText(d.range)), ['property-repair']);
    });
    assert.equal(journey.isDirty, false);
    await inventory.edit((b) => b.delete(rangeOf(inventory.document, 'property-repair-x', '-x')));
    await eventually(() => assert.deepEqual(diagnostics(journey.uri).filter((d) => ruleOf(d) === 'unknown-touchpoint'), []));
  });
});
