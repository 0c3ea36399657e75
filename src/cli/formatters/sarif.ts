import { RULES, jsonSafe, relativePath, type Range, type Severity } from '../../core';
import type { Formatter } from './types';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 for code scanning. Regions are 1-based; columns count UTF-16 code units. */
export const sarif: Formatter = (findings, ctx) => {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const region = (r: Range) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const location = (file: string, r: Range) => ({
    physicalLocation: { artifactLocation: { uri: encodeUri(relativePath(ctx.cwd, file)), uriBaseId: '%SRCROOT%' }, region: region(r) },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'peakend',
            version: ctx.toolVersion,
            informationUri: 'https://www.npmjs.com/package/peakend',
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              // The rule's page as published in this version's npm package.
              helpUri: `https://unpkg.com/peakend@${encodeURIComponent(ctx.toolVersion)}/docs/rules/${r.id}.md`,
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(ctx.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => {
          const result: Record<string, unknown> = {
            ruleId: f.ruleId,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(f.file, f.range)],
          };
          const index = ruleIndex.get(f.ruleId);
          if (index !== undefined) result.ruleIndex = index;
          if (f.related?.length) {
            result.relatedLocations = f.related.map((r, id) => ({ id, ...location(r.file, r.range), message: { text: r.message } }));
          }
          // SARIF requires at least one artifactChange per fix, and no two equal fixes in a result.
          const fixes = uniqueBy(
            (f.fixes ?? [])
              .filter((x) => x.edits.length > 0)
              .map((x) => ({
                description: { text: x.title },
                artifactChanges: groupByFile(x.edits).map(([file, edits]) => ({
                  artifactLocation: { uri: encodeUri(relativePath(ctx.cwd, file)), uriBaseId: '%SRCROOT%' },
                  replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                })),
              })),
          );
          if (fixes.length) result.fixes = fixes;
          return result;
        }),
      },
    ],
  };
  return jsonSafe(JSON.stringify(log, null, 2)) + '\n';
};

function groupByFile<T extends { file: string }>(edits: readonly T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const e of edits) map.set(e.file, [...(map.get(e.file) ?? []), e]);
  return [...map];
}

function uniqueBy<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const key = JSON.stringify(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Relative paths as URI references: each segment percent-encoded (CJK and spaces included). */
function encodeUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/**
 * A folder as an absolute file URI ending in "/": `/home/a b` → `file:///home/a%20b/`,
 * `C:/work` → `file:///C:/work/` (the drive letter's colon stays as it is).
 */
function fileUri(folder: string): string {
  const segments = folder.split('/').filter(Boolean);
  const path = segments.map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join('/');
  return path ? `file:///${path}/` : 'file:///';
}
