import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../src/core';
import { choiceOption, numberOption } from '../../src/core/config/config';

describe('rules in peakend.yaml', () => {
  it('take a severity, or a mapping of an optional severity and options', () => {
    const c = resolveConfig(
      {
        rules: {
          'uncovered-touchpoint': 'off',
          'weak-ending': { severity: 'error', compareTo: 'neutral', margin: 0.1 },
          'persona-gap': { gap: 0.2 },
          'missing-persona-score': { severity: 'info' },
          'unknown-dimension': { severity: 'fatal' },
        },
      },
      '/ws',
      '/ws/peakend.yaml',
    );
    expect(c.rules).toEqual({ 'unevidenced-extreme': 'off', 'uncovered-touchpoint': 'off', 'weak-ending': 'error', 'missing-persona-score': 'info' });
    expect(c.ruleOptions).toEqual({ 'weak-ending': { compareTo: 'neutral', margin: 0.1 }, 'persona-gap': { gap: 0.2 } });
    expect(numberOption(c, 'weak-ending', 'margin', 0)).toBe(0.1);
    expect(choiceOption(c, 'weak-ending', 'compareTo', ['either', 'average', 'neutral'] as const, 'either')).toBe('neutral');
    // A severity without options keeps the defaults; a value out of range too (the schema reports it).
    expect(numberOption(c, 'persona-gap', 'gap', 0.3)).toBe(0.2);
    expect(numberOption(resolveConfig({ rules: { 'persona-gap': { gap: 2 } } }, '/ws', undefined), 'persona-gap', 'gap', 0.3)).toBe(0.3);
    expect(choiceOption(resolveConfig({ rules: { 'weak-ending': { compareTo: 'median' } } }, '/ws', undefined), 'weak-ending', 'compareTo', ['either', 'average', 'neutral'] as const, 'either')).toBe('either');
  });

  it('leave unevidenced-extreme off until it is given a severity', () => {
    expect(defaultConfig('/ws').rules).toEqual({ 'unevidenced-extreme': 'off' });
    expect(resolveConfig({ rules: { 'unevidenced-extreme': { extreme: 0.6 } } }, '/ws', undefined).rules['unevidenced-extreme']).toBe('off');
    expect(resolveConfig({ rules: { 'unevidenced-extreme': 'warning' } }, '/ws', undefined).rules['unevidenced-extreme']).toBe('warning');
  });
});

describe('analysis in peakend.yaml', () => {
  it('sets where the importance–performance quadrants are cut', () => {
    expect(defaultConfig('/ws').ipaCuts).toBe('midpoint');
    expect(resolveConfig({ analysis: { cuts: 'mean' } }, '/ws', undefined).ipaCuts).toBe('mean');
    expect(resolveConfig({ analysis: { cuts: { importance: 3.5, performance: 3 } } }, '/ws', undefined).ipaCuts).toEqual({ importance: 3.5, performance: 3 });
    // Out of the 1–5 ratings: the default stays (the schema reports it).
    expect(resolveConfig({ analysis: { cuts: { importance: 7, performance: 3 } } }, '/ws', undefined).ipaCuts).toBe('midpoint');
  });
});

describe('include in peakend.yaml', () => {
  it('an empty list, or one whose every glob is ignored, keeps the default files; the schema reports the empty list', async () => {
    const dflt = defaultConfig('/ws').include;
    expect(resolveConfig({ include: [] }, '/ws', '/ws/peakend.yaml').include).toEqual(dflt);
    expect(resolveConfig({ include: ['+(a|b)+(c)'] }, '/ws', '/ws/peakend.yaml').include).toEqual(dflt);
    expect(resolveConfig({ include: ['maps/**/*.journey.yaml'] }, '/ws', '/ws/peakend.yaml').include).toEqual(['maps/**/*.journey.yaml']);
    const { analyzeFile } = await import('../../src/core');
    const model = analyzeFile('/ws/peakend.yaml', { text: 'peakend: 1\nkind: config\ninclude: []\n' }, defaultConfig('/ws'));
    expect(model.findings.map((f) => [f.ruleId, f.messageId, f.range.start.line, f.range.start.character, f.range.end.character])).toEqual([['schema', 'schema.minItems', 2, 9, 11]]);
  });
});
