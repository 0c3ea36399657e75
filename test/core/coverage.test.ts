import { describe, expect, it } from 'vitest';
import { applies, Coverage, type Def, type Ref, type Standard, type Touchpoint } from '../../src/core';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const def = (kind: Def['kind'], id: string): Def => ({ kind, id, file: '/ws/x.yaml', range, fullRange: range });
const ref = (kind: Ref['kind'], id: string): Ref => ({ kind, id, file: '/ws/x.yaml', range });

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const some = <T>(xs: readonly T[], p: number) => xs.filter(() => next() < p);
  return { next, pick, some };
}

describe('Coverage', () => {
  it('finds exactly the standards that apply, as comparing every pair would', () => {
    const channels = ['phone', 'store', 'chat', '微信'];
    const phases = ['marketing', 'service', '交付'];
    const tags = ['a', 'b', 'c', '报修'];
    for (let seed = 1; seed <= 20; seed++) {
      const r = random(seed);
      const touchpoints: Touchpoint[] = Array.from({ length: 40 }, (_, i) => ({
        def: def('touchpoint', `t${i}`),
        channel: r.next() < 0.9 ? r.pick(channels) : undefined,
        phase: r.next() < 0.9 ? r.pick(phases) : undefined,
        tags: r.some(tags, 0.3),
        standards: [],
      }));
      const standards: Standard[] = Array.from({ length: 30 }, (_, i) => ({
        def: def('standard', `s${i}`),
        weight: 1,
        critical: false,
        evidence: [],
        appliesTo:
          r.next() < 0.9
            ? { touchpoints: r.some(touchpoints, 0.05).map((t) => ref('touchpoint', t.def.id)), channels: r.some(channels, 0.3), phases: r.some(phases, 0.3), tags: r.some(tags, 0.25) }
            : undefined,
      }));
      for (const tp of touchpoints) tp.standards = r.some(standards, 0.05).map((s) => ref('standard', s.def.id));
      const coverage = new Coverage(touchpoints, standards);
      for (const tp of touchpoints) expect(coverage.standardsFor(tp), `seed ${seed}, ${tp.def.id}`).toEqual(standards.filter((s) => applies(s, tp)));
      const byStandard = coverage.touchpointsByStandard();
      for (const s of standards) expect(byStandard.get(s), `seed ${seed}, ${s.def.id}`).toEqual(touchpoints.filter((tp) => applies(s, tp)));
    }
  });
});
