import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core';
import { check, marked } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

/**
 * The edges of each rule: scores exactly at a threshold, scales whose neutral point is not 0,
 * ties, missing scores, and the limits of the duplicate-id report. Every figure is worked out by hand
 * in the comment above its expectation.
 */

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

/** Steps a, b, c, … of one stage, each `{ … }` as written (markers included), under the given header. */
function steps(header: string, ...emotions: string[]): string {
  return journey(emotions.map((e, i) => `      - { id: ${String.fromCharCode(97 + i)}, title: 步骤, emotions: { ${e} } }\n`).join(''), header);
}

async function run(source: string, rules = '', extra: Record<string, string> = {}): Promise<{ ranges: ReturnType<typeof marked>['ranges']; findings: Finding[] }> {
  const { text, ranges } = marked(source);
  const config = `peakend: 1\nkind: config\n${rules ? `rules:\n${rules}` : ''}`;
  const findings = await check({ ...base, ...extra, 'j.journey.yaml': text }, config);
  return { ranges, findings };
}

const of = (fs: Finding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId);
const brief = (fs: Finding[]) => fs.map((f) => [f.ruleId, f.severity, f.range, f.message]);

const TWO = 'personas: [owner, tenant]\n';
/** A 1..7 scale with neutral 4: thresholds that scale by (max − neutral) and by (neutral − min) differ from ones that add them. */
const SEVEN = 'personas: [owner, tenant]\nscale: { min: 1, max: 7, neutral: 4 }\n';
const GUEST = `${PERSONAS}  - { id: guest, name: 访客 }\n`;
const THREE = 'personas: [owner, tenant, guest]\n';

describe('weak-ending', () => {
  it('with compareTo: average, says nothing of an end above the average that is below neutral', async () => {
    // owner: mean (−3 − 2) / 2 = −2.5, end −2: above the average, below neutral.
    const src = steps(TWO, 'owner: -3, tenant: 1', 'owner: -2, tenant: 1');
    expect(of((await run(src, '  weak-ending: { compareTo: average }\n')).findings, 'weak-ending')).toEqual([]);
    const either = of((await run(src)).findings, 'weak-ending');
    expect(either.map((f) => f.messageId)).toEqual(['peakEnd.weakEndingNeutral']);
  });
});

describe('unrecovered-trough', () => {
  it('counts a score exactly at the depth as a trough', async () => {
    // −5..5, depth 0.4: a trough is at or below 0 − 0.4 × 5 = −2. owner falls to exactly −2 and stays there.
    const src = steps(TWO, 'owner: 1, tenant: 1', 'owner: ⟦-2⟧, tenant: 1', 'owner: -1, tenant: 1');
    const { ranges, findings } = await run(src, '  unrecovered-trough: { depth: 0.4 }\n');
    expect(brief(of(findings, 'unrecovered-trough'))).toEqual([
      ['unrecovered-trough', 'warning', ranges[0], 'Persona "owner" falls to -2 at step "b" and no later step rises above 0.'],
    ]);
  });

  it('measures recovery from neutral towards max on a scale whose neutral is not 0', async () => {
    // 1..7, neutral 4: a trough is at or below 4 − 0.5 × 3 = 2.5; recovered above 4 + 0.5 × (7 − 4) = 5.5.
    // owner falls to 1 at a and rises to 5 at b: not above 5.5, so not recovered.
    const src = steps(SEVEN, 'owner: ⟦1⟧, tenant: 4', 'owner: 5, tenant: 4');
    const { ranges, findings } = await run(src, '  unrecovered-trough: { recovery: 0.5 }\n');
    expect(brief(of(findings, 'unrecovered-trough'))).toEqual([
      ['unrecovered-trough', 'warning', ranges[0], 'Persona "owner" falls to 1 at step "a" and no later step rises above 5.5.'],
    ]);
    // A 6 at b rises above 5.5: recovered.
    expect(of((await run(steps(SEVEN, 'owner: 1, tenant: 4', 'owner: 6, tenant: 4'), '  unrecovered-trough: { recovery: 0.5 }\n')).findings, 'unrecovered-trough')).toEqual([]);
  });
});

describe('no-positive-peak', () => {
  it('measures the height of a peak from neutral towards max on a scale whose neutral is not 0', async () => {
    // 1..7, neutral 4, above 0.5: a positive peak is above 4 + 0.5 × 3 = 5.5. owner's best is 5 at b.
    const src = steps(SEVEN, 'owner: 4, tenant: 7', 'owner: ⟦5⟧, tenant: 7');
    const { ranges, findings } = await run(src, '  no-positive-peak: { above: 0.5 }\n');
    expect(brief(of(findings, 'no-positive-peak'))).toEqual([
      ['no-positive-peak', 'warning', ranges[0], 'Persona "owner" has no positive peak: the best moment, step "b", scores 5, not above 5.5.'],
    ]);
  });
});

describe('negative-moment-of-truth', () => {
  it('says nothing of a score exactly at neutral, or of a persona the step does not score', async () => {
    const src = journey('      - { id: a, title: 验房, momentOfTruth: true, emotions: { owner: 0 } }\n      - { id: b, title: 领钥匙, emotions: { owner: 3, tenant: 2 } }\n');
    const { findings } = await run(src);
    expect(of(findings, 'negative-moment-of-truth')).toEqual([]);
    // The missing score is reported, by its own rule.
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([['missing-persona-score', 'Step "a" has no emotion score for persona "tenant".']]);
  });
});

describe('persona-gap', () => {
  it('compares with the first of two personas tied for the best peak-end score', async () => {
    // owner and tenant: peak 4, end 4 (b): 4. guest: peak −4 (a), end −3 (b): −3.5. A shortfall of 7.5 ≥ 3,
    // on guest's peak (4 − (−4) = 8 against 4 − (−3) = 7).
    const src = steps(THREE, 'owner: 4, tenant: 4, guest: ⟦-4⟧', 'owner: 4, tenant: 4, guest: -3');
    const { ranges, findings } = await run(src, '', { 'p.personas.yaml': GUEST });
    expect(brief(of(findings, 'persona-gap'))).toEqual([
      ['persona-gap', 'info', ranges[0], 'Persona "guest" remembers this journey far worse than "owner": peak-end score -3.5 against 4 (a difference of 7.5; the limit is 3).'],
    ]);
  });

  it('with a gap of 0, says nothing of personas that remember the journey equally', async () => {
    const src = steps(TWO, 'owner: 2, tenant: 2', 'owner: 1, tenant: 1');
    expect(of((await run(src, '  persona-gap: { gap: 0 }\n')).findings, 'persona-gap')).toEqual([]);
    // Any shortfall counts at 0: tenant's end 0 against owner's 1 (peak-end 1 against 1.5).
    const lower = steps(TWO, 'owner: 2, tenant: 2', 'owner: 1, tenant: ⟦0⟧');
    const { ranges, findings } = await run(lower, '  persona-gap: { gap: 0 }\n');
    expect(brief(of(findings, 'persona-gap'))).toEqual([
      ['persona-gap', 'info', ranges[0], 'Persona "tenant" remembers this journey far worse than "owner": peak-end score 1 against 1.5 (a difference of 0.5; the limit is 0).'],
    ]);
  });

  it('reports on the peak when peak and end fall equally short', async () => {
    // owner: peak 5 (a), end 3 (b): 4. tenant: peak 2 (a), end 0 (b): 1. Shortfalls 3 and 3: the peak.
    const src = steps(TWO, 'owner: 5, tenant: ⟦2⟧', 'owner: 3, tenant: 0');
    const { ranges, findings } = await run(src);
    expect(of(findings, 'persona-gap').map((f) => [f.range, f.args.difference])).toEqual([[ranges[0], '3']]);
  });

  it('reports on the end when the end falls further short, whatever the signs of the ends', async () => {
    // owner: peak 5 (a), end 3 (b): 4. tenant: peak 4 (a), end −3 (b): 0.5. Shortfalls: peak 1, end 6: the end.
    const src = steps(TWO, 'owner: 5, tenant: 4', 'owner: 3, tenant: ⟦-3⟧');
    const { ranges, findings } = await run(src);
    expect(brief(of(findings, 'persona-gap'))).toEqual([
      ['persona-gap', 'info', ranges[0], 'Persona "tenant" remembers this journey far worse than "owner": peak-end score 0.5 against 4 (a difference of 3.5; the limit is 3).'],
    ]);
  });
});

describe('unevidenced-extreme', () => {
  it('skips a persona the step does not score', async () => {
    const src = journey('      - { id: a, title: x, emotions: { owner: ⟦5⟧ } }\n');
    const { ranges, findings } = await run(src, '  unevidenced-extreme: warning\n  missing-persona-score: off\n');
    expect(brief(of(findings, 'unevidenced-extreme'))).toEqual([
      ['unevidenced-extreme', 'warning', ranges[0], 'The score 5 for persona "owner" is extreme, but step "a" lists no evidence.'],
    ]);
  });
});

describe('score-out-of-scale', () => {
  it('leaves a score that is not a number to the schema', async () => {
    const src = journey('      - { id: a, title: x, emotions: { owner: ⟦high⟧, tenant: 1 } }\n');
    const { ranges, findings } = await run(src);
    expect(findings.map((f) => [f.ruleId, f.range])).toEqual([['schema', ranges[0]]]);
  });
});

describe('missing-persona-score', () => {
  it('offers no fix for a persona whose ID may not be written as a key', async () => {
    const src = journey('      - { id: a, title: x, ⟦emotions⟧: { owner: 1 } }\n', 'personas: [owner, "a b"]\n');
    const { ranges, findings } = await run(src);
    const missing = of(findings, 'missing-persona-score');
    expect(missing.map((f) => [f.range, f.message, f.fixes])).toEqual([[ranges[0], 'Step "a" has no emotion score for persona "a b".', undefined]]);
  });
});

describe('unknown-persona', () => {
  it('offers the journey\'s unscored persona for a score key that is not one of them, however unlike', async () => {
    const src = journey('      - { id: a, title: x, emotions: { owner: 1, ⟦visitor⟧: 2 } }\n');
    const { ranges, findings } = await run(src, '  missing-persona-score: off\n');
    const f = of(findings, 'unknown-persona');
    expect(f.map((x) => [x.range, x.message])).toEqual([[ranges[0], 'Persona "visitor" is not one of this journey\'s personas (owner, tenant).']]);
    expect(f[0]!.related!.map((r) => [r.file, r.range.start, r.message])).toEqual([['/ws/j.journey.yaml', { line: 4, character: 11 }, "The journey's personas: owner, tenant"]]);
    expect(f[0]!.fixes!.map((x) => [x.title, x.preferred, x.edits.map((e) => e.newText)])).toEqual([['Change to "tenant"', true, ['tenant']]]);
  });

  it('says nothing of score keys in a journey that lists no personas (the schema does)', async () => {
    const src = journey('      - { id: a, title: x, emotions: { owner: 1 } }\n', 'personas: []\n');
    expect(of((await run(src)).findings, 'unknown-persona')).toEqual([]);
  });
});

describe('unknown-standard and unknown-touchpoint', () => {
  it('find the standards a touchpoint lists among the standards, not elsewhere', async () => {
    const tps = TOUCHPOINTS.replace('type: human }\n', 'type: human, standards: [answer-within-3-rings] }\n');
    const findings = await check({ ...base, 't.touchpoints.yaml': tps });
    expect(findings).toEqual([]);
  });

  it('relate a suggestion to its first definition when the ID is defined twice', async () => {
    const second = `peakend: 1\nkind: touchpoints\nid: second\ntitle: 第二\ntouchpoints:\n  - { id: service-hotline, name: 另一个, phase: service, channel: phone, type: human }\n`;
    const src = journey('      - { id: a, title: x, touchpoints: [⟦service-hotlin⟧], emotions: { owner: 1, tenant: 1 } }\n');
    const { ranges, findings } = await run(src, '', { 'u.touchpoints.yaml': second });
    const f = of(findings, 'unknown-touchpoint');
    expect(f.map((x) => [x.range, x.message])).toEqual([[ranges[0], 'Unknown touchpoint "service-hotlin". Did you mean "service-hotline"?']]);
    expect(f[0]!.related!.map((r) => [r.file, r.range.start])).toEqual([['/ws/t.touchpoints.yaml', { line: 5, character: 10 }]]);
  });
});

describe('unknown-rule', () => {
  it('suggests the closest rule, or lists none when nothing is close', async () => {
    const { text, ranges } = marked('peakend: 1\nkind: config\nrules:\n  ⟦weak-endings⟧: off\n  ⟦loudness⟧: warning\n  duplicate-id: warning\n');
    const findings = await check({ ...base }, text);
    expect(brief(findings)).toEqual([
      ['unknown-rule', 'warning', ranges[0], 'Unknown rule "weak-endings". Did you mean "weak-ending"?'],
      ['unknown-rule', 'warning', ranges[1], 'Unknown rule "loudness".'],
    ]);
    expect(findings[0]!.fixes!.map((x) => [x.title, x.edits.map((e) => [e.range, e.newText])])).toEqual([['Change to "weak-ending"', [[ranges[0], 'weak-ending']]]]);
    expect(findings[1]!.fixes ?? []).toEqual([]);
  });
});

describe('duplicate-id', () => {
  /** A personas file with the given IDs, one a line from line 3. */
  const personas = (...ids: string[]) => `peakend: 1\nkind: personas\npersonas:\n${ids.map((id, i) => `  - { id: ${id}, name: 人${i} }\n`).join('')}`;

  it('names the other copy of three, counts the rest, and relates each other copy', async () => {
    const findings = of(await check({ 'p.personas.yaml': personas('same', 'same', 'same') }), 'duplicate-id');
    // Lines 3, 4, 5 (0-based): shown 1-based.
    expect(findings.map((f) => [f.range.start.line, f.message])).toEqual([
      [3, 'Duplicate persona ID "same": it is also defined at p.personas.yaml:5 and in 1 more place(s).'],
      [4, 'Duplicate persona ID "same": it is also defined at p.personas.yaml:4 and in 1 more place(s).'],
      [5, 'Duplicate persona ID "same": it is also defined at p.personas.yaml:4 and in 1 more place(s).'],
    ]);
    expect(findings[2]!.related!.map((r) => [r.range.start.line, r.message])).toEqual([
      [3, 'The other definition of "same"'],
      [4, 'The other definition of "same"'],
    ]);
    expect(findings[0]!.args).toEqual({ kind: 'persona', id: 'same', other: 'p.personas.yaml:5', more: 1 });
  });

  it('relates at most five other copies, the first ones, to each of eight', async () => {
    const findings = of(await check({ 'p.personas.yaml': personas(...Array.from({ length: 8 }, () => 'same')) }), 'duplicate-id');
    expect(findings).toHaveLength(8);
    expect(findings.map((f) => f.related!.map((r) => r.range.start.line))).toEqual([
      [4, 5, 6, 7, 8],
      [3, 5, 6, 7, 8],
      [3, 4, 6, 7, 8],
      [3, 4, 5, 7, 8],
      [3, 4, 5, 6, 8],
      [3, 4, 5, 6, 7],
      [3, 4, 5, 6, 7],
      [3, 4, 5, 6, 7],
    ]);
    expect(findings[7]!.message).toBe('Duplicate persona ID "same": it is also defined at p.personas.yaml:4 and in 6 more place(s).');
  });

  it('relates copies that differ in case among the first five, before the second copy spelled alike', async () => {
    // d = "same" at line 3; "Same" ×5 come first among the others, the second "same" is the seventh copy.
    const findings = of(await check({ 'p.personas.yaml': personas('same', 'Same', 'SAME', 'sAme', 'saMe', 'samE', 'same') }), 'duplicate-id');
    expect(findings[0]!.message).toBe('Duplicate persona ID "same": it is also defined at p.personas.yaml:10 and in 5 more place(s).');
    expect(findings[0]!.related!.map((r) => r.range.start.line)).toEqual([4, 5, 6, 7, 8]);
    expect(findings[1]!.message).toBe('The IDs "Same" and "same" (persona) differ only in letter case; as file names they collide on case-insensitive file systems.');
  });
});

describe('duplicate-id with two copies', () => {
  it('gives the message its arguments and no count', async () => {
    const text = `peakend: 1\nkind: personas\npersonas:\n  - { id: same, name: 一 }\n  - { id: same, name: 二 }\n`;
    const findings = of(await check({ 'p.personas.yaml': text }), 'duplicate-id');
    expect(findings.map((f) => f.args)).toEqual([
      { kind: 'persona', id: 'same', other: 'p.personas.yaml:5' },
      { kind: 'persona', id: 'same', other: 'p.personas.yaml:4' },
    ]);
  });
});

describe('unknown-touchpoint in a workspace whose inventory is a flow list', () => {
  it('offers no fix that creates the touchpoint, having no block list to append to', async () => {
    const inventory = 'peakend: 1\nkind: touchpoints\nid: inventory\ntitle: 接触点\ntouchpoints: [{ id: service-hotline, name: 热线, phase: service, channel: phone, type: human }]\n';
    const src = journey('      - { id: a, title: x, touchpoints: [⟦service-hotlin⟧], emotions: { owner: 1, tenant: 1 } }\n');
    const { ranges, findings } = await run(src, '', { 't.touchpoints.yaml': inventory });
    const f = of(findings, 'unknown-touchpoint');
    expect(f.map((x) => [x.range, x.fixes!.map((y) => y.title)])).toEqual([[ranges[0], ['Change to "service-hotline"']]]);
  });
});
