// Completion offers the IDs the format expects at the cursor: touchpoints in a step's list,
// personas as emotion keys, standards in a touchpoint's list, each with its name, none twice.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, file, openEditor, readDisk, revertAll } from './helpers';

const PM = 'property-management';

/** The IDs of a file's top-level list entries (`  - id: x`), read from the copy on disk. */
function listIds(rel: string): string[] {
  return [...readDisk(rel).matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]!);
}

/** Peakend's items at a position (other providers, e.g. word-based suggestions, use plain labels). */
async function complete(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items.filter((i) => typeof i.label === 'object');
}
const label = (i: vscode.CompletionItem) => (i.label as vscode.CompletionItemLabel).label;

suite('completion', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);
  teardown(revertAll);

  test("a step's touchpoint list offers every touchpoint of the inventory except those listed", async () => {
    const editor = await openEditor(file(`${PM}/homeowner.journey.yaml`));
    await editor.edit((b) => b.insert(at(editor.document, 'touchpoints: [property-repair]', ']'), ', '));
    const items = await complete(editor.document, at(editor.document, 'touchpoints: [property-repair, ]', ']'));
    const all = listIds(`${PM}/property.touchpoints.yaml`);
    assert.equal(all.length, 19);
    assert.deepEqual(items.map(label).sort(), all.filter((id) => id !== 'property-repair').sort());
    const hotline = items.find((i) => label(i) === 'service-hotline')!;
    assert.equal((hotline.label as vscode.CompletionItemLabel).detail?.trim(), '物业服务热线');
    assert.equal(hotline.kind, vscode.CompletionItemKind.Reference);
  });

  test('a partly typed ID is replaced as a whole', async () => {
    const editor = await openEditor(file(`${PM}/homeowner.journey.yaml`));
    await editor.edit((b) => b.insert(at(editor.document, 'touchpoints: [ad-online]', ']'), ', sales-'));
    const cursor = at(editor.document, 'touchpoints: [ad-online, sales-]', ']');
    const items = await complete(editor.document, cursor);
    const site = items.find((i) => label(i) === 'sales-site');
    assert.ok(site, 'sales-site is not offered');
    assert.deepEqual(site.range, new vscode.Range(cursor.translate(0, -'sales-'.length), cursor));
  });

  test('an emotions mapping offers only the personas not yet scored', async () => {
    const editor = await openEditor(file(`${PM}/homeowner.journey.yaml`));
    // repair-visit scores only first-time-buyer, in a block mapping: start a new key below it.
    const next = at(editor.document, '          first-time-buyer: 1\n        momentOfTruth', '        momentOfTruth');
    await editor.edit((b) => b.insert(next, '          \n'));
    const items = await complete(editor.document, next.translate(0, 10));
    assert.deepEqual(items.map(label), ['upgrader']);
    assert.equal(items[0]!.kind, vscode.CompletionItemKind.User);
  });

  test("a touchpoint's standards list offers the standards of every standards file", async () => {
    const editor = await openEditor(file(`${PM}/property.touchpoints.yaml`));
    await editor.edit((b) => b.insert(at(editor.document, 'standards: [fee-notice-clear]', ']'), ', '));
    const items = await complete(editor.document, at(editor.document, 'standards: [fee-notice-clear, ]', ']'));
    const all = ['complaints', 'marketing', 'repair-staff', 'service-center'].flatMap((n) => listIds(`${PM}/${n}.standards.yaml`));
    assert.ok(all.length > 20);
    assert.deepEqual(items.map(label).sort(), all.filter((id) => id !== 'fee-notice-clear').sort());
  });

  test('nothing is offered where no ID belongs', async () => {
    const editor = await openEditor(file(`${PM}/homeowner.journey.yaml`));
    assert.deepEqual(await complete(editor.document, at(editor.document, 'title: 维修人员上门', '维修')), []);
  });
});
