// "Peakend: New Journey Map / Touchpoint Inventory / Service Standards": a file named by its ID,
// filled from templates/, opened, and valid in the workspace it lands in. Never over an existing file.
// The input boxes are answered by replacing vscode.window.showInputBox: this module shares the
// extension's `vscode` API object because it lives under the extension's folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, diagnostics, eventually, file, readDisk, until } from './helpers';

type InputBox = typeof vscode.window.showInputBox;
type ErrorMessage = typeof vscode.window.showErrorMessage;
const original = { showInputBox: vscode.window.showInputBox, showErrorMessage: vscode.window.showErrorMessage };
const asked: vscode.InputBoxOptions[] = [];
const errors: string[] = [];

/** The next input boxes get these answers (undefined = Escape). */
function answer(...answers: (string | undefined)[]): void {
  (vscode.window as { showInputBox: InputBox }).showInputBox = async (options?: vscode.InputBoxOptions) => {
    asked.push(options ?? {});
    return answers.shift();
  };
  (vscode.window as { showErrorMessage: ErrorMessage }).showErrorMessage = (async (message: string) => {
    errors.push(message);
    return undefined;
  }) as ErrorMessage;
}

const created: string[] = [];

suite('templates', () => {
  suiteSetup(closeAll);
  teardown(() => {
    Object.assign(vscode.window, original);
    asked.length = 0;
    errors.length = 0;
  });
  suiteTeardown(async () => {
    await closeAll();
    for (const rel of created) fs.rmSync(file(rel).fsPath, { force: true });
  });

  for (const [command, kind, id] of [
    ['peakend.newJourney', 'journey', 'new-visit'],
    ['peakend.newTouchpoints', 'touchpoints', 'new-channel'],
    ['peakend.newStandards', 'standards', 'new-rules'],
  ] as const) {
    test(`${command}: ${id}.${kind}.yaml, opened, with no problems`, async () => {
      const rel = `property-management/${id}.${kind}.yaml`;
      created.push(rel);
      answer(id, '新的 # title: with "quotes"');
      const uri = await vscode.commands.executeCommand<vscode.Uri>(command, file('property-management'));
      assert.equal(uri?.fsPath, file(rel).fsPath);
      const text = readDisk(rel);
      assert.match(text, new RegExp(`^kind: ${kind}$`, 'm'));
      assert.match(text, new RegExp(`^id: ${id}$`, 'm'));
      assert.match(text, /^title: "新的 # title: with \\"quotes\\""$/m);
      if (kind === 'journey') assert.match(text, /^personas: \[first-time-buyer\]$/m, 'the journey should score the workspace\'s first persona');
      await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === file(rel).fsPath, 'the new file to open');
      await eventually(() => assert.deepEqual(diagnostics(file(rel)).map((d) => d.message), []));
      assert.equal(asked.length, 2);
    });
  }

  test('the ID box accepts only valid IDs', async () => {
    answer(undefined);
    await vscode.commands.executeCommand('peakend.newJourney', file('property-management'));
    const validate = asked[0]?.validateInput;
    assert.ok(validate, 'the ID box has no validateInput');
    assert.equal(await validate('新旅程_2'), undefined);
    assert.ok(await validate('has space'));
    assert.ok(await validate('a/b'));
    assert.equal(await validate('Com1'), '"Com1" names a device on Windows and cannot be a file name: choose another ID.');
    assert.equal(await validate('nul '), '"nul" names a device on Windows and cannot be a file name: choose another ID.');
  });

  test('an existing file is never overwritten', async () => {
    const before = readDisk('property-management/homeowner.journey.yaml');
    answer('homeowner', 'Title');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('peakend.newJourney', file('property-management'));
    assert.equal(uri, undefined);
    assert.equal(readDisk('property-management/homeowner.journey.yaml'), before);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /homeowner\.journey\.yaml already exists/);
  });

  test('Escape in the ID box creates nothing', async () => {
    const before = fs.readdirSync(file('property-management').fsPath).sort();
    answer(undefined);
    assert.equal(await vscode.commands.executeCommand('peakend.newStandards', file('property-management')), undefined);
    assert.deepEqual(fs.readdirSync(file('property-management').fsPath).sort(), before);
  });
});
