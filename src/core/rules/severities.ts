import type { Severity } from '../finding';
import type { RuleId, RuleMeta } from './meta';
import { PARSE_RULES } from './parseRules';

/**
 * Default severities by rule id. A leaf module: report.ts reads it while rule modules (which import
 * report.ts) are still loading, so it must not import them; rules/index.ts registers them.
 */
const registered = new Map<string, Severity>();

export function registerSeverities(rules: readonly RuleMeta[]): void {
  for (const r of rules) registered.set(r.id, r.severity);
}

export function defaultSeverity(id: RuleId): Severity {
  return (PARSE_RULES as Record<string, { severity: Severity }>)[id]?.severity ?? registered.get(id) ?? 'error';
}
