// Restricted Mode (an untrusted folder): Peakend still checks and navigates, but writes nothing:
// no quick fixes, no rename, no new files, and not one byte of the workspace changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, expected, file, hashWorkspace, openEditor, peakend, ruleOf, sortedLines, until } from './helpers';

const JOURNEY = 'homeowner.journey.yaml';
const INVENTORY = 'property.touchpoints.yaml';

suite('Restricted Mode', () => {
  suiteSetup(async () => {
    await peakend();
    await closeAll();
  });
  suiteTeardown(closeAll);

  test('the folder is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('diagnostics still equal the CLI\'s', async () => {
    const { files, findings } = expected();
    for (const rel of files) await openEditor(file(rel));
    const actual = Object.fromEntries(files.map((rel) => [rel, sortedLines(diagnostics(file(rel)))]));
    assert.deepEqual(actual, Object.fromEntries(files.map((rel) => [rel, sortedLines(findings[rel] ?? [])])));
    assert.ok(Object.keys(findings).length > 0);
  });

  test('navigation still works', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, at(doc, '[property-repair]', 'repair'));
    assert.deepEqual(defs.map((l) => `${l.uri.path.split('/').pop()}:${l.range.start.line + 1}`), ['property.touchpoints.yaml:119']);
  });

  test('no quick fixes are offered', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    const d = diagnostics(doc.uri).find((x) => ruleOf(x) === 'missing-persona-score');
    assert.ok(d);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    assert.deepEqual(actions.map((a) => a.title), []);
  });

  test('rename is refused', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    const where = at(doc, '[property-repair]', 'repair');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, where)), /Restricted Mode/);
    const edit = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, where, 'home-repair')).catch(() => undefined);
    assert.equal(edit?.size ?? 0, 0);
    assert.equal(doc.isDirty, false);
  });

  test('the New … commands create no file and ask nothing', async () => {
    const original = vscode.window.showInputBox;
    let asked = 0;
    (vscode.window as { showInputBox: unknown }).showInputBox = async () => {
      asked++;
      return 'new-visit';
    };
    try {
      for (const command of ['peakend.newJourney', 'peakend.newTouchpoints', 'peakend.newStandards']) {
        assert.equal(await vscode.commands.executeCommand(command, file('.')), undefined);
      }
    } finally {
      (vscode.window as { showInputBox: unknown }).showInputBox = original;
    }
    assert.equal(asked, 0);
    assert.ok(!fs.existsSync(file('new-visit.journey.yaml').fsPath));
  });

  test('CodeLens shows standards and audits, and offers no checklist to generate', async () => {
    const doc = (await openEditor(file(INVENTORY))).document;
    const line = doc.getText().split('\n').findIndex((l) => l.trim() === '- id: service-hotline');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.deepEqual(lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title), ['4 standards apply', 'Last audit 2026-12-01: — · incomplete']);
  });

  test('checklist generation is refused, with a reason, and writes nothing', async () => {
    const original = vscode.window.showWarningMessage;
    const originalInput = vscode.window.showInputBox;
    const warned: string[] = [];
    let asked = 0;
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = async (m: string) => void warned.push(m);
    (vscode.window as { showInputBox: unknown }).showInputBox = async () => {
      asked++;
      return '北区';
    };
    try {
      await openEditor(file(INVENTORY));
      assert.equal(await vscode.commands.executeCommand('peakend.generateChecklist', 'service-hotline'), undefined);
      assert.equal(await vscode.commands.executeCommand('peakend.generateAllChecklists'), undefined);
      assert.equal(await vscode.commands.executeCommand('peakend.generateChecklist', 'service-hotline', file(INVENTORY), { site: '北区', date: '2026-12-24' }), undefined);
      assert.equal(await vscode.commands.executeCommand('peakend.compareWith', file(JOURNEY), 'HEAD'), undefined);
    } finally {
      (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
      (vscode.window as { showInputBox: unknown }).showInputBox = originalInput;
    }
    // Not even the audit's site and auditor are asked for.
    assert.equal(asked, 0);
    assert.deepEqual(warned, [
      'Peakend writes no checklists in Restricted Mode. Trust the folder to generate them.',
      'Peakend writes no checklists in Restricted Mode. Trust the folder to generate them.',
      'Peakend writes no checklists in Restricted Mode. Trust the folder to generate them.',
      'Comparing with a git revision runs git, which Restricted Mode does not allow.',
    ]);
  });

  test('scores and the audit report are shown: they only read', async () => {
    const score = await vscode.commands.executeCommand<{ outcome: string; overall: { passedWeight: number; answeredWeight: number } }>('peakend.scoreChecklist', file('audits/service-hotline/2026-10-15-北区.md'));
    assert.deepEqual([score.outcome, score.overall.passedWeight, score.overall.answeredWeight], ['fail', 6, 7]);
    // Each page runs its script from the extension, as in a trusted folder.
    const api = await peakend();
    assert.deepEqual(await until(() => api.reportRendered('peakend.auditScore'), 'the score page to run'), { charts: 0, lines: [], errors: [] });
    const report = await vscode.commands.executeCommand<{ html: string }>('peakend.openAuditReport');
    assert.match(report.html, /<h1>Audit report<\/h1>/);
    assert.deepEqual(await until(() => api.reportRendered('peakend.auditReport'), 'the report page to run'), { charts: 0, lines: [], errors: [] });
  });

  test('the preview opens and draws; export refuses and writes nothing', async () => {
    await openEditor(file(JOURNEY));
    await vscode.commands.executeCommand('peakend.openPreviewToSide');
    const api = await peakend();
    const s = await until(() => (api.previews()[0]?.summary?.svg ? api.previews()[0]!.summary : undefined), 'the preview to render', 20_000);
    assert.equal(s.svg, true);
    assert.equal(s.lines, 2);
    assert.equal(s.exportButtons, 0);
    const target = file('homeowner.svg');
    for (const format of ['svg', 'png', 'html']) {
      assert.equal(await vscode.commands.executeCommand('peakend.exportPreview', format, target), undefined);
    }
    assert.ok(!fs.existsSync(target.fsPath));
  });

  test('not one file of the workspace changed', async () => {
    await closeAll();
    const p = process.env.PEAKEND_TEST_HASHES;
    assert.ok(p, 'PEAKEND_TEST_HASHES is not set');
    assert.deepEqual(hashWorkspace(), JSON.parse(fs.readFileSync(p, 'utf8')));
  });
});
