import { isAlias, isScalar, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import type { FileReporter } from '../report';

/** Aliases may expand to this many nodes at most; more is treated as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedYaml {
  /** The one YAML document, or undefined when the file has none or could not be turned into data. */
  doc: Document.Parsed | undefined;
  /** The plain data of the document (null when empty or unusable). */
  value: unknown;
}

const parseOptions = {
  uniqueKeys: true,
  schema: 'core' as const,
  prettyErrors: false,
  strict: true,
  // !!binary, !!timestamp, !!set and the like would turn text into other types: report them instead.
  resolveKnownTags: false,
  // Keep `__proto__`, `constructor` and friends as plain keys: they are data here.
  customTags: [],
};

/**
 * Parses YAML text safely: no custom tags are resolved (they are reported), aliases are bounded,
 * several documents are reported. Errors go to the reporter with their exact spans.
 */
export function parseYaml(text: string, report: FileReporter): ParsedYaml {
  // Positions come from node offsets through our own LineIndex; yaml's LineCounter would count lines again.
  const docs = parseAllDocuments(text, parseOptions);
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) {
    // parseAllDocuments returns an EmptyStream for text without any document (only comments or blanks).
    report.at('file-empty', 0, 0, 'file.empty');
    return { doc: undefined, value: null };
  }
  if (list.length > 1) {
    const second = list[1]!;
    const start = findDocumentStart(text, second.range[0]);
    report.at('yaml-multiple-documents', start, start + 3, 'yaml.multipleDocuments', { count: list.length });
  }
  const doc = list[0]!;
  for (const e of doc.errors) reportYamlError(e, doc, report);
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      report.at('yaml-unsupported-tag', w.pos[0], w.pos[1], 'yaml.tag', { tag: tagText(text, w.pos[0], w.message) });
    }
  }
  if (doc.contents === null) {
    report.at('file-empty', 0, 0, 'file.empty');
    return { doc, value: null };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError) {
      const at = firstAlias(doc) ?? [0, 0];
      report.at('yaml-alias-limit', at[0], at[1], 'yaml.aliasLimit', { limit: MAX_ALIAS_COUNT });
      // Nothing of such a document can be used safely.
      return { doc: undefined, value: null };
    }
    throw e;
  }
  return { doc, value };
}

function reportYamlError(e: YAMLError, doc: Document, report: FileReporter): void {
  const [start, end] = e.pos;
  if (e.code === 'DUPLICATE_KEY') {
    const key = keyAt(doc, start);
    const s = key ?? [start, Math.max(end, start + 1)];
    report.at('yaml-duplicate-key', s[0], s[1], 'yaml.duplicateKey', { key: report.lines.text.slice(s[0], s[1]) });
  } else if (e.code === 'TAB_AS_INDENT') {
    report.at('yaml-syntax', start, Math.max(end, start + 1), 'yaml.tab');
  } else {
    report.at('yaml-syntax', start, Math.max(end, start + 1), 'yaml.syntax', { detail: e.message.replace(/\s+at line \d+, column \d+.*$/s, '') });
  }
}

function tagText(text: string, start: number, message: string): string {
  const m = /^!\S*/.exec(text.slice(start, start + 200));
  return m ? m[0] : message.replace(/^Unresolved tag: /, '');
}

function findDocumentStart(text: string, from: number): number {
  const before = text.lastIndexOf('---', from + 3);
  return before >= 0 ? before : from;
}

/** The span of the mapping key that starts at `offset` (yaml reports only its first character). */
function keyAt(doc: Document, offset: number): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Pair(_, pair) {
      const r = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (r && r[0] === offset) {
        found = [r[0], r[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAlias(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        found = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Drops directives written inside multi-line text (a block scalar's "# …" line is text, not a comment). */
export function withoutScalarLines(directives: Map<number, Set<string>>, doc: Document, lines: LineIndex): Map<number, Set<string>> {
  if (directives.size === 0) return directives;
  const inside = new Set<number>();
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || !node.range) return;
      const first = lines.position(node.range[0]).line;
      const last = lines.position(node.range[1]).line;
      for (let l = first + 1; l <= last; l++) inside.add(l);
    },
  });
  for (const target of [...directives.keys()]) if (inside.has(target - 1)) directives.delete(target);
  return directives;
}
