import { Composer, Parser, Scalar, isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import { DEFAULT_MAX_DEPTH, tooDeep } from './depth';
import type { LineIndex } from '../text/lineIndex';
import type { FileReporter } from '../report';

/** Aliases may expand to this many nodes at most; more is treated as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedYaml {
  /** The one YAML document, or undefined when the file has none or could not be turned into data. */
  doc: Document.Parsed | undefined;
  /** The plain data of the document (null when empty or unusable). */
  value: unknown;
  /** The node each alias of the document stands for. */
  aliases?: Map<Alias, Node>;
}

const parseOptions = {
  // yaml's own duplicate check compares every key with every other (minutes for 100,000 keys): ours is linear.
  uniqueKeys: false,
  // Nothing reaches the console: what yaml would warn about is a finding here.
  logLevel: 'error' as const,
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
export function parseYaml(text: string, report: FileReporter, maxDepth = DEFAULT_MAX_DEPTH): ParsedYaml {
  // Positions come from node offsets through our own LineIndex; yaml's LineCounter would count lines again.
  const tokens = Array.from(new Parser().parse(text));
  const deep = tooDeep(tokens, maxDepth);
  if (deep !== undefined) {
    report.at('yaml-too-deep', deep, deep + 1, 'yaml.tooDeep', { limit: maxDepth });
    return { doc: undefined, value: null };
  }
  const list = Array.from(new Composer(parseOptions).compose(tokens));
  if (list.length === 0) {
    // A stream without any document (only comments or blanks).
    report.at('file-empty', 0, 0, 'file.empty');
    return { doc: undefined, value: null };
  }
  if (list.length > 1) {
    // Its range starts at its "---", or at its first token after a "..." that ended the first.
    const start = list[1]!.range[0];
    report.at('yaml-multiple-documents', start, start + 3, 'yaml.multipleDocuments', { count: list.length });
  }
  const doc = list[0]!;
  for (const e of doc.errors) reportYamlError(e, report);
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      report.at('yaml-unsupported-tag', w.pos[0], w.pos[1], 'yaml.tag', { tag: tagText(text, w.pos[0], w.message) });
    }
  }
  if (isEmptyDocument(doc)) {
    report.at('file-empty', 0, 0, 'file.empty');
    return { doc: undefined, value: null };
  }
  if (isAlias(doc.contents)) {
    const r = doc.contents.range ?? [0, 0];
    report.at('yaml-unresolved-alias', r[0], r[1], 'yaml.unresolvedAlias', { alias: doc.contents.source });
    return { doc: undefined, value: null };
  }
  const check = new NodeCheck(report, maxDepth);
  check.node(doc.contents as Node, 1);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Unresolvable aliases are gone by now: what is left is the expansion limit (or a defect, reported alike).
    const at = firstAlias(doc) ?? [0, 0];
    report.at('yaml-alias-limit', at[0], at[1], 'yaml.aliasLimit', { limit: MAX_ALIAS_COUNT });
    // Nothing of such a document can be used safely.
    return { doc: undefined, value: null };
  }
  return { doc, value, aliases: check.resolved };
}

/**
 * One walk over the composed nodes (their depth is bounded by now): duplicate keys with a set per
 * mapping, keys that are collections, aliases without an anchor before them or inside the node they
 * name, and aliases that would nest deeper than the limit. Each is reported at its node, and the node
 * is dropped (a key) or replaced by null (an alias), so the rest of the file is still checked.
 */
class NodeCheck {
  private readonly anchors = new Map<string, Node>();
  private readonly heights = new Map<Node, number>();
  private readonly open = new Set<Node>();
  /** The node each alias stands for (the last anchor of its name before it, as YAML resolves it). */
  readonly resolved = new Map<Alias, Node>();

  constructor(
    private readonly report: FileReporter,
    private readonly maxDepth: number,
  ) {}

  /** The node's height (collections nested in it, itself included); `depth` is its own level. */
  node(node: Node | null | undefined, depth: number): number {
    if (!node || isAlias(node)) return 0;
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isScalar(node)) return 0;
    this.open.add(node);
    let inner = 0;
    if (isMap(node)) {
      const seen = new Set<string>();
      node.items = node.items.filter((pair) => {
        const key = pair.key as Node | null;
        if (key && !isScalar(key)) {
          const r = key.range ?? [0, 0];
          this.report.at('yaml-collection-key', r[0], Math.max(r[1], r[0] + 1), 'yaml.collectionKey');
          return false;
        }
        this.node(key, depth + 1);
        const id = keyIdentity(key);
        if (id !== undefined) {
          if (seen.has(id) && key?.range) {
            const [s, e] = key.range;
            this.report.at('yaml-duplicate-key', s, Math.max(e, s + 1), 'yaml.duplicateKey', { key: this.report.lines.text.slice(s, e) });
          }
          seen.add(id);
        }
        inner = Math.max(inner, this.child(pair, 'value', depth + 1));
        return true;
      });
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) inner = Math.max(inner, this.child(node.items as unknown as Record<number, unknown>, i, depth + 1));
    }
    this.open.delete(node);
    const height = 1 + inner;
    if (node.anchor) this.heights.set(node, height);
    return height;
  }

  /** Checks one child slot; an alias that cannot stand is replaced by null there. */
  private child(holder: Pair | Record<number, unknown>, slot: 'value' | number, depth: number): number {
    const node = (holder as Record<string | number, unknown>)[slot] as Node | null | undefined;
    if (!isAlias(node)) return this.node(node, depth);
    const target = this.anchors.get(node.source);
    const problem = !target ? 'yaml.unresolvedAlias' : this.open.has(target) ? 'yaml.aliasCycle' : undefined;
    const height = target && !problem ? (this.heights.get(target) ?? 0) : 0;
    const tooDeepHere = !problem && depth - 1 + height > this.maxDepth;
    if (!problem && !tooDeepHere) {
      this.resolved.set(node, target!);
      return height;
    }
    const r = (node as Alias).range ?? [0, 0, 0];
    if (problem) this.report.at('yaml-unresolved-alias', r[0], r[1], problem, { alias: node.source });
    else this.report.at('yaml-too-deep', r[0], r[1], 'yaml.tooDeep', { limit: this.maxDepth });
    const empty = new Scalar(null);
    empty.range = [r[0], r[1], r[2]];
    (holder as Record<string | number, unknown>)[slot] = empty;
    return 0;
  }
}

/** What makes two scalar keys the same key (as for yaml's own check): type and value. */
function keyIdentity(key: Node | null): string | undefined {
  if (!key) return 'null:';
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (typeof v === 'number' && Number.isNaN(v)) return undefined;
  return `${v === null ? 'null' : typeof v}:${String(v)}`;
}

/** A document with nothing in it ("---" alone, or with comments only): yaml gives it a null scalar of no text. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && c.value === null && c.source === '' && !c.tag && !c.anchor);
}

function reportYamlError(e: YAMLError, report: FileReporter): void {
  const [start, end] = e.pos;
  if (e.code === 'TAB_AS_INDENT') {
    report.at('yaml-syntax', start, Math.max(end, start + 1), 'yaml.tab');
  } else {
    // Without prettyErrors the message is yaml's words alone, without "at line …, column …".
    report.at('yaml-syntax', start, Math.max(end, start + 1), 'yaml.syntax', { detail: e.message });
  }
}

function tagText(text: string, start: number, message: string): string {
  return /^!\S*/.exec(text.slice(start, start + 200))?.[0] ?? message;
}

function firstAlias(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.range) {
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
      if (!node.range) return;
      const first = lines.position(node.range[0]).line;
      // The end is exclusive: a block scalar's range ends at the start of the line after it.
      const last = lines.position(Math.max(node.range[0], node.range[1] - 1)).line;
      for (let l = first + 1; l <= last; l++) inside.add(l);
    },
  });
  for (const target of [...directives.keys()]) if (inside.has(target - 1)) directives.delete(target);
  return directives;
}
