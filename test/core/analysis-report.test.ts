/** analysisReport: which files it analyses, from which workspace, with which names, error counts, judgements and cuts. */
import { describe, expect, it } from 'vitest';
import { analysisReport, checkPaths } from '../../src/core';
import { memoryHost } from '../helpers/memory';

const FILES = {
  '/ws/peakend.yaml': 'peakend: 1\nkind: config\nanalysis:\n  cuts: { importance: 4.5, performance: 2 }\n',
  '/ws/p.personas.yaml': 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n  - { id: owner, name: 重复 }\n',
  // Ends below the average (weak-ending, a judgement) and names a persona no file defines (an error).
  '/ws/b.journey.yaml': `peakend: 1
kind: journey
id: b
title: 旅程
personas: [owner, ghost]
stages:
  - id: s
    title: 阶段
    steps:
      - { id: s1, title: 一, emotions: { owner: 3, ghost: 1 } }
      - { id: s2, title: 二, emotions: { owner: -2 } }
`,
  '/ws/a.touchpoints.yaml': `peakend: 1
kind: touchpoints
id: inv
title: 清单
touchpoints:
  - { id: hotline, name: 热线, phase: service, channel: phone, type: human, importance: 4.5, performance: 2 }
  - { id: counter, name: 前台, phase: service, channel: store, type: human, importance: 3, performance: 1 }
`,
  '/ws/s.standards.yaml': 'peakend: 1\nkind: standards\nid: set\nstandards:\n  - { id: x, title: 标准, expect: { type: pass-fail } }\n',
};

describe('analysisReport', () => {
  it('analyses journeys and inventories once each, in path order, with their workspace\'s names, errors and judgements', async () => {
    const { workspaces, files } = await checkPaths(memoryHost(FILES), ['/ws']);
    const report = analysisReport(workspaces, [...files, '/ws/b.journey.yaml', '/elsewhere/x.journey.yaml']);
    expect(report.version).toBe(1);
    expect(report.journeys.map((j) => j.file)).toEqual(['/ws/b.journey.yaml']);
    expect(report.inventories.map((i) => i.file)).toEqual(['/ws/a.touchpoints.yaml']);
    const [j] = report.journeys;
    const findings = workspaces[0]!.findingsFor('/ws/b.journey.yaml');
    // The one error is the undefined persona.
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['unknown-persona']);
    expect(j!.errors).toBe(1);
    // Among the warnings, missing-persona-score is no judgement of the figures; weak-ending is (owner ends at −2, average 0.5).
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.ruleId)).toEqual(['missing-persona-score', 'weak-ending']);
    expect(j!.judgements.map((f) => [f.ruleId, f.range.start.line, f.range.start.character])).toEqual([['weak-ending', 10, 47]]);
    // The first definition of a persona names it; one without a definition keeps its ID.
    expect(j!.personas.map((p) => [p.persona, p.name])).toEqual([
      ['owner', '业主'],
      ['ghost', undefined],
    ]);
    // The cuts come from peakend.yaml: hotline (4.5, 2) sits on both cuts, so high on both.
    const [inv] = report.inventories;
    expect(inv!.cuts).toEqual({ importance: 4.5, performance: 2, method: 'fixed' });
    expect(inv!.points.map((p) => [p.touchpointId, p.quadrant])).toEqual([
      ['hotline', 'keep-up-the-good-work'],
      ['counter', 'low-priority'],
    ]);
    expect(inv!.errors).toBe(0);
  });

  it('takes cuts given by the caller over peakend.yaml\'s', async () => {
    const { workspaces } = await checkPaths(memoryHost(FILES), ['/ws']);
    const [inv] = analysisReport(workspaces, ['/ws/a.touchpoints.yaml'], { cuts: 'midpoint' }).inventories;
    expect(inv!.cuts).toEqual({ importance: 3, performance: 3, method: 'midpoint' });
    expect(inv!.points.map((p) => p.quadrant)).toEqual(['concentrate-here', 'concentrate-here']);
  });

  it('counts only errors, and finds each file in the workspace that holds it', async () => {
    const host = memoryHost({ ...FILES, '/other/peakend.yaml': 'peakend: 1\nkind: config\n', '/other/c.touchpoints.yaml': FILES['/ws/a.touchpoints.yaml'].replace('id: inv', 'id: inv2').replace('importance: 3, ', 'importance: 9, ') });
    const { workspaces } = await checkPaths(host, ['/ws', '/other']);
    expect(workspaces).toHaveLength(2);
    // Given in any order: reported in path order.
    const report = analysisReport(workspaces, ['/ws/a.touchpoints.yaml', '/other/c.touchpoints.yaml']);
    // /other has no cuts of its own: the midpoint. Its importance 9 is out of range: one error.
    expect(report.inventories.map((i) => [i.file, i.cuts.method, i.errors])).toEqual([
      ['/other/c.touchpoints.yaml', 'midpoint', 1],
      ['/ws/a.touchpoints.yaml', 'fixed', 0],
    ]);
  });
});
