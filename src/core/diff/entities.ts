import type { Range } from '../finding';
import type { Def, FileModel } from '../model/types';

/** The kinds of entity a diff compares, each keyed by its ID (stages and steps within their journey). */
export type DiffKind = 'persona' | 'journey' | 'stage' | 'step' | 'inventory' | 'touchpoint' | 'standards-set' | 'standard';

/** One entity as one revision has it: where it is written and its own data, without its children. */
export interface Entity {
  kind: DiffKind;
  id: string;
  /** The journey ID of a stage or step; the stage ID of a step is in `stage`. */
  journey?: string;
  stage?: string;
  /** Position among its siblings (a stage in its journey, a step in its stage), 0-based. */
  position: number;
  file: string;
  /** The ID's node. */
  range: Range;
  /** The entity's whole mapping. */
  fullRange: Range;
  /** The entity's plain data, its child lists (a journey's stages, a stage's steps) left out. */
  data: Record<string, unknown>;
}

/** The identity of an entity across revisions. */
export function entityKey(e: Pick<Entity, 'kind' | 'id' | 'journey'>): string {
  // A stage or step always names its journey.
  return e.kind === 'stage' || e.kind === 'step' ? `${e.kind}\u0000${e.journey}\u0000${e.id}` : `${e.kind}\u0000${e.id}`;
}

const CHILD_LISTS: Partial<Record<DiffKind, string>> = { journey: 'stages', stage: 'steps', inventory: 'touchpoints', 'standards-set': 'standards' };

/** Every entity of one parsed file, with the ranges its model recorded. Files that could not be read yield none. */
export function entitiesOf(model: FileModel): Entity[] {
  const out: Entity[] = [];
  const root = model.value;
  if (!isRecord(root)) return out;
  const add = (kind: DiffKind, def: Def | undefined, data: Record<string, unknown>, position: number, extra: Partial<Entity> = {}) => {
    if (!def) return;
    out.push({ kind, id: def.id, position, file: model.file, range: def.range, fullRange: def.fullRange, data: ownData(kind, data), ...extra });
  };
  if (model.kind === 'journey' && model.journey && model.def) {
    const journeyId = model.def.id;
    add('journey', model.def, root, 0);
    const stages = new Map<string | undefined, (typeof model.journey.stages)[number]>(model.journey.stages.map((s) => [s.def.id, s]));
    let stagePos = 0;
    for (const stageData of listOf(root.stages)) {
      const stage = stages.get(idOf(stageData));
      if (!stage) continue;
      add('stage', stage.def, stageData, stagePos++, { journey: journeyId });
      const steps = new Map<string | undefined, (typeof stage.steps)[number]>(stage.steps.map((s) => [s.def.id, s]));
      let stepPos = 0;
      for (const stepData of listOf(stageData.steps)) {
        const step = steps.get(idOf(stepData));
        if (step) add('step', step.def, stepData, stepPos++, { journey: journeyId, stage: stage.def.id });
      }
    }
  }
  if (model.kind === 'touchpoints') {
    add('inventory', model.def, root, 0);
    model.touchpoints.forEach((t, i) => add('touchpoint', t.def, dataWithId(root.touchpoints, t.def.id), i));
  }
  if (model.kind === 'standards') {
    add('standards-set', model.def, root, 0);
    model.standards.forEach((s, i) => add('standard', s.def, dataWithId(root.standards, s.def.id), i));
  }
  if (model.kind === 'personas') model.personas.forEach((p, i) => add('persona', p.def, dataWithId(root.personas, p.def.id), i));
  return out;
}

function ownData(kind: DiffKind, data: Record<string, unknown>): Record<string, unknown> {
  const children = CHILD_LISTS[kind];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === children || k === 'peakend' || k === 'kind') continue;
    out[k] = v;
  }
  return out;
}

function dataWithId(list: unknown, id: string): Record<string, unknown> {
  for (const item of listOf(list)) if (idOf(item) === id) return item;
  return {};
}

function listOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function idOf(v: Record<string, unknown>): string | undefined {
  const id = v.id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
