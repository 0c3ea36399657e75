// Hovers explain an ID where it is referenced or defined: a touchpoint's name, phase, channel and the
// standards that apply; a standard's requirement; a persona's description; an unknown ID as unknown.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, file, openEditor, rangeOf } from './helpers';

async function hover(doc: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; range?: vscode.Range }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.map((h) => ({ text: unescape(h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')), range: h.range }));
}

/** Markdown as read: without the escapes MarkdownString.appendText adds (backslashes before - . ( ) …, &nbsp; for spaces). */
const unescape = (md: string) => md.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');

/** Peakend's hover: the one that starts with the entity's kind and its ID in a code span. */
async function peakendHover(doc: vscode.TextDocument, position: vscode.Position, kind: string, id: string) {
  const found = (await hover(doc, position)).filter((h) => h.text.startsWith(`${kind} \`${id}\``));
  assert.equal(found.length, 1, `no ${kind} hover for ${id}`);
  return found[0]!;
}

suite('hover', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);

  test('a touchpoint reference: name, phase, channel, owner and every standard that applies', async () => {
    const doc = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    const h = await peakendHover(doc, at(doc, 'touchpoints: [property-repair]', 'repair'), 'Touchpoint', 'property-repair');
    assert.deepEqual(h.range, rangeOf(doc, 'touchpoints: [property-repair]', 'property-repair'));
    assert.match(h.text, /^Touchpoint `property-repair` — 物业报修（入户维修）/);
    assert.match(h.text, /\*\*Phase:\*\* service/);
    assert.match(h.text, /\*\*Channel:\*\* on-site/);
    assert.match(h.text, /\*\*Owner:\*\* 物业工程部/);
    assert.match(h.text, /\*\*Standards that apply:\*\* 9/);
    const listed = [...h.text.matchAll(/^- ([\w-]+)/gm)].map((m) => m[1]).sort();
    assert.deepEqual(listed, ['complaint-follow-up', 'repair-clean-up', 'repair-fixed', 'repair-knock-greet', 'repair-on-time', 'repair-protect-home', 'repair-rework-rate', 'repair-uniform-badge', 'staff-uniform']);
  });

  test("a standard in a touchpoint's list: title and requirement", async () => {
    const doc = (await openEditor(file('property-management/property.touchpoints.yaml'))).document;
    const h = await peakendHover(doc, at(doc, 'standards: [fee-notice-clear]', 'fee-notice'), 'Standard', 'fee-notice-clear');
    assert.match(h.text, /— 缴费通知清楚、可查/);
    assert.match(h.text, /物业费账单列明收费项目、标准和期间，业主可随时查询明细。/);
    assert.match(h.text, /\*\*Dimension:\*\* reliability/);
  });

  test('a persona where it is defined', async () => {
    const doc = (await openEditor(file('property-management/owners.personas.yaml'))).document;
    const h = await peakendHover(doc, at(doc, '- id: upgrader', 'upgrader'), 'Persona', 'upgrader');
    assert.match(h.text, /— 改善型业主/);
    assert.match(h.text, /换房改善居住条件的业主/);
  });

  test('an unknown ID says so', async () => {
    const doc = (await openEditor(file('defects/门店.journey.yaml'))).document;
    const texts = (await hover(doc, at(doc, '门店迎宾]'))).map((h) => h.text);
    assert.ok(texts.includes('No touchpoint with the ID "门店迎宾" is defined.'), JSON.stringify(texts));
  });

  test('no Peakend hover away from IDs', async () => {
    const doc = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    const texts = (await hover(doc, at(doc, 'title: 维修人员上门', '维修'))).map((h) => h.text);
    assert.deepEqual(texts.filter((t) => /^(Touchpoint|Standard|Persona) `/.test(t)), []);
  });
});
