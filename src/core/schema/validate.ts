import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { DATE_PATTERN, ID_PATTERN, isReservedName } from '../model/ids';
import type { DocumentKind } from '../model/kinds';
import { didYouMean } from '../didYouMean';
import type { FileReporter } from '../report';
import { locate, pairOf, parsePointer, span } from '../yaml/nodes';
import { compileMissing, PRECOMPILED } from './precompiled';
import { yamlScalar } from '../yaml/scalar';

const compiled = new Map<DocumentKind, ValidateFunction>();

function validatorFor(kind: DocumentKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    v = PRECOMPILED[kind] ?? compileMissing(kind);
    compiled.set(kind, v);
  }
  return v;
}

/** Whether a document's data is valid against its kind's schema. */
export function isSchemaValid(kind: DocumentKind, value: unknown): boolean {
  return validatorFor(kind)(value) === true;
}

/** Validates a document's data against its kind's schema; each error points at the YAML node at fault. */
export function validateSchema(kind: DocumentKind, value: unknown, doc: Document, report: FileReporter, skipPaths: string[] = []): void {
  const validate = validatorFor(kind);
  if (validate(value)) return;
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    // `if`, `allOf` and `propertyNames` only wrap the errors of their subschemas, which say more.
    if (err.keyword === 'if' || err.keyword === 'allOf' || err.keyword === 'propertyNames' || skipPaths.includes(err.instancePath)) continue;
    const key = `${err.instancePath}|${err.keyword}|${err.propertyName ?? ''}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reportError(err, value, doc, report);
  }
}

function reportError(err: ErrorObject, root: unknown, doc: Document, report: FileReporter): void {
  const path = parsePointer(err.instancePath);
  const { node, pair } = locate(doc, path);
  const text = report.lines.text;
  const at = (n: Node | null | undefined): [number, number] => {
    const s = span(n, text);
    // An empty value ("title:") has no extent: point at its key instead.
    if (s && s[1] > s[0]) return s;
    return span(pair?.key as Node, text) ?? s ?? [0, 0];
  };
  const p = err.params as Record<string, unknown>;

  if (err.propertyName !== undefined) {
    // Errors raised inside `propertyNames` concern a key of the mapping at instancePath.
    const kp = isMap(node) ? pairOf(node, err.propertyName) : undefined;
    const [s, e] = at(kp?.key as Node);
    if (err.keyword === 'pattern') {
      patternError(err, err.propertyName, s, e, report);
    } else {
      report.at('schema', s, e, 'schema.propertyNotAllowed', { property: err.propertyName });
    }
    return;
  }

  switch (err.keyword) {
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const kp = isMap(node) ? pairOf(node, name) : undefined;
      const [s, e] = at(kp?.key as Node);
      const allowed = Object.keys(schemaAt(err)?.properties ?? {});
      const { suggestions: [suggestion], fixes } = didYouMean(name, allowed, report.file, report.range(s, e));
      if (suggestion) report.at('schema', s, e, 'schema.additionalPropertySuggest', { property: name, suggestion }, { fixes });
      else report.at('schema', s, e, 'schema.additionalProperty', { property: name });
      return;
    }
    case 'required': {
      // The parent mapping: its key when it has one, else the mapping itself.
      const [s, e] = pair && isScalar(pair.key) ? at(pair.key as Node) : at(node);
      report.at('schema', s, e, 'schema.required', { property: String(p.missingProperty) });
      return;
    }
    case 'type': {
      const [s, e] = at(node);
      const [expected] = String(p.type).split(',');
      report.at('schema', s, e, 'schema.type', { expected: { message: `type.${expected}` }, actual: { message: `type.${typeName(valueAt(root, path))}` } });
      return;
    }
    case 'enum':
    case 'const': {
      const raw = valueAt(root, path);
      // A list, a mapping or nothing where text belongs: its type error says so; "[object Object]" or "null" would not.
      if (typeof raw === 'object') return;
      const [s, e] = at(node);
      const allowed = (err.keyword === 'const' ? [p.allowedValue] : (p.allowedValues as unknown[])).map(String);
      const value = String(raw);
      const { suggestions: [suggestion], fixes } = didYouMean(value, allowed, report.file, report.range(s, e));
      if (suggestion) report.at('schema', s, e, 'schema.enumSuggest', { value, suggestion }, { fixes });
      else report.at('schema', s, e, 'schema.enum', { value, allowed: allowed.join(', ') });
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const [s, e] = at(node);
      report.at('schema', s, e, `schema.${err.keyword}`, { value: String(valueAt(root, path)), limit: Number(p.limit) });
      return;
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties': {
      const [s, e] = at(node);
      report.at('schema', s, e, `schema.${err.keyword}`, { limit: Number(p.limit) });
      return;
    }
    case 'uniqueItems': {
      const i = Number(p.i);
      const j = Number(p.j);
      const dup = isSeq(node) ? (node.items[Math.max(i, j)] as Node) : node;
      const [s, e] = at(dup);
      report.at('schema', s, e, 'schema.uniqueItems', { first: Math.min(i, j) + 1, second: Math.max(i, j) + 1 });
      return;
    }
    case 'pattern': {
      const [s, e] = at(node);
      patternError(err, String(valueAt(root, path)), s, e, report);
      return;
    }
    default: {
      const [s, e] = at(node);
      report.at('schema', s, e, 'schema.other', { detail: err.message ?? err.keyword });
    }
  }
}

function patternError(err: ErrorObject, value: string, s: number, e: number, report: FileReporter): void {
  const parent = err.parentSchema as { pattern?: string; patternErrorMessage?: string } | undefined;
  // The two patterns the schemas use have messages of their own, in every language.
  if (parent?.pattern === ID_PATTERN) report.at('schema', s, e, isReservedName(value) ? 'schema.idReserved' : 'schema.idPattern', { value });
  else if (parent?.pattern === DATE_PATTERN) report.at('schema', s, e, 'schema.datePattern', { value });
  else if (parent?.patternErrorMessage) report.at('schema', s, e, 'schema.patternMessage', { value, hint: parent.patternErrorMessage });
  else report.at('schema', s, e, 'schema.pattern', { value });
}

function schemaAt(err: ErrorObject): { properties?: Record<string, unknown> } | undefined {
  return err.parentSchema as { properties?: Record<string, unknown> } | undefined;
}

function valueAt(root: unknown, path: string[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, seg) ? (v as Record<string, unknown>)[seg] : undefined;
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

