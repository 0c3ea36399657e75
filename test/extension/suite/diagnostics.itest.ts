// Diagnostics equal what the CLI reports for the same files: same rule ids, severities, messages,
// exact ranges (0-based, UTF-16 columns) and related locations. The runner computed the CLI's side
// with `peakend check <folder> --format json` before the host started.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { asLine, closeAll, diagnostics, expected, file, openEditor, peakend, relativePath, ruleOf, sortedLines } from './helpers';

const FOLDERS = ['property-management', 'online-service', 'defects'];

suite('diagnostics', () => {
  suiteSetup(async () => {
    await peakend();
    await closeAll();
  });
  suiteTeardown(closeAll);

  test('files that are not open have none (problems.scope = openFiles)', () => {
    const { files } = expected();
    assert.ok(files.length >= 19, `only ${files.length} files`);
    for (const rel of files) assert.deepEqual(diagnostics(file(rel)), [], rel);
  });

  for (const folder of FOLDERS) {
    test(`${folder}: every open file's diagnostics equal the CLI's findings`, async () => {
      const { files, findings } = expected();
      const mine = files.filter((f) => f.startsWith(`${folder}/`));
      for (const rel of mine) await openEditor(file(rel));
      const actual = Object.fromEntries(mine.map((rel) => [rel, sortedLines(diagnostics(file(rel)))]));
      const cli = Object.fromEntries(mine.map((rel) => [rel, sortedLines(findings[rel] ?? [])]));
      assert.deepEqual(actual, cli);
    });
  }

  test('the example workspaces report what they are known to (the CLI side is not empty by accident)', () => {
    const { findings } = expected();
    const ids = (rel: string) => (findings[rel] ?? []).map((f) => f.ruleId).sort();
    assert.deepEqual(ids('property-management/homeowner.journey.yaml'), [
      'missing-persona-score',
      'negative-moment-of-truth',
      'negative-moment-of-truth',
      'persona-gap',
      'weak-ending',
      'weak-ending',
    ]);
    assert.deepEqual(ids('online-service/support-chat.journey.yaml'), []);
    assert.deepEqual(ids('defects/门店.journey.yaml'), ['missing-persona-score', 'missing-persona-score', 'score-out-of-scale', 'unknown-persona', 'unknown-touchpoint']);
    assert.deepEqual(ids('defects/shop.touchpoints.yaml'), ['duplicate-id', 'duplicate-id', 'schema', 'uncovered-touchpoint', 'unknown-standard']);
  });

  test('ranges cover the text at fault, also after Chinese text in a CRLF file with a BOM', async () => {
    const editor = await openEditor(file('defects/门店.journey.yaml'));
    const doc = editor.document;
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    assert.ok(fs.readFileSync(doc.uri.fsPath).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'the copy has lost its BOM');
    const text = (rule: string) => diagnostics(doc.uri).filter((d) => ruleOf(d) === rule).map((d) => doc.getText(d.range));
    assert.deepEqual(text('unknown-touchpoint'), ['门店迎宾']);
    assert.deepEqual(text('unknown-persona'), ['顾克']);
    assert.deepEqual(text('score-out-of-scale'), ['5']);
    assert.deepEqual(text('missing-persona-score'), ['emotions', 'emotions']);
  });

  test('each diagnostic links its rule page and carries the related locations', async () => {
    const { findings } = expected();
    const rel = 'defects/shop.touchpoints.yaml';
    await openEditor(file(rel));
    const ds = diagnostics(file(rel));
    assert.ok(ds.length > 0);
    for (const d of ds) {
      assert.equal(d.source, 'peakend');
      assert.ok(typeof d.code === 'object', `${asLine(d)}: code has no link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.ok(target.path.endsWith(`/docs/rules/${ruleOf(d)}.md`), target.toString());
      assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} does not exist`);
    }
    const mine = ds
      .filter((d) => d.relatedInformation?.length)
      .map((d) => ({ rule: ruleOf(d), related: d.relatedInformation!.map((r) => ({ file: relativePath(r.location.uri), range: r.location.range, message: r.message })) }));
    const cli = (findings[rel] ?? [])
      .filter((f) => f.related.length)
      .map((f) => ({ rule: f.ruleId, related: f.related.map((r) => ({ file: r.file, range: new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character), message: r.message })) }));
    assert.ok(cli.length >= 2, 'expected related locations for the duplicate IDs');
    assert.deepEqual(mine.map((m) => JSON.stringify(m)).sort(), cli.map((m) => JSON.stringify(m)).sort());
  });
});
