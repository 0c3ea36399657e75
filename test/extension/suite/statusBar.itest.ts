// The status bar's problem summary: every workspace's findings, open files or not, kept current
// as documents change.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { at, closeAll, eventually, expected, file, openEditor, peakend, revertAll } from './helpers';

/**
 * What the status bar must show for these counts (the English strings of src/extension/statusBar.ts);
 * `closed` files with problems are not in the Problems panel (default scope: open files), and the
 * tooltip says so.
 */
function summary(errors: number, warnings: number, files: number, closed: number) {
  const hidden = closed ? ` ${closed} of these files are not open: their problems show once you open them.` : '';
  return {
    text: `$(error) ${errors} $(warning) ${warnings} Peakend`,
    tooltip: `Peakend: ${errors} errors, ${warnings} warnings in ${files} files. Click to open the Problems panel.${hidden}`,
  };
}

function cliSummary() {
  const all = Object.entries(expected().findings).flatMap(([rel, fs]) => fs.map((f) => ({ ...f, rel })));
  const count = (s: string) => all.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), files: new Set(all.map((f) => f.rel)).size };
}

suite('status bar', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);

  test('counts the errors and warnings the CLI reports in all workspaces, even with no file open', async () => {
    const api = await peakend();
    const { errors, warnings, files } = cliSummary();
    assert.ok(errors > 0 && warnings > 0, 'the workspace copy should have both errors and warnings');
    assert.deepEqual(api.statusBar(), summary(errors, warnings, files, files));
  });

  test('follows unsaved edits and goes back when they are undone', async () => {
    const api = await peakend();
    const { errors, warnings, files } = cliSummary();
    const editor = await openEditor(file('online-service/support-chat.journey.yaml'));
    // online-service has no findings: one unknown touchpoint adds an error and a file.
    await editor.edit((b) => b.insert(at(editor.document, '[help-center]', 'help-center'), 'no-such-touchpoint, '));
    // The edited file is open, so its problem shows in the panel: the closed-file count stays.
    await eventually(() => assert.deepEqual(api.statusBar(), summary(errors + 1, warnings, files + 1, files)));
    await revertAll();
    await eventually(() => assert.deepEqual(api.statusBar(), summary(errors, warnings, files, files)));
  });
});
