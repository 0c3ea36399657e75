/** Writing checklists: the words in each language, one-line values, and the same standard written into many checklists. */
import { describe, expect, it } from 'vitest';
import { LABELS, parseChecklist, renderChecklist, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';

function spec(id: string, over: Partial<ItemSpec> = {}): ItemSpec {
  const i: ItemSpec = { id, dimension: 'efficiency', weight: 1, critical: false, evidence: [], fingerprint: '', ...over };
  i.fingerprint = fingerprint(i);
  return i;
}
/** The lines of a written checklist from its first item heading on. */
const itemLines = (text: string) => text.slice(text.indexOf('\n### ') + 1).split('\n');

describe('writing a checklist', () => {
  it('writes each item in the checklist’s language, whichever language the same standard was written in before', () => {
    const ring = spec('ring-3', { title: '三声之内接听', requirement: '铃响三声内接听', method: 'mystery-shopping', expect: { type: 'measure', unit: 'rings', comparator: '<=', threshold: 3 }, critical: true, weight: 2, evidence: ['录音', 'log'] });
    const greet = spec('greet', { dimension: '', expect: { type: 'rating', atLeast: 'neutral' } });
    const header = { touchpoint: 'hotline' };
    const en = renderChecklist({ header, items: [ring, greet] }, 'en').text;
    const zh = renderChecklist({ header, items: [ring, greet] }, 'zh-cn').text;
    expect(renderChecklist({ header, items: [ring, greet] }, 'en').text).toBe(en);
    expect(zh).toContain(`\n# 检查表: \`hotline\`\n\n${LABELS['zh-cn'].intro}\n\n## efficiency\n`);
    expect(en).toContain(`\n# Checklist: \`hotline\`\n\n${LABELS.en.intro}\n\n## efficiency\n`);
    expect(itemLines(en)).toEqual([
      '### `ring-3` 三声之内接听 **⚠ critical**',
      '',
      `<!-- peakend-item {"fp":"${ring.fingerprint}","dimension":"efficiency","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"\\u003c=","threshold":3}} -->`,
      '',
      '| Requirement    | Method           | Passes    | Weight       | Evidence required |',
      '| -------------- | ---------------- | --------- | ------------ | ----------------- |',
      '| 铃响三声内接听 | mystery-shopping | ≤ 3 rings | 2 · critical | 录音, log         |',
      '',
      '- [ ] N/A',
      '- Measured (≤ 3 rings):',
      '- Note:',
      '- Evidence:',
      '- Action:',
      '- Owner:',
      '- Due (YYYY-MM-DD):',
      '- Status (open / done):',
      '',
      '## Other',
      '',
      '### `greet`',
      '',
      `<!-- peakend-item {"fp":"${greet.fingerprint}","dimension":"","weight":1,"critical":false,"expect":{"type":"rating","atLeast":"neutral"}} -->`,
      '',
      '| Requirement | Method | Passes                       | Weight | Evidence required |',
      '| ----------- | ------ | ---------------------------- | ------ | ----------------- |',
      '| —           | —      | 基本满意 (neutral) or better | 1      | —                 |',
      '',
      '- [ ] N/A',
      '- Rating (基本满意 (neutral) or better):',
      '- Note:',
      '- Evidence:',
      '- Action:',
      '- Owner:',
      '- Due (YYYY-MM-DD):',
      '- Status (open / done):',
      '',
    ]);
    expect(itemLines(zh).slice(0, 16)).toEqual([
      '### `ring-3` 三声之内接听 **⚠ 关键项**',
      '',
      `<!-- peakend-item {"fp":"${ring.fingerprint}","dimension":"efficiency","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"\\u003c=","threshold":3}} -->`,
      '',
      '| 要求           | 检查方法         | 合格标准  | 权重       | 所需证据  |',
      '| -------------- | ---------------- | --------- | ---------- | --------- |',
      '| 铃响三声内接听 | mystery-shopping | ≤ 3 rings | 2 · 关键项 | 录音, log |',
      '',
      '- [ ] 不适用',
      '- 实测 (≤ 3 rings):',
      '- 备注:',
      '- 证据:',
      '- 整改措施:',
      '- 责任人:',
      '- 期限 (YYYY-MM-DD):',
      '- 状态 (未完成 / 已完成):',
    ]);
    expect(zh).toContain('\n## 其他\n');
  });

  it('writes the same standard plainly in one checklist and for re-check in another, and its answer list in each', () => {
    const before = spec('greet', { requirement: '来有迎声' });
    const after = spec('greet', { requirement: '来有迎声，去有送声' });
    const header = { touchpoint: 'counter' };
    const first = renderChecklist({ header, items: [before] }, 'en').text.replace('- [ ] Pass', '- [x] Pass');
    const recheck = renderChecklist({ header, items: [after] }, 'en', parseChecklist('/a.md', first));
    expect(recheck.changes).toEqual([{ id: 'greet', change: 'recheck' }]);
    expect(itemLines(recheck.text).slice(0, 4)).toEqual(['### `greet`', '', `> ${LABELS.en.recheck}`, '']);
    expect(recheck.text).toContain('\n- [x] Pass\n- [ ] Fail\n');
    // The same standard in a new checklist: no re-check note, an empty answer list.
    const fresh = renderChecklist({ header: { touchpoint: 'lobby' }, items: [after] }, 'en').text;
    expect(itemLines(fresh).slice(0, 3)).toEqual(['### `greet`', '', `<!-- peakend-item {"fp":"${after.fingerprint}","dimension":"efficiency","weight":1,"critical":false} -->`]);
    expect(fresh).toContain('\n- [ ] Pass\n- [ ] Fail\n- [ ] N/A\n- Note:\n');
    const zh = renderChecklist({ header, items: [after] }, 'zh-cn', parseChecklist('/a.md', first.replace('language: en', 'language: zh-cn'))).text;
    expect(itemLines(zh).slice(0, 3)).toEqual(['### `greet`', '', `> ${LABELS['zh-cn'].recheck}`]);
  });

  it('writes titles, names, header values and cells on one line, whatever control characters they hold', () => {
    const item = spec('k', { title: ' Call\r\nback\u0000now ', requirement: 'a\u2029b\u007fc', method: '\tlook\t', evidence: ['photo\nA', 'log'] });
    const text = renderChecklist({ header: { touchpoint: 'tp', touchpointName: '\u0007热线\u2028北区 ', site: '北区\r\n1 号楼', auditor: ' Li\u001bNa ', date: '2026-12-03\n', standards: 'sha256:x' }, items: [item] }, 'en').text;
    expect(text.slice(0, text.indexOf('\n---\n') + 5)).toBe('---\npeakend: 1\nkind: checklist\ntouchpoint: tp\nsite: 北区 1 号楼\nauditor: Li Na\ndate: 2026-12-03\nstandards: sha256:x\nlanguage: en\n---\n');
    expect(text).toContain('\n# Checklist: 热线 北区 `tp`\n');
    expect(text).toContain('\n### `k` Call back now\n');
    expect(text).toContain('\n| a b c       | look   | Requirement met | 1      | photo A, log      |\n');
  });

  it('writes long and odd header values on one line, quoted where YAML needs it, and reads them back', () => {
    const site = `北区 ${'长'.repeat(60)} 东 ${'栋'.repeat(40)} "A": #1`;
    const header = { touchpoint: 'tp', site, auditor: 'yes', date: '2026-12-03' };
    const text = renderChecklist({ header, items: [] }, 'en').text;
    expect(text.split('\n').slice(4, 6)).toEqual([`site: '${site}'`, 'auditor: yes']);
    expect(parseChecklist('/a.md', text).header).toEqual({ ...header, language: 'en' });
    expect(text).toBe(`${text.slice(0, text.indexOf('# Checklist'))}# Checklist: \`tp\`\n\n${LABELS.en.intro}\n`);
  });
});
