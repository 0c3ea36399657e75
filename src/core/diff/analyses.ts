import { analyzeInventory } from '../analysis/ipa';
import { analyzeJourney } from '../analysis/peakEnd';
import type { InventoryAnalysis, JourneyAnalysis } from '../analysis/types';
import type { FileModel } from '../model/types';
import type { DiffSide } from './review';

const journeys = new WeakMap<DiffSide, Map<string, JourneyAnalysis>>();
const inventories = new WeakMap<DiffSide, Map<string, InventoryAnalysis>>();
const analysed = new WeakMap<FileModel, Map<string, JourneyAnalysis | undefined>>();

/** Each journey's peak-end analysis on one side, by journey ID, computed once per side. */
export function journeyAnalyses(side: DiffSide): Map<string, JourneyAnalysis> {
  let m = journeys.get(side);
  if (!m) {
    m = new Map();
    const names = new Map([...side.index.personas].map(([id, [p]]) => [id, p?.name ?? id]));
    const namesKey = JSON.stringify([...names]);
    for (const model of side.models) {
      if (!model.def || m.has(model.def.id)) continue;
      // A file both sides share, under the same persona names, is analysed once.
      let byNames = analysed.get(model);
      if (!byNames) analysed.set(model, (byNames = new Map()));
      if (!byNames.has(namesKey)) byNames.set(namesKey, analyzeJourney(model, { personaNames: names }));
      const a = byNames.get(namesKey);
      if (a) m.set(a.journeyId, a);
    }
    journeys.set(side, m);
  }
  return m;
}

/** Each inventory's importance–performance analysis on one side, by inventory ID. */
export function inventoryAnalyses(side: DiffSide): Map<string, InventoryAnalysis> {
  let m = inventories.get(side);
  if (!m) {
    m = new Map();
    for (const model of side.models) {
      if (model.kind !== 'touchpoints' || !model.def || m.has(model.def.id)) continue;
      m.set(model.def.id, analyzeInventory(model));
    }
    inventories.set(side, m);
  }
  return m;
}
