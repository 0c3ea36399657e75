import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, resolveConfig } from '../../src/core';
import { readScale } from '../../src/core/model/scale';
import { check } from '../helpers/memory';
import { journey, PERSONAS } from '../helpers/workspaces';

describe('readScale', () => {
  it('reads min, max and neutral, neutral halfway by default', () => {
    expect(readScale({ min: 0, max: 10, neutral: 5 })).toEqual({ scale: { min: 0, max: 10, neutral: 5 } });
    expect(readScale({ min: 1, max: 4 })).toEqual({ scale: { min: 1, max: 4, neutral: 2.5 } });
    expect(readScale({ min: 1, max: 5, neutral: 'x' })).toEqual({ scale: { min: 1, max: 5, neutral: 3 } });
    expect(readScale({ min: -2.5, max: 2.5, neutral: 2.5 })).toEqual({ scale: { min: -2.5, max: 2.5, neutral: 2.5 } });
  });

  it('gives a problem and no scale for swapped bounds or a neutral point outside', () => {
    expect(readScale({ min: 5, max: 1 })).toEqual({ problem: { messageId: 'scale.minNotBelowMax', args: { min: 5, max: 1 } } });
    expect(readScale({ min: 3, max: 3 })).toEqual({ problem: { messageId: 'scale.minNotBelowMax', args: { min: 3, max: 3 } } });
    expect(readScale({ min: 1, max: 5, neutral: 0 })).toEqual({ problem: { messageId: 'scale.neutralOutside', args: { neutral: 0, min: 1, max: 5 } } });
  });

  it('reads nothing from what is not a scale (the schema reports it)', () => {
    for (const raw of [undefined, null, 5, [1, 5], {}, { min: 1 }, { min: '1', max: 5 }, { min: -Infinity, max: 5 }, { min: 0, max: NaN }]) {
      expect(readScale(raw)).toEqual({});
    }
  });
});

/** A scale read as a journey's own and as peakend.yaml's default: the journey's scale, the config's, and their invalid-scale messages. */
function readBothWays(scale: string) {
  const config = defaultConfig('/ws');
  const j = analyzeFile('/ws/j.journey.yaml', { text: journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1 } }\n', `personas: [owner, tenant]\nscale: ${scale}\n`) }, config);
  const c = analyzeFile('/ws/peakend.yaml', { text: `peakend: 1\nkind: config\nscale: ${scale}\n` }, config);
  const problems = (m: typeof j) => m.findings.filter((f) => f.ruleId === 'invalid-scale').map((f) => f.message);
  return { journey: j.journey!.scale, config: resolveConfig(c.value, '/ws', '/ws/peakend.yaml').scale, journeyProblems: problems(j), configProblems: problems(c) };
}

describe('a scale reads the same as a journey’s own and as the workspace default', () => {
  const fallback = { min: -5, max: 5, neutral: 0 };
  it.each([
    // The journey used to keep neutral 9 here while peakend.yaml fell back to the default.
    ['{ min: 1, max: 5, neutral: 9 }', fallback, ['The neutral point 9 is outside the scale 1 to 5.']],
    ['{ min: 5, max: 1, neutral: 3 }', fallback, ["The scale's min (5) must be below its max (1)."]],
    // peakend.yaml used to take -Infinity as its min while the journey fell back to the default.
    ['{ min: -.inf, max: 5 }', fallback, []],
    ['{ min: 0, max: 10 }', { min: 0, max: 10, neutral: 5 }, []],
    ['{ min: 1, max: 7, neutral: 4 }', { min: 1, max: 7, neutral: 4 }, []],
  ])('%s', (scale, expected, problems) => {
    expect(readBothWays(scale)).toEqual({ journey: expected, config: expected, journeyProblems: problems, configProblems: problems });
  });

  it('a journey with an invalid scale gets the default’s neutral score as its missing-score fix', async () => {
    const text = journey('      - { id: a, title: x, emotions: { owner: 2 } }\n', 'personas: [owner, tenant]\nscale: { min: 1, max: 5, neutral: 9 }\n');
    const findings = await check({ 'p.personas.yaml': PERSONAS, 'j.journey.yaml': text });
    const missing = findings.find((f) => f.ruleId === 'missing-persona-score')!;
    expect(missing.fixes!.map((f) => f.edits.map((e) => e.newText))).toEqual([[', tenant: 0']]);
    expect(findings.filter((f) => f.ruleId === 'invalid-scale').map((f) => f.message)).toEqual(['The neutral point 9 is outside the scale 1 to 5.']);
  });
});
