// Each quick fix edits the document as its title says, and the problem it fixes goes away.
// Most run on the defects workspace (a CRLF file with a BOM and Chinese IDs among them).
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, eventually, file, lf, openEditor, rangeOf, revertAll, ruleOf } from './helpers';

const JOURNEY = 'defects/门店.journey.yaml';
const INVENTORY = 'defects/shop.touchpoints.yaml';
const STANDARDS = 'defects/shop.standards.yaml';

/**
 * The quick fixes VS Code offers at a diagnostic's range: those of every diagnostic there (the tests
 * pick ranges with one). The command's results do not carry their diagnostics back.
 */
async function quickFixes(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
  assert.ok(actions.length, `no quick fixes for ${ruleOf(d)}`);
  return actions;
}

function diagnostic(doc: vscode.TextDocument, rule: string, text?: string): vscode.Diagnostic {
  const d = diagnostics(doc.uri).find((x) => ruleOf(x) === rule && (text === undefined || doc.getText(x.range) === text || x.message.includes(text)));
  assert.ok(d, `no ${rule} diagnostic${text ? ` for ${text}` : ''} in ${doc.uri.path}`);
  return d;
}

/** Applies the fix with this title for the diagnostic. */
async function applyFix(doc: vscode.TextDocument, d: vscode.Diagnostic, title: string): Promise<void> {
  const actions = await quickFixes(doc, d);
  const fix = actions.find((a) => a.title === title);
  assert.ok(fix?.edit, `no fix "${title}"; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
}

/** Lines of a document, \n-separated, whatever its line ends. */
const lines = (doc: vscode.TextDocument) => lf(doc.getText()).split('\n');

suite('quick fixes', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);
  teardown(revertAll);

  test('each problem offers its fixes and "Disable … for this line"; a single suggestion is preferred', async () => {
    const doc = (await openEditor(file(STANDARDS))).document;
    const actions = await quickFixes(doc, diagnostic(doc, 'unknown-dimension'));
    assert.deepEqual(
      actions.map((a) => [a.title, Boolean(a.isPreferred), a.kind?.value]),
      [
        ['Change to "etiquette"', true, 'quickfix'],
        ['Disable unknown-dimension for this line', false, 'quickfix'],
      ],
    );
  });

  test('Change to "etiquette" (unknown dimension)', async () => {
    const doc = (await openEditor(file(STANDARDS))).document;
    await applyFix(doc, diagnostic(doc, 'unknown-dimension'), 'Change to "etiquette"');
    assert.ok(lines(doc).includes('    dimension: etiquette'));
    await eventually(() => assert.ok(!diagnostics(doc.uri).some((d) => ruleOf(d) === 'unknown-dimension')));
  });

  test('Set the score to 3 (score outside the scale), in a CRLF file with a BOM', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    await applyFix(doc, diagnostic(doc, 'score-out-of-scale'), 'Set the score to 3');
    assert.ok(lines(doc).includes('        emotions: { 顾客: 3, member: 1 }'));
    await eventually(() => assert.ok(!diagnostics(doc.uri).some((d) => ruleOf(d) === 'score-out-of-scale')));
  });

  test('Change to "顾客" (persona not of the journey) also clears the missing score it caused', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    await applyFix(doc, diagnostic(doc, 'unknown-persona'), 'Change to "顾客"');
    assert.ok(lines(doc).includes('        emotions: { 顾客: 2, member: -1 }'));
    await eventually(() => {
      assert.ok(!diagnostics(doc.uri).some((d) => ruleOf(d) === 'unknown-persona'));
      assert.deepEqual(diagnostics(doc.uri).filter((d) => ruleOf(d) === 'missing-persona-score').map((d) => d.message), ['Step "leave" has no emotion score for persona "member".']);
    });
  });

  test('Add a score for "member" (block mapping), keeping the file\'s CRLF line ends', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    await applyFix(doc, diagnostic(doc, 'missing-persona-score', 'leave'), 'Add a score for "member"');
    const l = lines(doc);
    const i = l.indexOf('      - id: leave');
    assert.deepEqual(l.slice(i + 3, i + 6), ['        emotions:', '          顾客: 1', '          member: 0']);
    assert.ok(!/[^\r]\n/.test(doc.getText()), 'a bare \\n in a CRLF document');
    await eventually(() => assert.ok(!diagnostics(doc.uri).some((d) => d.message.includes('"leave"'))));
  });

  test('Create touchpoint "门店迎宾" in shop.touchpoints.yaml: a valid stub in the other file', async () => {
    const journey = (await openEditor(file(JOURNEY))).document;
    await applyFix(journey, diagnostic(journey, 'unknown-touchpoint', '门店迎宾'), 'Create touchpoint "门店迎宾" in shop.touchpoints.yaml');
    const inventory = await vscode.workspace.openTextDocument(file(INVENTORY));
    assert.ok(inventory.isDirty, 'the inventory was not edited');
    assert.deepEqual(lines(inventory).slice(-7), ['    type: human', '  - id: 门店迎宾', '    name: 门店迎宾', '    phase: service', '    channel: store', '    type: human', '']);
    await eventually(() => assert.ok(!diagnostics(journey.uri).some((d) => ruleOf(d) === 'unknown-touchpoint')));
  });

  test('Create persona "vip" in people.personas.yaml, for a persona typed into the journey', async () => {
    const editor = await openEditor(file(JOURNEY));
    await editor.edit((b) => b.replace(rangeOf(editor.document, 'personas: [顾客, member]'), 'personas: [顾客, member, vip]'));
    await eventually(() => assert.ok(diagnostics(editor.document.uri).some((d) => ruleOf(d) === 'unknown-persona' && editor.document.getText(d.range) === 'vip')));
    await applyFix(editor.document, diagnostic(editor.document, 'unknown-persona', 'vip'), 'Create persona "vip" in people.personas.yaml');
    const personas = await vscode.workspace.openTextDocument(file('defects/people.personas.yaml'));
    assert.deepEqual(lines(personas).slice(-4), ['    name: 会员', '  - id: vip', '    name: vip', '']);
    await eventually(() => assert.ok(!diagnostics(editor.document.uri).some((d) => editor.document.getText(d.range) === 'vip')));
  });

  test('Disable unknown-standard for this line: a comment above, at the line\'s indentation', async () => {
    const doc = (await openEditor(file(INVENTORY))).document;
    await applyFix(doc, diagnostic(doc, 'unknown-standard'), 'Disable unknown-standard for this line');
    const l = lines(doc);
    const i = l.indexOf('    standards: [greet-customer, smile-always]');
    assert.equal(l[i - 1], '    # peakend-disable-next-line unknown-standard');
    await eventually(() => assert.ok(!diagnostics(doc.uri).some((d) => ruleOf(d) === 'unknown-standard')));
  });

  test('a second rule disabled on the same line joins the existing comment', async () => {
    const doc = (await openEditor(file(INVENTORY))).document;
    const second = (rule: string) => diagnostics(doc.uri).find((d) => ruleOf(d) === rule && d.range.start.line === at(doc, '  - id: checkout', '', 1).line);
    await applyFix(doc, second('duplicate-id')!, 'Disable duplicate-id for this line');
    await eventually(() => assert.ok(second('uncovered-touchpoint') && !second('duplicate-id')));
    await applyFix(doc, second('uncovered-touchpoint')!, 'Disable uncovered-touchpoint for this line');
    const l = lines(doc);
    const i = l.lastIndexOf('  - id: checkout');
    assert.equal(l[i - 1], '  # peakend-disable-next-line duplicate-id, uncovered-touchpoint');
    await eventually(() => assert.equal(second('uncovered-touchpoint'), undefined));
    // The other definition of the duplicate ID still reports it.
    assert.equal(diagnostics(doc.uri).filter((d) => ruleOf(d) === 'duplicate-id').length, 1);
  });

  test('in the example: Add a score for "upgrader" leaves the journey with only its peak-end judgements', async () => {
    const doc = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    await applyFix(doc, diagnostic(doc, 'missing-persona-score'), 'Add a score for "upgrader"');
    const l = lines(doc);
    const i = l.indexOf('      - id: repair-visit');
    assert.deepEqual(l.slice(i + 5, i + 8), ['          first-time-buyer: 1', '          upgrader: 0', '        momentOfTruth: true']);
    // The neutral score joins upgrader's average, (−7 + 0) / 13; the weak ending stays.
    await eventually(() =>
      assert.deepEqual(
        diagnostics(doc.uri)
          .map((d) => ruleOf(d))
          .sort(),
        ['negative-moment-of-truth', 'negative-moment-of-truth', 'persona-gap', 'weak-ending', 'weak-ending'],
      ),
    );
  });
});
