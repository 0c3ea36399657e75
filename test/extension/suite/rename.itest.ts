// Rename edits every file that writes the ID, and refuses names that collide or break the ID pattern.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, eventually, expected, file, openEditor, relativePath, revertAll, ruleOf, sortedLines } from './helpers';

const PM = 'property-management';

async function renameEdit(doc: vscode.TextDocument, p: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  return vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, p, newName);
}

/** How many edits the rename makes in each file. */
function editsPerFile(edit: vscode.WorkspaceEdit): Record<string, number> {
  return Object.fromEntries(edit.entries().map(([uri, edits]) => [relativePath(uri), edits.length]));
}

async function text(rel: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(file(rel))).getText();
}

/** Why a rename was refused: the error the provider threw, as VS Code hands it back. */
async function refusal(run: () => Thenable<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  assert.fail('the rename was not refused');
}

suite('rename', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);
  teardown(revertAll);

  test('a touchpoint ID: the inventory, the journey and every standard that names it', async () => {
    const journey = (await openEditor(file(`${PM}/homeowner.journey.yaml`))).document;
    const where = at(journey, '[property-repair]', 'repair');
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', journey.uri, where);
    assert.equal(prepared.placeholder, 'property-repair');
    const edit = await renameEdit(journey, where, 'home-repair');
    assert.deepEqual(editsPerFile(edit), {
      [`${PM}/homeowner.journey.yaml`]: 1,
      [`${PM}/property.touchpoints.yaml`]: 1,
      [`${PM}/repair-staff.standards.yaml`]: 6,
    });
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const rel of ['homeowner.journey.yaml', 'property.touchpoints.yaml', 'repair-staff.standards.yaml']) {
      const t = await text(`${PM}/${rel}`);
      assert.ok(!t.includes('property-repair'), `${rel} still names property-repair`);
      assert.ok(t.includes('home-repair'), `${rel} does not name home-repair`);
    }
    assert.equal((await text(`${PM}/repair-staff.standards.yaml`)).split('touchpoints: [home-repair]').length - 1, 6);
    // Still consistent: the journey reports exactly what it did before.
    await eventually(() => assert.deepEqual(sortedLines(diagnostics(journey.uri)), sortedLines(expected().findings[`${PM}/homeowner.journey.yaml`] ?? [])));
  });

  test('a persona ID, to a Chinese ID: the personas file, the journey list, every score and quote', async () => {
    const personas = (await openEditor(file(`${PM}/owners.personas.yaml`))).document;
    const edit = await renameEdit(personas, at(personas, '- id: upgrader', 'upgrader'), '改善型');
    const journeyBefore = await text(`${PM}/homeowner.journey.yaml`);
    const inJourney = journeyBefore.split('upgrader').length - 1;
    assert.deepEqual(editsPerFile(edit), { [`${PM}/owners.personas.yaml`]: 1, [`${PM}/homeowner.journey.yaml`]: inJourney });
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await text(`${PM}/homeowner.journey.yaml`), journeyBefore.replaceAll('upgrader', '改善型'));
    const journey = await vscode.workspace.openTextDocument(file(`${PM}/homeowner.journey.yaml`));
    await eventually(() => {
      const missing = diagnostics(journey.uri).filter((d) => ruleOf(d) === 'missing-persona-score');
      assert.deepEqual(missing.map((d) => d.message), ['Step "repair-visit" has no emotion score for persona "改善型".']);
    });
  });

  test('refuses a name already taken, an invalid ID, and a place that is not an ID', async () => {
    const journey = (await openEditor(file(`${PM}/homeowner.journey.yaml`))).document;
    const where = at(journey, '[property-repair]', 'repair');
    assert.match(await refusal(() => renameEdit(journey, where, 'service-hotline')), /service-hotline/);
    assert.match(await refusal(() => renameEdit(journey, where, 'has space')), /has space/);
    assert.match(await refusal(() => vscode.commands.executeCommand('vscode.prepareRename', journey.uri, at(journey, 'title: 维修人员上门', '维修'))), /Only IDs of journeys, stages, steps, touchpoints, standards and personas can be renamed/);
    assert.equal(journey.isDirty, false);
  });
});
