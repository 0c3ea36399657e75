/** Before and after on one chart: the exact xychart text, values interpolated and clamped by hand. */
import { describe, expect, it } from 'vitest';
import type { JourneyAnalysis } from '../../src/core/analysis/types';
import { comparisonCurve } from '../../src/core/render/comparisonCurve';
import { homeowner, longJourney } from './fixtures';

/** The base lacks "visit", has a wider scale (-6…5) and a buyer score below it (-7 on "inspect"). */
function base(): JourneyAnalysis {
  const b = homeowner();
  b.steps = b.steps.filter((s) => s.stepId !== 'visit');
  b.steps.find((s) => s.stepId === 'inspect')!.scores.buyer = -7;
  b.scale = { min: -6, max: 5, neutral: 0 };
  return b;
}

const initOf = (text: string) => JSON.parse(text.split('\n')[0]!.slice('%%{init: '.length, -'}%%'.length)) as { xyChart: Record<string, unknown>; themeVariables: { xyChart: { plotColorPalette: string } } };

describe('comparisonCurve', () => {
  it('draws each persona before (muted) and after (strong) on the head’s steps and the union of the scales', () => {
    expect(comparisonCurve(base(), homeowner())).toBe(
      [
        '%%{init: {"xyChart":{"width":960,"height":420,"showLegend":true,"xAxis":{"labelRotation":-35}},"themeVariables":{"xyChart":{"plotColorPalette":"#93c5fd, #2563eb, #fca5a5, #dc2626, #9ca3af"}}}}%%',
        'xychart-beta',
        '  title "业主旅程：从购房到续费"',
        '  x-axis "Steps" ["1 看到网络广告", "2 参观售楼处和…", "3 陪同验房", "4 领取钥匙", "5 Pay the fee#58;…", "6 renew"]',
        '  y-axis "Emotion" -6 --> 5',
        // visit: halfway between 1 and -7 is -3; inspect -7 is clamped to -6.
        '  line "首次购房者 (before)" [1, -3, -6, 4, 2, -1]',
        '  line "首次购房者 (after)" [1, 3, -3, 4, 2, -1]',
        // visit: halfway between 0 and -4; keys: halfway between -4 and 2.5.
        '  line "Upgrader#59; #34;second home#34; (before)" [0, -2, -4, -0.75, 2.5, 1]',
        '  line "Upgrader#59; #34;second home#34; (after)" [0, 2.5, -4, -0.75, 2.5, 1]',
        '  line "neutral (0)" [0, 0, 0, 0, 0, 0]',
        '',
      ].join('\n'),
    );
  });

  it('keeps only the named personas, in their own colours, and speaks Chinese', () => {
    const after = { ...homeowner(), title: '' };
    const text = comparisonCurve(base(), after, { personas: ['upgrader'], lang: 'zh-cn' });
    const lines = text.split('\n');
    expect(initOf(text).themeVariables.xyChart.plotColorPalette).toBe('#93c5fd, #2563eb, #9ca3af');
    expect(lines[2]).toBe('  title "homeowner"');
    expect(lines[3]!.startsWith('  x-axis "步骤" [')).toBe(true);
    expect(lines.slice(4)).toEqual([
      '  y-axis "情绪" -6 --> 5',
      '  line "Upgrader#59; #34;second home#34; （变更前）" [0, -2, -4, -0.75, 2.5, 1]',
      '  line "Upgrader#59; #34;second home#34; （变更后）" [0, 2.5, -4, -0.75, 2.5, 1]',
      '  line "中性 (0)" [0, 0, 0, 0, 0, 0]',
      '',
    ]);
  });

  it('draws no before line for a persona the base did not score, and clamps to the head’s wider scale', () => {
    const before = base();
    for (const s of before.steps) delete s.scores.upgrader;
    before.scale = { min: -3, max: 3, neutral: 0 };
    const after = homeowner();
    after.scale = { min: -5, max: 5, neutral: 1 };
    const text = comparisonCurve(before, after);
    expect(initOf(text).themeVariables.xyChart.plotColorPalette).toBe('#93c5fd, #2563eb, #dc2626, #9ca3af');
    expect(text.split('\n').slice(4)).toEqual([
      '  y-axis "Emotion" -5 --> 5',
      '  line "首次购房者 (before)" [1, -3, -5, 4, 2, -1]',
      '  line "首次购房者 (after)" [1, 3, -3, 4, 2, -1]',
      '  line "Upgrader#59; #34;second home#34; (after)" [0, 2.5, -4, -0.75, 2.5, 1]',
      '  line "neutral (1)" [1, 1, 1, 1, 1, 1]',
      '',
    ]);
  });

  it('sizes the chart by step count and numbers the axis over 40 steps', () => {
    expect(initOf(comparisonCurve(longJourney(13, 1), longJourney(13, 1))).xyChart).toEqual({ width: 980, height: 420, showLegend: true, xAxis: { labelRotation: -35 } });
    expect(initOf(comparisonCurve(longJourney(37, 1), longJourney(37, 1))).xyChart.width).toBe(2400);
    const long = comparisonCurve(longJourney(41, 1), longJourney(41, 1));
    expect(initOf(long).xyChart).toEqual({ width: 1000, height: 420, showLegend: true });
    expect(long.split('\n')[3]).toBe('  x-axis "Steps" 1 --> 41');
  });

  it('draws a valid chart for a journey without steps', () => {
    const empty = { ...homeowner(), steps: [] };
    expect(comparisonCurve(empty, empty).split('\n').slice(3)).toEqual(['  x-axis "Steps" 0 --> 1', '  y-axis "Emotion" -5 --> 5', '  line "neutral (0)" [0]', '']);
  });
});
