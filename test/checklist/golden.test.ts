import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildChecklist, renderChecklist } from '../../src/core';
import { indexOf } from './fixture';

const golden = (name: string) => new URL(`golden/${name}`, import.meta.url);

/** Generated checklists compared with files reviewed by hand; PEAKEND_UPDATE_GOLDEN=1 rewrites them for review in the diff. */
describe('generated checklists (golden files)', () => {
  for (const [tp, lang, site] of [
    ['hotline', 'zh-cn', '北区 1 号楼'],
    ['repair-visit', 'en', undefined],
  ] as const) {
    it(`${tp} in ${lang}`, async () => {
      const index = await indexOf();
      const spec = buildChecklist(index, index.touchpoints.get(tp)![0]!, { date: '2026-12-03', auditor: 'Li Na', site });
      const { text } = renderChecklist(spec, lang);
      const file = golden(`${tp}.${lang}.md`);
      if (process.env.PEAKEND_UPDATE_GOLDEN) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
