import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/core';

/** "rule-id 3:7-3:13": a finding's rule and 1-based range, end exclusive. */
export function describeFinding(f: Finding): string {
  const r = f.range;
  return `${f.ruleId} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/**
 * The findings each fixture file expects: its `# expect: …` comments, or, for files that cannot
 * hold a comment (empty, not UTF-8), the folder's expectations.json.
 */
export function readExpectations(folder: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const sidecar = join(folder, 'expectations.json');
  const listed: Record<string, string[]> = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : {};
  for (const name of readdirSync(folder).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    if (listed[name]) {
      out.set(name, [...listed[name]].sort());
      continue;
    }
    const text = readFileSync(join(folder, name), 'latin1');
    const expected = [...text.matchAll(/^#\s*expect:\s*(\S+ \d+:\d+-\d+:\d+)\s*$/gm)].map((m) => m[1]!);
    out.set(name, expected.sort());
  }
  return out;
}

/** The findings grouped like readExpectations: file name → sorted descriptions. */
export function groupFindings(findings: readonly Finding[], files: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of files) out.set(file.slice(file.lastIndexOf('/') + 1), []);
  for (const f of findings) {
    const name = f.file.slice(f.file.lastIndexOf('/') + 1);
    out.set(name, [...(out.get(name) ?? []), describeFinding(f)].sort());
  }
  return out;
}
