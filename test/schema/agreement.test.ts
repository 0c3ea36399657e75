/**
 * Our schemas must work unchanged in the Red Hat YAML extension. This test runs yaml-language-server's
 * language service in-process on the same files as our engine and checks that the two agree:
 *
 * - on every file of the example workspaces, neither reports anything;
 * - on every fixture in test/fixtures/invalid/, our `schema` findings are exactly the fixture's inline
 *   expectations, and yaml-language-server reports a problem on the same node for each of them (and
 *   nothing else).
 *
 * Inline expectations are comments in the fixture: `# expect: <ruleId> <line>:<col>-<line>:<col> <messageId>`,
 * 1-based lines and columns (UTF-16 code units, as LSP counts them), the end column exclusive. One comment may
 * hold several, separated by `;`.
 *
 * yaml-language-server is configured the way the extension is: a `yaml.schemas`-style association of each schema
 * file with its file-name globs, the schema itself loaded by the language service through its schema request
 * service (read from disk here). It reports schema problems with severity Warning; any severity counts.
 *
 * "The same node" means the same start position, except where yaml-language-server places a problem differently
 * by design (read from its source, baseValidator.ts and yamlValidation.ts):
 *
 * - Missing property on a mapping without a key (the root, a list item): we mark the whole mapping, it marks its
 *   first character. Same start, so the default rule holds.
 * - Empty value (`title:` with nothing after it): there is no value node to mark, so we mark the key; it marks the
 *   zero-width null node after the colon and any blanks. Rule: its range is empty and the text from the end of our
 *   range to its start is `:` followed only by blanks.
 * - Duplicate list items (uniqueItems): we mark the later duplicate, it marks the whole list. Rule: its range
 *   starts where the list that holds our item starts, and contains our range.
 * - Several problems on one line with the same message (e.g. three bad IDs in one flow list) are merged by it into
 *   one diagnostic from the first one's start to the last one's end. Rule: one of ours starts where it starts, the
 *   others lie inside it on that line, and it ends where the last of them ends.
 *
 * The message must also say the same thing (see YLS_SAYS), so a problem of another kind on the same node does not
 * count as agreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isSeq, parseDocument, visit, type Node } from 'yaml';
import { getLanguageService, type Diagnostic, type LanguageService } from 'yaml-language-server';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/config';
import type { Finding, MessageArgs } from '../../src/core/finding';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/core/model/kinds';
import { LineIndex } from '../../src/core/text/lineIndex';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA_DIR = join(ROOT, 'schemas');
const EXAMPLES = ['examples/property-management', 'examples/online-service'];
const FIXTURES = join(ROOT, 'test/fixtures/invalid');

/**
 * Findings our engine gives today that differ from the fixture's expectation because of a known bug in
 * src/core. Each entry names the finding we give (`actual`) and what the fixture expects in its place
 * (`expected`, or nothing when the finding should not be there at all). The test checks that the bug is still
 * there: once it is fixed, the entry fails and must be removed.
 */
/** Findings the engine is known to place wrongly, per fixture: none at present. */
const KNOWN_CORE_BUGS: Record<string, { actual: string; expected?: string; bug: string }[]> = {};

// ---------------------------------------------------------------------------------------------------------------
// yaml-language-server, set up as the extension would be

const schemaUri = (kind: DocumentKind): string => pathToFileURL(join(SCHEMA_DIR, `${kind}.schema.json`)).href;
const fileMatch = (kind: DocumentKind): string[] =>
  kind === 'config' ? ['peakend.yaml', 'peakend.yml'] : [`*.${kind}.yaml`, `*.${kind}.yml`];

const requested = new Set<string>();
const internalErrors: string[] = [];
let yls: LanguageService;
let docVersion = 0;

beforeAll(() => {
  yls = getLanguageService({
    // Only our schema files on disk: anything else (a remote $ref, the meta-schema) is a failure to see.
    schemaRequestService: async (uri: string) => {
      requested.add(uri);
      if (!uri.startsWith('file:')) throw new Error(`unexpected schema request: ${uri}`);
      return readFileSync(fileURLToPath(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (rel: string, resource: string) => new URL(rel, resource).href },
    // doValidation swallows exceptions and reports them here only: keep them to fail on.
    telemetry: {
      send: () => {},
      sendTrack: () => {},
      sendError: (name: string, error: unknown) => {
        internalErrors.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    },
  });
  yls.configure({
    validate: true,
    hover: false,
    completion: false,
    format: false,
    isKubernetes: false,
    customTags: [],
    yamlVersion: '1.2',
    schemas: DOCUMENT_KINDS.map((kind) => ({ uri: schemaUri(kind), fileMatch: fileMatch(kind) })),
  });
});

afterAll(() => {
  expect(internalErrors).toEqual([]);
});

async function ylsDiagnostics(file: string, text: string): Promise<Diagnostic[]> {
  const doc = TextDocument.create(pathToFileURL(file).href, 'yaml', ++docVersion, text);
  const diagnostics = await yls.doValidation(doc, false);
  expect(internalErrors, 'yaml-language-server failed internally').toEqual([]);
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------------------------
// Our engine

function ourSchemaFindings(file: string, text: string): Finding[] {
  const model = analyzeFile(file, { text }, defaultConfig(dirname(file)));
  return model.findings.filter((f) => f.ruleId === 'schema');
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges and expectations

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

/** `rule L:C-L:C messageId`, 1-based, end exclusive. */
function format(ruleId: string, r: Rng, messageId: string): string {
  return `${ruleId} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${messageId}`;
}

const cmpPos = (a: Pos, b: Pos): number => a.line - b.line || a.character - b.character;
const samePos = (a: Pos, b: Pos): boolean => cmpPos(a, b) === 0;
const showRange = (r: Rng): string => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

interface Expectation {
  ruleId: string;
  range: Rng;
  messageId: string;
}

const EXPECT = /expect:\s*(\S+)\s+(\d+):(\d+)-(\d+):(\d+)\s+([\w.]+)\s*(?:;|$)/g;

/** The `# expect:` comments of a fixture. A comment here starts at a `#` at line start or after a blank. */
function parseExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const hash = line.search(/(^|\s)#/);
    if (hash < 0) return;
    const comment = line.slice(hash);
    const count = comment.match(/expect:/g)?.length ?? 0;
    const found = [...comment.matchAll(EXPECT)];
    if (found.length !== count) throw new Error(`line ${i + 1}: malformed expectation in ${JSON.stringify(comment)}`);
    for (const m of found) {
      const [sl, sc, el, ec] = [m[2], m[3], m[4], m[5]].map((n) => Number(n) - 1) as [number, number, number, number];
      out.push({ ruleId: m[1]!, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, messageId: m[6]! });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What yaml-language-server says for each of our message IDs (its English messages, from baseValidator.ts).

type Says = (message: string, args: MessageArgs) => boolean;
const is =
  (make: (a: MessageArgs) => string): Says =>
  (m, a) =>
    m === make(a);
const startsWith =
  (prefix: string): Says =>
  (m) =>
    m.startsWith(prefix);

const YLS_SAYS: Record<string, Says> = {
  'schema.additionalProperty': is((a) => `Property ${a.property} is not allowed.`),
  'schema.additionalPropertySuggest': is((a) => `Property ${a.property} is not allowed.`),
  // A key outside a `propertyNames: { enum }` (the if/then branches of `expect`): it validates the key as a value.
  'schema.propertyNotAllowed': startsWith('Value is not accepted. Valid values: '),
  'schema.required': is((a) => `Missing property "${a.property}".`),
  'schema.type': startsWith('Incorrect type. Expected '),
  'yaml.notMapping': startsWith('Incorrect type. Expected '),
  'schema.enum': startsWith('Value is not accepted. Valid values: '),
  'schema.enumSuggest': startsWith('Value is not accepted. Valid values: '),
  'schema.minimum': is((a) => `Value is below the minimum of ${a.limit}.`),
  'schema.maximum': is((a) => `Value is above the maximum of ${a.limit}.`),
  'schema.exclusiveMinimum': is((a) => `Value is below the exclusive minimum of ${a.limit}.`),
  'schema.minItems': is((a) => `Array has too few items. Expected ${a.limit} or more.`),
  'schema.minLength': is((a) => `String is shorter than the minimum length of ${a.limit}.`),
  'schema.minProperties': is((a) => `Object has fewer properties than the required number of ${a.limit}`),
  'schema.uniqueItems': is(() => 'Array has duplicate items.'),
  'schema.pattern': startsWith('String does not match the pattern of '),
  // yaml-language-server shows the schema's patternErrorMessage; we show the same hint from our catalogs.
  'schema.patternMessage': is((a) => String(a.hint)),
  'schema.idPattern': startsWith('An ID starts with a letter or digit'),
  'schema.idReserved': startsWith('An ID starts with a letter or digit'),
  'schema.datePattern': is(() => 'A date is written YYYY-MM-DD or YYYY-MM.'),
};

// ---------------------------------------------------------------------------------------------------------------
// Matching our findings with yaml-language-server's diagnostics

interface Ours {
  range: Rng;
  messageId: string;
  args: MessageArgs;
}

/** Where the sequence holding the item that starts at `offset` starts (for uniqueItems). */
function sequenceStartOf(text: string, offset: number): number | undefined {
  let start: number | undefined;
  visit(parseDocument(text), {
    Seq(_key, seq) {
      if (isSeq(seq) && seq.items.some((item) => (item as Node | null)?.range?.[0] === offset)) start = seq.range?.[0];
    },
  });
  return start;
}

/** Whether yaml-language-server's diagnostic `d` starts on the node of our finding `o` (see the rules above). */
function sameNode(o: Ours, d: Diagnostic, text: string, lines: LineIndex): boolean {
  const oStart = lines.offset(o.range.start);
  const oEnd = lines.offset(o.range.end);
  const dStart = lines.offset(d.range.start);
  const dEnd = lines.offset(d.range.end);
  if (o.messageId === 'schema.type' && (o.args.actual as { message?: string } | undefined)?.message === 'type.null' && text[oEnd] === ':') {
    return dStart === dEnd && /^:[ \t]*$/.test(text.slice(oEnd, dStart));
  }
  if (o.messageId === 'schema.uniqueItems') {
    return sequenceStartOf(text, oStart) === dStart && dStart <= oStart && oEnd <= dEnd;
  }
  return dStart === oStart;
}

/** Problems with the agreement, as sentences; empty when every finding and every diagnostic has its counterpart. */
function disagreements(ours: Ours[], diagnostics: Diagnostic[], text: string): string[] {
  const lines = new LineIndex(text);
  const problems: string[] = [];
  const says = (o: Ours, d: Diagnostic): boolean => {
    const check = YLS_SAYS[o.messageId];
    if (!check) throw new Error(`no yaml-language-server message known for ${o.messageId}: add it to YLS_SAYS`);
    return check(d.message, o.args);
  };
  const matched = new Set<Ours>();
  const heads = new Map<Diagnostic, Ours>();
  for (const d of diagnostics) {
    const head = ours.find((o) => !matched.has(o) && sameNode(o, d, text, lines) && says(o, d));
    if (!head) {
      problems.push(`yaml-language-server reports ${showRange(d.range)} "${d.message}" where we report nothing alike`);
      continue;
    }
    matched.add(head);
    heads.set(d, head);
  }
  // The rest may have been merged into a one-line diagnostic with the same message that starts at an earlier one.
  const merged = new Map<Diagnostic, Ours[]>();
  for (const o of ours.filter((x) => !matched.has(x))) {
    const d = [...heads.keys()].find(
      (x) =>
        x.range.start.line === x.range.end.line &&
        o.range.start.line === x.range.start.line &&
        o.range.end.line === x.range.end.line &&
        cmpPos(x.range.start, o.range.start) < 0 &&
        cmpPos(o.range.end, x.range.end) <= 0 &&
        says(o, x),
    );
    if (!d) {
      problems.push(`we report ${format('schema', o.range, o.messageId)} where yaml-language-server reports nothing on that node`);
      continue;
    }
    merged.set(d, [...(merged.get(d) ?? []), o]);
  }
  for (const [d, rest] of merged) {
    const last = [heads.get(d)!, ...rest].map((o) => o.range.end).sort(cmpPos).at(-1)!;
    if (!samePos(last, d.range.end)) {
      problems.push(`yaml-language-server's merged diagnostic ${showRange(d.range)} does not end where the last of ours ends`);
    }
  }
  for (const d of diagnostics) {
    if (d.severity !== 1 && d.severity !== 2) problems.push(`unexpected severity ${d.severity} for ${showRange(d.range)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('the schemas as yaml-language-server reads them', () => {
  const schemas = DOCUMENT_KINDS.map((kind) => ({ kind, schema: JSON.parse(readFileSync(join(SCHEMA_DIR, `${kind}.schema.json`), 'utf8')) as unknown }));

  // Keywords it applies (draft-07, plus its own patternErrorMessage), and annotations it only shows.
  const APPLIED = new Set(['$ref', 'type', 'properties', 'additionalProperties', 'required', 'enum', 'const', 'pattern', 'patternErrorMessage',
    'minLength', 'minimum', 'maximum', 'exclusiveMinimum', 'items', 'minItems', 'uniqueItems', 'minProperties', 'propertyNames', 'allOf', 'if', 'then']);
  const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', 'definitions']);

  function walk(node: unknown, path: string, visitSchema: (s: Record<string, unknown>, path: string) => void): void {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const s = node as Record<string, unknown>;
    visitSchema(s, path);
    for (const key of ['properties', 'definitions', 'patternProperties']) {
      const map = s[key];
      if (map && typeof map === 'object') for (const [k, v] of Object.entries(map)) walk(v, `${path}/${key}/${k}`, visitSchema);
    }
    for (const key of ['items', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not', 'contains']) walk(s[key], `${path}/${key}`, visitSchema);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = s[key];
      if (Array.isArray(list)) list.forEach((v, i) => walk(v, `${path}/${key}/${i}`, visitSchema));
    }
  }

  it('use only keywords it applies or shows', () => {
    const unknown: string[] = [];
    for (const { kind, schema } of schemas) {
      walk(schema, kind, (s, path) => {
        for (const key of Object.keys(s)) if (!APPLIED.has(key) && !ANNOTATIONS.has(key)) unknown.push(`${path}: ${key}`);
      });
    }
    expect(unknown).toEqual([]);
  });

  it('have patterns it compiles as Unicode regular expressions (it silently drops any it cannot)', () => {
    const bad: string[] = [];
    for (const { kind, schema } of schemas) {
      walk(schema, kind, (s, path) => {
        if (typeof s.pattern !== 'string') return;
        try {
          new RegExp(s.pattern, 'u');
        } catch (e) {
          bad.push(`${path}: ${String(e)}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });
});

describe.each(EXAMPLES)('example workspace %s', (workspace) => {
  const files = yamlFilesUnder(join(ROOT, workspace));

  it('has files, peakend.yaml among them', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith('/peakend.yaml'))).toBe(true);
  });

  it.each(files.map((f) => relative(ROOT, f)))('%s: no problems from either', async (rel) => {
    const file = join(ROOT, rel);
    const text = readFileSync(file, 'utf8');
    expect((await ylsDiagnostics(file, text)).map((d) => `${showRange(d.range)} ${d.message}`)).toEqual([]);
    expect(ourSchemaFindings(file, text).map((f) => format(f.ruleId, f.range, f.messageId))).toEqual([]);

    // The file name did pick the schema: an unknown root property is reported by both, on its key.
    const probe = `${text.endsWith('\n') ? text : `${text}\n`}zzProbe: 1\n`;
    const line = probe.split('\n').length - 2;
    const at = `${line + 1}:1-${line + 1}:8`;
    expect((await ylsDiagnostics(file, probe)).map((d) => `${showRange(d.range)} ${d.message}`)).toEqual([`${at} Property zzProbe is not allowed.`]);
    expect(ourSchemaFindings(file, probe).map((f) => format(f.ruleId, f.range, f.messageId))).toEqual([`schema ${at} schema.additionalProperty`]);
  });
});

describe('invalid fixtures', () => {
  const files = yamlFilesUnder(FIXTURES);

  it('are there', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files.map((f) => relative(FIXTURES, f)))('%s', async (rel) => {
    const file = join(FIXTURES, rel);
    const text = readFileSync(file, 'utf8');
    const expectations = parseExpectations(text);
    expect(expectations.length, 'a fixture states at least one expected finding').toBeGreaterThan(0);

    // Our engine: exactly the expected findings (less the known bugs, each of which must still be there).
    const findings = ourSchemaFindings(file, text);
    const actual = findings.map((f) => format(f.ruleId, f.range, f.messageId));
    for (const known of KNOWN_CORE_BUGS[rel] ?? []) {
      const i = actual.indexOf(known.actual);
      expect(i, `known core bug "${known.bug}" no longer gives ${known.actual}: fixed? remove it from KNOWN_CORE_BUGS`).toBeGreaterThanOrEqual(0);
      actual.splice(i, 1);
      if (known.expected) actual.push(known.expected);
    }
    const expected = expectations.map((e) => format(e.ruleId, e.range, e.messageId));
    expect(actual.sort()).toEqual(expected.sort());

    // yaml-language-server: a problem on the node of each expected finding, and nothing else.
    const ours: Ours[] = expectations.map((e) => {
      const f = findings.find((x) => samePos(x.range.start, e.range.start) && x.messageId === e.messageId)!;
      return { range: e.range, messageId: e.messageId, args: f.args };
    });
    const diagnostics = await ylsDiagnostics(file, text);
    expect(disagreements(ours, diagnostics, text)).toEqual([]);
  });
});

describe('schema loading', () => {
  it('read exactly our five schema files', () => {
    expect([...requested].sort()).toEqual(DOCUMENT_KINDS.map(schemaUri).sort());
  });
});
