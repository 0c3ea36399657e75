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
      // Asked first, before any list is made (the coverage rules ask only these).
      const fresh = new Coverage(touchpoints, standards);
      for (const tp of touchpoints) expect(fresh.covers(tp), `seed ${seed}, ${tp.def.id}`).toBe(standards.some((s) => applies(s, tp)));
      for (const s of standards) expect(fresh.reaches(s), `seed ${seed}, ${s.def.id}`).toBe(touchpoints.some((tp) => applies(s, tp)));
      const byStandard = coverage.touchpointsByStandard();
      for (const s of standards) expect(byStandard.get(s), `seed ${seed}, ${s.def.id}`).toEqual(touchpoints.filter((tp) => applies(s, tp)));
    }
  });

  it('answers "covered?" and "used?" without a list, exactly as the lists would, in sparse workspaces too', () => {
    const channels = ['phone', 'store', '', '微信'];
    const phases = ['marketing', '', '交付'];
    const tags = ['a', 'b', '报修'];
    const seen = { covered: 0, uncovered: 0, used: 0, unused: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const ids = ['t0', 't1', 't2', 't3', 'ghost'];
      const touchpoints: Touchpoint[] = Array.from({ length: 1 + Math.floor(r.next() * 6) }, (_, i) => ({
        // IDs repeat now and then: a duplicated touchpoint still counts.
        def: def('touchpoint', r.next() < 0.2 ? 't0' : `t${i}`),
        channel: r.next() < 0.7 ? r.pick(channels) : undefined,
        phase: r.next() < 0.7 ? r.pick(phases) : undefined,
        tags: r.some(tags, 0.3),
        standards: [],
      }));
      const standards: Standard[] = Array.from({ length: 1 + Math.floor(r.next() * 4) }, (_, i) => ({
        def: def('standard', r.next() < 0.2 ? 's0' : `s${i}`),
        weight: 1,
        critical: false,
        evidence: [],
        appliesTo:
          r.next() < 0.85
            ? { touchpoints: r.some(ids, 0.1).map((id) => ref('touchpoint', id)), channels: r.some(channels, 0.3), phases: r.some(phases, 0.3), tags: r.some(tags, 0.3) }
            : undefined,
      }));
      for (const tp of touchpoints) tp.standards = r.some(['s0', 's1', 'nope'], 0.1).map((id) => ref('standard', id));
      const coverage = new Coverage(touchpoints, standards);
      for (const tp of touchpoints) {
        const want = standards.some((s) => applies(s, tp));
        expect(coverage.covers(tp), `seed ${seed}, ${tp.def.id}`).toBe(want);
        seen[want ? 'covered' : 'uncovered']++;
      }
      for (const s of standards) {
        const want = touchpoints.some((tp) => applies(s, tp));
        expect(coverage.reaches(s), `seed ${seed}, ${s.def.id}`).toBe(want);
        seen[want ? 'used' : 'unused']++;
      }
    }
    // Both answers were asked for often enough to mean something.
    expect(Math.min(...Object.values(seen))).toBeGreaterThan(50);
  });
});
