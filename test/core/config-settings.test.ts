import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../src/core';
import { choiceOption, numberOption } from '../../src/core/config/config';

const resolve = (value: unknown) => resolveConfig(value, '/ws', undefined);

describe('peakend.yaml settings of the wrong shape keep their defaults', () => {
  it('drops exclude globs that are empty, not text, or too costly to match', () => {
    expect(resolve({ exclude: ['', 7, 'drafts/**', '*(a|aa)b', 'x/*a*b*c'] }).exclude).toEqual(['drafts/**']);
    expect(resolve({ exclude: 'drafts/**' }).exclude).toEqual([]);
    // An exclude list whose every glob is dropped excludes nothing (unlike include, which keeps the default files).
    expect(resolve({ exclude: ['*(a|aa)b'] }).exclude).toEqual([]);
    expect(resolve({ include: ['a/*.journey.yaml', 'b/*x*y*z/*.yaml'] }).include).toEqual(['a/*.journey.yaml']);
  });

  it('reads the level of each diff check, and nothing else', () => {
    const c = resolve({ diff: { checks: { a: 'breaking', b: 'warning', c: 'info', d: 'off', e: 'error', f: 1 } } });
    expect(c.diffLevels).toEqual({ a: 'breaking', b: 'warning', c: 'info', d: 'off' });
    expect(resolve({ diff: { checks: ['breaking'] } }).diffLevels).toEqual({});
    expect(resolve({ diff: 'breaking' }).diffLevels).toEqual({});
  });

  it('takes limits.maxDepth as a whole number from 8 to 256', () => {
    const depth = (maxDepth: unknown) => resolve({ limits: { maxDepth } }).maxDepth;
    expect(defaultConfig('/ws').maxDepth).toBe(64);
    expect(depth(8)).toBe(8);
    expect(depth(256)).toBe(256);
    expect(depth(7)).toBe(64);
    expect(depth(257)).toBe(64);
    expect(depth(12.5)).toBe(64);
    expect(depth('12')).toBe(64);
    expect(resolve({ limits: [] }).maxDepth).toBe(64);
    expect(resolve({ limits: { maxFileBytes: '4096' } }).maxFileBytes).toBe(5 * 1024 * 1024);
  });

  it('cuts the quadrants at two ratings from 1 to 5, both given', () => {
    const cuts = (c: unknown) => resolve({ analysis: { cuts: c } }).ipaCuts;
    expect(cuts({ importance: 1, performance: 5 })).toEqual({ importance: 1, performance: 5 });
    expect(cuts({ importance: 0.9, performance: 3 })).toBe('midpoint');
    expect(cuts({ importance: 3, performance: 5.1 })).toBe('midpoint');
    expect(cuts({ importance: 3 })).toBe('midpoint');
    expect(cuts({ importance: '3', performance: 3 })).toBe('midpoint');
    expect(cuts('median')).toBe('midpoint');
    expect(cuts(['mean'])).toBe('midpoint');
    expect(resolve({ analysis: 'mean' }).ipaCuts).toBe('midpoint');
    // Only the two ratings are kept, nothing else of the mapping.
    expect(cuts({ importance: 2, performance: 4, extra: 1 })).toEqual({ importance: 2, performance: 4 });
  });

  it('keeps the checklists folder unless one is named', () => {
    expect(defaultConfig('/ws').checklistsDir).toBe('checklists');
    expect(resolve({ checklists: { dir: 7 } }).checklistsDir).toBe('checklists');
    expect(resolve({ checklists: 'lists' }).checklistsDir).toBe('checklists');
  });

  it('keeps rule options only when a mapping holds some besides the severity', () => {
    const c = resolve({ rules: { a: { severity: 'warning' }, b: { severity: 'loud', margin: 0.2 }, c: ['error'], d: null } });
    expect(c.rules).toEqual({ 'unevidenced-extreme': 'off', a: 'warning' });
    expect(c.ruleOptions).toEqual({ b: { margin: 0.2 } });
    expect(resolve({ rules: ['duplicate-id'] }).rules).toEqual({ 'unevidenced-extreme': 'off' });
    // Not shared between configurations: one workspace's settings never leak into another's.
    const d = defaultConfig('/ws');
    d.rules.x = 'error';
    expect(defaultConfig('/ws').rules).toEqual({ 'unevidenced-extreme': 'off' });
  });

  it('keeps the settings file, or none', () => {
    expect(resolve({}).file).toBeUndefined();
    expect('file' in resolve({})).toBe(false);
    expect(resolveConfig([], '/ws', '/ws/peakend.yaml')).toEqual({ ...defaultConfig('/ws'), file: '/ws/peakend.yaml' });
    expect(resolveConfig('text', '/ws', undefined)).toEqual(defaultConfig('/ws'));
  });
});

describe('rule options', () => {
  const config = resolve({ rules: { r: { low: 0, high: 1, mid: 0.5, neg: -0.1, big: 1.1, inf: Infinity, nan: NaN, text: '0.5', word: 'b', num: 2 } } });

  it('take a number within the range given, its ends included', () => {
    expect(numberOption(config, 'r', 'low', 0.3)).toBe(0);
    expect(numberOption(config, 'r', 'high', 0.3)).toBe(1);
    expect(numberOption(config, 'r', 'mid', 0.3)).toBe(0.5);
    expect(numberOption(config, 'r', 'neg', 0.3)).toBe(0.3);
    expect(numberOption(config, 'r', 'big', 0.3)).toBe(0.3);
    expect(numberOption(config, 'r', 'inf', 0.3, 0, Infinity)).toBe(0.3);
    expect(numberOption(config, 'r', 'nan', 0.3)).toBe(0.3);
    expect(numberOption(config, 'r', 'text', 0.3)).toBe(0.3);
    expect(numberOption(config, 'r', 'num', 0.3, 1, 3)).toBe(2);
    expect(numberOption(config, 'r', 'mid', 0.3, 0.6, 3)).toBe(0.3);
    expect(numberOption(config, 'r', 'num', 0.3, 0, 1.9)).toBe(0.3);
    expect(numberOption(config, 'other', 'low', 0.3)).toBe(0.3);
  });

  it('take one of the words given', () => {
    expect(choiceOption(config, 'r', 'word', ['a', 'b'] as const, 'a')).toBe('b');
    expect(choiceOption(config, 'r', 'word', ['a', 'c'] as const, 'a')).toBe('a');
    expect(choiceOption(config, 'other', 'word', ['a', 'b'] as const, 'a')).toBe('a');
  });
});
