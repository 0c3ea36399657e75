import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, isRuleId } from '../../src/core';
import { FILE_RULES, WORKSPACE_RULES, defaultSeverity } from '../../src/core/rules';
import { PARSE_RULES } from '../../src/core/rules/parseRules';
import { CHECKLIST_RULES } from '../../src/core/checklist/rules';

describe('the rule registry', () => {
  it('lists every rule once, parse-level rules first, with the default severity each declares', () => {
    expect(RULES.map((r) => `${r.id} ${r.severity}`)).toEqual([
      'file-empty error',
      'file-too-large error',
      'file-encoding error',
      'file-unreadable error',
      'yaml-syntax error',
      'yaml-duplicate-key error',
      'yaml-multiple-documents error',
      'yaml-unsupported-tag error',
      'yaml-alias-limit error',
      'yaml-unresolved-alias error',
      'yaml-collection-key error',
      'yaml-too-deep error',
      'unknown-kind error',
      'kind-mismatch error',
      'unsupported-version error',
      'schema error',
      'invalid-scale error',
      'unknown-rule warning',
      'score-out-of-scale error',
      'missing-persona-score warning',
      'weak-ending warning',
      'unrecovered-trough warning',
      'no-positive-peak warning',
      'negative-moment-of-truth warning',
      'persona-gap info',
      'unevidenced-extreme warning',
      'unknown-dimension warning',
      'unknown-touchpoint error',
      'unknown-standard error',
      'unknown-persona error',
      'duplicate-id error',
      'uncovered-touchpoint warning',
      'unused-standard warning',
      'checklist-header error',
      'checklist-unknown-touchpoint error',
      'checklist-unknown-item error',
      'checklist-duplicate-item error',
      'checklist-invalid-answer error',
      'checklist-invalid-measurement error',
      'checklist-invalid-date error',
      'checklist-incomplete-action warning',
      'checklist-missing-action warning',
      'checklist-recheck info',
    ]);
    expect(Object.keys(RULES[0]!).sort()).toEqual(['id', 'severity', 'summary']);
  });

  it('takes each rule’s metadata from the rule itself', () => {
    for (const rule of [...FILE_RULES, ...WORKSPACE_RULES]) {
      expect(RULES.find((r) => r.id === rule.id)).toEqual({ id: rule.id, severity: rule.severity, summary: rule.summary });
      expect(defaultSeverity(rule.id)).toBe(rule.severity);
    }
    for (const [id, m] of Object.entries(PARSE_RULES)) expect(RULES.find((r) => r.id === id)).toEqual({ id, ...m });
    for (const m of CHECKLIST_RULES) expect(RULES.find((r) => r.id === m.id)).toEqual({ id: m.id, severity: m.severity, summary: m.summary });
    // The workspace rule that checks checklists against the workspace reports under a checklist rule's id.
    const ids = new Set([...FILE_RULES, ...WORKSPACE_RULES].map((r) => r.id).concat(Object.keys(PARSE_RULES) as never[], CHECKLIST_RULES.map((r) => r.id)));
    expect(RULES.length).toBe(ids.size);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('knows its ids, and each has a docs page', () => {
    expect(isRuleId('duplicate-id')).toBe(true);
    expect(isRuleId('duplicate-ids')).toBe(false);
    for (const r of RULES) expect(existsSync(resolve(__dirname, `../../docs/rules/${r.id}.md`)), r.id).toBe(true);
  });
});
