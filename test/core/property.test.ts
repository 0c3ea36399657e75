import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeFile,
  defaultConfig,
  disableLineFix,
  LineIndex,
  renderMessage,
  resolveConfig,
  RULES,
  Workspace,
  type Finding,
  type MessageId,
  type Range,
} from '../../src/core';
import { en } from '../../src/core/messages/en';
import { FORMATTERS } from '../../src/cli/formatters';
import { DAMAGE, damage, DEEP, DOCUMENTS, writeYaml, type Kind } from '../helpers/yamlDocuments';

/**
 * Bad input never throws, hangs or floods, and every finding is well formed. The budgets are
 * generous: they catch a hang or a blow-up (quadratic output, an alias bomb), not slowness.
 */
const TIME_BUDGET_MS = 2000;
const HEAP_BUDGET_BYTES = 100 * 1024 * 1024;

const RULE_IDS = new Set(RULES.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'info']);
const PLACEHOLDER = /\{(\w+)(\|entity)?\}/g;

/** Runs `work` and fails when it takes longer or grows the heap more than the budget allows. */
function withinBudget<T>(what: string, work: () => T): T {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  const grown = process.memoryUsage().heapUsed - heap;
  if (ms > TIME_BUDGET_MS) throw new Error(`${what} took ${Math.round(ms)} ms`);
  if (grown > HEAP_BUDGET_BYTES) throw new Error(`${what} grew the heap by ${Math.round(grown / 1048576)} MB`);
  return result;
}

/** The text positions are measured in: a buffer without its BOM, or bytes decoded leniently. */
function textOf(input: { text: string } | { bytes: Uint8Array }): string {
  if ('bytes' in input) return new TextDecoder('utf-8').decode(input.bytes);
  return input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
}

function checkRange(r: Range, text: string | undefined, where: string): void {
  if (text === undefined) throw new Error(`${where}: points into a file that is not part of the input`);
  const lines = new LineIndex(text);
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) throw new Error(`${where}: bad position ${JSON.stringify(p)}`);
    if (p.line >= lines.lineCount) throw new Error(`${where}: line ${p.line} of ${lines.lineCount}`);
    const length = lines.lineText(p.line).length;
    if (p.character > length) throw new Error(`${where}: column ${p.character} beyond line ${p.line} of length ${length}`);
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) throw new Error(`${where}: start after end ${JSON.stringify(r)}`);
}

function checkMessage(messageId: string | undefined, args: Record<string, unknown> | undefined, message: string, where: string): void {
  if (messageId === undefined || !Object.prototype.hasOwnProperty.call(en, messageId)) throw new Error(`${where}: unknown message id ${messageId}`);
  for (const [name, value] of Object.entries(args ?? {})) {
    // A message-valued argument names a message of the catalog; nothing else may be an object.
    const isRef = typeof value === 'object' && value !== null && Object.keys(value).join() === 'message' && Object.prototype.hasOwnProperty.call(en, (value as { message: string }).message);
    if (typeof value !== 'string' && typeof value !== 'number' && !isRef) throw new Error(`${where}: argument ${name} is ${JSON.stringify(value)}`);
  }
  for (const m of en[messageId as MessageId].matchAll(PLACEHOLDER)) {
    if (args?.[m[1]!] === undefined) throw new Error(`${where}: message ${messageId} has no value for {${m[1]}}`);
  }
  // The generated documents never hold this text: it can only come from a list or mapping quoted as text.
  if (message.includes('[object Object]')) throw new Error(`${where}: "${message}"`);
  if (message !== renderMessage(messageId as MessageId, (args ?? {}) as Record<string, string | number>)) throw new Error(`${where}: message is not rendered from its id`);
  renderMessage(messageId as MessageId, (args ?? {}) as Record<string, string | number>, 'zh-cn');
}

/** Every finding: a known rule and severity, a message rendered from its id, ranges inside the texts. */
function checkFindings(findings: readonly Finding[], texts: ReadonlyMap<string, string>): void {
  for (const f of findings) {
    const where = `${f.ruleId} in ${f.file}`;
    if (!RULE_IDS.has(f.ruleId as never)) throw new Error(`unknown rule ${f.ruleId}`);
    if (!SEVERITIES.has(f.severity)) throw new Error(`${where}: severity ${f.severity}`);
    checkMessage(f.messageId, f.args, f.message, where);
    checkRange(f.range, texts.get(f.file), where);
    for (const r of f.related ?? []) {
      checkMessage(r.messageId, r.args, r.message, `${where}, related`);
      checkRange(r.range, texts.get(r.file), `${where}, related`);
    }
    for (const x of f.fixes ?? []) {
      checkMessage(x.messageId, x.args, x.title, `${where}, fix`);
      for (const e of x.edits) checkRange(e.range, texts.get(e.file), `${where}, fix edit`);
    }
  }
}

const KINDS = Object.keys(DOCUMENTS) as Kind[];
const EXTENSIONS = ['yaml', 'yml'];

/** A file name for a document of `kind`: usually the matching one, sometimes another kind's or none. */
const fileName = (kind: Kind) =>
  fc
    .tuple(fc.constantFrom('a', '门店', 'x y', 'b-2'), fc.oneof({ weight: 6, arbitrary: fc.constant(kind) }, { weight: 1, arbitrary: fc.constantFrom<Kind | 'none'>(...KINDS, 'none') }), fc.constantFrom(...EXTENSIONS))
    .map(([base, k, ext]) => (k === 'config' ? `peakend.${ext}` : k === 'none' ? `${base}.${ext}` : `${base}.${k}.${ext}`));

/** One document: its kind's shape, written out, sometimes damaged or with deep nesting added. */
const document = fc.constantFrom(...KINDS).chain((kind) =>
  fc.record({
    name: fileName(kind),
    text: fc
      .tuple(DOCUMENTS[kind], fc.integer(), DAMAGE, fc.option(DEEP, { freq: 8 }))
      .map(([value, seed, d, deep]) => damage(writeYaml(value, seed) + (deep ? `${deep.key}:${deep.body}\n` : ''), d)),
  }),
);

/** Arbitrary bytes, or a document's bytes with one byte changed (a bad UTF-8 sequence, a UTF-16 mark). */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.tuple(document, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('none', 'utf16le', 'utf16be')).map(([doc, at, byte, mark]) => {
    const b = new TextEncoder().encode(doc.text);
    if (b.length) b[at % b.length] = byte;
    const head = mark === 'utf16le' ? [0xff, 0xfe] : mark === 'utf16be' ? [0xfe, 0xff] : [];
    return Uint8Array.from([...head, ...b]);
  }),
);

const config = defaultConfig('/ws');

describe('the engine on arbitrary input', () => {
  it('never throws on arbitrary bytes, and its findings are well formed', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('/ws/a.journey.yaml', '/ws/peakend.yaml', '/ws/b.personas.yml', '/ws/c.yaml'), (b, file) => {
        const model = withinBudget(`${b.length} bytes`, () => analyzeFile(file, { bytes: b }, config));
        checkFindings(model.findings, new Map([[file, textOf({ bytes: b })]]));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on YAML-shaped documents, as text or as bytes, and its findings are well formed', () => {
    fc.assert(
      fc.property(document, ({ name, text }) => {
        const file = `/ws/${name}`;
        for (const input of [{ text }, { bytes: new TextEncoder().encode(text) }]) {
          const model = withinBudget(`${name} (${text.length} characters)`, () => analyzeFile(file, input, config));
          checkFindings(model.findings, new Map([[file, textOf(input)]]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('checks a workspace of several such files, with a generated peakend.yaml, without throwing', () => {
    const workspaceFiles = fc.tuple(
      DOCUMENTS.config.chain((value) => fc.integer().map((seed) => writeYaml(value, seed))),
      fc.uniqueArray(document, { minLength: 1, maxLength: 5, selector: (d) => d.name }),
    );
    fc.assert(
      fc.property(workspaceFiles, ([configText, docs]) => {
        const texts = new Map<string, string>([['/ws/peakend.yaml', configText]]);
        for (const d of docs) if (!d.name.startsWith('peakend.')) texts.set(`/ws/${d.name}`, d.text);
        const findings = withinBudget(`a workspace of ${texts.size} files`, () => {
          const configModel = analyzeFile('/ws/peakend.yaml', { text: configText }, defaultConfig('/ws'));
          const ws = new Workspace(resolveConfig(configModel.value, '/ws', '/ws/peakend.yaml'));
          for (const [file, text] of texts) ws.setFile(file, { text });
          const all = ws.findings();
          // Per-file findings are the workspace's findings in that file, the same after a re-read.
          for (const file of texts.keys()) expect(ws.findingsFor(file)).toEqual(all.filter((f) => f.file === file));
          return all;
        });
        checkFindings(findings, new Map([...texts].map(([f, t]) => [f, textOf({ text: t })])));
        // Front ends: every formatter renders them, and each can be silenced with a fix inside its file.
        for (const format of Object.values(FORMATTERS)) format(findings, { cwd: '/ws', fileCount: texts.size, color: true, toolVersion: '0.0.0', lang: 'zh-cn' });
        for (const f of findings) {
          const text = textOf({ text: texts.get(f.file)! });
          for (const e of disableLineFix(new LineIndex(text), f).edits) checkRange(e.range, text, `${f.ruleId} disable fix`);
        }
      }),
      { numRuns: 50 },
    );
  });
});
