/** Each side's analyses as the diff checks see them: computed once per side, with that side's persona names. */
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, reviewDiff } from '../../../src/core';
import { inventoryAnalyses, journeyAnalyses } from '../../../src/core/diff/analyses';
import { WorkspaceIndex } from '../../../src/core/workspace/index';
import type { FileModel } from '../../../src/core';

const config = defaultConfig('/ws');
const model = (file: string, text: string) => analyzeFile(file, { text }, config);
const side = (models: FileModel[]) => ({ models, index: new WorkspaceIndex(models) });

const JOURNEY = (id: string, score: number) => `peakend: 1\nkind: journey\nid: ${id}\ntitle: 旅程\npersonas: [owner]\nstages:\n  - id: s\n    title: 阶段\n    steps:\n      - { id: s1, title: 一, emotions: { owner: ${score} } }\n`;
const PERSONAS = (name: string) => `peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: ${name} }\n`;
const INVENTORY = (id: string, importance: number) => `peakend: 1\nkind: touchpoints\nid: ${id}\ntitle: 清单\ntouchpoints:\n  - { id: a, name: 甲, phase: service, channel: phone, type: human, importance: ${importance}, performance: 3 }\n`;

describe('diff analyses', () => {
  it('a journey file both sides share is analysed under each side\'s persona names', () => {
    const journey = model('/ws/j.journey.yaml', JOURNEY('j', 2));
    const review = reviewDiff([journey, model('/ws/p.personas.yaml', PERSONAS('业主'))], [journey, model('/ws/p.personas.yaml', PERSONAS('房东'))]);
    expect(review.journeys.before.get('j')!.personas[0]!.name).toBe('业主');
    expect(review.journeys.after.get('j')!.personas[0]!.name).toBe('房东');
    // The same file and names on both sides: one analysis, the very same object.
    const again = reviewDiff([journey, model('/ws/p.personas.yaml', PERSONAS('业主'))], [journey, model('/ws/p.personas.yaml', PERSONAS('业主'))]);
    expect(again.journeys.after.get('j')).toBe(again.journeys.before.get('j'));
  });

  it('a persona defined without a name is named by its ID; one defined nowhere has no name', () => {
    const unnamed = model('/ws/p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner }\n');
    expect(journeyAnalyses(side([model('/ws/j.journey.yaml', JOURNEY('j', 2)), unnamed])).get('j')!.personas[0]!.name).toBe('owner');
    expect(journeyAnalyses(side([model('/ws/j.journey.yaml', JOURNEY('j', 2))])).get('j')!.personas[0]!.name).toBeUndefined();
  });

  it('takes the first file that defines a journey or inventory, skips files without an ID, other kinds and unreadable files', () => {
    const s = side([
      model('/ws/b.journey.yaml', JOURNEY('j', 1)),
      model('/ws/a.journey.yaml', JOURNEY('j', -1)),
      model('/ws/n.journey.yaml', JOURNEY('', 3).replace('id: \n', '')),
      model('/ws/x.journey.yaml', 'stages: [\n'),
      model('/ws/t.touchpoints.yaml', INVENTORY('inv', 4)),
      model('/ws/u.touchpoints.yaml', INVENTORY('inv', 1)),
      model('/ws/v.touchpoints.yaml', INVENTORY('', 1).replace('id: \n', '')),
      model('/ws/p.personas.yaml', PERSONAS('业主')),
    ]);
    const journeys = journeyAnalyses(s);
    expect([...journeys.keys()]).toEqual(['j']);
    expect(journeys.get('j')!.file).toBe('/ws/b.journey.yaml');
    expect(journeyAnalyses(s)).toBe(journeys);
    const inventories = inventoryAnalyses(s);
    expect([...inventories.keys()]).toEqual(['inv']);
    expect(inventories.get('inv')!.file).toBe('/ws/t.touchpoints.yaml');
    expect(inventories.get('inv')!.points[0]!.quadrant).toBe('keep-up-the-good-work');
    expect(inventoryAnalyses(s)).toBe(inventories);
  });
});
