import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OFF_RULES } from '../../src/core/config/config';
import { CONFIG_FILE_NAMES, DOCUMENT_KINDS, kindFromFileName, RULES, SCHEMAS } from '../../src/core';
import { FORMATTERS } from '../../src/cli/formatters';
import { checkHelp } from '../../src/cli/commands/check';

const ROOT = resolve(__dirname, '../..');
const DOCS = join(ROOT, 'docs/rules');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  activationEvents: string[];
  contributes: { yamlValidation: { fileMatch: string[]; url: string }[] };
};

/** The rule table as written out: a change to an ID, a severity or a summary must be a change here too. */
const EXPECTED_RULES: [string, string, string][] = [
  ['file-empty', 'error', 'The file holds no YAML document.'],
  ['file-too-large', 'error', 'The file is larger than limits.maxFileBytes and is not read.'],
  ['file-encoding', 'error', 'The file is not UTF-8.'],
  ['file-unreadable', 'error', 'The file cannot be read.'],
  ['yaml-syntax', 'error', 'The YAML is malformed (bad indentation, tabs, unclosed brackets, …).'],
  ['yaml-duplicate-key', 'error', 'A mapping holds the same key twice.'],
  ['yaml-multiple-documents', 'error', 'The file holds more than one YAML document.'],
  ['yaml-unsupported-tag', 'error', 'The file uses a YAML tag such as !!js/function; tags are never resolved.'],
  ['yaml-alias-limit', 'error', 'Aliases expand beyond the limit (an alias bomb).'],
  ['yaml-unresolved-alias', 'error', 'An alias names no anchor set before it, or lies inside the node it names.'],
  ['yaml-collection-key', 'error', 'A mapping key is a list, a mapping or an alias instead of plain text.'],
  ['yaml-too-deep', 'error', 'Lists and mappings are nested deeper than limits.maxDepth.'],
  ['unknown-kind', 'error', 'The file declares no kind, or one Peakend does not know.'],
  ['kind-mismatch', 'error', 'The declared kind differs from the kind in the file name.'],
  ['unsupported-version', 'error', 'The file is written in a newer format version than this Peakend reads.'],
  ['schema', 'error', 'The document does not match its kind’s JSON Schema.'],
  ['invalid-scale', 'error', 'An emotion scale whose min is not below its max, or whose neutral point lies outside.'],
  ['unknown-rule', 'warning', 'peakend.yaml sets the severity of a rule that does not exist.'],
  ['score-out-of-scale', 'error', 'An emotion score outside the journey’s scale.'],
  ['missing-persona-score', 'warning', 'A journey step has no emotion score for one of the journey’s personas.'],
  ['weak-ending', 'warning', 'A journey ends below the persona’s own average or below neutral.'],
  ['unrecovered-trough', 'warning', 'A persona falls into a deep trough and no later step recovers.'],
  ['no-positive-peak', 'warning', 'A persona’s journey has no score above neutral: nothing good to remember.'],
  ['negative-moment-of-truth', 'warning', 'A moment of truth scored below neutral.'],
  ['persona-gap', 'info', 'One persona’s peak-end score is far below another’s on the same journey.'],
  ['unevidenced-extreme', 'warning', 'An extreme emotion score on a step that lists no evidence (off by default).'],
  ['unknown-dimension', 'warning', 'A standard names a dimension its file does not allow.'],
  ['unknown-touchpoint', 'error', 'A reference to a touchpoint ID that no inventory defines.'],
  ['unknown-standard', 'error', 'A reference to a standard ID that no standards file defines.'],
  ['unknown-persona', 'error', 'A reference to a persona that is not defined, or not one of the journey’s personas.'],
  ['duplicate-id', 'error', 'Two entities of the same kind share an ID (or IDs that differ only in case).'],
  ['uncovered-touchpoint', 'warning', 'A touchpoint to which no standard applies.'],
  ['unused-standard', 'warning', 'A standard that applies to no touchpoint.'],
  ['checklist-header', 'error', 'A checklist’s front matter is missing, unreadable or names no touchpoint.'],
  ['checklist-unknown-touchpoint', 'error', 'A checklist’s header names a touchpoint that no inventory defines.'],
  ['checklist-unknown-item', 'error', 'A checklist item whose ID is not a standard of the workspace.'],
  ['checklist-duplicate-item', 'error', 'The same item appears twice in a checklist.'],
  ['checklist-invalid-answer', 'error', 'An answer that is not valid for its item (two boxes ticked, a rating on a pass-fail item, …).'],
  ['checklist-invalid-measurement', 'error', 'A measured value without a number, or in a unit that cannot be compared with the threshold.'],
  ['checklist-invalid-date', 'error', 'A checklist date that is not a date (YYYY-MM-DD).'],
  ['checklist-incomplete-action', 'warning', 'A corrective action without an owner or a due date.'],
  ['checklist-missing-action', 'warning', 'A failed item without a corrective action.'],
  ['checklist-recheck', 'info', 'An answered item whose standard changed since; check it again.'],
];

describe('the rule table', () => {
  it('lists every rule once, with its default severity and a one-sentence summary', () => {
    expect(RULES.map((r) => [r.id, r.severity, r.summary])).toEqual(EXPECTED_RULES);
  });

  it('has a page per rule, whose severity agrees with the table, and no page without a rule', () => {
    for (const r of RULES) {
      const page = join(DOCS, `${r.id}.md`);
      expect(existsSync(page), page).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.split('\n')[0]!.startsWith(`# \`${r.id}\`: `), `${r.id}.md title`).toBe(true);
      // The first row of the page's table: | Default severity | Quick fix | Checked |
      const row = /\|\s*Default severity[^\n]*\n\|[-| ]+\n\|\s*(\w+)[^|\n]*\|/.exec(text);
      // A rule that peakend.yaml turns off by default says so first.
      expect(row?.[1], `${r.id}.md severity`).toBe(DEFAULT_OFF_RULES[r.id] === 'off' ? 'off' : r.severity);
    }
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('has a row per rule in docs/rules/README.md, in the same order, with the same severity', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const rows = [...index.matchAll(/^\| \[`([a-z-]+)`\]\(([a-z-]+)\.md\) \| (\w+) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(RULES.map((r) => [r.id, r.id, DEFAULT_OFF_RULES[r.id] === 'off' ? 'off' : r.severity]));
  });

  it('is what `peakend check --help` lists', () => {
    const help = checkHelp(Object.keys(FORMATTERS));
    for (const r of RULES) expect(help).toContain(`  ${r.id.padEnd(24)} ${r.severity.padEnd(8)} ${r.summary}\n`);
  });
});

describe('the SARIF rule list', () => {
  const run = JSON.parse(FORMATTERS.sarif!([], { cwd: '/ws', fileCount: 0, color: false, toolVersion: pkg.version })).runs[0];
  const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];

  it('gives each rule its summary and its default level (info is "note" in SARIF)', () => {
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    expect(rules.map((r) => [r.id, r.defaultConfiguration.level, r.shortDescription.text])).toEqual(RULES.map((r) => [r.id, level[r.severity], r.summary]));
    expect(new Set(rules.map((r) => r.defaultConfiguration.level))).toEqual(new Set(['error', 'warning', 'note']));
  });

  it('links each rule to its page in the published package, a file that exists and is shipped', () => {
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n').filter(Boolean);
    for (const r of rules) {
      const prefix = `https://unpkg.com/peakend@${pkg.version}/`;
      expect(r.helpUri.startsWith(prefix), r.helpUri).toBe(true);
      const path = r.helpUri.slice(prefix.length);
      expect(path).toBe(`docs/rules/${r.id}.md`);
      expect(existsSync(join(ROOT, path)), path).toBe(true);
      expect(ignored.some((g) => path.startsWith(g.replace(/^\//, '')))).toBe(false);
    }
    expect(run.tool.driver.informationUri).toBe('https://www.npmjs.com/package/peakend');
  });
});

describe("package.json's yamlValidation", () => {
  const entries = pkg.contributes.yamlValidation;

  it('gives each kind its schema file, which is the schema the engine validates with', () => {
    expect(entries).toHaveLength(DOCUMENT_KINDS.length);
    for (const e of entries) {
      const kinds = new Set(e.fileMatch.map((m) => kindFromFileName(`/ws/${m.replace('*', 'x')}`)));
      expect(kinds.size, e.url).toBe(1);
      const [kind] = [...kinds];
      expect(kind, e.url).toBeDefined();
      expect(e.url).toBe(`./schemas/${kind}.schema.json`);
      expect(JSON.parse(readFileSync(join(ROOT, e.url), 'utf8'))).toEqual(SCHEMAS[kind!]);
      expect((SCHEMAS[kind!] as { properties: { kind: { enum: string[] } } }).properties.kind.enum).toEqual([kind]);
    }
    expect(entries.map((e) => kindFromFileName(`/ws/${e.fileMatch[0]!.replace('*', 'x')}`)).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it('matches exactly the file names the engine gives a kind, and the extension activates on each', () => {
    const expected = DOCUMENT_KINDS.map((k) => (k === 'config' ? CONFIG_FILE_NAMES : [`*.${k}.yaml`, `*.${k}.yml`]));
    expect(entries.map((e) => e.fileMatch)).toEqual(expected);
    expect(pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:'))).toEqual(expected.flat().map((m) => `workspaceContains:**/${m}`));
    // Besides: a preview left open comes back after a window reload (its serializer).
    expect(pkg.activationEvents.filter((e) => !e.startsWith('workspaceContains:'))).toEqual(['onWebviewPanel:peakend.preview']);
    expect(kindFromFileName('/ws/A.Journey.YML')).toBe('journey');
    expect(kindFromFileName('/ws/x.journey.yaml.bak')).toBeUndefined();
    expect(kindFromFileName('/ws/journey.yaml')).toBeUndefined();
    expect(kindFromFileName('/ws/sub/Peakend.yml')).toBe('config');
  });
});
