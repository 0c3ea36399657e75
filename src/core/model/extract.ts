import { isAlias, isSeq, type Alias, type Node, type YAMLMap } from 'yaml';
import type { Range } from '../finding';
import type { FileReporter } from '../report';
import { span } from '../yaml/nodes';
import { yamlTree, type Tree } from './tree';
import type { Blueprint, Def, EntityKind, Evidence, EvidenceSource, ListEnd, Expectation, Journey, Metric, MetricType, Persona, Quote, Ref, Scale, Score, ScoreInsertion, Selector, Stage, Standard, Step, TextItem, Touchpoint } from './types';

const EVIDENCE_SOURCES: readonly string[] = ['survey', 'interview', 'complaints', 'observation', 'analytics', 'social-media', 'mystery-shopping', 'other'];
const METRIC_TYPES: readonly string[] = ['csat', 'nps', 'ces', 'retention', 'other'];

/**
 * Reads typed entities with their source ranges out of a YAML document (or, without ranges, out of
 * its plain data: `PLAIN_TREE`). Tolerant: a node of the wrong type is skipped here (the schema
 * reports it), so a half-written file still yields its IDs.
 */
export class Extractor {
  private readonly t: Tree;

  constructor(
    private readonly report: FileReporter,
    private readonly aliases: ReadonlyMap<Alias, Node> = new Map(),
    tree?: Tree,
  ) {
    this.t = tree ?? yamlTree(report.lines.text);
  }

  /** The node an alias stands for, or the node itself. */
  private target(node: unknown): unknown {
    return isAlias(node) ? this.aliases.get(node) : node;
  }

  /** The IDs of stages or steps an alias repeats, each located at the alias (for duplicate-id). */
  private repeated(kind: 'stage' | 'step', node: unknown, at: unknown, scope: string | undefined, out: Def[]): void {
    const id = this.def(kind, node, 'title', scope);
    if (!id) return;
    const range = this.range(at);
    out.push({ ...id, range, fullRange: range });
    if (kind === 'stage') for (const step of this.t.items(this.target(this.t.get(node, 'steps')))) this.repeated('step', this.target(step), at, scope, out);
  }

  private range(node: unknown): Range {
    const s = this.t.span(node);
    return s ? this.report.range(s[0], s[1]) : this.report.range(0, 0);
  }


  def(kind: EntityKind, map: unknown, nameKey: string, scope?: string): Def | undefined {
    const idNode = this.t.get(map, 'id');
    const id = this.t.id(idNode);
    if (id === undefined) return undefined;
    const d: Def = { kind, id, file: this.report.file, range: this.range(idNode), fullRange: this.range(map) };
    const name = this.t.string(this.t.get(map, nameKey));
    if (name !== undefined) d.name = name;
    if (scope !== undefined) d.scope = scope;
    return d;
  }

  refs(kind: Ref['kind'], node: unknown): Ref[] {
    const out: Ref[] = [];
    for (const item of this.t.items(node)) {
      const id = this.t.string(item);
      if (id !== undefined) out.push({ kind, id, file: this.report.file, range: this.range(item) });
    }
    return out;
  }

  strings(node: unknown): string[] {
    const out: string[] = [];
    for (const item of this.t.items(node)) {
      const s = this.t.string(item);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  /** The range of a document's `scale` mapping. */
  scaleRange(root: unknown): Range | undefined {
    const node = this.t.get(root, 'scale');
    return node !== undefined ? this.range(node) : undefined;
  }

  /** The rule IDs named in peakend.yaml's `rules`, with their key ranges. */
  ruleSettings(root: unknown): { id: string; range: Range }[] {
    return this.t.entries(this.t.get(root, 'rules')).map((e) => ({ id: e.name, range: this.range(e.key) }));
  }

  /** The end of a block list (`key:` then `- …` lines), where a new entry can be appended. */
  listEnd(root: unknown, key: string): ListEnd | undefined {
    if (this.t.plain) {
      // As the yaml tree built from the data reads it: a block list, every place the file's start.
      const items = this.t.items(this.t.get(root, key));
      return items.length ? { position: { line: 0, character: this.report.lines.lineText(0).length }, indent: '' } : undefined;
    }
    const seq = this.t.get(root, key);
    if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
    const first = seq.range?.[0];
    const end = span(seq, this.report.lines.text)?.[1];
    if (first === undefined || end === undefined) return undefined;
    const line = this.report.lines.position(end).line;
    const dash = this.report.lines.position(first).character;
    return { position: { line, character: this.report.lines.lineText(line).length }, indent: ' '.repeat(dash) };
  }

  personas(root: unknown): Persona[] {
    const out: Persona[] = [];
    for (const item of this.t.items(this.t.get(root, 'personas'))) {
      const def = this.def('persona', item, 'name');
      if (!def) continue;
      const p: Persona = { def };
      if (def.name !== undefined) p.name = def.name;
      const description = this.t.string(this.t.get(item, 'description'));
      if (description !== undefined) p.description = description;
      out.push(p);
    }
    return out;
  }

  touchpoints(root: unknown): Touchpoint[] {
    const out: Touchpoint[] = [];
    for (const item of this.t.items(this.t.get(root, 'touchpoints'))) {
      const def = this.def('touchpoint', item, 'name');
      if (!def) continue;
      const t: Touchpoint = {
        def,
        tags: this.strings(this.t.get(item, 'tags')),
        standards: this.refs('standard', this.t.get(item, 'standards')),
      };
      if (def.name !== undefined) t.name = def.name;
      for (const key of ['phase', 'channel', 'type', 'owner'] as const) {
        const v = this.t.string(this.t.get(item, key));
        if (v !== undefined) t[key] = v;
      }
      const importance = this.t.number(this.t.get(item, 'importance'));
      if (importance !== undefined) t.importance = importance;
      const performance = this.t.number(this.t.get(item, 'performance'));
      if (performance !== undefined) t.performance = performance;
      out.push(t);
    }
    return out;
  }

  standards(root: unknown): Standard[] {
    const out: Standard[] = [];
    for (const item of this.t.items(this.t.get(root, 'standards'))) {
      const def = this.def('standard', item, 'title');
      if (!def) continue;
      const weight = this.t.number(this.t.get(item, 'weight'));
      const critical = this.t.get(item, 'critical');
      const s: Standard = {
        def,
        weight: weight !== undefined && weight > 0 ? weight : 1,
        critical: this.t.isTrue(critical),
        evidence: this.strings(this.t.get(item, 'evidence')),
      };
      if (def.name !== undefined) s.title = def.name;
      const requirement = this.t.string(this.t.get(item, 'requirement'));
      if (requirement !== undefined) s.requirement = requirement;
      const dimNode = this.t.get(item, 'dimension');
      const dimension = this.t.string(dimNode);
      if (dimension !== undefined) s.dimension = { value: dimension, range: this.range(dimNode) };
      const kano = this.t.string(this.t.get(item, 'kano'));
      if (kano !== undefined) s.kano = kano;
      const method = this.t.string(this.t.get(item, 'method'));
      if (method !== undefined) s.method = method;
      const applies = this.t.get(item, 'appliesTo');
      if (this.t.isMap(applies)) s.appliesTo = this.selector(applies);
      const expect = this.expectation(this.t.get(item, 'expect'));
      if (expect) s.expect = expect;
      out.push(s);
    }
    return out;
  }

  private selector(map: unknown): Selector {
    return {
      touchpoints: this.refs('touchpoint', this.t.get(map, 'touchpoints')),
      channels: this.strings(this.t.get(map, 'channels')),
      phases: this.strings(this.t.get(map, 'phases')),
      tags: this.strings(this.t.get(map, 'tags')),
    };
  }

  private expectation(node: unknown): Expectation | undefined {
    const type = this.t.string(this.t.get(node, 'type'));
    if (type === 'pass-fail') return { type };
    if (type === 'rating') {
      const atLeast = this.t.string(this.t.get(node, 'atLeast'));
      return atLeast ? { type, atLeast } : undefined;
    }
    if (type === 'measure') {
      const unit = this.t.string(this.t.get(node, 'unit'));
      const comparator = this.t.string(this.t.get(node, 'comparator'));
      const threshold = this.t.number(this.t.get(node, 'threshold'));
      if (unit && threshold !== undefined && ['<=', '<', '>=', '>', '='].includes(comparator ?? '')) {
        return { type, unit, comparator: comparator as '<=', threshold };
      }
    }
    return undefined;
  }

  /** `scale`: the journey's own (model/scale.ts reads it), else the workspace default. */
  journey(root: unknown, scale: Scale, journeyId: string | undefined): Journey {
    const j: Journey = {
      personas: this.refs('persona', this.t.get(root, 'personas')),
      scale,
      stages: [],
      quotePersonas: this.quotePersonas(root),
      repeated: [],
    };
    const title = this.t.string(this.t.get(root, 'title'));
    if (title !== undefined) j.title = title;
    const personas = j.personas.map((p) => p.id);
    this.t.items(this.t.get(root, 'stages')).forEach((stageNode) => {
      if (isAlias(stageNode)) return this.repeated('stage', this.target(stageNode), stageNode, journeyId, j.repeated);
      const def = this.def('stage', stageNode, 'title', journeyId);
      if (!def) return;
      const stage: Stage = { def, steps: [], metrics: this.metrics(this.t.get(stageNode, 'metrics')) };
      if (def.name !== undefined) stage.title = def.name;
      const description = this.text(this.t.get(stageNode, 'description'));
      if (description) stage.description = description;
      const steps = this.t.get(stageNode, 'steps');
      this.t.items(this.target(steps)).forEach((stepNode) => {
        // Steps written elsewhere and repeated here by an alias are entities of that other place.
        if (isAlias(steps) || isAlias(stepNode)) return this.repeated('step', this.target(stepNode), isAlias(steps) ? steps : stepNode, journeyId, j.repeated);
        const step = this.step(stepNode, personas, journeyId);
        if (step) stage.steps.push(step);
      });
      j.stages.push(stage);
    });
    return j;
  }

  private step(node: unknown, personas: readonly string[], journeyId: string | undefined): Step | undefined {
    const def = this.def('step', node, 'title', journeyId);
    if (!def || !this.t.isMap(node)) return undefined;
    const emotionsPair = this.t.pair(node, 'emotions');
    const emotionsNode = emotionsPair?.value;
    const emotions: Score[] = [];
    const scores = this.t.isMap(emotionsNode)
      ? this.t.eachEntry(emotionsNode, (persona, key, value) => {
          emotions.push({ persona, value: this.t.number(value), keyRange: this.range(key), valueRange: this.range(value ?? key) });
        })
      : 0;
    const mot = this.t.get(node, 'momentOfTruth');
    const step: Step = {
      def,
      touchpoints: this.refs('touchpoint', this.t.get(node, 'touchpoints')),
      emotions,
      momentOfTruth: this.t.isTrue(mot),
      painPoints: this.texts(this.t.get(node, 'painPoints')),
      opportunities: this.texts(this.t.get(node, 'opportunities')),
      quotes: this.quotes(this.t.get(node, 'quotes')),
      evidence: this.evidence(this.t.get(node, 'evidence')),
      metrics: this.metrics(this.t.get(node, 'metrics')),
    };
    if (def.name !== undefined) step.title = def.name;
    const description = this.text(this.t.get(node, 'description'));
    if (description) step.description = description;
    const blueprintNode = this.t.get(node, 'blueprint');
    if (this.t.isMap(blueprintNode)) {
      const lanes: Blueprint = {
        frontstage: this.texts(this.t.get(blueprintNode, 'frontstage')),
        backstage: this.texts(this.t.get(blueprintNode, 'backstage')),
        support: this.texts(this.t.get(blueprintNode, 'support')),
        range: this.range(blueprintNode),
      };
      step.blueprint = lanes;
    }
    if (emotionsPair && this.t.isMap(emotionsNode)) {
      step.emotionsKey = this.range(emotionsPair.key);
      // Where a missing score would go: worked out only for steps that miss one.
      if (personas.some((p) => !emotions.some((e) => e.persona === p))) step.scoreInsert = this.scoreInsertion(emotionsNode, emotionsPair.key as Node, scores);
    }
    const channel = this.t.string(this.t.get(node, 'channel'));
    if (channel !== undefined) step.channel = channel;
    return step;
  }

  private text(node: unknown): TextItem | undefined {
    const text = this.t.string(node);
    return text === undefined ? undefined : { text, range: this.range(node) };
  }

  private texts(node: unknown): TextItem[] {
    const out: TextItem[] = [];
    for (const item of this.t.items(node)) {
      const t = this.text(item);
      if (t) out.push(t);
    }
    return out;
  }

  private quotes(node: unknown): Quote[] {
    const out: Quote[] = [];
    for (const item of this.t.items(node)) {
      const plain = this.t.string(item);
      if (plain !== undefined) {
        out.push({ text: plain, range: this.range(item) });
        continue;
      }
      const text = this.t.string(this.t.get(item, 'text'));
      if (text === undefined) continue;
      const q: Quote = { text, range: this.range(item) };
      const persona = this.t.string(this.t.get(item, 'persona'));
      if (persona !== undefined) q.persona = persona;
      const source = this.t.string(this.t.get(item, 'source'));
      if (source !== undefined) q.source = source;
      out.push(q);
    }
    return out;
  }

  private evidence(node: unknown): Evidence[] {
    const out: Evidence[] = [];
    for (const item of this.t.items(node)) {
      const source = this.t.string(this.t.get(item, 'source'));
      if (source === undefined || !EVIDENCE_SOURCES.includes(source)) continue;
      const e: Evidence = { source: source as EvidenceSource, range: this.range(item) };
      const date = this.t.string(this.t.get(item, 'date'));
      if (date !== undefined) e.date = date;
      const sampleSize = this.t.number(this.t.get(item, 'sampleSize'));
      if (sampleSize !== undefined) e.sampleSize = sampleSize;
      const note = this.t.string(this.t.get(item, 'note'));
      if (note !== undefined) e.note = note;
      out.push(e);
    }
    return out;
  }

  private metrics(node: unknown): Metric[] {
    const out: Metric[] = [];
    for (const item of this.t.items(node)) {
      const type = this.t.string(this.t.get(item, 'type'));
      const value = this.t.number(this.t.get(item, 'value'));
      if (type === undefined || !METRIC_TYPES.includes(type) || value === undefined) continue;
      const m: Metric = { type: type as MetricType, value, range: this.range(item) };
      const name = this.t.string(this.t.get(item, 'name'));
      if (name !== undefined) m.name = name;
      const scaleNode = this.t.get(item, 'scale');
      const min = this.t.number(this.t.get(scaleNode, 'min'));
      const max = this.t.number(this.t.get(scaleNode, 'max'));
      if (min !== undefined && max !== undefined && min < max) m.scale = { min, max };
      const sampleSize = this.t.number(this.t.get(item, 'sampleSize'));
      if (sampleSize !== undefined) m.sampleSize = sampleSize;
      const date = this.t.string(this.t.get(item, 'date'));
      if (date !== undefined) m.date = date;
      out.push(m);
    }
    return out;
  }

  private scoreInsertion(node: unknown, key: Node, entries: number): ScoreInsertion | undefined {
    if (this.t.plain) {
      // As the yaml tree built from the data reads it: a block mapping, every place the file's start.
      return entries ? { position: { line: 0, character: this.report.lines.lineText(0).length }, style: 'block', indent: '  ', empty: false } : undefined;
    }
    const map = node as YAMLMap;
    const last = map.items[map.items.length - 1];
    if (map.flow) {
      // Right after the last entry (or the opening brace), so the author's spacing stays as it was.
      const lastValueEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
      const open = map.range?.[0];
      if (open === undefined) return undefined;
      const at = lastValueEnd ?? open + 1;
      return { position: this.report.lines.position(at), style: 'flow', indent: '', empty: map.items.length === 0 };
    }
    const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
    const firstKey = map.items[0]?.key as Node | undefined;
    if (lastEnd === undefined || !firstKey?.range) return undefined;
    const col = this.report.lines.position(firstKey.range[0]).character;
    const keyCol = this.report.lines.position(key.range?.[0] ?? 0).character;
    // After the last entry's line, so that a trailing comment stays with its own entry.
    const line = this.report.lines.position(lastEnd).line;
    return {
      position: { line, character: this.report.lines.lineText(line).length },
      style: 'block',
      indent: ' '.repeat(Math.max(col, keyCol + 2)),
      empty: false,
    };
  }

  /** Quote personas are references too. */
  private quotePersonas(root: unknown): Ref[] {
    const out: Ref[] = [];
    for (const stage of this.t.items(this.t.get(root, 'stages'))) {
      for (const step of this.t.items(this.t.get(stage, 'steps'))) {
        for (const q of this.t.items(this.t.get(step, 'quotes'))) {
          const p = this.t.get(q, 'persona');
          const id = this.t.string(p);
          if (id !== undefined) out.push({ kind: 'persona', id, file: this.report.file, range: this.range(p) });
        }
      }
    }
    return out;
  }
}


