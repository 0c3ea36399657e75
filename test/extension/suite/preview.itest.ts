// The preview in the real host: it opens beside the example journey, and what its webview reports
// from its own DOM (lines, markers, table cells) follows the unsaved buffer, the cursor, clicks and
// the persona filter; it follows the active editor; export writes the files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { PreviewInfo } from '../../../src/extension/preview/manager';
import type { RenderSummary } from '../../../src/extension/preview/protocol';
import { at, closeAll, file, openEditor, peakend, revertAll, until } from './helpers';

const JOURNEY = 'property-management/homeowner.journey.yaml';
const INVENTORY = 'property-management/property.touchpoints.yaml';

async function preview(): Promise<PreviewInfo[]> {
  return (await peakend()).previews();
}

/** Waits until the one open preview's page reports a render that satisfies `check`. */
async function rendered(check: (s: RenderSummary, p: PreviewInfo) => boolean, what: string): Promise<RenderSummary> {
  let last: PreviewInfo[] = [];
  try {
    return await until(async () => {
      last = await preview();
      const p = last[0];
      return last.length === 1 && p?.summary && check(p.summary, p) ? p.summary : undefined;
    }, what, 20_000);
  } catch (e) {
    throw new Error(`${(e as Error).message}; previews: ${JSON.stringify(last.map((p) => ({ ...p, summary: p.summary && { ...p.summary, tables: p.summary.tables.map((t) => t.rows.length) } })))}`);
  }
}

async function openJourneyPreview(): Promise<vscode.TextEditor> {
  const editor = await openEditor(file(JOURNEY));
  await vscode.commands.executeCommand('peakend.openPreviewToSide');
  await rendered((s) => s.svg && s.tables.length === 2, 'the journey preview');
  return editor;
}

suite('preview', () => {
  suiteSetup(async () => {
    await peakend();
    await closeAll();
  });
  suiteTeardown(closeAll);
  teardown(async () => {
    await revertAll();
    await closeAll();
  });

  test('preview: opens beside the example journey with one line per persona, the markers, the tables and findings', async () => {
    const editor = await openJourneyPreview();
    const [p] = await preview();
    assert.equal(p!.resource, editor.document.uri.toString());
    assert.equal(p!.title, 'Preview homeowner.journey.yaml');
    assert.equal(p!.locked, false);
    const s = p!.summary!;
    assert.equal(s.chartError, undefined);
    assert.equal(s.lines, 2);
    assert.deepEqual(s.markers, { best: 2, worst: 2, end: 2 });
    assert.deepEqual(s.shownPersonas, ['首次置业业主', '改善型业主']);
    assert.deepEqual(s.tables.map((t) => t.rows.length), [13, 2]);
    // Step 5 (inspect-house): -3 worst for first-time-buyer, -4 worst for upgrader, a moment of truth.
    assert.deepEqual(s.tables[0]!.rows[4]!.slice(0, 6), ['5', '', '陪同验房 (inspect-house)', '-3 ▼', '-4 ▼', '★']);
    assert.equal(s.exportButtons, 3);
    // The preview opened beside the editor, which keeps the focus.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  test('preview: typing a score changes the preview before the file is saved', async () => {
    const editor = await openJourneyPreview();
    const doc = editor.document;
    const where = at(doc, 'emotions: { first-time-buyer: 1, upgrader: 0 }', '1');
    await editor.edit((b) => b.replace(new vscode.Range(where, where.translate(0, 1)), '-5'));
    assert.ok(doc.isDirty);
    const s = await rendered((x) => x.tables[0]?.rows[0]?.[3] === '-5 ▼', 'the new score in the steps table');
    // -5 is now first-time-buyer's worst: the marker moved, there is still one per persona.
    assert.deepEqual(s.markers, { best: 2, worst: 2, end: 2 });
    assert.equal(s.tables[0]!.rows[4]![3], '-3');
  });

  test('preview: opened again, it shows the chart it drew last at once (one line per persona, the markers); an edit redraws it', async () => {
    const editor = await openJourneyPreview();
    await rendered((s, p) => s.svg && p.chartCached, 'the chart kept for reopening');
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await until(async () => (await preview()).length === 0, 'the preview to close');
    await vscode.commands.executeCommand('peakend.openPreviewToSide');
    const s = await rendered((x) => x.svg && x.tables.length === 2, 'the preview opened again');
    // The chart came with the page: Mermaid was not loaded for it.
    assert.equal(s.fromCache, true);
    assert.equal(s.chartError, undefined);
    assert.equal(s.lines, 2);
    assert.deepEqual(s.markers, { best: 2, worst: 2, end: 2 });
    assert.deepEqual(s.tables.map((t) => t.rows.length), [13, 2]);
    // Clicking the cached chart reveals a step (the chart finds steps by the lines' points).
    (await peakend()).clickInPreview('#peakend-preview svg');
    await until(() => vscode.window.activeTextEditor?.document.uri.toString() === editor.document.uri.toString() && !vscode.window.activeTextEditor.selection.isEmpty, 'a step revealed from the chart');
    // An edit: Mermaid loads and draws the new curve.
    const where = at(editor.document, 'emotions: { first-time-buyer: 1, upgrader: 0 }', '1');
    await editor.edit((b) => b.replace(new vscode.Range(where, where.translate(0, 1)), '-5'));
    const edited = await rendered((x) => x.svg && x.tables[0]?.rows[0]?.[3] === '-5 ▼', 'the edit drawn');
    assert.equal(edited.fromCache, false);
    assert.equal(typeof edited.mermaidReadyMs, 'number');
    assert.equal(edited.lines, 2);
    assert.deepEqual(edited.markers, { best: 2, worst: 2, end: 2 });
  });

  test('preview: hidden behind another editor and shown again, it comes back with what it showed, its chart at once', async () => {
    const editor = await openJourneyPreview();
    // An edit drawn by Mermaid and cached: the page that comes back must show this, not what the preview opened with.
    const where = at(editor.document, 'emotions: { first-time-buyer: 1, upgrader: 0 }', '1');
    await editor.edit((b) => b.replace(new vscode.Range(where, where.translate(0, 1)), '-5'));
    await rendered((s, p) => s.svg && !s.fromCache && s.tables[0]?.rows[0]?.[3] === '-5 ▼' && p.chartCached, 'the edit drawn and cached');
    // A file the preview does not follow, opened in the preview's group, hides it.
    await vscode.window.showTextDocument(file('property-management/peakend.yaml'), { viewColumn: vscode.ViewColumn.Two, preview: false });
    await until(async () => (await preview())[0]?.visible === false, 'the preview hidden');
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('peakend.openPreviewToSide');
    await until(async () => (await preview())[0]?.visible === true, 'the preview shown');
    // The page loaded again shows the edit with the chart from the cache in its first report (the
    // page before had drawn it with Mermaid; a page loaded with the first state would show the old score).
    const s = await rendered((x) => x.svg && x.fromCache && x.tables[0]?.rows[0]?.[3] === '-5 ▼', 'the page loaded again with the edit and its chart from the cache');
    assert.deepEqual([s.lines, s.markers], [2, { best: 2, worst: 2, end: 2 }]);
  });

  test('preview: clicking a step in the table reveals its line in the editor', async () => {
    const editor = await openJourneyPreview();
    const line = at(editor.document, '- id: pay-fee', 'pay-fee').line;
    (await peakend()).clickInPreview('tr[data-id="pay-fee"]');
    await until(() => vscode.window.activeTextEditor?.document.uri.toString() === editor.document.uri.toString() && vscode.window.activeTextEditor.selection.start.line === line, 'the editor to select the step');
    assert.equal(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), 'pay-fee');
  });

  test('preview: moving the cursor into a step highlights it', async () => {
    const editor = await openJourneyPreview();
    const inside = at(editor.document, 'emotions: { first-time-buyer: -3, upgrader: -4 }');
    editor.selection = new vscode.Selection(inside, inside);
    await rendered((s) => s.highlighted === 'inspect-house', 'inspect-house highlighted');
  });

  test('preview: the persona filter leaves a persona out of the chart and the tables', async () => {
    await openJourneyPreview();
    (await peakend()).clickInPreview('input[data-persona="upgrader"]');
    const s = await rendered((x, p) => x.lines === 1 && p.hidden.join() === 'upgrader', 'one line');
    assert.deepEqual(s.markers, { best: 1, worst: 1, end: 1 });
    assert.deepEqual(s.shownPersonas, ['首次置业业主']);
    assert.deepEqual(s.tables[1]!.rows.map((r) => r[0]), ['首次置业业主']);
  });

  test('preview: follows the active editor to an inventory, and stays when locked', async () => {
    const journey = await openJourneyPreview();
    const inventory = await vscode.window.showTextDocument(file(INVENTORY), { viewColumn: vscode.ViewColumn.One });
    const s = await rendered((x, p) => p.resource === inventory.document.uri.toString() && x.tables.length === 1 && x.svg, 'the inventory preview');
    assert.equal(s.lines, 0);
    assert.ok(s.tables[0]!.rows.length > 5);
    await vscode.commands.executeCommand('peakend.togglePreviewLock');
    await until(async () => (await preview())[0]?.title === '[Preview] property.touchpoints.yaml', 'the locked title');
    await vscode.window.showTextDocument(journey.document, { viewColumn: vscode.ViewColumn.One });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await preview())[0]!.resource, inventory.document.uri.toString());
  });

  test('preview: export writes the chart as SVG and PNG and the page as HTML', async () => {
    await openJourneyPreview();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peakend-export-'));
    try {
      const out = async (format: string) => {
        const target = vscode.Uri.file(path.join(dir, `homeowner.${format}`));
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('peakend.exportPreview', format, target);
        assert.equal(written?.fsPath, target.fsPath);
        return fs.readFileSync(target.fsPath);
      };
      const svg = (await out('svg')).toString('utf8');
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.equal(svg.match(/class="pe-marker/g)?.length, 6);
      assert.deepEqual([...(await out('png')).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      const html = (await out('html')).toString('utf8');
      assert.match(html, /^<!doctype html>/);
      assert.match(html, /<title>业主旅程：从购房到续费<\/title>/);
      // Only the files asked for: no temporary file left behind.
      assert.deepEqual(fs.readdirSync(dir).sort(), ['homeowner.html', 'homeowner.png', 'homeowner.svg']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
