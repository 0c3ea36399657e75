// The extension's settings (package.json contributes.configuration): each change reloads the
// workspaces and republishes the diagnostics. Settings are written to the user settings
// (ConfigurationTarget.Global), so nothing lands in the workspace copy, and each test resets what it
// changed. problems.scope is covered by lifecycle.itest.ts.
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, eventually, expected, file, openEditor, peakend, revertAll, ruleOf, rules, sleep, sortedLines, until, type ExpectedFinding } from './helpers';

/**
 * Sets `peakend.<key>` in the user settings (undefined removes it) and waits until the reload it
 * triggers has finished: the extension's configuration listener starts the reload before ours runs.
 */
async function setSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('peakend');
  const api = await peakend();
  if (isDeepStrictEqual(config.inspect(key)?.globalValue, value)) {
    await api.whenIdle();
    return;
  }
  let changed = false;
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`peakend.${key}`)) changed = true;
  });
  try {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
    await until(() => changed, `the change of peakend.${key} to reach the extension host`);
  } finally {
    listener.dispose();
  }
  await api.whenIdle();
}

/** The CLI's findings for a file (which ran without any of these settings). */
function cli(rel: string): ExpectedFinding[] {
  return expected().findings[rel] ?? [];
}

const SEVERITY = vscode.DiagnosticSeverity;

suite('settings', () => {
  suiteSetup(closeAll);
  suiteTeardown(async () => {
    for (const key of ['rules', 'schemaValidation', 'configPath', 'validation.debounce']) await setSetting(key, undefined);
    await closeAll();
  });

  test('peakend.rules turns a rule off and changes another\'s severity; removed, both are back', async () => {
    const touchpoints = 'property-management/property.touchpoints.yaml';
    const standards = 'property-management/complaints.standards.yaml';
    // What the CLI reports (the default severities), so the changes below are not vacuous.
    assert.deepEqual(
      cli(touchpoints).filter((f) => f.ruleId === 'uncovered-touchpoint').map((f) => f.severity),
      ['warning'],
    );
    assert.deepEqual(
      cli(standards).filter((f) => f.ruleId === 'unused-standard').map((f) => f.severity),
      ['warning'],
    );
    await openEditor(file(touchpoints));
    await openEditor(file(standards));
    const asCli = () => {
      assert.deepEqual(sortedLines(diagnostics(file(touchpoints))), sortedLines(cli(touchpoints)));
      assert.deepEqual(sortedLines(diagnostics(file(standards))), sortedLines(cli(standards)));
    };
    await eventually(asCli);
    try {
      await setSetting('rules', { 'uncovered-touchpoint': 'off', 'unused-standard': 'error' });
      await eventually(() => {
        assert.deepEqual(diagnostics(file(touchpoints)).filter((d) => ruleOf(d) === 'uncovered-touchpoint'), []);
        const unused = diagnostics(file(standards)).filter((d) => ruleOf(d) === 'unused-standard');
        assert.deepEqual(
          unused.map((d) => d.severity),
          [SEVERITY.Error],
        );
        // Nothing else changed.
        assert.deepEqual(sortedLines(diagnostics(file(touchpoints))), sortedLines(cli(touchpoints).filter((f) => f.ruleId !== 'uncovered-touchpoint')));
        assert.deepEqual(
          sortedLines(diagnostics(file(standards))),
          sortedLines(cli(standards).map((f) => (f.ruleId === 'unused-standard' ? { ...f, severity: 'error' as const } : f))),
        );
      });
    } finally {
      await setSetting('rules', undefined);
    }
    await eventually(asCli);
    await closeAll();
  });

  test('peakend.schemaValidation: "never" hides schema and YAML problems only; "always" and the default show them', async () => {
    const SCHEMA_RULES = ['schema', 'yaml-syntax', 'yaml-duplicate-key'];
    const rels = ['defects/shop.touchpoints.yaml', 'defects/broken.standards.yaml'];
    const all = rels.flatMap(cli);
    assert.ok(all.some((f) => f.ruleId === 'schema'), 'the defects should have a schema finding');
    assert.ok(all.some((f) => f.ruleId === 'yaml-syntax'), 'the defects should have a yaml-syntax finding');
    assert.ok(all.some((f) => !SCHEMA_RULES.includes(f.ruleId)), 'the defects should have other findings too');
    // auto defers to the Red Hat YAML extension, which is not installed here.
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined);

    const shown = () => Object.fromEntries(rels.map((rel) => [rel, sortedLines(diagnostics(file(rel)))]));
    const withSchema = Object.fromEntries(rels.map((rel) => [rel, sortedLines(cli(rel))]));
    const withoutSchema = Object.fromEntries(rels.map((rel) => [rel, sortedLines(cli(rel).filter((f) => !SCHEMA_RULES.includes(f.ruleId)))]));
    for (const rel of rels) await openEditor(file(rel));
    await eventually(() => assert.deepEqual(shown(), withSchema));
    try {
      await setSetting('schemaValidation', 'never');
      await eventually(() => assert.deepEqual(shown(), withoutSchema));
      await setSetting('schemaValidation', 'always');
      await eventually(() => assert.deepEqual(shown(), withSchema));
      await setSetting('schemaValidation', 'never');
      await eventually(() => assert.deepEqual(shown(), withoutSchema));
    } finally {
      await setSetting('schemaValidation', undefined);
    }
    // The default (auto, without the YAML extension) shows them again.
    await eventually(() => assert.deepEqual(shown(), withSchema));
    await closeAll();
  });

  test('peakend.configPath: the named config governs the whole first folder', async () => {
    // The main folder has no peakend.yaml of its own: a loose journey at its root belongs to the
    // folder's default workspace, where an unknown persona is an error.
    const journey = file('loose/extra.journey.yaml');
    const config = file('team/strict.yaml');
    const encode = (s: string) => new TextEncoder().encode(s);
    const unknownPersona = () =>
      diagnostics(journey)
        .filter((d) => ruleOf(d) === 'unknown-persona')
        .map((d) => d.severity);
    const api = await peakend();
    const before = api.statusBar();
    try {
      await vscode.workspace.fs.createDirectory(file('loose'));
      await vscode.workspace.fs.createDirectory(file('team'));
      await vscode.workspace.fs.writeFile(
        journey,
        encode(
          [
            'peakend: 1',
            'kind: journey',
            'id: extra',
            'title: A journey outside the example workspaces',
            'personas: [nobody]',
            'stages:',
            '  - id: only',
            '    title: The only stage',
            '    steps:',
            '      - id: arrive',
            '        title: Arrives',
            '        emotions: { nobody: 1 }',
            '',
          ].join('\n'),
        ),
      );
      await vscode.workspace.fs.writeFile(config, encode('peakend: 1\nkind: config\nrules: { unknown-persona: warning }\n'));
      await openEditor(journey);
      await eventually(() => assert.deepEqual(rules(journey), ['unknown-persona']));
      assert.deepEqual(unknownPersona(), [SEVERITY.Error]);

      await setSetting('configPath', 'team/strict.yaml');
      await eventually(() => {
        assert.deepEqual(rules(journey), ['unknown-persona']);
        assert.deepEqual(unknownPersona(), [SEVERITY.Warning]);
      });
      // The example workspaces keep their own peakend.yaml.
      await openEditor(file('defects/shop.touchpoints.yaml'));
      assert.deepEqual(sortedLines(diagnostics(file('defects/shop.touchpoints.yaml'))), sortedLines(cli('defects/shop.touchpoints.yaml')));

      await setSetting('configPath', undefined);
      await eventually(() => assert.deepEqual(unknownPersona(), [SEVERITY.Error]));
    } finally {
      await setSetting('configPath', undefined);
      await closeAll();
      for (const dir of ['loose', 'team']) await vscode.workspace.fs.delete(file(dir), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    // The loose journey is gone from the status bar's counts too.
    await eventually(() => assert.deepEqual(api.statusBar(), before));
  });

  test('peakend.validation.debounce delays the check of an edited buffer', async () => {
    const rel = 'online-service/support-chat.journey.yaml';
    const unknown = (doc: vscode.TextDocument) =>
      diagnostics(doc.uri)
        .filter((d) => ruleOf(d) === 'unknown-touchpoint')
        .map((d) => doc.getText(d.range));
    const editor = await openEditor(file(rel));
    const doc = editor.document;
    try {
      // Far longer than the pause below, so a slow machine cannot make the check come early.
      await setSetting('validation.debounce', 5000);
      await editor.edit((b) => b.insert(at(doc, '[help-center]', 'help-center'), 'no-such-touchpoint, '));
      await sleep(1000);
      // With the default (250 ms) the error would be there by now.
      assert.deepEqual(unknown(doc), [], 'the edit was checked before the debounce elapsed');
      await eventually(() => assert.deepEqual(unknown(doc), ['no-such-touchpoint']));
    } finally {
      await setSetting('validation.debounce', undefined);
      await revertAll();
    }
    await eventually(() => assert.deepEqual(unknown(doc), []));
    await closeAll();
  });
});

