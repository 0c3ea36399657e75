/** Regenerating a filled-in checklist: what the person wrote stays, byte for byte, wherever they wrote it. */
import { describe, expect, it } from 'vitest';
import { parseChecklist, renderChecklist, type ChecklistSpec, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';

function spec(id: string, over: Partial<ItemSpec> = {}): ItemSpec {
  const i: ItemSpec = { id, dimension: '礼仪', weight: 1, critical: false, evidence: [], fingerprint: '', requirement: `要求 ${id}`, ...over };
  i.fingerprint = fingerprint(i);
  return i;
}
const regenerate = (next: ChecklistSpec, written: string, language: 'en' | 'zh-cn' = 'en') => renderChecklist(next, language, parseChecklist('/ws/audits/tp/2026-12-03.md', written));

describe('regenerating a checklist', () => {
  it('keeps the audit facts the file names, takes the touchpoint and standards hash from the standards, and keeps the file’s language', () => {
    const first = renderChecklist({ header: { touchpoint: 'tp', site: '北区', auditor: '李娜', date: '2026-12-03', standards: 'sha256:old' }, items: [spec('a')] }, 'zh-cn').text;
    const merged = regenerate({ header: { touchpoint: 'tp', touchpointName: '服务热线', site: '南区', auditor: 'Ann', date: '2027-01-01', standards: 'sha256:new' }, items: [spec('a')] }, first).text;
    expect(merged.slice(0, merged.indexOf('\n\n# '))).toBe('---\npeakend: 1\nkind: checklist\ntouchpoint: tp\nsite: 北区\nauditor: 李娜\ndate: 2026-12-03\nstandards: sha256:new\nlanguage: zh-cn\n---');
    expect(merged).toContain('\n# 检查表: 服务热线 `tp`\n');
    // Facts the file does not name come from the command line.
    const bare = first.replace('site: 北区\nauditor: 李娜\n', '');
    expect(regenerate({ header: { touchpoint: 'tp', site: '南区', auditor: 'Ann', date: '2027-01-01' }, items: [spec('a')] }, bare).text).toContain('\ntouchpoint: tp\nsite: 南区\nauditor: Ann\ndate: 2026-12-03\nlanguage: zh-cn\n---\n');
  });

  it('writes a fresh answer list for an item whose answers were deleted, and keeps the person’s text for the others', () => {
    const items = [spec('a'), spec('b')];
    const first = renderChecklist({ header: { touchpoint: 'tp' }, items }).text;
    const cut = first.indexOf('- [ ] Pass');
    const end = first.indexOf('### `b`');
    const written = first.slice(0, cut) + '\n' + first.slice(end).replace(/- Note:\n/, '- Note: 双手递接\n');
    const merged = regenerate({ header: { touchpoint: 'tp' }, items }, written);
    expect(merged.text).toBe(first.replace(/(### `b`[\s\S]*)- Note:\n/, '$1- Note: 双手递接\n'));
    expect(merged.changes).toEqual([
      { id: 'a', change: 'kept' },
      { id: 'b', change: 'kept' },
    ]);
  });

  it('keeps the text of a section written twice under its one heading, and the obsolete section’s own words', () => {
    const items = [spec('a'), spec('b', { dimension: 'efficiency' }), spec('c', { dimension: 'efficiency' })];
    const first = renderChecklist({ header: { touchpoint: 'tp' }, items }).text;
    // The person repeats the efficiency heading above item c, with a note of its own.
    const written = first
      .replace('## 礼仪\n', '## 礼仪\n\n礼仪说明：双手递接。\n')
      .replace('## efficiency\n', '## efficiency\n\nfirst note\n')
      .replace('### `c`', '## efficiency\n\nsecond note\n\n### `c`');
    const once = regenerate({ header: { touchpoint: 'tp' }, items: [spec('b', { dimension: 'efficiency' }), spec('c', { dimension: 'efficiency' })] }, written);
    expect(once.changes).toEqual([
      { id: 'b', change: 'kept' },
      { id: 'c', change: 'kept' },
      { id: 'a', change: 'obsolete' },
    ]);
    expect(once.text).toContain('## efficiency\n\nfirst note\n\nsecond note\n\n### `b`');
    expect(once.text).toContain('\n## Obsolete\n\nThese standards no longer apply to this touchpoint. Their answers are kept as they were written.\n\n礼仪:\n\n礼仪说明：双手递接。\n\n### `a`');
    // The person rewrites the obsolete section's words: they stay, and nothing moves again.
    const rewritten = once.text.replace('These standards no longer apply to this touchpoint. Their answers are kept as they were written.', '已停用，留作记录。');
    const twice = regenerate({ header: { touchpoint: 'tp' }, items: [spec('b', { dimension: 'efficiency' }), spec('c', { dimension: 'efficiency' })] }, rewritten);
    expect(twice.text).toBe(rewritten);
    expect(twice.changes.map((c) => c.change)).toEqual(['kept', 'kept', 'obsolete']);
  });

  it('keeps the obsolete section for its words alone, once every obsolete item applies again', () => {
    const items = [spec('a'), spec('b')];
    const first = renderChecklist({ header: { touchpoint: 'tp' }, items }).text;
    const once = regenerate({ header: { touchpoint: 'tp' }, items: [spec('a')] }, first).text;
    const back = regenerate({ header: { touchpoint: 'tp' }, items }, once);
    expect(back.changes).toEqual([
      { id: 'a', change: 'kept' },
      { id: 'b', change: 'kept' },
    ]);
    expect(back.text).toBe(`${first}\n## Obsolete\n\nThese standards no longer apply to this touchpoint. Their answers are kept as they were written.\n`);
    // With no obsolete item and no words of its own, no obsolete section is written.
    expect(regenerate({ header: { touchpoint: 'tp' }, items }, first).text).toBe(first);
  });

  it('keeps an English checklist English, and writes an obsolete section only for what no longer applies', () => {
    const first = renderChecklist({ header: { touchpoint: 'tp' }, items: [spec('a'), spec('b', { dimension: 'gone' })] }, 'en').text;
    const merged = regenerate({ header: { touchpoint: 'tp' }, items: [spec('a')] }, first, 'zh-cn').text;
    const itemB = first.slice(first.indexOf('### `b`')).trimEnd();
    expect(merged).toBe(`${first.slice(0, first.indexOf('## gone'))}## Obsolete\n\nThese standards no longer apply to this touchpoint. Their answers are kept as they were written.\n\n${itemB}\n`);
  });

  it('keeps the words under a section whose items all moved to another section, with no item made obsolete', () => {
    const first = renderChecklist({ header: { touchpoint: 'tp' }, items: [spec('a'), spec('b', { dimension: 'efficiency' })] }, 'en').text.replace('## 礼仪\n', '## 礼仪\n\n礼仪说明\n');
    const merged = regenerate({ header: { touchpoint: 'tp' }, items: [spec('a', { dimension: 'efficiency' }), spec('b', { dimension: 'efficiency' })] }, first);
    expect(merged.changes).toEqual([
      { id: 'a', change: 'kept' },
      { id: 'b', change: 'kept' },
    ]);
    expect(merged.text.slice(merged.text.indexOf('## Obsolete'))).toBe('## Obsolete\n\nThese standards no longer apply to this touchpoint. Their answers are kept as they were written.\n\n礼仪:\n\n礼仪说明\n');
  });

  it('moves every copy of an item written twice to the obsolete section once, when its standard no longer applies', () => {
    const first = renderChecklist({ header: { touchpoint: 'tp' }, items: [spec('a'), spec('x')] }, 'en').text;
    const itemX = first.slice(first.indexOf('### `x`')).trimEnd();
    const written = `${first}\n${itemX.replace('- Note:', '- Note: 第二份')}\n`;
    const merged = regenerate({ header: { touchpoint: 'tp' }, items: [spec('a')] }, written);
    expect(merged.changes).toEqual([
      { id: 'a', change: 'kept' },
      { id: 'x', change: 'obsolete' },
      { id: 'x', change: 'obsolete' },
    ]);
    expect(merged.text.split('### `x`')).toHaveLength(3);
    expect(parseChecklist('/c.md', merged.text).items.map((i) => [i.id, i.obsolete, i.answer])).toEqual([
      ['a', false, {}],
      ['x', true, {}],
      ['x', true, { note: '第二份' }],
    ]);
  });

  it('writes the standard in the snapshot so that no text ends the comment, and reads it back', () => {
    const odd = spec('a', { dimension: 'a --> b <i>', expect: { type: 'measure', unit: '<°C>', comparator: '<', threshold: 5 } });
    const text = renderChecklist({ header: { touchpoint: 'tp' }, items: [odd] }).text;
    expect(text).toContain(`\n<!-- peakend-item {"fp":"${odd.fingerprint}","dimension":"a --\\u003e b \\u003ci\\u003e","weight":1,"critical":false,"expect":{"type":"measure","unit":"\\u003c°C\\u003e","comparator":"\\u003c","threshold":5}} -->\n`);
    const back = parseChecklist('/c.md', text).items[0]!.spec;
    expect(back).toEqual({ id: 'a', dimension: 'a --> b <i>', weight: 1, critical: false, evidence: [], fingerprint: odd.fingerprint, expect: { type: 'measure', unit: '<°C>', comparator: '<', threshold: 5 } });
  });
});
