import { describe, expect, it } from 'vitest';
import { localizeFinding, type Finding } from '../../src/core';
import { check, marked } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

/** Steps a, b, c, … of one stage, each `{ owner: x, tenant: y }` as written (markers included). */
function steps(...emotions: string[]): string {
  return journey(emotions.map((e, i) => `      - { id: ${String.fromCharCode(97 + i)}, title: 步骤, emotions: { ${e} } }\n`).join(''));
}

async function run(source: string, rules = ''): Promise<{ ranges: ReturnType<typeof marked>['ranges']; findings: Finding[] }> {
  const { text, ranges } = marked(source);
  const config = `peakend: 1\nkind: config\n${rules ? `rules:\n${rules}` : ''}`;
  const findings = await check({ ...base, 'j.journey.yaml': text }, config);
  return { ranges, findings };
}

const brief = (fs: Finding[]) => fs.map((f) => [f.ruleId, f.severity, f.range, f.message]);

describe('weak-ending', () => {
  it('reports an end below the persona\'s average on the end step\'s score', async () => {
    // owner: mean (3 + 2 + 1) / 3 = 2, end 1. tenant: mean 2, end 3.
    const { ranges, findings } = await run(steps('owner: 3, tenant: 1', 'owner: 2, tenant: 2', 'owner: ⟦1⟧, tenant: 3'));
    expect(brief(findings)).toEqual([
      ['weak-ending', 'warning', ranges[0], 'The journey ends weakly for persona "owner": its last scored step "c" scores 1, below the persona\'s average 2.'],
    ]);
    expect(localizeFinding(findings[0]!, 'zh-cn').message).toBe('旅程对客户画像“owner”收尾偏弱：最后一个有评分的步骤“c”得分 1，低于该画像的平均分 2。');
  });

  it('says when the end is below both, and uses the last step that has a score', async () => {
    // owner: mean (1 − 2 − 2) / 3 = −1; end −2 at c. tenant has no score at c: its end is b (2), its mean 2.
    const { ranges, findings } = await run(steps('owner: 1, tenant: 2', 'owner: -2, tenant: 2', 'owner: ⟦-2⟧'));
    expect(brief(findings.filter((f) => f.ruleId === 'weak-ending'))).toEqual([
      ['weak-ending', 'warning', ranges[0], 'The journey ends weakly for persona "owner": its last scored step "c" scores -2, below both the persona\'s average -1 and neutral (0).'],
    ]);
  });

  it('compares with neutral alone when the end is above the average', async () => {
    // Mean (−4 − 1) / 2 = −2.5, end −1: below neutral only.
    const { ranges, findings } = await run(steps('owner: ⟦-4⟧, tenant: 1', 'owner: ⟦-1⟧, tenant: 1'));
    expect(brief(findings)).toEqual([
      // Peak −4, end −1: −2.5 against the tenant's 1. (Findings at one place are sorted by rule ID.)
      ['persona-gap', 'info', ranges[0], 'Persona "owner" remembers this journey far worse than "tenant": peak-end score -2.5 against 1 (a difference of 3.5; the limit is 3).'],
      ['unrecovered-trough', 'warning', ranges[0], 'Persona "owner" falls to -4 at step "a" and no later step rises above 0.'],
      ['no-positive-peak', 'warning', ranges[1], 'Persona "owner" has no positive peak: the best moment, step "b", scores -1, not above 0.'],
      ['weak-ending', 'warning', ranges[1], 'The journey ends weakly for persona "owner": its last scored step "b" scores -1, below neutral (0).'],
    ]);
  });

  it('takes a severity, compareTo and margin from peakend.yaml', async () => {
    const src = steps('owner: 3, tenant: 1', 'owner: 2, tenant: 2', 'owner: ⟦1⟧, tenant: 3');
    expect((await run(src, '  weak-ending: { compareTo: neutral }\n')).findings).toEqual([]);
    // A margin of 0.2 × 10 = 2 points: 1 is not below 2 − 2.
    expect((await run(src, '  weak-ending: { margin: 0.2 }\n')).findings).toEqual([]);
    // 0.05 × 10 = 0.5 points: 1 is below 1.5.
    const { ranges, findings } = await run(src, '  weak-ending:\n    severity: error\n    margin: 0.05\n');
    expect(findings.map((f) => [f.ruleId, f.severity, f.range])).toEqual([['weak-ending', 'error', ranges[0]]]);
  });

  it('says nothing about a single step or a journey without scores', async () => {
    expect((await run(steps('owner: 1, tenant: 1'))).findings).toEqual([]);
    const none = (await run(steps('', ''))).findings;
    expect(none.map((f) => f.ruleId)).toEqual(['missing-persona-score', 'missing-persona-score', 'missing-persona-score', 'missing-persona-score']);
  });
});

describe('unrecovered-trough', () => {
  it('reports a trough halfway down that no later step lifts above neutral', async () => {
    const { ranges, findings } = await run(steps('owner: 2, tenant: 1', 'owner: ⟦-3⟧, tenant: 1', 'owner: -1, tenant: 1', 'owner: 0, tenant: 1'));
    expect(brief(findings)).toEqual([['unrecovered-trough', 'warning', ranges[0], 'Persona "owner" falls to -3 at step "b" and no later step rises above 0.']]);
  });

  it('reports the deepest unrecovered trough once, the later on equal depth, and ignores recovered ones', async () => {
    const deep = await run(steps('owner: -5, tenant: 3', 'owner: 1, tenant: 3', 'owner: -4, tenant: 3', 'owner: ⟦-4⟧, tenant: 3', 'owner: -3, tenant: 3'));
    expect(deep.findings.filter((f) => f.ruleId === 'unrecovered-trough').map((f) => [f.range, f.message])).toEqual([
      [deep.ranges[0], 'Persona "owner" falls to -4 at step "d" and no later step rises above 0.'],
    ]);
  });

  it('takes depth and recovery from peakend.yaml', async () => {
    const src = steps('owner: ⟦-3⟧, tenant: 3', 'owner: 2, tenant: 3');
    expect((await run(src)).findings.filter((f) => f.ruleId === 'unrecovered-trough')).toEqual([]);
    // Recovery needs a score above 0 + 0.5 × 5 = 2.5.
    const strict = await run(src, '  unrecovered-trough: { recovery: 0.5 }\n');
    expect(strict.findings.filter((f) => f.ruleId === 'unrecovered-trough').map((f) => [f.range, f.message])).toEqual([
      [strict.ranges[0], 'Persona "owner" falls to -3 at step "a" and no later step rises above 2.5.'],
    ]);
    // A trough needs −4 or below: −3 is none.
    expect((await run(src, '  unrecovered-trough: { depth: 0.8, recovery: 0.5 }\n')).findings.filter((f) => f.ruleId === 'unrecovered-trough')).toEqual([]);
  });
});

describe('no-positive-peak', () => {
  it('reports the best moment when nothing is above neutral, the later one on a tie', async () => {
    const { ranges, findings } = await run(steps('owner: 0, tenant: 2', 'owner: ⟦0⟧, tenant: 2'));
    expect(brief(findings)).toEqual([['no-positive-peak', 'warning', ranges[0], 'Persona "owner" has no positive peak: the best moment, step "b", scores 0, not above 0.']]);
  });

  it('takes the height of a peak from peakend.yaml', async () => {
    // 0 + 0.5 × 5 = 2.5: a best of 2 is not a peak.
    const { ranges, findings } = await run(steps('owner: ⟦2⟧, tenant: 3', 'owner: 1, tenant: 3'), '  no-positive-peak: { above: 0.5 }\n');
    expect(findings.filter((f) => f.ruleId === 'no-positive-peak').map((f) => [f.range, f.message])).toEqual([
      [ranges[0], 'Persona "owner" has no positive peak: the best moment, step "a", scores 2, not above 2.5.'],
    ]);
  });
});

describe('negative-moment-of-truth', () => {
  const src = journey('      - { id: a, title: 验房, momentOfTruth: true, emotions: { owner: ⟦-1⟧, tenant: 2 } }\n      - { id: b, title: 领钥匙, emotions: { owner: 3, tenant: 2 } }\n');

  it('reports each persona scoring a moment of truth below neutral, on that score', async () => {
    const { ranges, findings } = await run(src);
    expect(brief(findings)).toEqual([['negative-moment-of-truth', 'warning', ranges[0], 'Moment of truth "a" scores -1 for persona "owner", below 0.']]);
    expect(localizeFinding(findings[0]!, 'zh-cn').message).toBe('关键时刻“a”对客户画像“owner”得分 -1，低于 0。');
  });

  it('takes the level from peakend.yaml, and can be turned off', async () => {
    // 0 − 0.4 × 5 = −2.
    expect((await run(src, '  negative-moment-of-truth: { below: 0.4 }\n')).findings).toEqual([]);
    expect((await run(src, '  negative-moment-of-truth: off\n')).findings).toEqual([]);
    expect((await run(src, '  negative-moment-of-truth: { severity: off }\n')).findings).toEqual([]);
  });
});

describe('persona-gap', () => {
  it('reports the persona remembering far worse on its peak, with the best persona\'s peak and end related', async () => {
    // owner: peak 4 (a), end −2: 1. tenant: peak −4 (a), end −2: −3. A shortfall of 4 ≥ 0.3 × 10.
    const { ranges, findings } = await run(steps('owner: ⟦4⟧, tenant: ⟦-4⟧', 'owner: ⟦-2⟧, tenant: -2'));
    const gap = findings.filter((f) => f.ruleId === 'persona-gap');
    expect(brief(gap)).toEqual([
      ['persona-gap', 'info', ranges[1], 'Persona "tenant" remembers this journey far worse than "owner": peak-end score -3 against 1 (a difference of 4; the limit is 3).'],
    ]);
    expect(gap[0]!.related!.map((r) => [r.range, r.message])).toEqual([
      [ranges[0], 'Peak-end score of "owner": the peak here'],
      [ranges[2], 'Peak-end score of "owner": the end here'],
    ]);
    expect(localizeFinding(gap[0]!, 'zh-cn').related!.map((r) => r.message)).toEqual(['“owner”的峰终分：此处为峰值', '“owner”的峰终分：此处为终点']);
  });

  it('reports on the end when the end falls further short, and takes the limit from peakend.yaml', async () => {
    // owner: peak 3 (a), end 3 (b): 3. tenant: peak 3 (a), end −1 (b): 1. Shortfall 2 < 3; with gap 0.2 (2 points) it counts.
    const src = steps('owner: 3, tenant: 3', 'owner: 3, tenant: ⟦-1⟧');
    expect((await run(src)).findings.filter((f) => f.ruleId === 'persona-gap')).toEqual([]);
    const { ranges, findings } = await run(src, '  persona-gap: { severity: warning, gap: 0.2 }\n');
    expect(brief(findings.filter((f) => f.ruleId === 'persona-gap'))).toEqual([
      ['persona-gap', 'warning', ranges[0], 'Persona "tenant" remembers this journey far worse than "owner": peak-end score 1 against 3 (a difference of 2; the limit is 2).'],
    ]);
  });
});

describe('unevidenced-extreme', () => {
  const src = journey(
    '      - { id: a, title: x, emotions: { owner: ⟦5⟧, tenant: ⟦-4⟧ } }\n      - id: b\n        title: y\n        emotions: { owner: 5, tenant: 3 }\n        evidence: [{ source: survey, sampleSize: 120 }]\n',
  );

  it('is off by default', async () => {
    expect((await run(src)).findings.filter((f) => f.ruleId === 'unevidenced-extreme')).toEqual([]);
  });

  it('reports extreme scores on steps without evidence once given a severity', async () => {
    const { ranges, findings } = await run(src, '  unevidenced-extreme: warning\n');
    expect(brief(findings.filter((f) => f.ruleId === 'unevidenced-extreme'))).toEqual([
      ['unevidenced-extreme', 'warning', ranges[0], 'The score 5 for persona "owner" is extreme, but step "a" lists no evidence.'],
      ['unevidenced-extreme', 'warning', ranges[1], 'The score -4 for persona "tenant" is extreme, but step "a" lists no evidence.'],
    ]);
    // Only ±5 is extreme at 1.
    const strict = await run(src, '  unevidenced-extreme: { severity: info, extreme: 1 }\n');
    expect(strict.findings.filter((f) => f.ruleId === 'unevidenced-extreme').map((f) => [f.severity, f.range])).toEqual([['info', strict.ranges[0]]]);
  });
});

describe('rule options in peakend.yaml', () => {
  it('are checked by the schema: severities, option names and ranges', async () => {
    const { text, ranges } = marked(
      'peakend: 1\nkind: config\nrules:\n  weak-ending: { severity: ⟦fatal⟧ }\n  persona-gap: { gap: ⟦2⟧ }\n  uncovered-touchpoint: { ⟦margin⟧: 1 }\n  missing-persona-score: { severity: error }\n',
    );
    const findings = await check({ ...base }, text);
    expect(findings.map((f) => [f.ruleId, f.range, f.message])).toEqual([
      ['schema', ranges[0], '"fatal" is not allowed here. Use one of: error, warning, info, off.'],
      ['schema', ranges[1], 'The value 2 is above the maximum 1.'],
      ['schema', ranges[2], 'Unknown property "margin".'],
    ]);
  });
});
