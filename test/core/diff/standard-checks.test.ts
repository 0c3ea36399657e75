/** The standards checks of a review: loosened, tightened, removed and the checklists they change, on small workspaces. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, reviewDiff, type FileModel } from '../../../src/core';

const config = defaultConfig('/ws');

const TOUCHPOINTS = (hotlineChannel = 'phone') => `peakend: 1
kind: touchpoints
id: inv
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: ${hotlineChannel}, type: human }
  - { id: counter, name: 前台, phase: service, channel: store, type: human, tags: [front] }
  - { id: app, name: 应用, phase: service, channel: app, type: digital }
`;

/** One standard `x` (line 5) with the given fields, after a second, plain one. */
const STANDARDS = (fields: string, id = 'x') => `peakend: 1
kind: standards
id: set
standards:
  - id: ${id}
    title: 标准
    requirement: 铃响三声之内接听
${fields}  - { id: other, title: 其他, appliesTo: { channels: [app] }, expect: { type: pass-fail } }
`;

const BASE = `    appliesTo: { channels: [phone] }
    expect: { type: measure, unit: rings, comparator: "<=", threshold: 3 }
`;

function side(standards: string, touchpoints = TOUCHPOINTS()): FileModel[] {
  return [analyzeFile('/ws/s.standards.yaml', { text: standards }, config), analyzeFile('/ws/t.touchpoints.yaml', { text: touchpoints }, config)];
}

function review(before: FileModel[], after: FileModel[], levels = {}): string[] {
  return reviewDiff(before, after, levels).changes.map((c) => `${c.level} ${c.checkId}: ${c.message} @${c.file.slice(4)}:${c.range.start.line + 1} [${c.scope ? `${c.scope.kind} ${c.scope.id}` : '-'}]`);
}

describe('standard checks', () => {
  it('a weight lowered is a loosening, raised a tightening', () => {
    const heavy = side(STANDARDS(BASE + '    weight: 3\n'));
    const light = side(STANDARDS(BASE + '    weight: 1.5\n'));
    expect(review(heavy, light)).toEqual([
      'warning standard-loosened: Standard "x": weight 3 → 1.5. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" changes at x. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
    expect(review(light, heavy)).toEqual([
      'info standard-tightened: Standard "x": weight 1.5 → 3. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" changes at x. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
  });

  it('another kind of answer, another unit or a flipped comparator is shown with the loosenings, a warning; breaking when critical', () => {
    const base = side(STANDARDS(BASE));
    const rating = side(STANDARDS('    appliesTo: { channels: [phone] }\n    expect: { type: rating, atLeast: satisfied }\n'));
    const passFail = side(STANDARDS('    appliesTo: { channels: [phone] }\n    expect: { type: pass-fail }\n'));
    const seconds = side(STANDARDS(BASE.replace('unit: rings', 'unit: seconds')));
    const flipped = side(STANDARDS(BASE.replace('"<="', '">="')));
    const only = (r: string[]) => r.filter((c) => !c.includes('checklist-changed'));
    expect(only(review(base, rating))).toEqual(['warning standard-loosened: Standard "x": how it is judged changed from <= 3 rings to ≥ satisfied. @s.standards.yaml:5 [standards set]']);
    expect(only(review(base, passFail))).toEqual(['warning standard-loosened: Standard "x": how it is judged changed from <= 3 rings to pass-fail. @s.standards.yaml:5 [standards set]']);
    expect(only(review(base, seconds))).toEqual(['warning standard-loosened: Standard "x": <= 3 rings → <= 3 seconds (unit changed). @s.standards.yaml:5 [standards set]']);
    expect(only(review(base, flipped))).toEqual(['warning standard-loosened: Standard "x": comparator <= 3 rings → >= 3 rings. @s.standards.yaml:5 [standards set]']);
    const critical = (s: FileModel[]) => side(s[0]!.lines.text.replace('    appliesTo: { channels: [phone] }\n', '    appliesTo: { channels: [phone] }\n    critical: true\n'));
    expect(only(review(critical(base), critical(flipped)))).toEqual(['breaking standard-loosened: Standard "x": comparator <= 3 rings → >= 3 rings. @s.standards.yaml:5 [standards set]']);
    // A comparator and a threshold changed in one direction are a comparator change.
    const lt = side(STANDARDS(BASE.replace('comparator: "<=", threshold: 3', 'comparator: "<", threshold: 3')));
    expect(only(review(lt, base))).toEqual(['warning standard-loosened: Standard "x": comparator < 3 rings → <= 3 rings. @s.standards.yaml:5 [standards set]']);
    // An expectation added or dropped changes the checklist item only.
    const none = side(STANDARDS('    appliesTo: { channels: [phone] }\n'));
    expect(review(base, none)).toEqual(['info checklist-changed: The checklist of touchpoint "hotline" changes at x. @t.touchpoints.yaml:5 [touchpoints inv]']);
  });

  it('a standard that reaches other touchpoints: fewer is looser, more is stricter, each list sorted', () => {
    const base = side(STANDARDS(BASE));
    const wider = side(STANDARDS(BASE.replace('channels: [phone]', 'channels: [store, phone, app]')));
    expect(review(base, wider)).toEqual([
      'info standard-tightened: Standard "x" now also applies to app, counter. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "counter" gains x. @t.touchpoints.yaml:6 [touchpoints inv]',
      'info checklist-changed: The checklist of touchpoint "app" gains x. @t.touchpoints.yaml:7 [touchpoints inv]',
    ]);
    expect(review(wider, base)).toEqual([
      'warning standard-loosened: Standard "x" no longer applies to app, counter. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "counter" loses x. @t.touchpoints.yaml:6 [touchpoints inv]',
      'info checklist-changed: The checklist of touchpoint "app" loses x. @t.touchpoints.yaml:7 [touchpoints inv]',
    ]);
  });

  it('a standard whose text stayed the same but whose touchpoint changed channel still reports its reach', () => {
    const before = side(STANDARDS(BASE));
    const after = side(STANDARDS(BASE), TOUCHPOINTS('email'));
    expect(review(before, after)).toEqual([
      'warning standard-loosened: Standard "x" no longer applies to hotline. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" loses x. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
  });

  it('a standards file both sides share (read once) still reports its reach when a touchpoint changed, and nothing when none did', () => {
    const standards = analyzeFile('/ws/s.standards.yaml', { text: STANDARDS(BASE) }, config);
    const touchpoints = (channel?: string) => analyzeFile('/ws/t.touchpoints.yaml', { text: TOUCHPOINTS(channel) }, config);
    const before = [standards, touchpoints()];
    expect(review(before, [standards, touchpoints('email')])).toEqual([
      'warning standard-loosened: Standard "x" no longer applies to hotline. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" loses x. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
    expect(review(before, [standards, before[1]!])).toEqual([]);
    expect(review(before, [standards, touchpoints()])).toEqual([]);
  });

  it('a renamed standard is compared with its old self, and its checklists change at the new ID', () => {
    const before = side(STANDARDS(BASE + '    method: mystery-shopping\n    dimension: responsiveness\n'));
    const after = side(STANDARDS(BASE.replace('threshold: 3', 'threshold: 4') + '    method: mystery-shopping\n    dimension: responsiveness\n', 'x2'));
    expect(review(before, after)).toEqual([
      'warning standard-loosened: Standard "x2": threshold <= 3 rings → <= 4 rings. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" changes at x2. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
    // Renamed alone (same content): the checklist still names the new ID.
    const renamed = side(STANDARDS(BASE + '    method: mystery-shopping\n    dimension: responsiveness\n', 'x2'));
    expect(review(before, renamed)).toEqual(['info checklist-changed: The checklist of touchpoint "hotline" changes at x2. @t.touchpoints.yaml:5 [touchpoints inv]']);
  });

  it('a field no checklist item shows changes no checklist, unless one it shows changed too', () => {
    const before = side(STANDARDS(BASE + '    kano: basic\n'));
    const after = side(STANDARDS(BASE + '    kano: performance\n'));
    expect(review(before, after)).toEqual([]);
    const both = side(STANDARDS(BASE + '    kano: performance\n    evidence: [recording]\n'));
    expect(review(before, both)).toEqual(['info checklist-changed: The checklist of touchpoint "hotline" changes at x. @t.touchpoints.yaml:5 [touchpoints inv]']);
  });

  it('a removed standard is reported on the base, in its set; a removed critical one is breaking', () => {
    const before = side(STANDARDS(BASE + '    critical: true\n'));
    const after = side(STANDARDS(BASE).replace(/ {2}- id: x\n[\s\S]*?(?= {2}- \{ id: other)/, ''));
    expect(review(before, after)).toEqual([
      'breaking standard-removed: Critical standard "x" was removed. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" loses x. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
  });

  it('a critical flag set is a tightening, cleared a loosening (breaking: it was critical)', () => {
    const plain = side(STANDARDS(BASE));
    const critical = side(STANDARDS(BASE + '    critical: true\n'));
    const only = (r: string[]) => r.filter((c) => !c.includes('checklist-changed'));
    expect(only(review(plain, critical))).toEqual(['info standard-tightened: Standard "x" is now critical. @s.standards.yaml:5 [standards set]']);
    expect(only(review(critical, plain))).toEqual(['breaking standard-loosened: Standard "x" is no longer critical. @s.standards.yaml:5 [standards set]']);
  });

  it('a rating bar lowered or raised', () => {
    const rating = (level: string) => side(STANDARDS(`    appliesTo: { channels: [phone] }\n    expect: { type: rating, atLeast: ${level} }\n`));
    const only = (r: string[]) => r.filter((c) => !c.includes('checklist-changed'));
    expect(only(review(rating('satisfied'), rating('neutral')))).toEqual(['warning standard-loosened: Standard "x": passes at "≥ satisfied" → at "≥ neutral". @s.standards.yaml:5 [standards set]']);
    expect(only(review(rating('neutral'), rating('very-satisfied')))).toEqual(['info standard-tightened: Standard "x": passes at "≥ neutral" → at "≥ very-satisfied". @s.standards.yaml:5 [standards set]']);
  });

  it('a standard that applies to no touchpoint on either side has no reach to compare', () => {
    const nowhere = BASE.replace('channels: [phone]', 'channels: [fax]');
    expect(review(side(STANDARDS(nowhere + '    weight: 2\n')), side(STANDARDS(nowhere + '    weight: 1\n')))).toEqual(['warning standard-loosened: Standard "x": weight 2 → 1. @s.standards.yaml:5 [standards set]']);
  });

  it('a standard removed that was not critical is a warning', () => {
    const after = side(STANDARDS(BASE).replace(/ {2}- id: x\n[\s\S]*?(?= {2}- \{ id: other)/, ''));
    expect(review(side(STANDARDS(BASE)), after)).toEqual([
      'warning standard-removed: Standard "x" was removed. @s.standards.yaml:5 [standards set]',
      'info checklist-changed: The checklist of touchpoint "hotline" loses x. @t.touchpoints.yaml:5 [touchpoints inv]',
    ]);
  });

  it('names what changed in a pass mark: a rating level outside the five, a threshold under "="', () => {
    const only = (r: string[]) => r.filter((c) => !c.includes('checklist-changed'));
    const rating = (level: string) => side(STANDARDS(`    appliesTo: { channels: [phone] }\n    expect: { type: rating, atLeast: ${level} }\n`));
    expect(only(review(rating('满意'), rating('satisfied')))).toEqual(['warning standard-loosened: Standard "x": passes at "≥ 满意" → at "≥ satisfied". @s.standards.yaml:5 [standards set]']);
    const equal = (n: number) => side(STANDARDS(BASE.replace('comparator: "<=", threshold: 3', `comparator: "=", threshold: ${n}`)));
    expect(only(review(equal(3), equal(4)))).toEqual(['warning standard-loosened: Standard "x": threshold = 3 rings → = 4 rings. @s.standards.yaml:5 [standards set]']);
  });

  it('places a removal on the base and every other change on the head', () => {
    const removed = side(STANDARDS(BASE).replace(/ {2}- id: x\n[\s\S]*?(?= {2}- \{ id: other)/, ''));
    const sides = (r: ReturnType<typeof reviewDiff>) => r.changes.map((c) => `${c.checkId} ${c.side}`);
    expect(sides(reviewDiff(side(STANDARDS(BASE)), removed))).toEqual(['standard-removed before', 'checklist-changed after']);
    expect(sides(reviewDiff(side(STANDARDS(BASE + '    weight: 2\n')), side(STANDARDS(BASE))))).toEqual(['standard-loosened after', 'checklist-changed after']);
    expect(sides(reviewDiff(side(STANDARDS(BASE)), side(STANDARDS(BASE + '    weight: 2\n'))))).toEqual(['standard-tightened after', 'checklist-changed after']);
  });

  it('lists every checklist item a touchpoint gains or loses', () => {
    // x and other both reach the counter (store) on the head.
    const before = side(STANDARDS(BASE));
    const after = side(STANDARDS(BASE.replace('channels: [phone]', 'channels: [phone, store]')).replace('channels: [app]', 'channels: [app, store]'));
    const lists = (r: string[]) => r.filter((c) => c.includes('checklist-changed'));
    expect(lists(review(before, after))).toEqual(['info checklist-changed: The checklist of touchpoint "counter" gains x, other. @t.touchpoints.yaml:6 [touchpoints inv]']);
    expect(lists(review(after, before))).toEqual(['info checklist-changed: The checklist of touchpoint "counter" loses x, other. @t.touchpoints.yaml:6 [touchpoints inv]']);
  });

  it('levels from peakend.yaml replace a check\'s own, or turn it off', () => {
    const heavy = side(STANDARDS(BASE + '    weight: 3\n'));
    const light = side(STANDARDS(BASE + '    weight: 1\n'));
    expect(review(heavy, light, { 'standard-loosened': 'breaking', 'checklist-changed': 'off' })).toEqual(['breaking standard-loosened: Standard "x": weight 3 → 1. @s.standards.yaml:5 [standards set]']);
    expect(review(heavy, light, { 'standard-loosened': 'info', 'checklist-changed': 'warning' })).toEqual([
      'warning checklist-changed: The checklist of touchpoint "hotline" changes at x. @t.touchpoints.yaml:5 [touchpoints inv]',
      'info standard-loosened: Standard "x": weight 3 → 1. @s.standards.yaml:5 [standards set]',
    ]);
  });
});
