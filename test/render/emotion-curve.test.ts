/** The emotion curve: what real Mermaid (10.9 and 11.17) reads from the generated xychart. */
import { describe, expect, it } from 'vitest';
import { emotionCurve, seriesValues } from '../../src/core/render/emotionCurve';
import { selectPersonas } from '../../src/core/render/markers';
import { homeowner, longJourney } from './fixtures';
import { parseError, xyChartTexts } from '../helpers/mermaid';

describe('emotionCurve rich (Mermaid 11.17)', () => {
  it('draws one named line per persona, a neutral line, numbered labels and marked points', async () => {
    const text = emotionCurve(homeowner());
    expect(await parseError('v11', text)).toBeUndefined();
    const t = await xyChartTexts('v11', text);
    expect(t.title).toBe('业主旅程：从购房到续费');
    expect(t.categories).toEqual(['1 看到网络广告', '2 参观售楼处和…', '3 陪同验房', '4 领取钥匙', '5 Pay the fee:…', '6 renew']);
    // Stage boundaries on the axis title; the third stage's title is cut to 12 columns.
    expect(t.xTitle).toBe('购房 1–2 · 交房 3–4 · Living | "t… 5–6');
    expect(t.yRange).toEqual({ min: -5, max: 5 });
    expect(t.series.map((s) => s.title)).toEqual(['首次购房者', 'Upgrader; "second home"', 'neutral (0)']);
    expect(t.series[0]!.values).toEqual([1, 3, -3, 4, 2, -1]);
    // The unscored step 4 lies on the straight line from -4 (step 3) to 2.5 (step 5).
    expect(t.series[1]!.values).toEqual([0, 2.5, -4, -0.75, 2.5, 1]);
    expect(t.series[2]!.values).toEqual([0, 0, 0, 0, 0, 0]);
    expect(t.series[0]!.labels).toEqual(['', '', '▼ -3', '▲ +4', '', '● -1']);
    expect(t.series[1]!.labels).toEqual(['', '▲ +2.5', '▼ -4', '', '', '● +1']);
    expect(text).toContain('"showLegend":true');
    expect(text).toContain('"xAxis":{"labelRotation":-35}');
    expect(text).toContain('"plotColorPalette":"#2563eb, #dc2626, #9ca3af"');
  });

  it('numbers the steps upright when asked (numberedSteps), keeping the lines and their labels', async () => {
    const text = emotionCurve(homeowner(), { numberedSteps: true });
    expect(await parseError('v11', text)).toBeUndefined();
    const t = await xyChartTexts('v11', text);
    expect(t.categories).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(text).not.toContain('labelRotation');
    expect(t.series[0]!.values).toEqual([1, 3, -3, 4, 2, -1]);
    expect(t.series[0]!.labels).toEqual(['', '', '▼ -3', '▲ +4', '', '● -1']);
  });

  it('does not parse on 10.9 (point labels are 11.16+): that is what portable is for', async () => {
    expect(await parseError('v10', emotionCurve(homeowner()))).toMatch(/Parse error/);
  });

  it('combines markers on one point: best and end at the same step', async () => {
    const a = homeowner();
    a.personas[0]!.end = { ...a.personas[0]!.best! };
    const t = await xyChartTexts('v11', emotionCurve(a));
    expect(t.series[0]!.labels[3]).toBe('▲● +4');
  });
});

describe('emotionCurve portable (Mermaid 10.9 and 11.17)', () => {
  for (const version of ['v10', 'v11'] as const) {
    it(`puts the markers into the axis labels, tagged per persona (${version})`, async () => {
      const text = emotionCurve(homeowner(), { variant: 'portable' });
      expect(await parseError(version, text)).toBeUndefined();
      const t = await xyChartTexts(version, text);
      expect(t.categories).toEqual(['1 看到网…', '2 参观售… ▲B', '3 陪同验房 ▼A▼B', '4 领取钥匙 ▲A', '5 Pay the…', '6 renew ●A●B']);
      expect(t.series.map((s) => s.labels)).toEqual([[], [], []]);
      expect(text).not.toContain('showLegend');
    });
  }

  it('leaves out the persona tag when there is one persona', async () => {
    const { analysis } = selectPersonas(homeowner(), ['upgrader']);
    const t = await xyChartTexts('v10', emotionCurve(analysis, { variant: 'portable' }));
    expect(t.categories).toEqual(['1 看到网…', '2 参观售… ▲', '3 陪同验房 ▼', '4 领取钥匙', '5 Pay the…', '6 renew ●']);
    expect(t.series.map((s) => s.title)).toEqual(['Upgrader; "second home"', 'neutral (0)']);
  });
});

describe('emotionCurve shapes', () => {
  it('numbers duplicate step titles so that no two categories collapse', async () => {
    const a = homeowner();
    for (const s of a.steps) s.title = 'Same';
    const t = await xyChartTexts('v11', emotionCurve(a));
    expect(t.categories).toEqual(['1 Same', '2 Same', '3 Same', '4 Same', '5 Same', '6 Same']);
  });

  for (const variant of ['rich', 'portable'] as const) {
    it(`switches to a numeric axis over 40 steps (${variant})`, async () => {
      const at40 = await xyChartTexts('v11', emotionCurve(longJourney(40, 2), { variant }));
      expect(at40.categories).toHaveLength(40);
      const text = emotionCurve(longJourney(41, 2), { variant });
      for (const v of variant === 'rich' ? (['v11'] as const) : (['v10', 'v11'] as const)) {
        expect(await parseError(v, text)).toBeUndefined();
        const t = await xyChartTexts(v, text);
        expect(t.categories).toEqual([]);
        expect(t.xRange).toEqual({ min: 1, max: 41 });
        expect(t.series).toHaveLength(3);
        expect(t.series[0]!.values).toHaveLength(41);
      }
    });
  }

  it('uses the journey’s own scale for the axis and the neutral line', async () => {
    const a = homeowner();
    a.scale = { min: 1, max: 10, neutral: 5.5 };
    for (const s of a.steps) for (const k of Object.keys(s.scores)) s.scores[k] = s.scores[k]! + 5;
    const t = await xyChartTexts('v10', emotionCurve(a, { variant: 'portable' }));
    expect(t.yRange).toEqual({ min: 1, max: 10 });
    expect(t.series[2]).toMatchObject({ title: 'neutral (5.5)', values: [5.5, 5.5, 5.5, 5.5, 5.5, 5.5] });
    expect(t.series[0]!.values).toEqual([6, 8, 2, 9, 7, 4]);
  });

  it('keeps points inside the plot: a score outside the scale is drawn at its edge', async () => {
    const a = homeowner();
    a.steps[0]!.scores.buyer = 9;
    const t = await xyChartTexts('v11', emotionCurve(a));
    expect(t.series[0]!.values[0]).toBe(5);
  });

  it('draws no line for a persona without scores, and a valid chart for a journey without steps', async () => {
    const a = homeowner();
    for (const s of a.steps) delete s.scores.upgrader;
    a.personas[1] = { persona: 'upgrader', scored: 0, stages: [] };
    let t = await xyChartTexts('v11', emotionCurve(a));
    expect(t.series.map((s) => s.title)).toEqual(['首次购房者', 'neutral (0)']);
    const empty = { ...homeowner(), steps: [], stages: [], personas: [] };
    for (const variant of ['rich', 'portable'] as const) {
      const text = emotionCurve(empty, { variant });
      expect(await parseError('v11', text)).toBeUndefined();
      if (variant === 'portable') expect(await parseError('v10', text)).toBeUndefined();
    }
    t = await xyChartTexts('v11', emotionCurve(empty));
    expect(t.series.map((s) => s.title)).toEqual(['neutral (0)']);
  });

  it('falls back to IDs where a title or name is empty (Mermaid rejects an empty string)', async () => {
    const a = homeowner();
    a.title = '';
    a.steps[0]!.title = '';
    a.personas[0]!.name = '';
    const text = emotionCurve(a, { variant: 'portable' });
    expect(await parseError('v10', text)).toBeUndefined();
    const t = await xyChartTexts('v10', text);
    expect(t.title).toBe('homeowner');
    expect(t.categories[0]).toBe('1 see-ad');
    expect(t.series[0]!.title).toBe('buyer');
  });

  it('labels the chart in Chinese when asked', async () => {
    const t = await xyChartTexts('v11', emotionCurve(homeowner(), { lang: 'zh-cn' }));
    expect(t.yTitle).toBe('情绪');
    expect(t.series[2]!.title).toBe('中性 (0)');
  });
});

describe('seriesValues', () => {
  it('holds the nearest score before the first and after the last scored step', () => {
    const a = homeowner();
    delete a.steps[0]!.scores.buyer;
    delete a.steps[5]!.scores.buyer;
    delete a.steps[4]!.scores.buyer;
    expect(seriesValues(a, 'buyer')).toEqual([3, 3, -3, 4, 4, 4]);
    expect(seriesValues(a, 'nobody')).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('selectPersonas', () => {
  it('keeps the named personas in the order given and reports unknown ones', () => {
    const r = selectPersonas(homeowner(), ['upgrader', 'ghost', 'buyer']);
    expect(r.unknown).toEqual(['ghost']);
    expect(r.analysis.personas.map((p) => p.persona)).toEqual(['upgrader', 'buyer']);
  });
});
