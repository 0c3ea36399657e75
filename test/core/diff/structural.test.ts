import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig } from '../../../src/core';
import { structuralDiff, type EntityChange } from '../../../src/core/diff/structural';

const config = defaultConfig('/ws');
const model = (file: string, text: string) => analyzeFile(file, { text }, config);

const JOURNEY = (steps: string, extra = '') => `peakend: 1
kind: journey
id: homeowner
title: 业主旅程
personas: [owner]
${extra}stages:
  - id: handover
    title: 交房
    steps:
${steps}`;

const STEPS = `      - { id: notice, title: 收到通知, emotions: { owner: 2 } }
      - { id: inspect, title: 验房, emotions: { owner: -3 }, painPoints: [墙面裂缝] }
      - { id: keys, title: 领钥匙, emotions: { owner: 4 } }
`;

/** Each change as one line, so that a test reads like a review. */
function summary(changes: EntityChange[]): string[] {
  return changes.map((c) => {
    const e = 'after' in c ? c.after : c.before;
    const fields = 'fields' in c && c.fields.length ? ' ' + c.fields.map((f) => `${f.path.join('.')}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join('; ') : '';
    const from = c.type === 'renamed' ? `${c.before.id} → ` : '';
    return `${c.type} ${c.kind} ${from}${e.id}${fields}`;
  });
}

describe('structural diff', () => {
  it('nothing changed: no changes, whatever the file is called', () => {
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/moved/b.journey.yaml', JOURNEY(STEPS))]);
    expect(d.changes).toEqual([]);
  });

  it('a score and a pain point changed: one modified step, field by field, with ranges on both sides', () => {
    const after = STEPS.replace('emotions: { owner: -3 }, painPoints: [墙面裂缝]', 'emotions: { owner: -4 }, painPoints: [墙面裂缝, 窗户渗水]');
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', JOURNEY(after))]);
    expect(summary(d.changes)).toEqual(['modified step inspect emotions.owner: -3 → -4; painPoints: ["墙面裂缝"] → ["墙面裂缝","窗户渗水"]']);
    const c = d.changes[0]!;
    expect(c.type === 'modified' && c.before.range).toEqual({ start: { line: 10, character: 14 }, end: { line: 10, character: 21 } });
    expect(c.type === 'modified' && c.after.stage).toBe('handover');
  });

  it('keys on IDs, not positions: inserting a step adds one step and moves none', () => {
    const after = STEPS.replace('      - { id: keys', '      - { id: fix, title: 整改, emotions: { owner: 1 } }\n      - { id: keys');
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', JOURNEY(after))]);
    expect(summary(d.changes)).toEqual(['added step fix']);
  });

  it('a step out of order is moved; the others stay', () => {
    const lines = STEPS.trimEnd().split('\n');
    const after = [lines[2], lines[0], lines[1]].join('\n') + '\n';
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', JOURNEY(after))]);
    expect(summary(d.changes)).toEqual(['moved step keys position: 2 → 0']);
  });

  it('a step moved to another stage', () => {
    const after = JOURNEY(STEPS.replace(/ {6}- \{ id: keys.*\n/, '')) + `  - id: move-in\n    title: 入住\n    steps:\n      - { id: keys, title: 领钥匙, emotions: { owner: 4 } }\n`;
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', after)]);
    expect(summary(d.changes)).toEqual(['added stage move-in', 'moved step keys stage: "handover" → "move-in"; position: 2 → 0']);
  });

  it('an ID change with the content kept is a rename, not a removal and an addition', () => {
    const after = STEPS.replace('id: inspect,', 'id: inspect-house,');
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', JOURNEY(after))]);
    expect(summary(d.changes)).toEqual(['renamed step inspect → inspect-house']);
  });

  it('a new ID with other content is a removal and an addition', () => {
    const after = STEPS.replace('{ id: inspect, title: 验房, emotions: { owner: -3 }, painPoints: [墙面裂缝] }', '{ id: survey, title: 回访, emotions: { owner: 1 } }');
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', JOURNEY(after))]);
    expect(summary(d.changes)).toEqual(['added step survey', 'removed step inspect']);
  });

  it('standards: a loosened threshold is a field change of expect.threshold', () => {
    const std = (h: number) => `peakend: 1
kind: standards
id: complaints
title: 投诉标准
standards:
  - id: respond-social
    title: 社交媒体投诉 24 小时内回复
    appliesTo: { channels: [social-media] }
    expect: { type: measure, unit: hours, comparator: "<=", threshold: ${h} }
    critical: true
`;
    const d = structuralDiff([model('/ws/c.standards.yaml', std(24))], [model('/ws/c.standards.yaml', std(48))]);
    expect(summary(d.changes)).toEqual(['modified standard respond-social expect.threshold: 24 → 48']);
  });

  it('a file that does not parse contributes nothing, and nothing is thrown', () => {
    const d = structuralDiff([model('/ws/a.journey.yaml', JOURNEY(STEPS))], [model('/ws/a.journey.yaml', 'stages: [\n')]);
    expect(summary(d.changes)).toEqual(['removed journey homeowner', 'removed stage handover', 'removed step notice', 'removed step inspect', 'removed step keys']);
  });

  it('Chinese IDs and titles compare like any other', () => {
    const before = JOURNEY('      - { id: 验房, title: 陪同验房, emotions: { owner: -3 } }\n');
    const after = JOURNEY('      - { id: 验房, title: 陪同验房（第二次）, emotions: { owner: -3 } }\n');
    const d = structuralDiff([model('/ws/a.journey.yaml', before)], [model('/ws/a.journey.yaml', after)]);
    expect(summary(d.changes)).toEqual(['modified step 验房 title: "陪同验房" → "陪同验房（第二次）"']);
  });
});
