import { JUDGEMENT_RULE_IDS } from '../rules';
import type { Workspace } from '../workspace/workspace';
import { analyzeInventory, type InventoryAnalysisOptions } from './ipa';
import { analyzeJourney } from './peakEnd';
import { ANALYSIS_FORMAT_VERSION, type AnalysisReport } from './types';

/**
 * The analysis of the given files (journeys and touchpoint inventories; other kinds are skipped),
 * each from the workspace that holds it: persona names come from that workspace's personas files,
 * error counts from its findings with peakend.yaml's settings applied, the quadrant cuts from its
 * `analysis.cuts` unless `options.cuts` says otherwise. Ordered by file path.
 */
export function analysisReport(workspaces: readonly Workspace[], files: readonly string[], options: InventoryAnalysisOptions = {}): AnalysisReport {
  const report: AnalysisReport = { version: ANALYSIS_FORMAT_VERSION, journeys: [], inventories: [] };
  for (const file of [...new Set(files)].sort()) {
    const workspace = workspaces.find((w) => w.getFile(file));
    if (!workspace) continue;
    const model = workspace.getFile(file)!;
    const findings = workspace.findingsFor(file);
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (model.journey) {
      const personaNames = new Map<string, string>();
      for (const [id, defs] of workspace.getIndex().personas) {
        // The index lists only IDs that something defines: there is a first definition.
        const name = defs[0]!.name;
        if (name !== undefined) personaNames.set(id, name);
      }
      // A model with a journey always has an analysis.
      const a = analyzeJourney(model, { personaNames })!;
      report.journeys.push({ ...a, errors, judgements: findings.filter((f) => JUDGEMENT_RULE_IDS.includes(f.ruleId)) });
    } else if (model.kind === 'touchpoints') {
      report.inventories.push({ ...analyzeInventory(model, { cuts: options.cuts ?? workspace.config.ipaCuts }), errors });
    }
  }
  return report;
}

