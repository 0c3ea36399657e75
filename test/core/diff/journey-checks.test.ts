/** The journey checks of a review on small workspaces: scores, moments, moments of truth, pain points, touchpoints and unreadable files. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, renderMessage, reviewDiff, type FileModel } from '../../../src/core';
import type { MessageId } from '../../../src/core/messages/render';
import { zhCn } from '../../../src/core/messages/zh-cn';

const config = defaultConfig('/ws');

const PERSONAS = `peakend: 1
kind: personas
personas:
  - { id: owner, name: 业主 }
  - { id: tenant }
`;

const TOUCHPOINTS = `peakend: 1
kind: touchpoints
id: inv
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: phone, type: human, importance: 4, performance: 2 }
  - { id: counter, name: 前台, phase: service, channel: store, type: human, importance: 2, performance: 4 }
`;

/** A journey of three steps (lines 8 to 10) with the given owner and tenant scores and step extras. */
function journey(owner: (number | string)[], tenant: (number | string)[] = [1, 1, 1], extras: string[] = ['', '', '']): string {
  const steps = owner.map((o, i) => `      - { id: s${i + 1}, emotions: { owner: ${o}, tenant: ${tenant[i]} }${extras[i]} }\n`).join('');
  return `peakend: 1\nkind: journey\nid: j\npersonas: [owner, tenant]\nstages:\n  - id: s\n    steps:\n${steps}`;
}

function side(journeyText: string, touchpoints = TOUCHPOINTS): FileModel[] {
  return [
    analyzeFile('/ws/j.journey.yaml', { text: journeyText }, config),
    analyzeFile('/ws/p.personas.yaml', { text: PERSONAS }, config),
    analyzeFile('/ws/t.touchpoints.yaml', { text: touchpoints }, config),
  ];
}

function review(before: FileModel[], after: FileModel[], only?: string): string[] {
  return reviewDiff(before, after)
    .changes.filter((c) => !only || c.checkId === only)
    .map((c) => `${c.level} ${c.checkId}: ${c.message} @${c.file.slice(4)}:${c.range.start.line + 1}:${c.range.start.character + 1}`);
}

describe('journey checks', () => {
  it('a score change is reported at the score, a rise with its sign; a score that was not a number is not compared', () => {
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2.5, 3])), 'emotion-changed')).toEqual(['info emotion-changed: Step "s2": owner 2 → 2.5 (+0.5). @j.journey.yaml:9:38']);
    expect(review(side(journey([1, 0.1, 3])), side(journey([1, 0.4, 3])), 'emotion-changed')).toEqual(['info emotion-changed: Step "s2": owner 0.1 → 0.4 (+0.3). @j.journey.yaml:9:38']);
    expect(review(side(journey([1, '"好"', 3])), side(journey([1, 2, 3])), 'emotion-changed')).toEqual([]);
    expect(review(side(journey([1, 2, 3])), side(journey([1, '"好"', 3])), 'emotion-changed')).toEqual([]);
  });

  it('a step ID written twice is compared, and placed, by its first step', () => {
    const twice = (first: number) => journey([first, 2, 3]).replace('id: s3,', 'id: s1,');
    expect(review(side(twice(1)), side(twice(-1)), 'emotion-changed')).toEqual(['warning emotion-changed: Step "s1": owner 1 → -1 (-2). @j.journey.yaml:8:38']);
  });

  it('the peak-end score: a drop warns, a rise informs, a change under 0.005 is not reported', () => {
    // owner 1, 2, 3: peak and end s3 (3): 3. → 1, 2, 4: 4 (+1); average 2 → 7/3.
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 4])), 'peak-end-score-changed')).toEqual([
      'info peak-end-score-changed: 业主 (owner): peak-end score 3 → 4 (+1); average 2 → 2.33. @j.journey.yaml:3:5',
    ]);
    expect(review(side(journey([1, 2, 4])), side(journey([1, 2, 3])), 'peak-end-score-changed')).toEqual([
      'warning peak-end-score-changed: 业主 (owner): peak-end score 4 → 3 (-1); average 2.33 → 2. @j.journey.yaml:3:5',
    ]);
    // 3 → 3.008: peak-end moves by 0.008, over the bar; 3 → 3.008 → 3.016 by the same, then 3 → 3.004 only 0.004.
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 3.008])), 'peak-end-score-changed')).toHaveLength(1);
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 3.004])), 'peak-end-score-changed')).toEqual([]);
    // tenant has no name: shown by ID. Its scores 1, 1, 1 → 1, 1, −1: peak s3 (−1) and end s3 (−1): 1 → −1.
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 3], [1, 1, -1])), 'peak-end-score-changed')).toEqual([
      'warning peak-end-score-changed: tenant: peak-end score 1 → -1 (-2); average 1 → 0.33. @j.journey.yaml:3:5',
    ]);
  });

  it('moments: a move names both steps, a new value at the same step names one; only a lower score warns', () => {
    // owner 1, 2, 3 → 1, 5, 3: best and peak move from s3 (3) to s2 (5), higher: information. End and worst stay.
    expect(review(side(journey([1, 2, 3])), side(journey([1, 5, 3])), 'peak-end-moment-changed')).toEqual([
      'info peak-end-moment-changed: 业主 (owner): the best moment moved from "s3" (3) to "s2" (5). @j.journey.yaml:9:38',
      'info peak-end-moment-changed: 业主 (owner): the most intense moment moved from "s3" (3) to "s2" (5). @j.journey.yaml:9:38',
    ]);
    // owner 1, 2, 3 → 0.5, 2, 3: the worst stays at s1 and drops.
    expect(review(side(journey([1, 2, 3])), side(journey([0.5, 2, 3])), 'peak-end-moment-changed')).toEqual([
      'warning peak-end-moment-changed: 业主 (owner): the worst moment at "s1" changed from 1 to 0.5. @j.journey.yaml:8:38',
    ]);
    // A persona that had no score on the base has no moments to compare.
    expect(review(side(journey([1, 2, 3], ['"a"', '"b"', '"c"'])), side(journey([1, 2, 3], [1, 1, 1])), 'peak-end-moment-changed')).toEqual([]);
  });

  it('a moment of truth newly below neutral is reported; one already below on the base is not, nor a score at neutral', () => {
    const mot = [', momentOfTruth: true', '', ''];
    const was = review(side(journey([1, 2, 3], [1, 1, 1], mot)), side(journey([-1, 2, 3], [0, 1, 1], mot)), 'new-negative-moment-of-truth');
    expect(was).toEqual(['warning new-negative-moment-of-truth: Step "s1" is a moment of truth scored below neutral for owner (-1). @j.journey.yaml:8:38']);
    // Already below neutral on the base: not repeated, even when it drops further.
    expect(review(side(journey([-1, 2, 3], [1, 1, 1], mot)), side(journey([-2, 2, 3], [1, 1, 1], mot)), 'new-negative-moment-of-truth')).toEqual([]);
    // Below neutral on the base but not a moment of truth there: new.
    expect(review(side(journey([-1, 2, 3])), side(journey([-1, 2, 3], [1, 1, 1], mot)), 'new-negative-moment-of-truth')).toEqual([
      'warning new-negative-moment-of-truth: Step "s1" is a moment of truth scored below neutral for owner (-1). @j.journey.yaml:8:38',
    ]);
    // Per persona: owner was already below neutral on the base, tenant was not, and had no score there at all.
    const mixed = review(side(journey([-1, 2, 3], ['"好"', 1, 1], mot)), side(journey([-1, 2, 3], [-2, 1, 1], mot)), 'new-negative-moment-of-truth');
    expect(mixed).toEqual(['warning new-negative-moment-of-truth: Step "s1" is a moment of truth scored below neutral for tenant (-2). @j.journey.yaml:8:50']);
    // Exactly neutral on the base is not below it.
    expect(review(side(journey([0, 2, 3], [1, 1, 1], mot)), side(journey([-1, 2, 3], [1, 1, 1], mot)), 'new-negative-moment-of-truth')).toHaveLength(1);
    // A score that is not a number is no score.
    expect(review(side(journey([1, 2, 3], [1, 1, 1])), side(journey([1, 2, 3], ['"差"', 1, 1], mot)), 'new-negative-moment-of-truth')).toEqual([]);
    // A step new in the head.
    const four = journey([1, 2, 3]) + '      - { id: s4, emotions: { owner: 1, tenant: -0.5 }, momentOfTruth: true }\n';
    expect(review(side(journey([1, 2, 3])), side(four), 'new-negative-moment-of-truth')).toEqual([
      'warning new-negative-moment-of-truth: Step "s4" is a moment of truth scored below neutral for tenant (-0.5). @j.journey.yaml:11:49',
    ]);
  });

  it('pain points: each text once, other values ignored, added and removed in the file\'s order', () => {
    const before = side(journey([1, 2, 3], [1, 1, 1], ['', ', painPoints: [慢, 贵, 慢]', '']));
    const after = side(journey([1, 2, 3], [1, 1, 1], ['', ', painPoints: [贵, 吵, 42, 吵, 乱]', '']));
    expect(review(before, after, 'pain-points-changed')).toEqual([
      'warning pain-points-changed: Step "s2" gained pain points: “吵”, “乱”. @j.journey.yaml:9:15',
      'info pain-points-changed: Step "s2" lost pain points: “慢”. @j.journey.yaml:9:15',
    ]);
    expect(review(after, before, 'pain-points-changed')).toEqual([
      'warning pain-points-changed: Step "s2" gained pain points: “慢”. @j.journey.yaml:9:15',
      'info pain-points-changed: Step "s2" lost pain points: “吵”, “乱”. @j.journey.yaml:9:15',
    ]);
  });

  it('a step that lost touchpoints names them in order; one that only gained some is not reported', () => {
    const before = side(journey([1, 2, 3], [1, 1, 1], ['', ', touchpoints: [hotline, counter]', '']));
    const lost = side(journey([1, 2, 3], [1, 1, 1], ['', ', touchpoints: []', '']));
    const gained = side(journey([1, 2, 3], [1, 1, 1], ['', ', touchpoints: [counter, hotline]', ', touchpoints: [hotline]']));
    expect(review(before, lost, 'step-lost-touchpoint')).toEqual(['warning step-lost-touchpoint: Step "s2" no longer happens at hotline, counter. @j.journey.yaml:9:15']);
    expect(review(before, gained, 'step-lost-touchpoint')).toEqual([]);
  });

  it('a touchpoint removed while referenced: at the first reference, with at most twenty others', () => {
    const refs = (n: number) => Array.from({ length: n }, (_, i) => `      - { id: r${i + 1}, touchpoints: [counter], emotions: { owner: 1 } }\n`).join('');
    const withRefs = (n: number) => journey([1, 2, 3]) + refs(n);
    const gone = TOUCHPOINTS.replace(/ {2}- \{ id: counter.*\n/, '');
    const r = reviewDiff(side(withRefs(22)), side(withRefs(22), gone)).changes.filter((c) => c.checkId === 'touchpoint-removed-referenced');
    expect(r.map((c) => [c.level, c.message, c.range.start.line])).toEqual([['breaking', 'Touchpoint "counter" was removed but is still referenced in 22 place(s).', 10]]);
    expect(r[0]!.related).toHaveLength(20);
    expect(r[0]!.related![0]).toMatchObject({ file: '/ws/j.journey.yaml', range: { start: { line: 11 } }, message: 'Also refers to "counter"' });
    expect(r[0]!.related![19]!.range.start.line).toBe(30);
    // Not referenced: removing it is no review item of this check.
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 3]), gone), 'touchpoint-removed-referenced')).toEqual([]);
  });

  it('a touchpoint leaving "concentrate here" informs; a new touchpoint has no quadrant to leave', () => {
    const better = TOUCHPOINTS.replace('importance: 4, performance: 2', 'importance: 4, performance: 3');
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 3]), better), 'ipa-quadrant-changed')).toEqual([
      'info ipa-quadrant-changed: Touchpoint "hotline" moved from "concentrate-here" to "keep-up-the-good-work" in the importance–performance analysis. @t.touchpoints.yaml:5:11',
    ]);
    const added = TOUCHPOINTS + '  - { id: app, name: 应用, phase: service, channel: app, type: digital, importance: 5, performance: 1 }\n';
    expect(review(side(journey([1, 2, 3])), side(journey([1, 2, 3]), added), 'ipa-quadrant-changed')).toEqual([]);
  });

  it('places each change on the head, in its journey or inventory, except a file unreadable on the base', () => {
    const mot = [', momentOfTruth: true, touchpoints: [hotline, counter], painPoints: [慢]', '', ''];
    const before = side(journey([1, 2, 3], [1, 1, 1], mot));
    const after = side(journey([-1, 2, 3], [1, 1, 1], [', momentOfTruth: true, touchpoints: [counter], painPoints: [吵]', '', '']), TOUCHPOINTS.replace('importance: 4, performance: 2', 'importance: 4, performance: 3').replace(/ {2}- \{ id: counter.*\n/, ''));
    const where = (r: ReturnType<typeof reviewDiff>) => r.changes.map((c) => `${c.checkId} ${c.side} ${c.scope ? `${c.scope.kind} ${c.scope.id}` : '-'}`);
    expect(where(reviewDiff(before, after))).toEqual([
      'touchpoint-removed-referenced after -',
      'emotion-changed after journey j',
      'peak-end-moment-changed after journey j',
      'new-negative-moment-of-truth after journey j',
      'pain-points-changed after journey j',
      'step-lost-touchpoint after journey j',
      'pain-points-changed after journey j',
      'ipa-quadrant-changed after touchpoints inv',
    ]);
    const broken = side(journey([1, 2, 3]), 'peakend: 1\nkind: touchpoints\nid: inv\ntouchpoints: [\n');
    expect(where(reviewDiff(broken, side(journey([1, 2, 3])))).filter((c) => c.startsWith('file-unparsable'))).toEqual(['file-unparsable before -']);
  });

  it('orders changes by level, then file path, then line, whatever check found them', () => {
    const std = (threshold: number) => `peakend: 1\nkind: standards\nid: set\nstandards:\n  - { id: x, appliesTo: { channels: [fax] }, expect: { type: measure, unit: hours, comparator: "<=", threshold: ${threshold} } }\n`;
    const before = [...side(journey([1, 2, 3])), analyzeFile('/ws/a.standards.yaml', { text: std(1) }, config)];
    const after = [...side(journey([1, 0, 2])), analyzeFile('/ws/a.standards.yaml', { text: std(2) }, config)];
    // The loosened standard (a later check) is in a.standards.yaml, before j.journey.yaml; within j, line 3 before 9 before 10.
    // Owner 1, 2, 3 → 1, 0, 2: the worst moves to s2 (line 9); best, peak and end stay at s3 with a lower score (line 10).
    expect(review(before, after).map((c) => c.replace(/:[^@]*@/, ' @'))).toEqual([
      'warning standard-loosened @a.standards.yaml:5:11',
      'warning peak-end-score-changed @j.journey.yaml:3:5',
      'warning emotion-changed @j.journey.yaml:9:38',
      'warning peak-end-moment-changed @j.journey.yaml:9:38',
      'warning emotion-changed @j.journey.yaml:10:38',
      'warning peak-end-moment-changed @j.journey.yaml:10:38',
      'warning peak-end-moment-changed @j.journey.yaml:10:38',
      'warning peak-end-moment-changed @j.journey.yaml:10:38',
    ]);
  });

  it('a file one side cannot read is reported on that side, at the cause; peakend.yaml is not', () => {
    const broken = side(journey([1, 2, 3]), 'peakend: 1\nkind: touchpoints\nid: inv\ntouchpoints: [\n');
    expect(review(broken, side(journey([1, 2, 3])), 'file-unparsable')).toEqual([
      'warning file-unparsable: The base revision of this file cannot be read: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] @t.touchpoints.yaml:5:1',
    ]);
    const empty = [...side(journey([1, 2, 3])), analyzeFile('/ws/e.touchpoints.yaml', { text: '' }, config)];
    expect(review(side(journey([1, 2, 3])), empty, 'file-unparsable')).toEqual(['warning file-unparsable: The head revision of this file cannot be read: The file is empty. A Peakend file starts with \"peakend: 1\" and its \"kind\". @e.touchpoints.yaml:1:1']);
    // In Chinese the cause is Chinese too, with its own arguments.
    const [emptyChange] = reviewDiff(side(journey([1, 2, 3])), empty).changes.filter((c) => c.checkId === 'file-unparsable');
    expect(renderMessage(emptyChange!.messageId as MessageId, emptyChange!.args, 'zh-cn')).toBe(`此文件的当前版本无法读取：${zhCn['file.empty']}`);
    const tooLarge = [...side(journey([1, 2, 3])), analyzeFile('/ws/big.touchpoints.yaml', { size: 9_000_000 }, config)];
    const [bigChange] = reviewDiff(tooLarge, side(journey([1, 2, 3]))).changes.filter((c) => c.checkId === 'file-unparsable');
    expect(renderMessage(bigChange!.messageId as MessageId, bigChange!.args, 'zh-cn')).toBe(
      '此文件的基准版本无法读取：文件大小为 9000000 字节；超过 5242880 字节的文件不会被读取（可在 peakend.yaml 的 limits.maxFileBytes 中设置）。',
    );
    const config1 = analyzeFile('/ws/peakend.yaml', { text: 'peakend: [\n' }, config);
    expect(config1.findings.some((f) => f.ruleId === 'yaml-syntax')).toBe(true);
    expect(review([...side(journey([1, 2, 3])), config1], side(journey([1, 2, 3])), 'file-unparsable')).toEqual([]);
  });
});
