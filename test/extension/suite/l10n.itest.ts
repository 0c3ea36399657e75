// With the display language zh-cn: the engine's Chinese messages, package.nls.zh-cn.json for the
// contributed commands, and l10n/bundle.l10n.zh-cn.json for the extension's own strings.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, expected, extension, file, openEditor, peakend, ruleOf, sortedLines, until } from './helpers';

const JOURNEY = 'homeowner.journey.yaml';

suite('Chinese display language (zh-cn)', () => {
  suiteSetup(async () => {
    await peakend();
    await closeAll();
  });
  suiteTeardown(closeAll);

  test('VS Code reports zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  test('findings arrive in Chinese, exactly as `peakend check --lang zh-cn` reports them', async () => {
    const { files, findings } = expected();
    for (const rel of files) await openEditor(file(rel));
    const actual = Object.fromEntries(files.map((rel) => [rel, sortedLines(diagnostics(file(rel)))]));
    assert.deepEqual(actual, Object.fromEntries(files.map((rel) => [rel, sortedLines(findings[rel] ?? [])])));
    assert.deepEqual(
      diagnostics(file(JOURNEY))
        .map((d) => d.message)
        .sort(),
      [
        '关键时刻“inspect-house”对客户画像“first-time-buyer”得分 -3，低于 0。',
        '关键时刻“inspect-house”对客户画像“upgrader”得分 -4，低于 0。',
        '客户画像“upgrader”对这段旅程的记忆远差于“first-time-buyer”：峰终分 -3，对方为 1（相差 4，上限 3）。',
        '旅程对客户画像“first-time-buyer”收尾偏弱：最后一个有评分的步骤“pay-fee”得分 -2，既低于该画像的平均分 0.46，也低于中性分（0）。',
        '旅程对客户画像“upgrader”收尾偏弱：最后一个有评分的步骤“pay-fee”得分 -2，既低于该画像的平均分 -0.58，也低于中性分（0）。',
        '步骤“repair-visit”缺少客户画像“upgrader”的情感评分。',
      ].sort(),
    );
  });

  test('command titles come from package.nls.zh-cn.json', () => {
    const commands = extension().packageJSON.contributes.commands as { command: string; title: string | { value: string } }[];
    const title = (id: string) => {
      const t = commands.find((c) => c.command === id)?.title;
      return typeof t === 'object' ? t.value : t;
    };
    assert.equal(title('peakend.newJourney'), '新建旅程地图');
    assert.equal(title('peakend.recheck'), '重新检查工作区');
    assert.equal(title('peakend.openPreviewToSide'), '在侧边打开预览');
  });

  test('the preview speaks Chinese: its title, its tables and its findings', async () => {
    await openEditor(file(JOURNEY));
    await vscode.commands.executeCommand('peakend.openPreviewToSide');
    const api = await peakend();
    const p = await until(() => api.previews().find((x) => x.summary?.svg), 'the preview to render', 20_000);
    assert.equal(p.title, '预览 homeowner.journey.yaml');
    assert.deepEqual(p.summary!.tables.map((t) => t.caption), ['步骤', '峰终数据']);
    assert.deepEqual(p.summary!.shownPersonas, ['首次置业业主', '改善型业主']);
  });

  test('the status bar tooltip comes from the l10n bundle', async () => {
    const api = await peakend();
    const all = Object.values(expected().findings).flat();
    const warnings = all.filter((f) => f.severity === 'warning').length;
    const files = Object.keys(expected().findings).length;
    assert.equal(api.statusBar().tooltip, `Peakend：${files} 个文件中有 0 个错误、${warnings} 个警告。单击打开“问题”面板。`);
  });

  test('hover labels and quick fix titles are Chinese', async () => {
    const doc = (await openEditor(file(JOURNEY))).document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, '[property-repair]', 'repair'));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /^接触点 `property-repair`/m);
    assert.match(text, /\*\*阶段:\*\* service/);
    assert.match(text, /\*\*适用的服务标准:\*\* 9/);
    const d = diagnostics(doc.uri).find((x) => ruleOf(x) === 'missing-persona-score')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), ['添加“upgrader”的评分', '对此行禁用 missing-persona-score']);
  });

  test('the audit score and the audit report panels speak Chinese', async () => {
    // The north site's hotline audit: the critical "3 rings" item failed; 6 of 7 weight passed.
    const score = await vscode.commands.executeCommand<{ outcome: string }>('peakend.scoreChecklist', file('audits/service-hotline/2026-10-15-北区.md'));
    assert.equal(score.outcome, 'fail');
    const api = await peakend();
    const html = api.reportHtml('peakend.auditScore') ?? '';
    assert.match(html, /<title>审核评分：service-hotline<\/title>/);
    assert.match(html, /<strong>不通过<\/strong> · 85\.7 % \(6 \/ 7\)/);
    assert.match(html, /<th>维度<\/th>\n<th>符合率<\/th>/);
    assert.match(html, /<p>未通过的关键项：answer-within-3-rings<\/p>/);
    assert.doesNotMatch(html, /FAIL|Dimension|Critical failures/);
    const report = await vscode.commands.executeCommand<{ html: string }>('peakend.openAuditReport');
    assert.match(report.html, /<h1>审核报告<\/h1>/);
    assert.match(report.html, /<h2>各接触点符合率<\/h2>/);
    assert.match(report.html, /<th>接触点<\/th>\n<th>名称<\/th>/);
    assert.doesNotMatch(report.html, /Audit report|Compliance by/);
  });

  test('CodeLens and the Touchpoints view speak Chinese', async () => {
    const doc = (await openEditor(file('property.touchpoints.yaml'))).document;
    const line = doc.getText().split('\n').findIndex((l) => l.trim() === '- id: service-hotline');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.deepEqual(lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title), ['适用 4 项标准', '最近审核 2026-12-01：— · 未完成', '生成检查表']);
    const tree = (await peakend()).touchpointTree;
    const label = (n: unknown) => {
      const item = tree.getTreeItem(n) as vscode.TreeItem;
      return `${typeof item.label === 'string' ? item.label : item.label?.label} ${item.description ?? ''}`.trim();
    };
    // One workspace: its phases are the top level.
    const phases = (await tree.getChildren!()) ?? [];
    const service = phases.find((n) => label(n).startsWith('service '));
    assert.ok(service, phases.map(label).join(', '));
    const rows = ((await tree.getChildren!(service)) ?? []).map(label);
    assert.ok(rows.includes('物业服务热线 4 项标准 · 42.9 %'), rows.join('\n'));
  });
});
