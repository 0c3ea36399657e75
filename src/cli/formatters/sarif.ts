import { RULES } from '../../core/rules/meta';
import { relative } from '../../core/util/paths';
import type { Range, Severity } from '../../core/finding';
import type { Formatter } from './types';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 for code scanning. Regions are 1-based; columns count UTF-16 code units. */
export const sarif: Formatter = (findings, ctx) => {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const region = (r: Range) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const location = (file: string, r: Range) => ({
    physicalLocation: { artifactLocation: { uri: encodeUri(relative(ctx.cwd, file)), uriBaseId: '%SRCROOT%' }, region: region(r) },
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
              helpUri: `https://www.npmjs.com/package/peakend#rule-${r.id}`,
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: encodeUri(ctx.cwd.endsWith('/') ? `file://${ctx.cwd}` : `file://${ctx.cwd}/`) } },
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
          if (f.fixes?.length) {
            result.fixes = f.fixes.map((x) => ({
              description: { text: x.title },
              artifactChanges: groupByFile(x.edits).map(([file, edits]) => ({
                artifactLocation: { uri: encodeUri(relative(ctx.cwd, file)), uriBaseId: '%SRCROOT%' },
                replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
              })),
            }));
          }
          return result;
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function groupByFile<T extends { file: string }>(edits: readonly T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const e of edits) map.set(e.file, [...(map.get(e.file) ?? []), e]);
  return [...map];
}

/** Relative paths as URI references: each segment percent-encoded (CJK and spaces included). */
function encodeUri(p: string): string {
  if (p.startsWith('file://')) return 'file://' + p.slice(7).split('/').map(encodeURIComponent).join('/');
  return p.split('/').map(encodeURIComponent).join('/');
}
