/**
 * reviewRevisions on two in-memory revisions: the quick path (valid files read without positions,
 * re-read where the review points) gives the very review that reading every file with positions gives.
 */
import { describe, expect, it } from 'vitest';
import { reviewRevisions, type RevisionsReview } from '../../../src/core';
import { memoryHost } from '../../helpers/memory';

const CONFIG = 'peakend: 1\nkind: config\ndiff:\n  checks:\n    step-lost-touchpoint: breaking\n    checklist-changed: off\n';

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';

const TOUCHPOINTS = `peakend: 1
kind: touchpoints
id: inv
title: 清单
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: phone, type: human, importance: 4, performance: 4 }
  - { id: counter, name: 前台, phase: service, channel: store, type: human }
`;

const STANDARDS = `peakend: 1
kind: standards
id: set
title: 标准
standards:
  - id: answer
    title: 三声之内接听
    requirement: 铃响三声之内接听
    method: mystery-shopping
    appliesTo: { channels: [phone] }
    expect: { type: measure, unit: rings, comparator: "<=", threshold: 3 }
`;

const journey = (pay: number, touchpoints: string) => `peakend: 1
kind: journey
id: j
title: 旅程
personas: [owner]
stages:
  - id: s
    title: 阶段
    steps:
      - { id: call, title: 致电, touchpoints: [hotline], emotions: { owner: 2 } }
      - { id: visit, title: 到访, touchpoints: [counter], emotions: { owner: 1 } }
      - { id: pay, title: 缴费, touchpoints: [${touchpoints}], emotions: { owner: ${pay} } }
`;

// Every file is valid on the base, so each is first read without positions.

/** A second journey that only refers to the counter: untouched by the change, it still holds a related place. */
const OTHER = 'peakend: 1\nkind: journey\nid: k\ntitle: 咨询\npersonas: [owner]\nstages:\n  - id: s\n    title: 阶段\n    steps:\n      - { id: ask, title: 询问, touchpoints: [counter], emotions: { owner: 1 } }\n';

const base = {
  '/ws/peakend.yaml': CONFIG,
  '/ws/p.personas.yaml': PERSONAS,
  '/ws/t.touchpoints.yaml': TOUCHPOINTS,
  '/ws/s.standards.yaml': STANDARDS,
  '/ws/j.journey.yaml': journey(1, 'hotline, counter'),
  '/ws/k.journey.yaml': OTHER,
};

const head = {
  ...base,
  // The counter is gone though both journeys name it; the pay step lost the hotline and dropped a point.
  '/ws/t.touchpoints.yaml': TOUCHPOINTS.replace(/ {2}- \{ id: counter.*\n/, ''),
  '/ws/s.standards.yaml': STANDARDS.replace('threshold: 3', 'threshold: 5'),
  '/ws/j.journey.yaml': journey(0, 'counter'),
};

const review = (positions: 'now' | 'later'): Promise<RevisionsReview> => reviewRevisions({ host: memoryHost(base), folder: '/ws' }, { host: memoryHost(head), folder: '/ws' }, { positions });

const lines = (r: RevisionsReview) => r.review.changes.map((c) => `${c.level} ${c.checkId}: ${c.message} @${c.file.slice(4)}:${c.range.start.line + 1}:${c.range.start.character + 1}${(c.related ?? []).map((x) => ` +${x.file.slice(4)}:${x.range.start.line + 1}`).join('')}`);

describe('reviewRevisions', () => {
  it('reviews with the base\'s levels, ranges on the files read again', async () => {
    const r = await review('later');
    expect(r.levels).toEqual({ 'step-lost-touchpoint': 'breaking', 'checklist-changed': 'off' });
    // Worst: visit and pay tie at 1, the later (pay) counts; it drops to 0 at the same step. Peak call (2), end pay 1 → 0:
    // peak-end 1.5 → 1; average 4/3 → 1. Ordered by level, then file and line.
    expect(lines(r)).toEqual([
      'breaking touchpoint-removed-referenced: Touchpoint "counter" was removed but is still referenced in 3 place(s). @j.journey.yaml:11:47 +j.journey.yaml:12 +k.journey.yaml:10',
      'breaking step-lost-touchpoint: Step "pay" no longer happens at hotline. @j.journey.yaml:12:15',
      'warning peak-end-score-changed: 业主 (owner): peak-end score 1.5 → 1 (-0.5); average 1.33 → 1. @j.journey.yaml:3:5',
      'warning emotion-changed: Step "pay": owner 1 → 0 (-1). @j.journey.yaml:12:74',
      'warning peak-end-moment-changed: 业主 (owner): the worst moment at "pay" changed from 1 to 0. @j.journey.yaml:12:74',
      'warning peak-end-moment-changed: 业主 (owner): the end at "pay" changed from 1 to 0. @j.journey.yaml:12:74',
      'warning standard-loosened: Standard "answer": threshold <= 3 rings → <= 5 rings. @s.standards.yaml:6:9',
    ]);
  });

  it('gives the same review, ranges and order included, as reading every file with positions', async () => {
    const [now, later] = [await review('now'), await review('later')];
    expect(now.withoutPositions).toBe(0);
    expect(later.review.changes).toEqual(now.review.changes);
    expect(later.review.diff).toEqual(now.review.diff);
    expect(later.levels).toEqual(now.levels);
    // Read without positions and never needed with them: the personas file (the same on both sides, counted
    // once) and the head's touchpoints file (the removed touchpoint is placed on the base).
    expect(later.withoutPositions).toBe(2);
    // The quick path is the default.
    const byDefault = await reviewRevisions({ host: memoryHost(base), folder: '/ws' }, { host: memoryHost(head), folder: '/ws' });
    expect(byDefault.withoutPositions).toBe(2);
    expect(byDefault.review.changes).toEqual(now.review.changes);
  });
});

describe('reviewRevisions reads again only the files the review points into', () => {
  const both = async (changed: Record<string, string>, was: Record<string, string> = {}) => {
    const from = { ...base, ...was };
    const to = { ...base, ...changed };
    const run = (positions?: 'now' | 'later') => reviewRevisions({ host: memoryHost(from), folder: '/ws' }, { host: memoryHost(to), folder: '/ws' }, positions ? { positions } : {});
    const [now, later] = [await run('now'), await run()];
    expect(later.review.changes).toEqual(now.review.changes);
    expect(later.review.diff).toEqual(now.review.diff);
    return later;
  };
  const entities = (r: RevisionsReview) =>
    r.review.diff.changes.map((c) => `${c.type} ${c.kind} ${'before' in c ? c.before.id + '@' + c.before.file.slice(4) : '-'} ${'after' in c ? c.after.id + '@' + c.after.file.slice(4) : '-'}`);

  // The journey j draws a weak-ending finding, so it is read with positions from the start: four
  // files are read without them, and shared by both sides when they are the same.

  it('reads nothing again when nothing changed', async () => {
    const r = await both({});
    expect(r.review.changes).toEqual([]);
    expect(r.review.diff.changes).toEqual([]);
    expect(r.withoutPositions).toBe(4);
  });

  it('reads a changed file again on both sides, and no other', async () => {
    const r = await both({ '/ws/s.standards.yaml': STANDARDS.replace('threshold: 3', 'threshold: 5') });
    expect(lines(r)).toEqual(['warning standard-loosened: Standard "answer": threshold <= 3 rings → <= 5 rings. @s.standards.yaml:6:9']);
    // Personas, touchpoints and the journey k.
    expect(r.withoutPositions).toBe(3);
  });

  it('reads an added entity\'s file on the head side only', async () => {
    const added = TOUCHPOINTS + '  - { id: web, name: 网站, phase: service, channel: web, type: digital }\n';
    const r = await both({ '/ws/t.touchpoints.yaml': added });
    expect(entities(r)).toEqual(['added touchpoint - web@t.touchpoints.yaml']);
    // The base's inventory stays as it was read, beside the three shared files.
    expect(r.withoutPositions).toBe(4);
  });

  it('reads a removed entity\'s file on the base side only', async () => {
    const web = TOUCHPOINTS + '  - { id: web, name: 网站, phase: service, channel: web, type: digital }\n';
    const r = await both({}, { '/ws/t.touchpoints.yaml': web });
    expect(entities(r)).toEqual(['removed touchpoint web@t.touchpoints.yaml -']);
    expect(lines(r)).toEqual([]);
    // The head's inventory stays as it was read, beside the three shared files.
    expect(r.withoutPositions).toBe(4);
  });

  it('reads again a file that no entity change is in when a change is placed there', async () => {
    // The counter goes; only the untouched journey k still names it, so the change is placed in k.
    const r = await both({
      '/ws/t.touchpoints.yaml': TOUCHPOINTS.replace(/ {2}- \{ id: counter.*\n/, ''),
      '/ws/j.journey.yaml': journey(1, 'hotline').replace('touchpoints: [counter]', 'touchpoints: [hotline]'),
    });
    expect(lines(r).filter((l) => l.includes('touchpoint-removed-referenced'))).toEqual([
      'breaking touchpoint-removed-referenced: Touchpoint "counter" was removed but is still referenced in 1 place(s). @k.journey.yaml:10:45',
    ]);
    // k is read again for the head only; still without positions: k as the base holds it, the
    // personas and standards (shared), the head's inventory.
    expect(r.withoutPositions).toBe(4);
  });
});
