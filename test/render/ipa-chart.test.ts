/** The importance–performance chart: what real Mermaid reads from the generated quadrantChart. */
import { describe, expect, it } from 'vitest';
import { ipaChart, scaleAroundCut } from '../../src/core/render/ipaChart';
import { inventory } from './fixtures';
import { loadMermaid, parseError, quadrantTexts } from '../helpers/mermaid';

describe('scaleAroundCut', () => {
  it('puts the cut in the middle and the scale ends at 0 and 1', () => {
    expect([1, 2, 3, 4, 5].map((v) => scaleAroundCut(v, 1, 3, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // A mean cut at 4: below it the axis is stretched, above it squeezed.
    expect([1, 2.5, 4, 4.5, 5].map((v) => scaleAroundCut(v, 1, 4, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(scaleAroundCut(5, 1, 5, 5)).toBe(1);
    expect(scaleAroundCut(1, 1, 1, 5)).toBe(0.5);
  });
});

describe('ipaChart', () => {
  for (const [variant, versions] of [['rich', ['v11']], ['portable', ['v10', 'v11']]] as const) {
    for (const version of versions) {
      it(`places every touchpoint in its quadrant (${variant}, Mermaid ${version})`, async () => {
        const text = ipaChart(inventory(), { variant });
        expect(await parseError(version, text)).toBeUndefined();
        const t = await quadrantTexts(version, text);
        expect(t.title).toBe('物业触点清单');
        expect(t.quadrants).toEqual(['Keep up the good work', 'Concentrate here', 'Low priority', 'Possible overkill']);
        expect(t.axes).toEqual(['Performance low', 'Performance high', 'Importance low', 'Importance high']);
        expect(t.points.map((p) => p.text).sort()).toEqual(['Sales <site> &…', 'WeChat | account', 'ad-online', '交房验收', '报修热线 24h: "…'].sort());
      });
    }
  }

  it('writes the scaled coordinates: performance across, importance up, 0…1 drawn as 0.04…0.96', () => {
    const lines = ipaChart(inventory(), { variant: 'portable' }).split('\n');
    expect(lines.filter((l) => /\]$/.test(l))).toEqual([
      '  "报修热线 24h#58; #34;…": [0.27, 0.845]',
      '  "交房验收": [0.385, 0.73]',
      '  "WeChat | account": [0.5, 0.96]',
      '  "ad-online": [0.04, 0.27]',
      '  "Sales #60;site#62; #38;…": [0.96, 0.04]',
    ]);
  });

  it('colours the points by quadrant in rich; 10.9 cannot parse point styles', async () => {
    const text = ipaChart(inventory());
    expect(text).toContain('"交房验收": [0.385, 0.73] color: #dc2626, radius: 7');
    expect(await parseError('v10', text)).toMatch(/Parse error/);
    const { db } = await (await loadMermaid()).v11.mermaidAPI.getDiagramFromText(text);
    const fills = db.getQuadrantData().points.map((p: { fill: string; text: { text: string } }) => [p.text.text, p.fill]);
    expect(fills).toContainEqual(['交房验收', '#dc2626']);
  });

  it('labels quadrants and axes in Chinese when asked', async () => {
    const t = await quadrantTexts('v10', ipaChart(inventory(), { variant: 'portable', lang: 'zh-cn' }));
    expect(t.quadrants).toEqual(['继续保持', '重点改进', '低优先级', '可能过度投入']);
    expect(t.axes[0]).toBe('表现 低');
  });
});
