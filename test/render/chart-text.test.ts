/** The emotion curve and the importance–performance chart as exact Mermaid text, written out by hand. */
import { describe, expect, it } from 'vitest';
import type { JourneyAnalysis } from '../../src/core/analysis/types';
import { emotionCurve, plottedPersonas, seriesValues, stepNumber, usesNumericAxis } from '../../src/core/render/emotionCurve';
import { ipaChart, pointLabel, scaleAroundCut } from '../../src/core/render/ipaChart';
import { homeowner, inventory, longJourney } from './fixtures';

const AXIS = '  x-axis "购房 1–2 · 交房 3–4 · Living | #34;t… 5–6"';
const initOf = (text: string) => JSON.parse(text.split('\n')[0]!.slice('%%{init: '.length, -'}%%'.length)) as { xyChart: Record<string, unknown> };

describe('emotionCurve text', () => {
  it('rich: legend, rotated labels, stage ranges on the axis title, marked points', () => {
    expect(emotionCurve(homeowner())).toBe(
      [
        '%%{init: {"xyChart":{"width":1100,"height":480,"showLegend":true,"xAxis":{"labelRotation":-35}},"themeVariables":{"xyChart":{"plotColorPalette":"#2563eb, #dc2626, #9ca3af"}}}}%%',
        'xychart-beta',
        '  title "业主旅程：从购房到续费"',
        `${AXIS} ["1 看到网络广告", "2 参观售楼处和…", "3 陪同验房", "4 领取钥匙", "5 Pay the fee#58;…", "6 renew"]`,
        '  y-axis "Emotion" -5 --> 5',
        '  line "首次购房者" [1, 3, -3 "▼ -3", 4 "▲ +4", 2, -1 "● -1"]',
        '  line "Upgrader#59; #34;second home#34;" [0, 2.5 "▲ +2.5", -4 "▼ -4", -0.75, 2.5, 1 "● +1"]',
        '  line "neutral (0)" [0, 0, 0, 0, 0, 0]',
        '',
      ].join('\n'),
    );
  });

  it('portable: markers and persona tags in the axis labels, titles cut to 8 columns, no point labels', () => {
    expect(emotionCurve(homeowner(), { variant: 'portable' })).toBe(
      [
        '%%{init: {"xyChart":{"width":880,"height":480},"themeVariables":{"xyChart":{"plotColorPalette":"#2563eb, #dc2626, #9ca3af"}}}}%%',
        'xychart-beta',
        '  title "业主旅程：从购房到续费"',
        `${AXIS} ["1 看到网…", "2 参观售… ▲B", "3 陪同验房 ▼A▼B", "4 领取钥匙 ▲A", "5 Pay the…", "6 renew ●A●B"]`,
        '  y-axis "Emotion" -5 --> 5',
        '  line "首次购房者" [1, 3, -3, 4, 2, -1]',
        '  line "Upgrader#59; #34;second home#34;" [0, 2.5, -4, -0.75, 2.5, 1]',
        '  line "neutral (0)" [0, 0, 0, 0, 0, 0]',
        '',
      ].join('\n'),
    );
  });

  it('numbered steps: numbers only, upright, markers still on the points', () => {
    const lines = emotionCurve(homeowner(), { numberedSteps: true }).split('\n');
    expect(initOf(lines.join('\n')).xyChart).toEqual({ width: 1100, height: 480, showLegend: true });
    expect(lines[3]).toBe(`${AXIS} ["1", "2", "3", "4", "5", "6"]`);
    expect(lines[5]).toBe('  line "首次购房者" [1, 3, -3 "▼ -3", 4 "▲ +4", 2, -1 "● -1"]');
    const portable = emotionCurve(homeowner(), { numberedSteps: true, variant: 'portable' }).split('\n');
    expect(portable[3]).toBe(`${AXIS} ["1", "2 ▲B", "3 ▼A▼B", "4 ▲A", "5", "6 ●A●B"]`);
  });

  it('sizes the chart by step count within 1100–2400 (rich) and 800–2400 (portable) pixels', () => {
    const width = (n: number, variant: 'rich' | 'portable') => initOf(emotionCurve(longJourney(n, 1), { variant })).xyChart.width;
    // rich: 240 + 64 per step; portable: 160 + 120 per step.
    expect([13, 14, 33, 34].map((n) => width(n, 'rich'))).toEqual([1100, 1136, 2352, 2400]);
    expect([5, 6, 18, 19].map((n) => width(n, 'portable'))).toEqual([800, 880, 2320, 2400]);
    expect(width(41, 'rich')).toBe(1000);
    expect(width(41, 'portable')).toBe(1000);
  });

  it('numbers the axis above 40 steps, with no rotation and no labels per step', () => {
    expect(usesNumericAxis(longJourney(40, 1))).toBe(false);
    expect(usesNumericAxis(longJourney(41, 1))).toBe(true);
    const text = emotionCurve(longJourney(41, 1));
    expect(initOf(text).xyChart).toEqual({ width: 1000, height: 480, showLegend: true });
    expect(text.split('\n')[3]).toBe('  x-axis "Stage 1 1–10 · Stage 2 11–20 · Stage 3 21–30 · Stage 4 31–40 · Stage 5 41" 1 --> 41');
  });

  it('names the stages on the axis title only while that stays within 120 characters, skipping empty stages', () => {
    const withStages = (titles: string[]): JourneyAnalysis => {
      const a = longJourney(titles.length, 1);
      a.stages = titles.map((title, i) => ({ stageId: `s${i}`, title, firstIndex: i, lastIndex: i }));
      return a;
    };
    // Nine one-step stages: 9 × (title + " N") + 8 × " · " = titles + 42 characters.
    const nine = (last: string) => [...Array(8).fill('x'.repeat(9)), last];
    expect(emotionCurve(withStages(nine('y'.repeat(6)))).split('\n')[3]).toMatch(/^ {2}x-axis "x{9} 1 · .* · y{6} 9" \[/);
    expect(emotionCurve(withStages(nine('y'.repeat(7)))).split('\n')[3]).toMatch(/^ {2}x-axis "Steps" \[/);
    const a = withStages(['A', 'B', 'C']);
    a.stages[1] = { stageId: 'empty', title: 'Empty', firstIndex: 1, lastIndex: 0 };
    a.stages[2] = { stageId: 'c', title: '', firstIndex: 1, lastIndex: 2 };
    expect(emotionCurve(a).split('\n')[3]).toMatch(/^ {2}x-axis "A 1 · c 2–3" \[/);
    expect(emotionCurve({ ...a, stages: [] }).split('\n')[3]).toMatch(/^ {2}x-axis "Steps" \[/);
  });

  it('cycles the palette after eight personas and ends it with the neutral grey', () => {
    const text = emotionCurve(longJourney(3, 9));
    expect(JSON.parse(text.split('\n')[0]!.slice(9, -3)).themeVariables.xyChart.plotColorPalette).toBe(
      '#2563eb, #dc2626, #16a34a, #9333ea, #ea580c, #0891b2, #be185d, #4d7c0f, #2563eb, #9ca3af',
    );
  });

  it('plots only personas with a score, and keeps an empty journey valid', () => {
    const a = homeowner();
    a.personas.push({ persona: 'renter', scored: 0, stages: [] }, { persona: 'ghost', scored: 2, stages: [] });
    expect(plottedPersonas(a).map((p) => p.persona)).toEqual(['buyer', 'upgrader']);
    const empty = { ...homeowner(), steps: [], stages: [] };
    empty.personas = empty.personas.map((p) => ({ ...p, scored: 0 }));
    expect(emotionCurve(empty).split('\n').slice(3)).toEqual(['  x-axis "Steps" 0 --> 1', '  y-axis "Emotion" -5 --> 5', '  line "neutral (0)" [0]', '']);
    expect(stepNumber(0)).toBe('1');
  });
});

describe('seriesValues', () => {
  it('holds the first and last score at the ends and draws straight lines across gaps of any length', () => {
    const a = longJourney(6, 1);
    const scores: Record<number, number> = { 1: 1, 4: -2 };
    a.steps.forEach((s, i) => (s.scores = i in scores ? { p1: scores[i]! } : {}));
    // Between 1 (step 2) and -2 (step 5): -1 per step.
    expect(seriesValues(a, 'p1')).toEqual([1, 1, 0, -1, -2, -2]);
  });
  it('puts a persona without scores on the neutral line', () => {
    const a = { ...longJourney(3, 1), scale: { min: -5, max: 5, neutral: 2 } };
    expect(seriesValues(a, 'nobody')).toEqual([2, 2, 2]);
  });
});

describe('ipaChart text', () => {
  it('rich: the quadrants, the axes and every point with its colour and size', () => {
    expect(ipaChart(inventory())).toBe(
      [
        '%%{init: {"quadrantChart":{"chartWidth":640,"chartHeight":640,"pointLabelFontSize":12},"themeVariables":{"quadrant1Fill":"#ecfdf5","quadrant2Fill":"#fef2f2","quadrant3Fill":"#f9fafb","quadrant4Fill":"#fffbeb"}}}%%',
        'quadrantChart',
        '  title 物业触点清单',
        '  x-axis "Performance low" --> "Performance high"',
        '  y-axis "Importance low" --> "Importance high"',
        '  quadrant-1 "Keep up the good work"',
        '  quadrant-2 "Concentrate here"',
        '  quadrant-3 "Low priority"',
        '  quadrant-4 "Possible overkill"',
        '  "报修热线 24h#58; #34;…": [0.27, 0.845] color: #dc2626, radius: 7',
        '  "交房验收": [0.385, 0.73] color: #dc2626, radius: 7',
        '  "WeChat | account": [0.5, 0.96] color: #16a34a, radius: 5',
        '  "ad-online": [0.04, 0.27] color: #6b7280, radius: 5',
        '  "Sales #60;site#62; #38;…": [0.96, 0.04] color: #d97706, radius: 5',
        '',
      ].join('\n'),
    );
  });

  it('falls back to the inventory ID, unquoted, and labels in Chinese', () => {
    const lines = ipaChart({ ...inventory(), title: '' }, { lang: 'zh-cn', variant: 'portable' }).split('\n');
    expect(lines.slice(2, 9)).toEqual([
      '  title property',
      '  x-axis "表现 低" --> "表现 高"',
      '  y-axis "重要性 低" --> "重要性 高"',
      '  quadrant-1 "继续保持"',
      '  quadrant-2 "重点改进"',
      '  quadrant-3 "低优先级"',
      '  quadrant-4 "可能过度投入"',
    ]);
    // Point styles need Mermaid 11: the portable chart has none.
    expect(lines[9]).toBe('  "报修热线 24h#58; #34;…": [0.27, 0.845]');
  });

  it('cuts point labels to 16 columns', () => {
    const p = inventory().points[3]!;
    expect(pointLabel({ ...p, name: '一二三四五六七八' })).toBe('一二三四五六七八');
    expect(pointLabel({ ...p, name: '一二三四五六七八九' })).toBe('一二三四五六七…');
    expect(pointLabel({ ...p, name: '' })).toBe('ad-online');
  });

  it('scales each side of the cut separately', () => {
    expect(scaleAroundCut(3, 1, 3, 5)).toBe(0.5);
    expect(scaleAroundCut(2, 0, 4, 10)).toBe(0.25);
    expect(scaleAroundCut(7, 0, 4, 10)).toBe(0.75);
    expect(scaleAroundCut(4, 0, 4, 4)).toBe(1);
    expect(scaleAroundCut(0, 0, 0, 10)).toBe(0.5);
    // Below a cut that sits on the scale minimum: the bottom edge.
    expect(scaleAroundCut(0.5, 1, 1, 5)).toBe(0);
  });
});
