import { isMap, isScalar, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import { analyzeChecklist } from './checklist/analyze';
import { isChecklistFile } from './checklist/files';
import type { PeakendConfig } from './config/config';
import { globProblem } from './config/globs';
import type { MessageArgs, MessageRef, Range } from './finding';
import type { MessageId } from './messages/render';
import { FileReporter, NOWHERE } from './report';
import type { ModelStore } from './workspace/store';
import { KINDS, kindFromFileName } from './kinds';
import { isDocumentKind, DOCUMENT_KINDS, FORMAT_VERSION, type DocumentKind } from './model/kinds';
import { Extractor } from './model/extract';
import { PLAIN_TREE } from './model/tree';
import type { FileModel } from './model/types';
import { FILE_RULES } from './rules';
import type { RuleId } from './rules/meta';
import { isSchemaValid, validateSchema } from './schema/validate';
import { decodeUtf8 } from './text/decode';
import { LineIndex } from './text/lineIndex';
import { scanSuppressions } from './text/suppressions';
import { didYouMean } from './didYouMean';
import { fastLoad } from './yaml/fastLoad';
import { parseYaml, withoutScalarLines } from './yaml/parseYaml';
import { placedYaml } from './yaml/placedYaml';
import { itemsOf, pairOf, span, stringOf, valueOf } from './yaml/nodes';

/**
 * What a front end hands the engine for one file: its text (an editor buffer), its bytes, only its
 * size (too large, or unreadable), that it is not a regular file, or (for a folder of the workspace)
 * why the folder could not be listed.
 */
export type FileInput =
  | { text: string }
  | { bytes: Uint8Array }
  | { size: number; error?: string | MessageRef }
  | { notFile: 'directory' | 'other' }
  | { folderError: string | MessageRef };

export interface AnalyzeOptions {
  /**
   * 'later': a file that turns out valid may be read without positions (about ten times faster) and
   * comes back `withoutPositions`; the caller re-analyses it when a place in it is needed
   * (Workspace does). Any other file is analysed as always.
   */
  positions?: 'now' | 'later';
  /** With positions 'later': models kept from an earlier run (by content), and where this run's go. */
  store?: ModelStore;
  /** With positions 'later': keep the plain data of a model read without positions (a diff compares it). */
  keepValue?: boolean;
  /** Parse with `yaml` alone, the straightforward path (what differential tests compare with). */
  yamlOnly?: boolean;
}

/** Parses, validates and analyses one file on its own. Never throws on bad input: every problem is a finding. */
export function analyzeFile(file: string, input: FileInput, config: PeakendConfig, options: AnalyzeOptions = {}): FileModel {
  const text = readText(file, input, config);
  if (typeof text !== 'string') return text;
  return analyzeText(file, text, config, options);
}

/** `analyzeFile` of a file whose text `readText` gave (another thread analyses it from that text). */
export function analyzeText(file: string, text: string, config: PeakendConfig, options: AnalyzeOptions = {}): FileModel {
  if (isChecklistFile(file, config)) return analyzeChecklist(file, text);
  if (options.positions === 'later') {
    const quick = analyzeWithoutPositions(file, text, config, options.keepValue === true);
    if (quick) return quick;
  }

  const lines = new LineIndex(text);
  const report = new FileReporter(file, lines);
  const model = emptyModel(file, lines, report);
  const { doc, value, aliases } = (!options.yamlOnly && placedYaml(text, config.maxDepth)) || parseYaml(text, report, config.maxDepth);
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
  analyzeDocument(file, model, report, root, doc, value, aliases, hasSyntaxErrors, config);
  return model;
}

/**
 * The quick path: the plain data of a quick read (fastLoad), extracted without positions. Undefined,
 * so that the file takes the full path, unless the file reads the same with every parser, its kind
 * is the one its name announces, it is valid against its schema and the file rules find nothing a
 * setting does not switch off. A config file always takes the full path (its globs are checked at
 * their nodes).
 */
function analyzeWithoutPositions(file: string, text: string, config: PeakendConfig, keepValue: boolean): FileModel | undefined {
  // Disable comments need to know which lines are text inside a block scalar: left to the full path.
  if (scanSuppressions(text).size) return undefined;
  const value = fastLoad(text, config.maxDepth);
  if (!value) return undefined;
  const kind = value.kind;
  const named = kindFromFileName(file);
  if (!isDocumentKind(kind) || kind === 'config' || (named && named !== kind)) return undefined;
  const version = typeof value.peakend === 'number' ? value.peakend : undefined;
  if (version !== undefined && Number.isInteger(version) && version > FORMAT_VERSION) return undefined;
  if (!isSchemaValid(kind, value)) return undefined;
  const lines = new LineIndex(text);
  const report = new PlacelessReporter(file, lines);
  const model = emptyModel(file, lines, report);
  model.value = value;
  model.withoutPositions = true;
  model.kindUnknown = false;
  model.kind = kind;
  if (version !== undefined) model.version = version;
  const x = new Extractor(report, undefined, PLAIN_TREE);
  KINDS[kind].extract(x, value as never, model, config);
  const scaleRange = x.scaleRange(value);
  if (scaleRange) model.scaleRange = scaleRange;
  // Findings of a rule that is off are dropped later; a model without positions is for reporting only.
  for (const rule of FILE_RULES) if (config.rules[rule.id] !== 'off') rule.check(model, report, config);
  for (const f of report.findings) if (config.rules[f.ruleId] !== 'off') return undefined;
  // The entities are all cross-file rules read; the data would only hold memory until the run ends.
  if (!keepValue) model.value = null;
  return model;
}

function analyzeDocument(
  file: string,
  model: FileModel,
  report: FileReporter,
  root: YAMLMap,
  doc: Document.Parsed,
  value: unknown,
  aliases: Map<Alias, Node> | undefined,
  hasSyntaxErrors: boolean,
  config: PeakendConfig,
): void {
  const text = report.lines.text;
  const { kind, unknown } = checkKind(file, root, report);
  if (!kind) return;
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

  const x = new Extractor(report, aliases);
  KINDS[kind].extract(x, root, model, config);
  const scaleRange = x.scaleRange(root);
  if (scaleRange) model.scaleRange = scaleRange;
  // A glob that could take minutes to match is reported at its node (resolveConfig ignores it).
  if (kind === 'config') checkGlobs(root, report);

  if (fromTheFuture || hasSyntaxErrors) return;
  for (const rule of FILE_RULES) rule.check(model, report, config);
}

/** Reports for a model read without positions: every range is the file's start (one shared object). */
class PlacelessReporter extends FileReporter {
  override range(): Range {
    return NOWHERE;
  }
}

/** The file's text, or a model holding the one finding that says why there is no text to analyse. */
export function readText(file: string, input: FileInput, config: PeakendConfig): string | FileModel {
  // Findings about the whole file sit at its start; an encoding error marks the one bad character.
  const failed = (ruleId: RuleId, messageId: MessageId, args: MessageArgs, line = 0, character = 0, width = 0): FileModel => {
    const lines = new LineIndex('');
    const report = new FileReporter(file, lines);
    report.atRange(ruleId, { start: { line, character }, end: { line, character: character + width } }, messageId, args);
    return emptyModel(file, lines, report);
  };
  let size: number;
  if ('folderError' in input) return failed('file-unreadable', 'folder.unreadable', { detail: input.folderError });
  if ('notFile' in input) return failed('file-unreadable', input.notFile === 'directory' ? 'file.isFolder' : 'file.notRegular', {});
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
  // A list, a mapping or an empty value is not a misspelt kind: say what a kind is instead of quoting "".
  if (declared === null || declared === undefined || declared === '') {
    report.at('unknown-kind', s[0], s[1], 'kind.notName', { allowed: DOCUMENT_KINDS.join(', ') });
    return { kind: expected, unknown: true };
  }
  if (!isDocumentKind(declared)) {
    const text = String(declared ?? '');
    const { suggestions: [suggestion], fixes } = didYouMean(text, DOCUMENT_KINDS, file, report.range(s[0], s[1]));
    if (suggestion) report.at('unknown-kind', s[0], s[1], 'kind.unknownSuggest', { kind: text, suggestion }, { fixes });
    else report.at('unknown-kind', s[0], s[1], 'kind.unknown', { kind: text, allowed: DOCUMENT_KINDS.join(', ') });
    return { kind: expected, unknown: true };
  }
  if (expected && expected !== declared) {
    report.at('kind-mismatch', s[0], s[1], 'kind.mismatch', { expected, kind: declared });
  }
  return { kind: declared, unknown: false };
}

/** Each `include` or `exclude` glob that could take minutes to match, at its own node. */
function checkGlobs(root: YAMLMap, report: FileReporter): void {
  for (const key of ['include', 'exclude']) {
    for (const item of itemsOf(valueOf(root, key))) {
      const glob = stringOf(item);
      const problem = glob === undefined ? undefined : globProblem(glob);
      const s = problem && span(item as never, report.lines.text);
      if (problem && s) report.at('schema', s[0], s[1], problem.messageId, problem.args);
    }
  }
}

/** UTF-8 byte length of a string, without allocating its encoding. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) (n += 4), i++;
    // A lone surrogate is written as U+FFFD, three bytes.
    else n += 3;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
