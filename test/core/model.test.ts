import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig } from '../../src/core';
import { marked } from '../helpers/memory';

describe('the journey model', () => {
  it('carries every field of a step and a stage, each with its range', () => {
    const { text, ranges } = marked(`peakend: 1
kind: journey
id: j
title: 旅程
personas: [owner]
stages:
  - id: s
    title: 交房
    description: ⟦从通知到拿钥匙⟧
    metrics:
      - ⟦{ type: retention, value: 92 }⟧
    steps:
      - id: inspect
        title: 验房
        description: ⟦陪同验房⟧
        emotions: { owner: -3 }
        painPoints: [⟦墙面有裂缝⟧]
        opportunities:
          - ⟦当场登记问题⟧
        quotes:
          - ⟦墙一摸就掉灰。⟧
          - ⟦{ text: 说好的精装修, persona: owner, source: 回访录音 }⟧
        evidence:
          - ⟦{ source: complaints, date: 2026-03, sampleSize: 86, note: 投诉工单 }⟧
        blueprint:
          ⟦frontstage: [⟦专员陪同⟧]
          backstage: [⟦派单整改⟧]
          support: [⟦交付系统⟧]⟧
        metrics:
          - ⟦{ type: other, name: 整改天数, value: 7.5, scale: { min: 0, max: 30 }, sampleSize: 12, date: 2026-04-01 }⟧
`);
    const model = analyzeFile('/ws/j.journey.yaml', { text }, defaultConfig('/ws'));
    // Valid against the schema (the single low score draws peak-end judgements, which are not the point here).
    expect(model.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    const stage = model.journey!.stages[0]!;
    expect(stage.description).toEqual({ text: '从通知到拿钥匙', range: ranges[0] });
    expect(stage.metrics).toEqual([{ type: 'retention', value: 92, range: ranges[1] }]);
    const step = stage.steps[0]!;
    expect(step.description).toEqual({ text: '陪同验房', range: ranges[2] });
    expect(step.painPoints).toEqual([{ text: '墙面有裂缝', range: ranges[3] }]);
    expect(step.opportunities).toEqual([{ text: '当场登记问题', range: ranges[4] }]);
    expect(step.quotes).toEqual([
      { text: '墙一摸就掉灰。', range: ranges[5] },
      { text: '说好的精装修', persona: 'owner', source: '回访录音', range: ranges[6] },
    ]);
    expect(step.evidence).toEqual([{ source: 'complaints', date: '2026-03', sampleSize: 86, note: '投诉工单', range: ranges[7] }]);
    // Inner markers close before the outer one: the lanes' items come first in `ranges`.
    expect(step.blueprint).toEqual({
      frontstage: [{ text: '专员陪同', range: ranges[8] }],
      backstage: [{ text: '派单整改', range: ranges[9] }],
      support: [{ text: '交付系统', range: ranges[10] }],
      range: ranges[11],
    });
    expect(step.metrics).toEqual([
      { type: 'other', name: '整改天数', value: 7.5, scale: { min: 0, max: 30 }, sampleSize: 12, date: '2026-04-01', range: ranges[12] },
    ]);
  });

  it('leaves the new fields empty when a step has none, and skips entries of the wrong shape', () => {
    const text = `peakend: 1
kind: journey
id: j
title: 旅程
personas: [owner]
stages:
  - id: s
    title: 阶段
    steps:
      - id: a
        title: x
        emotions: { owner: 1 }
        evidence: [{ source: rumour }]
        metrics: [{ type: csat }]
        painPoints: [3]
`;
    const step = analyzeFile('/ws/j.journey.yaml', { text }, defaultConfig('/ws')).journey!.stages[0]!.steps[0]!;
    expect(step).toMatchObject({ painPoints: [], opportunities: [], quotes: [], evidence: [], metrics: [] });
    expect(step.blueprint).toBeUndefined();
    expect(step.description).toBeUndefined();
  });
});
