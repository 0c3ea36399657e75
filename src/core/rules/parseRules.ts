/**
 * The rules that reading a file reports (analyze.ts, text/, yaml/, schema/): no check of their own
 * runs them, so their metadata is declared here, in one place.
 */
export const PARSE_RULES = {
  'file-empty': { severity: 'error', summary: 'The file holds no YAML document.' },
  'file-too-large': { severity: 'error', summary: 'The file is larger than limits.maxFileBytes and is not read.' },
  'file-encoding': { severity: 'error', summary: 'The file is not UTF-8.' },
  'file-unreadable': { severity: 'error', summary: 'The file cannot be read.' },
  'yaml-syntax': { severity: 'error', summary: 'The YAML is malformed (bad indentation, tabs, unclosed brackets, …).' },
  'yaml-duplicate-key': { severity: 'error', summary: 'A mapping holds the same key twice.' },
  'yaml-multiple-documents': { severity: 'error', summary: 'The file holds more than one YAML document.' },
  'yaml-unsupported-tag': { severity: 'error', summary: 'The file uses a YAML tag such as !!js/function; tags are never resolved.' },
  'yaml-alias-limit': { severity: 'error', summary: 'Aliases expand beyond the limit (an alias bomb).' },
  'yaml-unresolved-alias': { severity: 'error', summary: 'An alias names no anchor set before it, or lies inside the node it names.' },
  'yaml-collection-key': { severity: 'error', summary: 'A mapping key is a list, a mapping or an alias instead of plain text.' },
  'yaml-too-deep': { severity: 'error', summary: 'Lists and mappings are nested deeper than limits.maxDepth.' },
  'unknown-kind': { severity: 'error', summary: 'The file declares no kind, or one Peakend does not know.' },
  'kind-mismatch': { severity: 'error', summary: 'The declared kind differs from the kind in the file name.' },
  'unsupported-version': { severity: 'error', summary: 'The file is written in a newer format version than this Peakend reads.' },
  schema: { severity: 'error', summary: 'The document does not match its kind’s JSON Schema.' },
} as const;

export type ParseRuleId = keyof typeof PARSE_RULES;
