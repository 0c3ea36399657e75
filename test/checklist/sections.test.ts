import { describe, expect, it } from 'vitest';
import { parseChecklist, renderChecklist, type ChecklistSpec, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';

function item(id: string, dimension: string): ItemSpec {
  const i: ItemSpec = { id, title: `标准 ${id}`, dimension, requirement: '双手递接', weight: 1, critical: false, evidence: [], fingerprint: '', expect: { type: 'pass-fail' } };
  i.fingerprint = fingerprint(i);
  return i;
}
const header = { touchpoint: 'tp', date: '2026-12-03' };

describe('text a person wrote under a section heading', () => {
  it('is kept under the same heading when the checklist is regenerated', () => {
    const spec: ChecklistSpec = { header, items: [item('a', '礼仪'), item('b', 'efficiency')] };
    const note = '本区域由 *王经理* 负责。\n\n- 检查前先联系前台';
    const written = renderChecklist(spec).text.replace('## 礼仪\n', `## 礼仪\n\n${note}\n`);
    const again = renderChecklist(spec, 'en', parseChecklist('/c.md', written));
    expect(again.text).toBe(written);
    expect(again.changes.map((c) => c.change)).toEqual(['kept', 'kept']);
    // Its answers are still read by item.
    expect(parseChecklist('/c.md', again.text).items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('moves to the obsolete section, under the old heading’s name, when its section is gone', () => {
    const written = renderChecklist({ header, items: [item('a', '礼仪'), item('b', 'efficiency')] }).text.replace('## 礼仪\n', '## 礼仪\n\n礼仪说明 | 不可丢失\n');
    const again = renderChecklist({ header, items: [item('b', 'efficiency')] }, 'en', parseChecklist('/c.md', written)).text;
    expect(again).toMatch(/## Obsolete\n\n[^\n]+\n\n礼仪:\n\n礼仪说明 \| 不可丢失\n\n### `a`/);
    // Regenerated once more, nothing moves again.
    expect(renderChecklist({ header, items: [item('b', 'efficiency')] }, 'en', parseChecklist('/c.md', again)).text).toBe(again);
  });
});
