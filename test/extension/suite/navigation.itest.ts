// Go to definition and find references across files, plus the outline and workspace symbols.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { at, closeAll, expected, file, openEditor, readDisk, relativePath } from './helpers';

type Loc = vscode.Location | vscode.LocationLink;
/** `file.yaml:line:col-col` (1-based), so lists of places compare and read well. */
function place(l: Loc): string {
  const uri = 'uri' in l ? l.uri : l.targetUri;
  const r = 'range' in l ? l.range : l.targetSelectionRange ?? l.targetRange;
  return `${relativePath(uri)}:${r.start.line + 1}:${r.start.character + 1}-${r.end.character + 1}`;
}

/** Every place an ID is written in a workspace folder's files (as a whole word), in the same form. */
function occurrences(folder: string, id: string): string[] {
  const out: string[] = [];
  for (const rel of expected().files.filter((f) => f.startsWith(`${folder}/`))) {
    readDisk(rel)
      .split(/\r?\n/)
      .forEach((text, i) => {
        for (const m of text.matchAll(new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'g'))) out.push(`${rel}:${i + 1}:${m.index! + 1}-${m.index! + 1 + id.length}`);
      });
  }
  return out.sort();
}

async function definitions(doc: vscode.TextDocument, p: vscode.Position) {
  return (await vscode.commands.executeCommand<Loc[]>('vscode.executeDefinitionProvider', doc.uri, p)).map(place);
}
async function references(doc: vscode.TextDocument, p: vscode.Position) {
  return (await vscode.commands.executeCommand<Loc[]>('vscode.executeReferenceProvider', doc.uri, p)).map(place).sort();
}

suite('navigation', () => {
  suiteSetup(closeAll);
  suiteTeardown(closeAll);

  test("go to definition: from a journey step to the touchpoint in the inventory", async () => {
    const doc = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    const defs = await definitions(doc, at(doc, 'touchpoints: [property-repair]', 'repair'));
    assert.deepEqual(defs, ['property-management/property.touchpoints.yaml:119:9-24']);
    assert.ok(readDisk('property-management/property.touchpoints.yaml').split('\n')[118]!.includes('- id: property-repair'));
  });

  test('go to definition: a persona score and a standard, each in its own file', async () => {
    const journey = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    assert.deepEqual(await definitions(journey, at(journey, 'persona: upgrader', 'upgrader')), ['property-management/owners.personas.yaml:8:9-17']);
    const inventory = (await openEditor(file('property-management/property.touchpoints.yaml'))).document;
    assert.deepEqual(await definitions(inventory, at(inventory, 'standards: [fee-notice-clear]', 'fee')), ['property-management/service-center.standards.yaml:62:9-25']);
  });

  test('find references: every place the touchpoint ID is written, across files, from a reference or the definition', async () => {
    const journey = (await openEditor(file('property-management/homeowner.journey.yaml'))).document;
    const everywhere = occurrences('property-management', 'property-repair');
    assert.equal(everywhere.length, 8); // the definition, the journey step, six standards
    assert.deepEqual(await references(journey, at(journey, '[property-repair]', 'property')), everywhere);
    const inventory = (await openEditor(file('property-management/property.touchpoints.yaml'))).document;
    assert.deepEqual(await references(inventory, at(inventory, '- id: property-repair', 'property')), everywhere);
  });

  test('find references of a persona: the list, every emotion score and the quote', async () => {
    const personas = (await openEditor(file('property-management/owners.personas.yaml'))).document;
    const everywhere = occurrences('property-management', 'upgrader');
    assert.ok(everywhere.length >= 15);
    assert.deepEqual(await references(personas, at(personas, '- id: upgrader', 'upgrader')), everywhere);
  });

  test('the outline lists stages and their steps', async () => {
    const doc = (await openEditor(file('online-service/support-chat.journey.yaml'))).document;
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const tree = (s: vscode.DocumentSymbol): unknown => (s.children.length ? { [s.name]: s.children.map(tree) } : s.name);
    assert.deepEqual(symbols.map(tree), [
      {
        'support-chat — Getting help in online chat': [
          { 'arrival — Arrival': ['search-help — Searches the help center', 'open-chat — Opens the chat and is welcomed'] },
          { 'interaction — Interaction': ["bot-menu — Picks a topic from the bot's menu", 'agent-joins — An agent joins and verifies identity', 'problem-solved — The agent fixes the double charge'] },
          { 'departure — Departure': ['confirmation — Receives a summary with the refund date', 'survey — Answers a short survey'] },
        ],
      },
    ]);
  });

  test('workspace symbols find IDs and names in every workspace', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'live-agent');
    assert.deepEqual(
      symbols.map((s) => `${s.name} ${place(s.location)}`),
      ['live-agent — Live chat agent online-service/online.touchpoints.yaml:25:9-19'],
    );
  });
});
