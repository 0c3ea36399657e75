import type { MessageArgs } from '../../finding';
import type { MessageId } from '../../messages/render';
import type { Expectation, Standard, Touchpoint } from '../../model/types';
import { documentIdOf, num, standardOf, type DiffCheck, type DiffContext, type DiffLevel, type DiffSide } from '../review';
import { compareExpectations } from '../strictness';

interface Aspect {
  direction: 'looser' | 'stricter' | 'different';
  messageId: MessageId;
  args: MessageArgs;
}

const describe = (e: Expectation): string =>
  e.type === 'measure' ? `${e.comparator} ${num(e.threshold)} ${e.unit}` : e.type === 'rating' ? `≥ ${e.atLeast}` : 'pass-fail';

const reaches = new WeakMap<DiffSide, Map<Standard, Touchpoint[]>>();

/** The touchpoints each standard applies to on one side, worked out once per side. */
function reachOf(side: DiffSide): Map<Standard, Touchpoint[]> {
  let m = reaches.get(side);
  if (!m) reaches.set(side, (m = side.index.coverage().touchpointsByStandard()));
  return m;
}

/** What made a standard looser or stricter, aspect by aspect: its pass mark, critical flag, weight and reach. */
export function standardAspects(ctx: DiffContext, before: Standard, after: Standard): Aspect[] {
  const id = after.def.id;
  const out: Aspect[] = [];
  const x = before.expect;
  const y = after.expect;
  if (x && y) {
    const d = compareExpectations(x, y);
    if (d !== 'same') out.push({ direction: d, messageId: expectationMessage(x, y), args: { id, before: describe(x), after: describe(y) } });
  }
  if (before.critical !== after.critical) out.push({ direction: before.critical ? 'looser' : 'stricter', messageId: before.critical ? 'diff.standard.notCritical' : 'diff.standard.nowCritical', args: { id } });
  if (before.weight !== after.weight) out.push({ direction: after.weight < before.weight ? 'looser' : 'stricter', messageId: 'diff.standard.weight', args: { id, before: num(before.weight), after: num(after.weight) } });
  const wasReached = reachOf(ctx.before).get(before) ?? [];
  const isReached = reachOf(ctx.after).get(after) ?? [];
  // The same touchpoints in the same order (their files unchanged on both sides): the same reach.
  if (wasReached.length === isReached.length && wasReached.every((t, i) => t === isReached[i])) return out;
  const was = new Set(wasReached.map((t) => t.def.id));
  const is = new Set(isReached.map((t) => t.def.id));
  const fewer = [...was].filter((t) => !is.has(t)).sort();
  const more = [...is].filter((t) => !was.has(t)).sort();
  if (fewer.length) out.push({ direction: 'looser', messageId: 'diff.standard.appliesToFewer', args: { id, touchpoints: fewer.join(', ') } });
  if (more.length) out.push({ direction: 'stricter', messageId: 'diff.standard.appliesToMore', args: { id, touchpoints: more.join(', ') } });
  return out;
}

const unchanged = new WeakMap<DiffContext, boolean>();

/** Whether both sides have the very same touchpoints in the same order (no touchpoint file changed). */
function touchpointsUnchanged(ctx: DiffContext): boolean {
  let same = unchanged.get(ctx);
  if (same === undefined) {
    const a = ctx.before.index.allTouchpoints();
    const b = ctx.after.index.allTouchpoints();
    unchanged.set(ctx, (same = a.length === b.length && a.every((t, i) => t === b[i])));
  }
  return same;
}

const aspectsOf = new WeakMap<DiffContext, Map<Standard, Map<Standard, Aspect[]>>>();

/** `standardAspects` of a pair, worked out once per review: the loosened and the tightened check both read them. */
function aspects(ctx: DiffContext, before: Standard, after: Standard): Aspect[] {
  // The very same standard (its file unchanged) over the very same touchpoints: nothing to compare.
  if (before === after && touchpointsUnchanged(ctx)) return [];
  let byBefore = aspectsOf.get(ctx);
  if (!byBefore) aspectsOf.set(ctx, (byBefore = new Map()));
  let byAfter = byBefore.get(before);
  if (!byAfter) byBefore.set(before, (byAfter = new Map()));
  let list = byAfter.get(after);
  if (!list) byAfter.set(after, (list = standardAspects(ctx, before, after)));
  return list;
}

/** What changed in a pass mark, named by its most telling part: the kind of answer, the rating, the unit, the comparator, else the threshold. */
function expectationMessage(x: Expectation, y: Expectation): MessageId {
  if (x.type !== y.type) return 'diff.standard.type';
  // Both of one type from here; pass-fail never differs from pass-fail.
  if (x.type !== 'measure') return 'diff.standard.atLeast';
  const z = y as typeof x;
  if (x.unit !== z.unit) return 'diff.standard.unit';
  return x.comparator !== z.comparator ? 'diff.standard.comparator' : 'diff.standard.threshold';
}

/** Pairs of a standard on both sides: renamed ones, then every ID both sides define, changed or not. */
function* standardPairs(ctx: DiffContext): Generator<{ before: Standard; after: Standard }> {
  for (const c of ctx.diff.changes) {
    if (c.kind === 'standard' && c.type === 'renamed') yield { before: standardOf(ctx.before, c.before.id)!, after: standardOf(ctx.after, c.after.id)! };
  }
  // A standard whose own text did not change can still reach other touchpoints (their tags or channels changed).
  for (const [id, [after]] of ctx.after.index.standards) {
    const before = standardOf(ctx.before, id);
    if (before) yield { before, after: after! };
  }
}

function strictnessCheck(id: string, direction: 'looser' | 'stricter', level: DiffLevel, summary: string): DiffCheck {
  return {
    id,
    level,
    summary,
    run(ctx, emit) {
      for (const { before, after } of standardPairs(ctx)) {
        for (const a of aspects(ctx, before, after)) {
          // A change that is neither looser nor stricter (a flipped comparator, another unit) is shown with the loosenings: a reviewer must look.
          if (a.direction !== direction && !(direction === 'looser' && a.direction === 'different')) continue;
          const critical = before.critical || after.critical;
          emit({
            // Otherwise the check's own level: a change that is neither looser nor stricter is a warning with the loosenings.
            level: direction === 'looser' && critical ? 'breaking' : undefined,
            messageId: a.messageId,
            args: a.args,
            side: 'after',
            file: after.def.file,
            range: after.def.range,
            scope: { kind: 'standards', id: documentIdOf(ctx.after, after.def.file) },
          });
        }
      }
    },
  };
}

export const standardLoosened = strictnessCheck('standard-loosened', 'looser', 'warning', 'A standard became easier to pass (threshold, comparator, rating, critical flag, weight or reach); breaking when the standard is critical.');
export const standardTightened = strictnessCheck('standard-tightened', 'stricter', 'info', 'A standard became harder to pass, or applies to more touchpoints.');
