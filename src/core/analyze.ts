import { isMap, isScalar, type YAMLMap } from 'yaml';
import { analyzeChecklist } from './checklist/analyze';
import { isChecklistFile } from './checklist/files';
import type { PeakendConfig } from './config/config';
import type { MessageArgs } from './finding';
import type { MessageId } from './messages/render';
import { FileReporter } from './report';
import { isDocumentKind, kindFromFileName, DOCUMENT_KINDS, FORMAT_VERSION, type DocumentKind } from './model/kinds';
import { Extractor } from './model/extract';
import type { FileModel } from './model/types';
import { FILE_RULES } from './rules';
import { replaceWith, validateSchema } from './schema/validate';
import { decodeUtf8 } from './text/decode';
import { LineIndex } from './text/lineIndex';
import { scanSuppressions } from './text/suppressions';
import { similar } from './util/similar';
import { parseYaml, withoutScalarLines } from './yaml/parseYaml';
import { pairOf, span, valueOf } from './yaml/nodes';

/** What a front end hands the engine for one file: its text (an editor buffer), its bytes, or only its size. */
export type FileInput = { text: string } | { bytes: Uint8Array } | { size: number; error?: string };

/** Parses, validates and analyses one file on its own. Never throws on bad input: every problem is a finding. */
export function analyzeFile(file: string, input: FileInput, config: PeakendConfig): FileModel {
  const text = readText(file, input, config);
  if (typeof text !== 'string') return text;
  if (isChecklistFile(file, config)) return analyzeChecklist(file, text);

  const lines = new LineIndex(text);
  const report = new FileReporter(file, lines);
  const model = emptyModel(file, lines, report);
  const { doc, value } = parseYaml(text, report);
  model.suppressions = doc ? withoutScalarLines(scanSuppressions(text), doc, lines) : scanSuppressions(text);
  const hasSyntaxErrors = report.findings.some((f) => f.ruleId === 'yaml-syntax');
  model.value = value;
  if (!doc || doc.contents === null) return model;
  const root = doc.contents;
  if (!isMap(root)) {
    const s = span(root as never, text) ?? [0, 0];
    report.at('schema', s[0], s[1], 'yaml.notMapping');
    return model;
  }

  const { kind, unknown } = checkKind(file, root, report);
  if (!kind) return model;
  model.kindUnknown = unknown;
  model.kind = kind;

  const versionNode = valueOf(root, 'peakend');
  const version = isScalar(versionNode) && typeof versionNode.value === 'number' ? versionNode.value : undefined;
  if (version !== undefined) model.version = version;
  const fromTheFuture = version !== undefined && Number.isInteger(version) && version > FORMAT_VERSION;
  if (fromTheFuture) {
    const s = span(versionNode, text)!;
    report.at('unsupported-version', s[0], s[1], 'version.unsupported', { version, supported: FORMAT_VERSION });
  } else if (!hasSyntaxErrors) {
    // A newer format may have new properties: only files of a known version are held to the schema.
    // A syntax error leaves a tree that is not what the author meant; schema findings on it would mislead.
    validateSchema(kind, value, doc, report, model.kindUnknown ? ['/kind'] : []);
  }

  const x = new Extractor(report);
  if (kind === 'journey' || kind === 'touchpoints' || kind === 'standards') {
    const docKind = kind === 'journey' ? 'journey' : kind === 'touchpoints' ? 'inventory' : 'standards-set';
    const def = x.def(docKind, root, 'title');
    if (def) model.def = def;
  }
  if (kind === 'journey') model.journey = x.journey(root, config.scale, model.def?.id);
  if (kind === 'touchpoints') model.touchpoints = x.touchpoints(root);
  if (kind === 'standards') model.standards = x.standards(root);
  if (kind === 'personas') model.personas = x.personas(root);
  const scaleRange = x.scaleRange(root);
  if (scaleRange) model.scaleRange = scaleRange;
  if (kind === 'config') model.ruleSettings = x.ruleSettings(root);
  if (kind === 'touchpoints' || kind === 'standards' || kind === 'personas') {
    const end = x.listEnd(root, kind);
    if (end) model.listEnd = end;
  }

  if (!fromTheFuture && !hasSyntaxErrors) for (const rule of FILE_RULES) rule.check(model, report, config);
  return model;
}

/** The file's text, or a model holding the one finding that says why there is no text to analyse. */
function readText(file: string, input: FileInput, config: PeakendConfig): string | FileModel {
  // Findings about the whole file sit at its start; an encoding error marks the one bad character.
  const failed = (ruleId: string, messageId: MessageId, args: MessageArgs, line = 0, character = 0, width = 0): FileModel => {
    const lines = new LineIndex('');
    const report = new FileReporter(file, lines);
    report.atRange(ruleId, { start: { line, character }, end: { line, character: character + width } }, messageId, args);
    return emptyModel(file, lines, report);
  };
  let size: number;
  if ('size' in input) {
    if (input.error) return failed('file-unreadable', 'file.unreadable', { detail: input.error });
    size = input.size;
  } else if ('bytes' in input) {
    size = input.bytes.length;
  } else {
    // The limit is in bytes as on disk, so that a buffer and its saved file are judged alike.
    size = utf8Length(input.text);
  }
  if ('size' in input || size > config.maxFileBytes) return failed('file-too-large', 'file.tooLarge', { size, limit: config.maxFileBytes });
  if ('text' in input) return input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const decoded = decodeUtf8(input.bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'utf16') return failed('file-encoding', 'file.utf16', {}, 0, 0, 1);
  return failed('file-encoding', 'file.invalidUtf8', { offset: decoded.byteOffset }, decoded.line, decoded.column, 1);
}

function emptyModel(file: string, lines: LineIndex, report: FileReporter): FileModel {
  return { file, lines, value: null, findings: report.findings, touchpoints: [], standards: [], personas: [], suppressions: new Map() };
}

/** The document's kind: declared, checked against the file name; undefined when it cannot be known. */
function checkKind(file: string, root: YAMLMap, report: FileReporter): { kind: DocumentKind | undefined; unknown: boolean } {
  const expected = kindFromFileName(file);
  const pair = pairOf(root, 'kind');
  const node = pair?.value;
  const declared = isScalar(node) ? node.value : undefined;
  if (!pair) {
    // With a kind in the file name the schema reports the missing property; without one nothing can be checked.
    if (!expected) {
      const s = span(root, report.lines.text)!;
      report.at('unknown-kind', s[0], s[0], 'kind.missingAny', { allowed: DOCUMENT_KINDS.join(', ') });
    }
    return { kind: expected, unknown: false };
  }
  const s = span(node ?? (pair.key as never), report.lines.text) ?? [0, 0];
  if (!isDocumentKind(declared)) {
    const text = String(declared ?? '');
    const [suggestion] = similar(text, DOCUMENT_KINDS, 1);
    if (suggestion) report.at('unknown-kind', s[0], s[1], 'kind.unknownSuggest', { kind: text, suggestion }, replaceWith(report, s[0], s[1], suggestion));
    else report.at('unknown-kind', s[0], s[1], 'kind.unknown', { kind: text, allowed: DOCUMENT_KINDS.join(', ') });
    return { kind: expected, unknown: true };
  }
  if (expected && expected !== declared) {
    report.at('kind-mismatch', s[0], s[1], 'kind.mismatch', { expected, kind: declared });
  }
  return { kind: declared, unknown: false };
}

/** UTF-8 byte length of a string, without allocating its encoding. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) (n += 4), i++;
    else n += 3;
  }
  return n;
}
