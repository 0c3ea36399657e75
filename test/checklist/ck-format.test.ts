import { describe, expect, it } from 'vitest';
import { LABELS, parseChecklist, renderChecklist, type ChecklistSpec, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';
import { displayWidth, passesText } from '../../src/core/checklist/format';

describe('display width', () => {
  it('counts East Asian wide characters as two columns, right at the edges of each block', () => {
    const wide = [0x1100, 0x115f, 0x2e80, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x20000, 0x3134a];
    const narrow = [0x10ff, 0x1160, 0x2e7f, 0xa4d0, 0xabff, 0xd7a4, 0xf8ff, 0xfb00, 0xfe2f, 0xfe50, 0xfeff, 0xff61, 0xffdf, 0xffe7, 0x1ffff, 0x41];
    expect(wide.map((c) => displayWidth(String.fromCodePoint(c)))).toEqual(wide.map(() => 2));
    expect(narrow.map((c) => displayWidth(String.fromCodePoint(c)))).toEqual(narrow.map(() => 1));
    expect(displayWidth('服务热线 ok')).toBe(11);
    expect(displayWidth('')).toBe(0);
  });
});

describe('what passes, in words', () => {
  it('names the requirement, the bound with its sign, or the rating in both languages', () => {
    expect(passesText({}, LABELS.en)).toBe('Requirement met');
    expect(passesText({ expect: { type: 'pass-fail' } }, LABELS['zh-cn'])).toBe('符合要求');
    expect(passesText({ expect: { type: 'measure', unit: 'hours', comparator: '<=', threshold: 24 } }, LABELS.en)).toBe('≤ 24 hours');
    expect(passesText({ expect: { type: 'measure', unit: '%', comparator: '>=', threshold: 99.5 } }, LABELS.en)).toBe('≥ 99.5 %');
    expect(passesText({ expect: { type: 'measure', unit: 'rings', comparator: '~' as '=', threshold: 3 } }, LABELS.en)).toBe('~ 3 rings');
    expect(passesText({ expect: { type: 'rating', atLeast: 'satisfied' } }, LABELS.en)).toBe('比较满意 (satisfied) or better');
    expect(passesText({ expect: { type: 'rating', atLeast: 'very-satisfied' } }, LABELS['zh-cn'])).toBe('很满意 (very satisfied) 及以上');
    expect(passesText({ expect: { type: 'rating', atLeast: 'odd' } }, LABELS.en)).toBe('odd (odd) or better');
  });
});


function spec(id: string, over: Partial<ItemSpec> = {}): ItemSpec {
  const i: ItemSpec = { id, dimension: 'eff', weight: 1, critical: false, evidence: [], fingerprint: '', requirement: `do ${id}`, ...over };
  i.fingerprint = fingerprint(i);
  return i;
}

describe('regenerating a checklist', () => {
  const header = { touchpoint: 'tp', site: 'S', date: '2026-12-03' };
  const first: ChecklistSpec = { header, items: [spec('a'), spec('b', { expect: { type: 'measure', unit: 'h', comparator: '<=', threshold: 2 } }), spec('d', { dimension: 'gone' })] };

  it('keeps the language, the audit facts and every answer, re-checks changed items and moves the rest to the obsolete section', () => {
    const written = renderChecklist(first, 'zh-cn')
      .text.replace('site: S', 'site: N\nauditor: 王')
      .replace(/(### `a`[\s\S]*?)- \[ \] 通过/, '$1- [x] 通过')
      .replace(/(### `b`[\s\S]*?)- 实测 \(≤ 2 h\):/, '$1- 实测 (≤ 2 h): 1 h')
      .replace(/(### `d`[\s\S]*?)- 备注:/, '$1- 备注: 保留')
      .concat('\n### `a`\n\n- [x] 不通过\n');
    const previous = parseChecklist('/c.md', written);
    const next: ChecklistSpec = { header: { touchpoint: 'tp', site: 'X', auditor: 'Y', date: '2027-01-01' }, items: [spec('a'), spec('b', { expect: { type: 'measure', unit: 'h', comparator: '<=', threshold: 3 } }), spec('c', { dimension: '' })] };
    const merged = renderChecklist(next, 'en', previous);
    expect(merged.changes).toEqual([
      { id: 'a', change: 'kept' },
      { id: 'b', change: 'recheck' },
      { id: 'c', change: 'added' },
      { id: 'd', change: 'obsolete' },
      { id: 'a', change: 'obsolete' },
    ]);
    const again = parseChecklist('/c.md', merged.text);
    expect(again.header).toMatchObject({ site: 'N', auditor: '王', date: '2026-12-03', language: 'zh-cn' });
    expect(again.items.map((i) => [i.id, i.obsolete, i.recheck, i.answer])).toEqual([
      ['a', false, false, { result: 'pass' }],
      ['b', false, true, { measured: '1 h' }],
      ['c', false, false, {}],
      ['d', true, false, { note: '保留' }],
      ['a', true, false, { result: 'fail' }],
    ]);
    expect(merged.text).toContain('\n## 其他\n');
    expect(merged.text).toContain('\n## 已不适用\n\n以下标准已不再适用于此接触点，原有答案保留不变。\n');
    // A re-check note stays until it is deleted, even when the standard is the same again.
    const third = renderChecklist(next, 'en', again);
    expect(third.changes.map((c) => c.change)).toEqual(['kept', 'recheck', 'kept', 'obsolete', 'obsolete']);
    // Without a snapshot the answer is kept as it is.
    const noSnapshot = parseChecklist('/c.md', written.replace(/<!-- peakend-item[^\n]*-->\n/g, ''));
    expect(renderChecklist(first, 'en', noSnapshot).changes.map((c) => c.change)).toEqual(['kept', 'kept', 'kept', 'obsolete']);
  });

  it('writes a new checklist in the language asked for, and keeps an unknown previous language out', () => {
    const en = renderChecklist(first, 'en').text;
    expect(en).toContain('language: en');
    const odd = parseChecklist('/c.md', en.replace('language: en', 'language: fr'));
    expect(renderChecklist(first, 'zh-cn', odd).text).toContain('language: zh-cn');
    expect(renderChecklist(first, 'en', parseChecklist('/c.md', en)).text).toBe(en);
  });

  it('writes one-line header values, the touchpoint name and a critical mark', () => {
    const text = renderChecklist({ header: { touchpoint: 'tp', touchpointName: '热线\n北区', site: 'a\tb\u2028c', auditor: 'x\u0007' }, items: [spec('k', { critical: true, title: 'Call\nback', evidence: ['photo', 'log'], method: 'look' })] }, 'en').text;
    expect(text).toContain('\nsite: a b c\nauditor: x\n');
    expect(text).toContain('\n# Checklist: 热线 北区 `tp`\n');
    expect(text).toContain('\n### `k` Call back **⚠ critical**\n');
    expect(text).toContain('| do k        | look   | Requirement met | 1 · critical | photo, log        |');
    expect(text).toMatch(/<!-- peakend-item \{"fp":"[0-9a-f]{16}","dimension":"eff","weight":1,"critical":true\} -->/);
  });
});
