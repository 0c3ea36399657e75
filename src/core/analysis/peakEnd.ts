import type { FileModel, Scale, Stage } from '../model/types';
import { journeySteps } from '../model/walk';
import type { JourneyAnalysis, Moment, PersonaPeakEnd, StageFigure, StepPoint } from './types';

/**
 * Scores closer than this are equal: fractional scores such as 7.2 and 3.8 around 5.5 must tie in
 * intensity even though binary floating point gives them slightly different distances.
 */
const EPSILON = 1e-9;

export interface JourneyAnalysisOptions {
  /** Display names of personas (from the workspace's personas files), keyed by persona ID. */
  personaNames?: ReadonlyMap<string, string>;
}

/**
 * The peak-end figures of a journey, per persona, on the journey's own scale.
 *
 * Tie rule, the same for best, worst and peak: among moments that tie (scores, or distances from
 * neutral, within 1e-9), the later step is chosen, because it is nearer the end and so weighs more in
 * memory; the others are listed in `tiedWith`. When the most intense moments tie at opposite signs
 * (+4 and −4 around 0), `peakTiedOpposite` is set. A persona's steps without a numeric score are
 * skipped; a persona with no scores at all gets `scored: 0` and no moments.
 */
export function analyzeJourney(model: Pick<FileModel, 'file' | 'def' | 'journey'>, options: JourneyAnalysisOptions = {}): JourneyAnalysis | undefined {
  const journey = model.journey;
  if (!journey) return undefined;
  const personaIds = [...new Set(journey.personas.map((p) => p.id))];
  const steps: StepPoint[] = [];
  const stages: JourneyAnalysis['stages'] = [];
  // Keyed by the stage itself, not its ID: a duplicated stage ID (reported elsewhere) must not merge two stages.
  const stageOf = new Map<Stage, JourneyAnalysis['stages'][number]>();
  let next = 0;
  for (const stage of journey.stages) {
    // A stage without steps has lastIndex = firstIndex − 1.
    const entry: JourneyAnalysis['stages'][number] = { stageId: stage.def.id, firstIndex: next, lastIndex: next + stage.steps.length - 1 };
    if (stage.title !== undefined) entry.title = stage.title;
    stages.push(entry);
    stageOf.set(stage, entry);
    next += stage.steps.length;
  }
  for (const { stage, step, index } of journeySteps(journey)) {
    const scores: Record<string, number> = {};
    for (const p of personaIds) {
      const value = step.emotions.find((e) => e.persona === p)?.value;
      if (value !== undefined) scores[p] = value;
    }
    const point: StepPoint = {
      index,
      stageId: stage.def.id,
      stepId: step.def.id,
      range: step.def.range,
      scores,
      momentOfTruth: step.momentOfTruth,
      painPoints: step.painPoints.map((t) => t.text),
      touchpoints: step.touchpoints.map((t) => t.id),
      metrics: step.metrics.map(({ range: _range, ...m }) => m),
    };
    if (step.title !== undefined) point.title = step.title;
    steps.push(point);
  }
  const out: JourneyAnalysis = {
    journeyId: model.def?.id ?? '',
    file: model.file,
    // Known only with the workspace's settings and cross-file rules: analysisReport fills it in.
    errors: 0,
    scale: journey.scale,
    stages,
    steps,
    personas: personaIds.map((p) => personaFigures(p, journey.scale, stages, steps, options.personaNames?.get(p))),
    // Findings need the workspace's settings: analysisReport fills them in.
    judgements: [],
  };
  if (journey.title !== undefined) out.title = journey.title;
  return out;
}

interface Scored {
  point: StepPoint;
  score: number;
}

function personaFigures(persona: string, scale: Scale, stages: JourneyAnalysis['stages'], steps: readonly StepPoint[], name: string | undefined): PersonaPeakEnd {
  const scored: Scored[] = [];
  for (const point of steps) {
    const score = point.scores[persona];
    if (score !== undefined) scored.push({ point, score });
  }
  const f: PersonaPeakEnd = { persona, scored: scored.length, stages: stageFigures(stages, scored) };
  if (name !== undefined) f.name = name;
  if (scored.length === 0) return f;
  const neutral = scale.neutral;
  f.best = pick(scored, (s) => s.score);
  f.worst = pick(scored, (s) => -s.score);
  f.peak = pick(scored, (s) => Math.abs(s.score - neutral));
  const peakSign = Math.sign(f.peak.score - neutral);
  const opposite = f.peak.tiedWith.some((id) => {
    const other = scored.find((s) => s.point.stepId === id)!;
    return peakSign !== 0 && Math.sign(other.score - neutral) === -peakSign;
  });
  if (opposite) f.peakTiedOpposite = true;
  const last = scored[scored.length - 1]!;
  f.end = moment(last, []);
  f.peakEnd = (f.peak.score + f.end.score) / 2;
  f.average = mean(scored.map((s) => s.score));
  f.gap = f.peakEnd - f.average;
  return f;
}

/** The moment with the largest key; on a tie the later step, with the others listed. */
function pick(scored: readonly Scored[], key: (s: Scored) => number): Moment {
  let top = -Infinity;
  for (const s of scored) top = Math.max(top, key(s));
  const ties = scored.filter((s) => top - key(s) <= EPSILON);
  const chosen = ties[ties.length - 1]!;
  return moment(
    chosen,
    ties.filter((s) => s !== chosen).map((s) => s.point.stepId),
  );
}

function moment(s: Scored, tiedWith: string[]): Moment {
  return { stepId: s.point.stepId, stageId: s.point.stageId, index: s.point.index, score: s.score, tiedWith };
}

function stageFigures(stages: JourneyAnalysis['stages'], scored: readonly Scored[]): StageFigure[] {
  return stages.map((stage) => {
    const own = scored.filter((s) => s.point.index >= stage.firstIndex && s.point.index <= stage.lastIndex);
    const f: StageFigure = { stageId: stage.stageId, scored: own.length };
    if (stage.title !== undefined) f.title = stage.title;
    if (own.length) f.average = mean(own.map((s) => s.score));
    return f;
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Distance from neutral as a share of the way to the scale's end on that side (0 at neutral, 1 at min or max). */
export function intensityShare(score: number, scale: Scale): number {
  const room = score >= scale.neutral ? scale.max - scale.neutral : scale.neutral - scale.min;
  return room > 0 ? Math.abs(score - scale.neutral) / room : 0;
}
