/** The words around user text, by language. */
import { describe, expect, it } from 'vitest';
import { renderLabels } from '../../src/core/render/labels';

describe('renderLabels', () => {
  it('is English by default and for "en", Chinese for "zh-cn"', () => {
    expect(renderLabels().persona).toBe('Persona');
    expect(renderLabels('en').legend).toBe('▲ best · ▼ worst · ● end');
    expect(renderLabels('zh-cn').persona).toBe('用户角色');
    expect(renderLabels('zh-cn').quadrants['concentrate-here']).toBe('重点改进');
  });
  it('has the same keys in both languages, every label non-empty', () => {
    const en = renderLabels('en');
    const zh = renderLabels('zh-cn');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh.quadrants).sort()).toEqual(Object.keys(en.quadrants).sort());
    for (const L of [en, zh]) {
      for (const v of [...Object.values(L), ...Object.values(L.quadrants)]) if (typeof v === 'string') expect(v.length).toBeGreaterThan(0);
    }
  });
});
