/** Every generated diagram parses on real Mermaid: portable on 10.9.5 and 11.17.2, rich on 11.17.2. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramCorpus, exampleAnalyses } from './corpus';
import { parseError } from '../helpers/mermaid';

const REPO = path.resolve(__dirname, '../..');

describe('diagram corpus', () => {
  it('holds the example journeys and inventories', async () => {
    const { journeys, inventories } = await exampleAnalyses(REPO);
    expect(journeys.map((j) => j.journeyId).sort()).toEqual(['homeowner', 'support-chat']);
    expect(inventories.map((i) => i.inventoryId).sort()).toHaveLength(2);
  });

  it('parses, every diagram, on every Mermaid version it is meant for', async () => {
    const corpus = await diagramCorpus(REPO);
    expect(corpus.length).toBe(72);
    const failures: string[] = [];
    for (const d of corpus) {
      for (const version of d.variant === 'portable' ? (['v10', 'v11'] as const) : (['v11'] as const)) {
        const error = await parseError(version, d.text);
        if (error) failures.push(`${d.name} (${d.variant}, ${version}): ${error}\n${d.text}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
