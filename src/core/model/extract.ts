import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type YAMLMap } from 'yaml';
import type { Range } from '../finding';
import type { FileReporter } from '../report';
import { itemsOf, numberOf, pairOf, span, stringOf, valueOf } from '../yaml/nodes';
import type { Blueprint, Def, EntityKind, Evidence, EvidenceSource, ListEnd, Expectation, Journey, Metric, MetricType, Persona, Quote, Ref, Scale, Score, ScoreInsertion, Selector, Stage, Standard, Step, TextItem, Touchpoint } from './types';

const EVIDENCE_SOURCES: readonly string[] = ['survey', 'interview', 'complaints', 'observation', 'analytics', 'social-media', 'mystery-shopping', 'other'];
const METRIC_TYPES: readonly string[] = ['csat', 'nps', 'ces', 'retention', 'other'];

/**
 * Reads typed entities with their source ranges out of a YAML document. Tolerant: a node of the
 * wrong type is skipped here (the schema reports it), so a half-written file still yields its IDs.
 */
export class Extractor {
  constructor(
    private readonly report: FileReporter,
    private readonly aliases: ReadonlyMap<Alias, Node> = new Map(),
  ) {}

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
    if (kind === 'stage') for (const step of itemsOf(this.target(valueOf(node, 'steps')))) this.repeated('step', this.target(step), at, scope, out);
  }

  private range(node: unknown): Range {
    const s = span(node as Node, this.report.lines.text);
    return s ? this.report.range(s[0], s[1]) : this.report.range(0, 0);
  }


  def(kind: EntityKind, map: unknown, nameKey: string, scope?: string): Def | undefined {
    const idNode = valueOf(map, 'id');
    const id = stringOf(idNode) ?? (isScalar(idNode) && typeof idNode.value === 'number' ? String(idNode.value) : undefined);
    if (id === undefined) return undefined;
    const d: Def = { kind, id, file: this.report.file, range: this.range(idNode), fullRange: this.range(map) };
    const name = stringOf(valueOf(map, nameKey));
    if (name !== undefined) d.name = name;
    if (scope !== undefined) d.scope = scope;
    return d;
  }

  refs(kind: Ref['kind'], node: unknown): Ref[] {
    const out: Ref[] = [];
    for (const item of itemsOf(node)) {
      const id = stringOf(item);
      if (id !== undefined) out.push({ kind, id, file: this.report.file, range: this.range(item) });
    }
    return out;
  }

  strings(node: unknown): string[] {
    return itemsOf(node)
      .map((n) => stringOf(n))
      .filter((s): s is string => s !== undefined);
  }

  /** The range of a document's `scale` mapping. */
  scaleRange(root: unknown): Range | undefined {
    const node = valueOf(root, 'scale');
    return node ? this.range(node) : undefined;
  }

  /** The rule IDs named in peakend.yaml's `rules`, with their key ranges. */
  ruleSettings(root: unknown): { id: string; range: Range }[] {
    const rules = valueOf(root, 'rules');
    if (!isMap(rules)) return [];
    return rules.items.filter((p) => isScalar(p.key)).map((p) => ({ id: String((p.key as { value: unknown }).value), range: this.range(p.key) }));
  }

  /** The end of a block list (`key:` then `- …` lines), where a new entry can be appended. */
  listEnd(root: unknown, key: string): ListEnd | undefined {
    const seq = valueOf(root, key);
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
    for (const item of itemsOf(valueOf(root, 'personas'))) {
      const def = this.def('persona', item, 'name');
      if (!def) continue;
      const p: Persona = { def };
      if (def.name !== undefined) p.name = def.name;
      const description = stringOf(valueOf(item, 'description'));
      if (description !== undefined) p.description = description;
      out.push(p);
    }
    return out;
  }

  touchpoints(root: unknown): Touchpoint[] {
    const out: Touchpoint[] = [];
    for (const item of itemsOf(valueOf(root, 'touchpoints'))) {
      const def = this.def('touchpoint', item, 'name');
      if (!def) continue;
      const t: Touchpoint = {
        def,
        tags: this.strings(valueOf(item, 'tags')),
        standards: this.refs('standard', valueOf(item, 'standards')),
      };
      if (def.name !== undefined) t.name = def.name;
      for (const key of ['phase', 'channel', 'type', 'owner'] as const) {
        const v = stringOf(valueOf(item, key));
        if (v !== undefined) t[key] = v;
      }
      const importance = numberOf(valueOf(item, 'importance'));
      if (importance !== undefined) t.importance = importance;
      const performance = numberOf(valueOf(item, 'performance'));
      if (performance !== undefined) t.performance = performance;
      out.push(t);
    }
    return out;
  }

  standards(root: unknown): Standard[] {
    const out: Standard[] = [];
    for (const item of itemsOf(valueOf(root, 'standards'))) {
      const def = this.def('standard', item, 'title');
      if (!def) continue;
      const weight = numberOf(valueOf(item, 'weight'));
      const critical = valueOf(item, 'critical');
      const s: Standard = {
        def,
        weight: weight !== undefined && weight > 0 ? weight : 1,
        critical: isScalar(critical) && critical.value === true,
        evidence: this.strings(valueOf(item, 'evidence')),
      };
      if (def.name !== undefined) s.title = def.name;
      const requirement = stringOf(valueOf(item, 'requirement'));
      if (requirement !== undefined) s.requirement = requirement;
      const dimNode = valueOf(item, 'dimension');
      const dimension = stringOf(dimNode);
      if (dimension !== undefined) s.dimension = { value: dimension, range: this.range(dimNode) };
      const kano = stringOf(valueOf(item, 'kano'));
      if (kano !== undefined) s.kano = kano;
      const method = stringOf(valueOf(item, 'method'));
      if (method !== undefined) s.method = method;
      const applies = valueOf(item, 'appliesTo');
      if (isMap(applies)) s.appliesTo = this.selector(applies);
      const expect = this.expectation(valueOf(item, 'expect'));
      if (expect) s.expect = expect;
      out.push(s);
    }
    return out;
  }

  private selector(map: YAMLMap): Selector {
    return {
      touchpoints: this.refs('touchpoint', valueOf(map, 'touchpoints')),
      channels: this.strings(valueOf(map, 'channels')),
      phases: this.strings(valueOf(map, 'phases')),
      tags: this.strings(valueOf(map, 'tags')),
    };
  }

  private expectation(node: unknown): Expectation | undefined {
    const type = stringOf(valueOf(node, 'type'));
    if (type === 'pass-fail') return { type };
    if (type === 'rating') {
      const atLeast = stringOf(valueOf(node, 'atLeast'));
      return atLeast ? { type, atLeast } : undefined;
    }
    if (type === 'measure') {
      const unit = stringOf(valueOf(node, 'unit'));
      const comparator = stringOf(valueOf(node, 'comparator'));
      const threshold = numberOf(valueOf(node, 'threshold'));
      if (unit && threshold !== undefined && ['<=', '<', '>=', '>', '='].includes(comparator ?? '')) {
        return { type, unit, comparator: comparator as '<=', threshold };
      }
    }
    return undefined;
  }

  /** `scale`: the journey's own (model/scale.ts reads it), else the workspace default. */
  journey(root: unknown, scale: Scale, journeyId: string | undefined): Journey {
    const j: Journey = {
      personas: this.refs('persona', valueOf(root, 'personas')),
      scale,
      stages: [],
      quotePersonas: this.quotePersonas(root),
      repeated: [],
    };
    const title = stringOf(valueOf(root, 'title'));
    if (title !== undefined) j.title = title;
    const personas = j.personas.map((p) => p.id);
    itemsOf(valueOf(root, 'stages')).forEach((stageNode) => {
      if (isAlias(stageNode)) return this.repeated('stage', this.target(stageNode), stageNode, journeyId, j.repeated);
      const def = this.def('stage', stageNode, 'title', journeyId);
      if (!def) return;
      const stage: Stage = { def, steps: [], metrics: this.metrics(valueOf(stageNode, 'metrics')) };
      if (def.name !== undefined) stage.title = def.name;
      const description = this.text(valueOf(stageNode, 'description'));
      if (description) stage.description = description;
      const steps = valueOf(stageNode, 'steps');
      itemsOf(this.target(steps)).forEach((stepNode) => {
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
    if (!def || !isMap(node)) return undefined;
    const emotionsPair = pairOf(node, 'emotions');
    const emotionsNode = emotionsPair?.value;
    const emotions: Score[] = [];
    if (isMap(emotionsNode)) {
      for (const pair of emotionsNode.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        emotions.push({
          persona: String(pair.key.value),
          value: numberOf(pair.value),
          keyRange: this.range(pair.key),
          valueRange: this.range(pair.value ?? pair.key),
        });
      }
    }
    const mot = valueOf(node, 'momentOfTruth');
    const step: Step = {
      def,
      touchpoints: this.refs('touchpoint', valueOf(node, 'touchpoints')),
      emotions,
      momentOfTruth: isScalar(mot) && mot.value === true,
      painPoints: this.texts(valueOf(node, 'painPoints')),
      opportunities: this.texts(valueOf(node, 'opportunities')),
      quotes: this.quotes(valueOf(node, 'quotes')),
      evidence: this.evidence(valueOf(node, 'evidence')),
      metrics: this.metrics(valueOf(node, 'metrics')),
    };
    if (def.name !== undefined) step.title = def.name;
    const description = this.text(valueOf(node, 'description'));
    if (description) step.description = description;
    const blueprintNode = valueOf(node, 'blueprint');
    if (isMap(blueprintNode)) {
      const lanes: Blueprint = {
        frontstage: this.texts(valueOf(blueprintNode, 'frontstage')),
        backstage: this.texts(valueOf(blueprintNode, 'backstage')),
        support: this.texts(valueOf(blueprintNode, 'support')),
        range: this.range(blueprintNode),
      };
      step.blueprint = lanes;
    }
    if (emotionsPair && isMap(emotionsNode)) {
      step.emotionsKey = this.range(emotionsPair.key);
      // Where a missing score would go: worked out only for steps that miss one.
      if (personas.some((p) => !emotions.some((e) => e.persona === p))) step.scoreInsert = this.scoreInsertion(emotionsNode, emotionsPair.key as Node);
    }
    const channel = stringOf(valueOf(node, 'channel'));
    if (channel !== undefined) step.channel = channel;
    return step;
  }

  private text(node: unknown): TextItem | undefined {
    const text = stringOf(node);
    return text === undefined ? undefined : { text, range: this.range(node) };
  }

  private texts(node: unknown): TextItem[] {
    return itemsOf(node)
      .map((n) => this.text(n))
      .filter((t): t is TextItem => t !== undefined);
  }

  private quotes(node: unknown): Quote[] {
    const out: Quote[] = [];
    for (const item of itemsOf(node)) {
      const plain = stringOf(item);
      if (plain !== undefined) {
        out.push({ text: plain, range: this.range(item) });
        continue;
      }
      const text = stringOf(valueOf(item, 'text'));
      if (text === undefined) continue;
      const q: Quote = { text, range: this.range(item) };
      const persona = stringOf(valueOf(item, 'persona'));
      if (persona !== undefined) q.persona = persona;
      const source = stringOf(valueOf(item, 'source'));
      if (source !== undefined) q.source = source;
      out.push(q);
    }
    return out;
  }

  private evidence(node: unknown): Evidence[] {
    const out: Evidence[] = [];
    for (const item of itemsOf(node)) {
      const source = stringOf(valueOf(item, 'source'));
      if (source === undefined || !EVIDENCE_SOURCES.includes(source)) continue;
      const e: Evidence = { source: source as EvidenceSource, range: this.range(item) };
      const date = stringOf(valueOf(item, 'date'));
      if (date !== undefined) e.date = date;
      const sampleSize = numberOf(valueOf(item, 'sampleSize'));
      if (sampleSize !== undefined) e.sampleSize = sampleSize;
      const note = stringOf(valueOf(item, 'note'));
      if (note !== undefined) e.note = note;
      out.push(e);
    }
    return out;
  }

  private metrics(node: unknown): Metric[] {
    const out: Metric[] = [];
    for (const item of itemsOf(node)) {
      const type = stringOf(valueOf(item, 'type'));
      const value = numberOf(valueOf(item, 'value'));
      if (type === undefined || !METRIC_TYPES.includes(type) || value === undefined) continue;
      const m: Metric = { type: type as MetricType, value, range: this.range(item) };
      const name = stringOf(valueOf(item, 'name'));
      if (name !== undefined) m.name = name;
      const scaleNode = valueOf(item, 'scale');
      const min = numberOf(valueOf(scaleNode, 'min'));
      const max = numberOf(valueOf(scaleNode, 'max'));
      if (min !== undefined && max !== undefined && min < max) m.scale = { min, max };
      const sampleSize = numberOf(valueOf(item, 'sampleSize'));
      if (sampleSize !== undefined) m.sampleSize = sampleSize;
      const date = stringOf(valueOf(item, 'date'));
      if (date !== undefined) m.date = date;
      out.push(m);
    }
    return out;
  }

  private scoreInsertion(map: YAMLMap, key: Node): ScoreInsertion | undefined {
    const text = this.report.lines.text;
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
    for (const stage of itemsOf(valueOf(root, 'stages'))) {
      for (const step of itemsOf(valueOf(stage, 'steps'))) {
        for (const q of itemsOf(valueOf(step, 'quotes'))) {
          const p = valueOf(q, 'persona');
          const id = stringOf(p);
          if (id !== undefined) out.push({ kind: 'persona', id, file: this.report.file, range: this.range(p) });
        }
      }
    }
    return out;
  }
}


