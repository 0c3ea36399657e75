import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, type FileModel } from '../../../src/core';
import { reviewDiff } from '../../../src/core/diff/reviewDiff';

const EXAMPLE = join(__dirname, '../../../examples/property-management');
const config = defaultConfig('/ws');
const original = new Map(readdirSync(EXAMPLE).filter((f) => f.endsWith('.yaml') && f !== 'peakend.yaml').map((f) => [f, readFileSync(join(EXAMPLE, f), 'utf8')]));

/** The example workspace with some files' text edited. */
function workspace(edits: Record<string, (text: string) => string> = {}): FileModel[] {
  return [...original].map(([name, text]) => {
    const edited = edits[name] ? edits[name]!(text) : text;
    if (edits[name] && edited === text) throw new Error(`the edit of ${name} changed nothing`);
    return analyzeFile(`/ws/${name}`, { text: edited }, config);
  });
}

/** `level check: message @line` for each change, so expectations read like the review. */
function review(before: FileModel[], after: FileModel[], only?: string): string[] {
  return reviewDiff(before, after).changes.filter((c) => !only || c.checkId === only).map((c) => `${c.level} ${c.checkId}: ${c.message} @${c.file.slice(4)}:${c.range.start.line + 1}`);
}

const loosen = { 'complaints.standards.yaml': (t: string) => t.replace('comparator: "<=", threshold: 24 }', 'comparator: "<=", threshold: 48 }') };

describe('diff checks', () => {
  it('no change, no review', () => {
    expect(review(workspace(), workspace())).toEqual([]);
  });

  it('a standard loosened from 24 h to 48 h is a warning; the opposite change is a tightening (info)', () => {
    const loosened = workspace(loosen);
    expect(review(workspace(), loosened)).toEqual(['warning standard-loosened: Standard "social-media-complaint-24h": threshold <= 24 hours → <= 48 hours. @complaints.standards.yaml:17']);
    expect(review(loosened, workspace())).toEqual(['info standard-tightened: Standard "social-media-complaint-24h": threshold <= 48 hours → <= 24 hours. @complaints.standards.yaml:17']);
  });

  it('loosening a critical standard is breaking: a lower bar, then no longer critical', () => {
    const after = workspace({
      'complaints.standards.yaml': (t) => t.replace('comparator: "<=", threshold: 30 }', 'comparator: "<=", threshold: 60 }'),
    });
    expect(review(workspace(), after)).toEqual([
      'breaking standard-loosened: Standard "complaint-respond-at-once": threshold <= 30 minutes → <= 60 minutes. @complaints.standards.yaml:7',
      // The standard applies to the complaint-handling touchpoint (by its tag): its checklist item changes.
      `info checklist-changed: The checklist of touchpoint "complaint-handling" changes at complaint-respond-at-once. @property.touchpoints.yaml:${lineOf('property.touchpoints.yaml', 'id: complaint-handling')}`,
    ]);
    const notCritical = workspace({ 'complaints.standards.yaml': (t) => t.replace('threshold: 30 }\n    critical: true', 'threshold: 30 }') });
    const item = `info checklist-changed: The checklist of touchpoint "complaint-handling" changes at complaint-respond-at-once. @property.touchpoints.yaml:${lineOf('property.touchpoints.yaml', 'id: complaint-handling')}`;
    expect(review(workspace(), notCritical)).toEqual(['breaking standard-loosened: Standard "complaint-respond-at-once" is no longer critical. @complaints.standards.yaml:7', item]);
    expect(review(notCritical, workspace())).toEqual(['info standard-tightened: Standard "complaint-respond-at-once" is now critical. @complaints.standards.yaml:7', item]);
  });

  it('comparators: "<" → "<=" is looser; ">=" → ">" is stricter; "<=" → ">=" is a change a reviewer must look at', () => {
    const to = (cmp: string) => workspace({ 'complaints.standards.yaml': (t) => t.replace('comparator: "<=", threshold: 24 }', `comparator: "${cmp}", threshold: 24 }`) });
    expect(review(to('<'), workspace())).toEqual(['warning standard-loosened: Standard "social-media-complaint-24h": comparator < 24 hours → <= 24 hours. @complaints.standards.yaml:17']);
    expect(review(workspace(), to('>='))).toEqual(['warning standard-loosened: Standard "social-media-complaint-24h": comparator <= 24 hours → >= 24 hours. @complaints.standards.yaml:17']);
    const follow = (cmp: string) => workspace({ 'complaints.standards.yaml': (t) => t.replace('comparator: ">=", threshold: 100', `comparator: "${cmp}", threshold: 100`) });
    expect(review(workspace(), follow('>'))).toEqual([
      'info standard-tightened: Standard "complaint-follow-up": comparator >= 100 percent → > 100 percent. @complaints.standards.yaml:25',
      `info checklist-changed: The checklist of touchpoint "complaint-handling" changes at complaint-follow-up. @property.touchpoints.yaml:${lineOf('property.touchpoints.yaml', 'id: complaint-handling')}`,
      `info checklist-changed: The checklist of touchpoint "property-repair" changes at complaint-follow-up. @property.touchpoints.yaml:${lineOf('property.touchpoints.yaml', 'id: property-repair')}`,
    ]);
  });

  it('a rating bar lowered is a loosening of a critical standard', () => {
    const after = workspace({ 'complaints.standards.yaml': (t) => t.replace('atLeast: satisfied', 'atLeast: neutral') });
    expect(review(workspace(), after)).toEqual([
      'breaking standard-loosened: Standard "handover-inspection": passes at "≥ satisfied" → at "≥ neutral". @complaints.standards.yaml:34',
      `info checklist-changed: The checklist of touchpoint "house-handover" changes at handover-inspection. @property.touchpoints.yaml:${lineOf('property.touchpoints.yaml', 'id: house-handover')}`,
    ]);
  });

  it('a removed standard: warning, breaking when critical; the checklists that lose it are listed', () => {
    // Applies to no touchpoint of the example: no checklist changes.
    const after = workspace({ 'complaints.standards.yaml': (t) => t.replace(/ {2}- id: social-media-complaint-24h[\s\S]*?threshold: 24 \}\n/, '') });
    expect(review(workspace(), after)).toEqual(['warning standard-removed: Standard "social-media-complaint-24h" was removed. @complaints.standards.yaml:17']);
    const critical = workspace({ 'complaints.standards.yaml': (t) => t.replace(/ {2}- id: handover-inspection[\s\S]*?critical: true\n/, '') });
    expect(review(workspace(), critical)).toEqual([
      'breaking standard-removed: Critical standard "handover-inspection" was removed. @complaints.standards.yaml:34',
      `info checklist-changed: The checklist of touchpoint "house-handover" loses handover-inspection. @property.touchpoints.yaml:${lineOf('property.touchpoints.yaml', 'id: house-handover')}`,
    ]);
  });

  it('an emotion drop is a warning, a rise is information, each at the score', () => {
    const after = workspace({ 'homeowner.journey.yaml': (t) => t.replace('emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: -4, upgrader: -1 }') });
    const line = lineOf('homeowner.journey.yaml', 'emotions: { first-time-buyer: -2, upgrader: -2 }');
    expect(review(workspace(), after, 'emotion-changed')).toEqual([
      `warning emotion-changed: Step "pay-fee": first-time-buyer -2 → -4 (-2). @homeowner.journey.yaml:${line}`,
      `info emotion-changed: Step "pay-fee": upgrader -2 → -1 (+1). @homeowner.journey.yaml:${line}`,
    ]);
  });

  it('peak-end: a better end is information, with the new peak-end score; the swapped change warns', () => {
    const better = workspace({ 'homeowner.journey.yaml': (t) => t.replace('emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: 3, upgrader: -2 }') });
    const line = lineOf('homeowner.journey.yaml', 'emotions: { first-time-buyer: -2, upgrader: -2 }');
    // first-time-buyer: peak +4 (get-keys), end −2 → 1; after: peak +4, end +3 → 3.5. Averages over 13 scored steps: 6/13 → 11/13.
    expect(review(workspace(), better).filter((c) => c.includes('peak-end'))).toEqual([
      'info peak-end-score-changed: 首次置业业主 (first-time-buyer): peak-end score 1 → 3.5 (+2.5); average 0.46 → 0.85. @homeowner.journey.yaml:3',
      `info peak-end-moment-changed: 首次置业业主 (first-time-buyer): the end at "pay-fee" changed from -2 to 3. @homeowner.journey.yaml:${line}`,
    ]);
    expect(review(better, workspace()).filter((c) => c.includes('peak-end'))).toEqual([
      'warning peak-end-score-changed: 首次置业业主 (first-time-buyer): peak-end score 3.5 → 1 (-2.5); average 0.85 → 0.46. @homeowner.journey.yaml:3',
      `warning peak-end-moment-changed: 首次置业业主 (first-time-buyer): the end at "pay-fee" changed from 3 to -2. @homeowner.journey.yaml:${line}`,
    ]);
  });

  it('importance–performance: a touchpoint entering "concentrate here" is a warning, leaving it is information', () => {
    const t = original.get('property.touchpoints.yaml')!;
    const m = /- id: fee-collection[\s\S]*?importance: (\S+)\n\s*performance: (\S+)/.exec(t);
    expect(m, 'fee-collection has importance and performance').not.toBeNull();
    const low = workspace({ 'property.touchpoints.yaml': (x) => x.replace(m![0], m![0].replace(/performance: \S+$/, 'performance: 1')) });
    const high = workspace({ 'property.touchpoints.yaml': (x) => x.replace(m![0], m![0].replace(/importance: \S+\n(\s*)performance: \S+$/, 'importance: 5\n$1performance: 5')) });
    const line = lineOf('property.touchpoints.yaml', 'id: fee-collection');
    expect(review(high, low, 'ipa-quadrant-changed')).toEqual([`warning ipa-quadrant-changed: Touchpoint "fee-collection" moved from "keep-up-the-good-work" to "concentrate-here" in the importance–performance analysis. @property.touchpoints.yaml:${line}`]);
    expect(review(low, high, 'ipa-quadrant-changed')).toEqual([`info ipa-quadrant-changed: Touchpoint "fee-collection" moved from "concentrate-here" to "keep-up-the-good-work" in the importance–performance analysis. @property.touchpoints.yaml:${line}`]);
  });

  it('a moment of truth newly below neutral is a warning; one already below is not repeated', () => {
    const after = workspace({ 'homeowner.journey.yaml': (t) => t.replace('emotions: { first-time-buyer: 2, upgrader: 1 }\n        momentOfTruth: true', 'emotions: { first-time-buyer: -1, upgrader: 1 }\n        momentOfTruth: true') });
    const changes = review(workspace(), after);
    expect(changes.filter((c) => c.includes('new-negative-moment-of-truth'))).toEqual([
      `warning new-negative-moment-of-truth: Step "sign-contract" is a moment of truth scored below neutral for first-time-buyer (-1). @homeowner.journey.yaml:${lineOf('homeowner.journey.yaml', 'emotions: { first-time-buyer: 2, upgrader: 1 }\n        momentOfTruth: true')}`,
    ]);
  });

  it('pain points added (warning) and removed (info)', () => {
    const after = workspace({ 'homeowner.journey.yaml': (t) => t.replace('          - 排队久，只开一个窗口', '          - 只能现金或刷卡\n          - 没有线上缴费') });
    const line = lineOf('homeowner.journey.yaml', 'id: pay-fee');
    expect(review(workspace(), after)).toEqual([
      `warning pain-points-changed: Step "pay-fee" gained pain points: “只能现金或刷卡”, “没有线上缴费”. @homeowner.journey.yaml:${line}`,
      `info pain-points-changed: Step "pay-fee" lost pain points: “排队久，只开一个窗口”. @homeowner.journey.yaml:${line}`,
    ]);
  });

  it('a step that lost a touchpoint', () => {
    const after = workspace({ 'homeowner.journey.yaml': (t) => t.replace('touchpoints: [fee-collection, service-center]', 'touchpoints: [fee-collection]') });
    expect(review(workspace(), after)).toEqual([`warning step-lost-touchpoint: Step "pay-fee" no longer happens at service-center. @homeowner.journey.yaml:${lineOf('homeowner.journey.yaml', 'id: pay-fee')}`]);
  });

  it('a touchpoint removed while still referenced is breaking, at the first reference', () => {
    const after = workspace({ 'property.touchpoints.yaml': (t) => t.replace(/ {2}- id: fee-collection\n[\s\S]*?(?=\n {2}- id: )/, '').replace(/\n\n/g, '\n') });
    const changes = review(workspace(), after);
    expect(changes[0]).toBe(`breaking touchpoint-removed-referenced: Touchpoint "fee-collection" was removed but is still referenced in 3 place(s). @homeowner.journey.yaml:${lineOf('homeowner.journey.yaml', 'touchpoints: [fee-collection]')}`);
  });
});

function lineOf(file: string, text: string): number {
  const t = original.get(file)!;
  const at = t.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in ${file}`);
  return t.slice(0, at).split('\n').length;
}
