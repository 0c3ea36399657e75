// Audits in the editor: the CodeLens above each touchpoint, "Generate Checklist" writing the file the
// CLI writes, the checklist checked as it is typed and scored once filled in, the Touchpoints view,
// the audit report panel, and "Compare with…" against a git commit made here with real git.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { AuditScore } from '../../../src/core';
import { closeAll, diagnostics, eventually, file, openEditor, peakend, readDisk, ruleOf, until } from './helpers';

const PM = 'property-management';
const INVENTORY = `${PM}/property.touchpoints.yaml`;
const JOURNEY = `${PM}/homeowner.journey.yaml`;

/** The audit date the command writes: today in local time. */
function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const CHECKLIST = `${PM}/audits/telephone-sales/${today()}.md`;

/** The CodeLens titles above the touchpoint whose `- id:` line holds `id`. */
async function lensesAbove(id: string): Promise<string[]> {
  const doc = (await openEditor(file(INVENTORY))).document;
  const line = doc.getText().split('\n').findIndex((l) => l.trim() === `- id: ${id}`);
  assert.ok(line >= 0, `no touchpoint ${id}`);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
}

/** Replaces the first occurrence of `from` in a document, as a person typing would. */
async function replace(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `"${from}" is not in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Runs a command with the input boxes answered in turn (undefined: Escape), and what each box showed. */
async function answering<T>(answers: (string | undefined)[], run: () => Thenable<T>): Promise<{ result: T; asked: vscode.InputBoxOptions[] }> {
  const w = vscode.window as unknown as { showInputBox: unknown };
  const original = w.showInputBox;
  const asked: vscode.InputBoxOptions[] = [];
  w.showInputBox = async (o: vscode.InputBoxOptions) => {
    asked.push(o);
    return answers.shift();
  };
  try {
    return { result: await run(), asked };
  } finally {
    w.showInputBox = original;
  }
}

suite('audits in the editor', () => {
  suiteSetup(async () => {
    await peakend();
    await closeAll();
    assert.ok(!fs.existsSync(file(CHECKLIST).fsPath), `${CHECKLIST} exists before the test`);
  });
  suiteTeardown(async () => {
    await closeAll();
    fs.rmSync(file(`${PM}/audits/telephone-sales`).fsPath, { recursive: true, force: true });
    fs.rmSync(file(`${PM}/.git`).fsPath, { recursive: true, force: true });
    await (await peakend()).whenIdle();
  });

  test('CodeLens above a touchpoint: standards that apply, the last audit, Generate checklist', async () => {
    // service-hotline's newest audit (2026-12-01) has nothing answered yet.
    assert.deepEqual(await lensesAbove('service-hotline'), ['4 standards apply', 'Last audit 2026-12-01: — · incomplete', 'Generate checklist']);
    assert.deepEqual(await lensesAbove('green-maintenance'), ['No standard applies', 'No audit yet']);
    assert.deepEqual(await lensesAbove('telephone-sales'), ['3 standards apply', 'Last audit 2026-12-01: — · incomplete', 'Generate checklist']);
  });

  test('Generate Checklist writes the file the CLI writes, checked as it is typed, and the CodeLens shows its score once saved', async () => {
    const inventory = await openEditor(file(INVENTORY));
    const line = inventory.document.getText().split('\n').findIndex((l) => l.trim() === '- id: telephone-sales');
    inventory.selection = new vscode.Selection(line + 2, 4, line + 2, 4); // inside the touchpoint, below its ID
    // Site and auditor left empty: neither in the header nor the file name.
    const { result, asked } = await answering(['', ''], () => vscode.commands.executeCommand<{ status: string; uri: vscode.Uri }>('peakend.generateChecklist'));
    assert.deepEqual(asked.map((o) => [o.title, o.value]), [['Audit site (optional)', ''], ['Auditor (optional)', '']]);
    assert.equal(result.status, 'created');
    assert.equal(result.uri.fsPath, file(CHECKLIST).fsPath);
    const text = readDisk(CHECKLIST);
    assert.match(text, /^---\npeakend: 1\nkind: checklist\ntouchpoint: telephone-sales\ndate: \d{4}-\d\d-\d\d\n/);
    assert.deepEqual([...text.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]), ['sales-greet', 'answer-within-3-rings', 'staff-uniform']);
    assert.deepEqual(await lensesAbove('telephone-sales'), ['3 standards apply', `Last audit ${today()}: — · incomplete`, 'Generate checklist']);

    // Filled in: 45 s against ≤ 30 s fails (weight 1), 2 rings against ≤ 3 passes (weight 1, critical),
    // the uniform passes (weight 1): 2 of 3 = 66.7 %, and no critical item failed.
    const doc = (await openEditor(file(CHECKLIST))).document;
    await replace(doc, '- Measured (≤ 30 seconds):', '- Measured (≤ 30 seconds): 45 seconds');
    await replace(doc, '- Measured (≤ 3 rings):', '- Measured (≤ 3 rings): 2 rings');
    await replace(doc, '- [ ] Pass', '- [x] Pass');
    // Unsaved, the failed item without an action is already a problem of the buffer.
    await eventually(() => assert.deepEqual(diagnostics(doc.uri).map((d) => `${ruleOf(d)} ${d.range.start.line + 1}`), [`checklist-missing-action ${doc.getText().split('\n').findIndex((l) => l.startsWith('### `sales-greet`')) + 1}`]));
    assert.ok(await doc.save());
    await eventually(async () => assert.deepEqual(await lensesAbove('telephone-sales'), ['3 standards apply', `Last audit ${today()}: 66.7 % · pass`, 'Generate checklist']));

    const score = await vscode.commands.executeCommand<AuditScore>('peakend.scoreChecklist', doc.uri);
    assert.deepEqual([score.outcome, score.overall.passedWeight, score.overall.answeredWeight, score.failedWithoutAction, score.criticalFailures], ['pass', 2, 3, ['sales-greet'], []]);
    const html = (await peakend()).reportHtml('peakend.auditScore') ?? '';
    assert.match(html, /<strong>PASS<\/strong> · 66\.7 %/);
    // The score panel follows the checklist as it is typed: 20 s passes, so all 3 of 3.
    await replace(doc, '45 seconds', '20 seconds');
    await eventually(async () => assert.match((await peakend()).reportHtml('peakend.auditScore') ?? '', /<strong>PASS<\/strong> · 100\.0 %/));
    await replace(doc, '20 seconds', '45 seconds');
    assert.ok(await doc.save());
    await eventually(async () => assert.match((await peakend()).reportHtml('peakend.auditScore') ?? '', /<strong>PASS<\/strong> · 66\.7 %/));
  });

  test('generating again merges: what was written stays, byte for byte', async () => {
    const before = readDisk(CHECKLIST);
    const { result } = await answering(['', ''], () => vscode.commands.executeCommand<{ status: string }>('peakend.generateChecklist', 'telephone-sales', file(INVENTORY)));
    assert.equal(result.status, 'unchanged');
    assert.equal(readDisk(CHECKLIST), before);
  });

  test('Generate Checklist asks for the site and auditor, writes them in the header, remembers them; Escape cancels', async () => {
    const north = `${PM}/audits/telephone-sales/${today()}-北区.md`;
    const ask = (answers: (string | undefined)[]) => answering(answers, () => vscode.commands.executeCommand<{ status: string; uri: vscode.Uri } | undefined>('peakend.generateChecklist', 'telephone-sales', file(INVENTORY)));
    const first = await ask([' 北区 ', '张敏']);
    assert.equal(first.result?.status, 'created');
    assert.equal(first.result?.uri.fsPath, file(north).fsPath);
    assert.match(readDisk(north), new RegExp(`^---\\npeakend: 1\\nkind: checklist\\ntouchpoint: telephone-sales\\nsite: 北区\\nauditor: 张敏\\ndate: ${today()}\\n`));
    // The next time the boxes start with these answers; Escape in the first asks nothing more and writes nothing.
    const escaped = await ask([undefined]);
    assert.equal(escaped.result, undefined);
    assert.deepEqual(escaped.asked.map((o) => o.value), ['北区']);
    // Escape in the second: nothing written, and the answers are not remembered.
    const south = `${PM}/audits/telephone-sales/${today()}-南区.md`;
    const second = await ask(['南区', undefined]);
    assert.equal(second.result, undefined);
    assert.deepEqual(second.asked.map((o) => o.value), ['北区', '张敏']);
    assert.ok(!fs.existsSync(file(south).fsPath));
    // A site that cannot be part of a file name is refused in the box.
    const check = second.asked[0]!.validateInput!;
    assert.equal(await check('北区'), undefined);
    assert.equal(await check(''), undefined);
    assert.equal(await check('../..'), 'Use letters (Latin or Chinese) or digits: the site is part of the file name.');
    // The same as given by a caller: no question; the date as `peakend checklist --date` takes it.
    const given = await answering([], () => vscode.commands.executeCommand<{ status: string; uri: vscode.Uri }>('peakend.generateChecklist', 'telephone-sales', file(INVENTORY), { site: '东区', auditor: '李强', date: '2026-12-24' }));
    assert.equal(given.asked.length, 0);
    assert.equal(given.result.uri.fsPath, file(`${PM}/audits/telephone-sales/2026-12-24-东区.md`).fsPath);
    assert.match(readDisk(`${PM}/audits/telephone-sales/2026-12-24-东区.md`), /\nsite: 东区\nauditor: 李强\ndate: 2026-12-24\n/);
    await closeAll();
  });

  test('the Touchpoints view: by workspace, then phase, each with its standards and last measured compliance', async () => {
    const tree = (await peakend()).touchpointTree;
    const label = (n: unknown) => {
      const item = tree.getTreeItem(n) as vscode.TreeItem;
      return `${typeof item.label === 'string' ? item.label : item.label?.label}${item.description ? ` [${item.description}]` : ''}`;
    };
    const roots = (await tree.getChildren!()) ?? [];
    const pm = roots.find((n) => label(n) === PM);
    assert.ok(pm, `roots: ${roots.map(label).join(', ')}`);
    const phases = (await tree.getChildren!(pm)) ?? [];
    assert.deepEqual(phases.map(label), ['marketing [5]', 'product [2]', 'service [10]', 'brand-communication [2]']);
    const service = ((await tree.getChildren!(phases[2])) ?? []).map(label);
    assert.ok(service.includes('物业服务热线 [4 standards · 42.9 %]'), service.join('\n'));
    assert.equal(service.filter((s) => s.endsWith('[0 standards]')).length, 1, service.join('\n')); // green-maintenance
    const marketing = ((await tree.getChildren!(phases[0])) ?? []).map(label);
    assert.ok(marketing.includes('电话销售 [3 standards · 66.7 %]'), marketing.join('\n'));
    // A click opens the definition.
    const hotline = ((await tree.getChildren!(phases[2])) ?? []).find((n) => label(n).startsWith('物业服务热线'));
    const item = tree.getTreeItem(hotline) as vscode.TreeItem;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await until(() => (vscode.window.activeTextEditor?.document.uri.fsPath === file(INVENTORY).fsPath ? vscode.window.activeTextEditor : undefined), 'the inventory to open');
    assert.equal(editor.document.lineAt(editor.selection.start.line).text.trim(), '- id: service-hotline');
  });

  test('the audit report opens in a panel, every text escaped', async () => {
    await openEditor(file(INVENTORY));
    const r = await vscode.commands.executeCommand<{ html: string }>('peakend.openAuditReport');
    assert.match(r.html, /<h1>Audit report<\/h1>/);
    assert.match(r.html, /<td>service-hotline<\/td>\n<td>物业服务热线<\/td>/);
    // The policy is an attribute value, its quotes written as references.
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(r.html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    // Scripts by nonce, and from the webview's own resource origin (the preview's Mermaid chunks) only.
    assert.match(csp, /script-src 'nonce-[^']+' 'self' https:\/\/\*\.vscode-cdn\.net;/);
    assert.doesNotMatch(csp, /unsafe/);
    assert.doesNotMatch(r.html, /<style|\sstyle=/);
    // No chart in this report: the page script runs, Mermaid is not loaded.
    assert.doesNotMatch(r.html, /mermaid\.min\.js/);
    assert.deepEqual(await until(async () => (await peakend()).reportRendered('peakend.auditReport'), 'the report page to run'), { charts: 0, lines: [], errors: [] });
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => (t.input instanceof vscode.TabInputWebview ? t.input.viewType : t.label)));
    await until(() => tabs().some((v) => v.endsWith('peakend.auditReport')), `a tab of the report among ${tabs().join(', ')}`);
  });

  test('Compare with… shows the change of a score since the last commit', async () => {
    const repo = file(PM).fsPath;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Peakend Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'audit baseline');
    const doc = (await openEditor(file(JOURNEY))).document;
    // The first persona's score of a step drops from 3 to -2 in the editor, unsaved.
    await replace(doc, 'emotions: { first-time-buyer: 3, upgrader: 2 }', 'emotions: { first-time-buyer: -2, upgrader: 2 }');
    const r = await vscode.commands.executeCommand<{ rev: string; changes: { checkId: string; file: string }[]; html: string }>('peakend.compareWith', doc.uri, 'HEAD');
    assert.equal(r.rev, 'HEAD');
    assert.ok(r.changes.some((c) => c.checkId === 'emotion-changed'), r.changes.map((c) => c.checkId).join(', '));
    assert.ok(r.changes.every((c) => c.file === doc.uri.fsPath));
    assert.match(r.html, /<code class="language-mermaid">[^<]*xychart/);
    assert.match(r.html, /first-time-buyer|首次购房/);
    // The page draws the chart with Mermaid from the extension: before and after per persona, and the neutral line.
    const drawn = await until(async () => (await peakend()).reportRendered('peakend.compare'), 'the comparison to draw its chart', 20_000);
    assert.deepEqual(drawn, { charts: 1, lines: [5], errors: [] });
  });

  test('Compare with… says clearly why it cannot compare: unknown revision, a file the revision lacks, no repository, the time limit; cancelling says nothing', async () => {
    const said: string[] = [];
    const w = vscode.window as unknown as Record<string, unknown>;
    const originals = { showErrorMessage: w.showErrorMessage, showWarningMessage: w.showWarningMessage };
    w.showErrorMessage = async (m: string) => void said.push(`error: ${m}`);
    w.showWarningMessage = async (m: string) => void said.push(`warning: ${m}`);
    const fresh = `${PM}/second.journey.yaml`;
    try {
      const compare = (target: vscode.Uri, rev: string, options?: object) => vscode.commands.executeCommand('peakend.compareWith', target, rev, options);
      assert.equal(await compare(file(JOURNEY), 'no-such-branch'), undefined);
      // A journey written after the commit: git has no earlier version of it.
      fs.writeFileSync(file(fresh).fsPath, readDisk(JOURNEY).replace('id: homeowner', 'id: second-visit'));
      await openEditor(file(fresh));
      await (await peakend()).whenIdle();
      assert.equal(await compare(file(fresh), 'HEAD'), undefined);
      // defects is beside the repository, not in it (and the test folder is in none).
      await openEditor(file('defects/门店.journey.yaml'));
      assert.equal(await compare(file('defects/门店.journey.yaml'), 'HEAD'), undefined);
      // A limit git cannot meet: the real git is stopped, nothing compared.
      assert.equal(await compare(file(JOURNEY), 'HEAD', { timeoutMs: 1 }), undefined);
      assert.deepEqual(said, [
        'error: There is no branch, tag or commit "no-such-branch" in this repository.',
        'warning: second.journey.yaml did not exist in HEAD: there is nothing to compare it with.',
        'warning: 门店.journey.yaml is not in a git repository.',
        'error: git did not answer within 0.001 seconds: nothing was compared.',
      ]);
      // Cancelled before it starts, or while git runs: no panel change, no message.
      const before = (await peakend()).reportHtml('peakend.compare');
      const cancelled = new vscode.CancellationTokenSource();
      cancelled.cancel();
      assert.equal(await compare(file(JOURNEY), 'HEAD', { token: cancelled.token }), undefined);
      const running = new vscode.CancellationTokenSource();
      const pending = compare(file(JOURNEY), 'HEAD', { token: running.token });
      running.cancel();
      assert.equal(await pending, undefined);
      assert.equal(said.length, 4, said.join('\n'));
      assert.equal((await peakend()).reportHtml('peakend.compare'), before);
    } finally {
      Object.assign(w, originals);
      await closeAll();
      fs.rmSync(file(fresh).fsPath, { force: true });
      await (await peakend()).whenIdle();
    }
  });

  test('Compare with… on a standards file shows a loosened standard', async () => {
    const doc = (await openEditor(file(`${PM}/service-center.standards.yaml`))).document;
    // Three rings become five for a critical standard: a breaking loosening.
    await replace(doc, 'comparator: "<=", threshold: 3 }', 'comparator: "<=", threshold: 5 }');
    const r = await vscode.commands.executeCommand<{ changes: { checkId: string; level: string; message: string }[]; html: string }>('peakend.compareWith', doc.uri, 'HEAD');
    assert.deepEqual(r.changes.map((c) => `${c.checkId} ${c.level}`), ['standard-loosened breaking']);
    assert.match(r.changes[0]!.message, /answer-within-3-rings/);
    assert.match(r.html, /answer-within-3-rings/);
    assert.match(r.html, /<h4>Standards service-center[^<]*<\/h4>/);
  });
});
