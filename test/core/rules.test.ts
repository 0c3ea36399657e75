import { describe, expect, it } from 'vitest';
import { localizeFinding, type Finding } from '../../src/core';
import { applyEdits, check, marked } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

/** Checks a workspace whose file `name` holds ⟦marked⟧ ranges; returns its findings and the ranges. */
async function checkMarked(name: string, source: string, extra: Record<string, string> = {}, config?: string) {
  const { text, ranges } = marked(source);
  const findings = await check({ ...base, ...extra, [name]: text }, config);
  return { text, ranges, findings, inFile: findings.filter((f) => f.file === `/ws/${name}`) };
}

/** The peak-end judgements, left out where a test is about validation and its fixture's scores are incidental. */
const JUDGEMENTS = new Set(['weak-ending', 'unrecovered-trough', 'no-positive-peak', 'negative-moment-of-truth', 'persona-gap', 'unevidenced-extreme']);

function validation(findings: Finding[]): Finding[] {
  return findings.filter((f) => !JUDGEMENTS.has(f.ruleId));
}

function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

describe('the example building blocks', () => {
  it('are valid together', async () => {
    expect(await check({ ...base, 'j.journey.yaml': journey('      - { id: a, title: 来电, touchpoints: [service-hotline], emotions: { owner: 1, tenant: 2 } }\n') })).toEqual([]);
  });
});

describe('unknown-touchpoint', () => {
  it('points at the reference, suggests the closest ID and fixes it', async () => {
    const { text, ranges, findings } = await checkMarked(
      'j.journey.yaml',
      journey('      - { id: a, title: 来电, touchpoints: [⟦hotline⟧], emotions: { owner: 1, tenant: 2 } }\n'),
    );
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ ruleId: 'unknown-touchpoint', severity: 'error', file: '/ws/j.journey.yaml', range: ranges[0] });
    expect(f.message).toBe('Unknown touchpoint "hotline". Did you mean "service-hotline"?');
    expect(f.related).toEqual([
      expect.objectContaining({ file: '/ws/t.touchpoints.yaml', range: { start: { line: 5, character: 10 }, end: { line: 5, character: 25 } } }),
    ]);
    const fixed = applyEdits(text, f.fixes![0]!.edits);
    expect(fixed).toContain('touchpoints: [service-hotline]');
    expect(await check({ ...base, 'j.journey.yaml': fixed })).toEqual([]);
  });

  it('checks standards that list touchpoints too, without a suggestion when nothing is close', async () => {
    const standards = STANDARDS.replace('appliesTo: { channels: [phone, store] }', 'appliesTo: { channels: [phone, store], touchpoints: [⟦电梯⟧] }');
    const { ranges, findings } = await checkMarked('s.standards.yaml', standards);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'unknown-touchpoint', range: ranges[0], message: 'Unknown touchpoint "电梯".' })]);
    // The only fix creates the touchpoint in the inventory, as a stub that validates.
    const [create] = findings[0]!.fixes!;
    expect(findings[0]!.fixes).toHaveLength(1);
    expect(create!.title).toBe('Create touchpoint "电梯" in t.touchpoints.yaml');
    const inventory = applyEdits(TOUCHPOINTS, create!.edits);
    expect(inventory.endsWith('type: human }\n  - id: 电梯\n    name: 电梯\n    phase: service\n    channel: on-site\n    type: human\n')).toBe(true);
    expect(await check({ ...base, 's.standards.yaml': marked(standards).text, 't.touchpoints.yaml': inventory })).toEqual([]);
  });

  it('creates a missing persona in the personas file', async () => {
    const { findings } = await checkMarked('j.journey.yaml', journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1, guest: 0 } }\n', 'personas: [owner, tenant, guest]\n'));
    const f = findings.find((x) => x.ruleId === 'unknown-persona')!;
    const create = f.fixes!.find((x) => x.title === 'Create persona "guest" in p.personas.yaml')!;
    const personas = applyEdits(PERSONAS, create.edits);
    expect(personas.endsWith('  - { id: tenant, name: 租户 }\n  - id: guest\n    name: guest\n')).toBe(true);
    const j = journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1, guest: 0 } }\n', 'personas: [owner, tenant, guest]\n');
    expect(validation(await check({ ...base, 'j.journey.yaml': j, 'p.personas.yaml': personas }))).toEqual([]);
  });
});

describe('unknown-standard', () => {
  it('points at the touchpoint\'s reference', async () => {
    const tps = TOUCHPOINTS.replace('type: human }\n', 'type: human, standards: [⟦answer-within-3-ring⟧] }\n');
    const { ranges, findings } = await checkMarked('t.touchpoints.yaml', tps);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'unknown-standard', range: ranges[0], message: 'Unknown standard "answer-within-3-ring". Did you mean "answer-within-3-rings"?' }),
    ]);
  });
});

describe('unknown-persona', () => {
  it('reports an undefined persona in the journey\'s list', async () => {
    const { ranges, findings } = await checkMarked(
      'j.journey.yaml',
      journey('      - { id: a, title: x, emotions: { owner: 1 } }\n', 'personas: [owner, ⟦tenent⟧]\n'),
    );
    expect(only(findings, 'unknown-persona')).toEqual([
      expect.objectContaining({ range: ranges[0], message: 'Unknown persona "tenent". Did you mean "tenant"?' }),
    ]);
  });

  it('reports a score for a persona the journey does not cover, with the missing persona as its fix', async () => {
    const { text, ranges, findings } = await checkMarked(
      'j.journey.yaml',
      journey('      - id: a\n        title: x\n        emotions:\n          owner: 1\n          ⟦tennant⟧: 2\n'),
    );
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['missing-persona-score', 'unknown-persona']);
    const f = only(findings, 'unknown-persona')[0]!;
    expect(f.range).toEqual(ranges[0]);
    expect(f.message).toBe('Persona "tennant" is not one of this journey\'s personas (owner, tenant).');
    const fixed = applyEdits(text, f.fixes![0]!.edits);
    expect(await check({ ...base, 'j.journey.yaml': fixed })).toEqual([]);
  });

  it('checks the persona of a quote', async () => {
    const { ranges, findings } = await checkMarked(
      'j.journey.yaml',
      journey('      - id: a\n        title: x\n        emotions: { owner: 1, tenant: 1 }\n        quotes:\n          - { text: 太慢了, persona: ⟦guest⟧ }\n'),
    );
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'unknown-persona', range: ranges[0], message: 'Unknown persona "guest".' })]);
  });
});

describe('duplicate-id', () => {
  it('reports both places, each pointing at the other', async () => {
    const second = `peakend: 1\nkind: touchpoints\nid: second\ntitle: 第二\ntouchpoints:\n  - { id: ⟦service-center⟧, name: 另一个, phase: service, channel: store, type: human }\n`;
    const { ranges, findings } = await checkMarked('u.touchpoints.yaml', second);
    const dups = only(findings, 'duplicate-id');
    expect(dups).toHaveLength(2);
    const here = dups.find((f) => f.file === '/ws/u.touchpoints.yaml')!;
    const there = dups.find((f) => f.file === '/ws/t.touchpoints.yaml')!;
    expect(here.range).toEqual(ranges[0]);
    expect(here.message).toBe('Duplicate touchpoint ID "service-center": it is also defined at t.touchpoints.yaml:7.');
    expect(here.related![0]).toMatchObject({ file: '/ws/t.touchpoints.yaml', range: there.range });
    expect(there.related![0]).toMatchObject({ file: '/ws/u.touchpoints.yaml', range: here.range });
  });

  it('treats IDs that differ only in case as colliding', async () => {
    const second = `peakend: 1\nkind: touchpoints\nid: second\ntitle: 第二\ntouchpoints:\n  - { id: ⟦Service-Center⟧, name: 另一个, phase: service, channel: store, type: human }\n`;
    const { ranges, findings } = await checkMarked('u.touchpoints.yaml', second);
    const here = only(findings, 'duplicate-id').find((f) => f.file === '/ws/u.touchpoints.yaml')!;
    expect(here.range).toEqual(ranges[0]);
    expect(here.message).toBe('The IDs "Service-Center" and "service-center" (touchpoint) differ only in letter case; as file names they collide on case-insensitive file systems.');
  });

  it('scopes steps to their journey', async () => {
    const steps = '      - { id: ⟦a⟧, title: x, emotions: { owner: 1, tenant: 1 } }\n      - { id: ⟦a⟧, title: y, emotions: { owner: 1, tenant: 1 } }\n';
    const { ranges, findings } = await checkMarked('j.journey.yaml', journey(steps));
    expect(only(findings, 'duplicate-id').map((f) => f.range)).toEqual(ranges);
    const other = journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1 } }\n').replace('id: j\n', 'id: k\n');
    expect(await check({ ...base, 'j.journey.yaml': journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1 } }\n'), 'k.journey.yaml': other })).toEqual([]);
  });
});

describe('coverage', () => {
  it('reports a touchpoint no standard applies to and a standard that applies to nothing', async () => {
    const standards = STANDARDS.replace('channels: [phone, store]', 'channels: [phone]') +
      `  - id: ⟦social-24h⟧\n    title: 社交媒体投诉 24 小时内回复\n    requirement: x\n    appliesTo: { channels: [social-media] }\n    method: record-review\n    expect: { type: pass-fail }\n`;
    const { ranges, findings } = await checkMarked('s.standards.yaml', standards);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'unused-standard', severity: 'warning', range: ranges[0], message: 'Standard "social-24h" applies to no touchpoint.' }),
      expect.objectContaining({
        ruleId: 'uncovered-touchpoint',
        severity: 'warning',
        file: '/ws/t.touchpoints.yaml',
        range: { start: { line: 6, character: 10 }, end: { line: 6, character: 24 } },
        message: 'No standard applies to touchpoint "service-center" (服务中心).',
      }),
    ]);
  });

  it('combines selector criteria with AND and values with OR', async () => {
    const standards = STANDARDS.replace('channels: [phone, store]', 'channels: [phone, store], tags: [hotline]');
    const findings = await check({ ...base, 's.standards.yaml': standards });
    expect(findings.map((f) => `${f.ruleId} ${f.args.id}`)).toEqual(['uncovered-touchpoint service-center']);
  });
});

describe('missing-persona-score', () => {
  it('points at the emotions key and inserts the neutral score into a block mapping', async () => {
    const src = journey('      - id: a\n        title: x\n        ⟦emotions⟧:\n          owner: 2   # 调研\n');
    const { text, ranges, findings } = await checkMarked('j.journey.yaml', src);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'missing-persona-score', severity: 'warning', range: ranges[0], message: 'Step "a" has no emotion score for persona "tenant".' }),
    ]);
    const fixed = applyEdits(text, findings[0]!.fixes![0]!.edits);
    expect(fixed.endsWith('        emotions:\n          owner: 2   # 调研\n          tenant: 0\n')).toBe(true);
    expect(validation(await check({ ...base, 'j.journey.yaml': fixed }))).toEqual([]);
  });

  it('inserts into a flow mapping, using the journey\'s neutral point', async () => {
    const src = journey('      - { id: a, title: x, ⟦emotions⟧: { owner: 2 } }\n').replace('stages:', 'scale: { min: 1, max: 7, neutral: 4 }\nstages:');
    const { text, ranges, findings } = await checkMarked('j.journey.yaml', src);
    expect(validation(findings).map((f) => f.range)).toEqual(ranges);
    const fixed = applyEdits(text, validation(findings)[0]!.fixes![0]!.edits);
    expect(fixed).toContain('emotions: { owner: 2, tenant: 4 }');
    expect(validation(await check({ ...base, 'j.journey.yaml': fixed }))).toEqual([]);
  });
});

describe('score-out-of-scale and invalid-scale', () => {
  it('reports a score beyond the scale on its value and clamps it', async () => {
    const { text, ranges, findings } = await checkMarked('j.journey.yaml', journey('      - { id: a, title: x, emotions: { owner: ⟦7⟧, tenant: ⟦-5.5⟧ } }\n'));
    expect(validation(findings).map((f) => [f.ruleId, f.range, f.message])).toEqual([
      ['score-out-of-scale', ranges[0], 'The score 7 is outside the scale -5 to 5.'],
      ['score-out-of-scale', ranges[1], 'The score -5.5 is outside the scale -5 to 5.'],
    ]);
    const fixed = applyEdits(text, validation(findings).flatMap((f) => f.fixes![0]!.edits));
    expect(fixed).toContain('emotions: { owner: 5, tenant: -5 }');
  });

  it('uses the journey\'s own scale, or the workspace default', async () => {
    const own = journey('      - { id: a, title: x, emotions: { owner: 0, tenant: 3 } }\n').replace('stages:', 'scale: { min: 1, max: 5 }\nstages:');
    expect(validation(await check({ ...base, 'j.journey.yaml': own })).map((f) => f.message)).toEqual(['The score 0 is outside the scale 1 to 5.']);
    const config = 'peakend: 1\nkind: config\nscale: { min: 0, max: 10 }\n';
    const plain = journey('      - { id: a, title: x, emotions: { owner: -1, tenant: 10 } }\n');
    expect(validation(await check({ ...base, 'j.journey.yaml': plain }, config)).map((f) => f.message)).toEqual(['The score -1 is outside the scale 0 to 10.']);
  });

  it('reports a scale whose min is not below its max, and keeps scores on the default scale', async () => {
    const src = journey('      - { id: a, title: x, emotions: { owner: 0, tenant: 3 } }\n').replace('stages:', 'scale: ⟦{ min: 5, max: -5 }⟧\nstages:');
    const { ranges, findings } = await checkMarked('j.journey.yaml', src);
    expect(validation(findings)).toEqual([expect.objectContaining({ ruleId: 'invalid-scale', range: ranges[0], message: "The scale's min (5) must be below its max (-5)." })]);
  });
});

describe('unknown-dimension', () => {
  it('suggests a default dimension, or one the file declares', async () => {
    const s1 = STANDARDS.replace('    method:', '    dimension: ⟦responsivness⟧\n    method:');
    const r1 = await checkMarked('s.standards.yaml', s1);
    expect(r1.findings).toEqual([
      expect.objectContaining({ ruleId: 'unknown-dimension', range: r1.ranges[0], message: 'Unknown dimension "responsivness". Did you mean "responsiveness"?' }),
    ]);
    const s2 = STANDARDS.replace('standards:\n', 'dimensions: [礼仪态度, 工作规范, 工作效率]\nstandards:\n').replace('    method:', '    dimension: ⟦reliability⟧\n    method:');
    const r2 = await checkMarked('s.standards.yaml', s2);
    expect(r2.findings).toEqual([
      expect.objectContaining({ range: r2.ranges[0], message: 'Unknown dimension "reliability". This file allows: 礼仪态度, 工作规范, 工作效率.' }),
    ]);
  });
});

describe('schema findings point at the node at fault', () => {
  it('the key of an unknown property, with a suggestion', async () => {
    const { ranges, findings } = await checkMarked('j.journey.yaml', journey('      - { id: a, title: x, ⟦toucpoints⟧: [service-hotline], emotions: { owner: 1, tenant: 1 } }\n'));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'schema', range: ranges[0], message: 'Unknown property "toucpoints". Did you mean "touchpoints"?' })]);
  });

  it('the value of a wrong type or enum', async () => {
    const tps = TOUCHPOINTS.replace('channel: store, type: human', 'channel: store, type: ⟦humane⟧, importance: ⟦high⟧');
    const { ranges, findings } = await checkMarked('t.touchpoints.yaml', tps);
    expect(findings.map((f) => [f.range, f.message])).toEqual([
      [ranges[0], '"humane" is not allowed here. Did you mean "human"?'],
      [ranges[1], 'Expected a number, found text.'],
    ]);
  });

  it('the parent mapping\'s key for a missing property, and the branch a measure needs', async () => {
    const standards = STANDARDS.replace('    expect: { type: measure, unit: rings, comparator: "<=", threshold: 3 }', '    ⟦expect⟧: { type: measure, unit: rings, ⟦threshhold⟧: 3 }');
    const { ranges, findings } = await checkMarked('s.standards.yaml', standards);
    expect(findings.map((f) => [f.range, f.message])).toEqual([
      [ranges[0], 'Missing property "comparator".'],
      [ranges[0], 'Missing property "threshold".'],
      [ranges[1], 'The property "threshhold" is not allowed here.'],
    ]);
  });

  it('an ID that would leave its folder', async () => {
    const { ranges, findings } = await checkMarked('p.personas.yaml', PERSONAS.replace('id: tenant', 'id: ⟦../tenant⟧'));
    expect(findings.filter((f) => f.ruleId === 'schema').map((f) => f.range)).toEqual(ranges);
    expect(findings[0]!.message).toMatch(/^"\.\.\/tenant" cannot be an ID\. An ID starts with a letter or digit/);
    expect(localizeFinding(findings[0]!, 'zh-cn').message).toMatch(/^“\.\.\/tenant”不能用作 ID。/);
  });
});

describe('kinds', () => {
  it('reports a declared kind that contradicts the file name, and checks the declared kind', async () => {
    const { ranges, findings } = await checkMarked('x.journey.yaml', PERSONAS.replace('kind: personas', 'kind: ⟦personas⟧').replace('owner', 'owner2').replace('tenant', 'tenant2'));
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'kind-mismatch', range: ranges[0], message: 'The file name says this is a journey file, but it declares kind "personas".' }),
    ]);
  });

  it('lets the schema report a missing kind when the file name tells the kind', async () => {
    const { findings } = await checkMarked('q.personas.yaml', 'peakend: 1\npersonas:\n  - { id: q, name: q }\n');
    expect(findings.map((f) => [f.ruleId, f.message, f.range.start])).toEqual([['schema', 'Missing property "kind".', { line: 0, character: 0 }]]);
  });
});

describe('settings', () => {
  it('turns rules off and changes severities from peakend.yaml', async () => {
    const config = 'peakend: 1\nkind: config\nrules:\n  uncovered-touchpoint: off\n  unused-standard: error\n';
    const standards = STANDARDS.replace('channels: [phone, store]', 'channels: [sms]');
    const findings = await check({ ...base, 's.standards.yaml': standards }, config);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['unused-standard', 'error']]);
  });

  it('silences one line with peakend-disable-next-line', async () => {
    const step = (comment: string) => journey(`${comment}      - { id: a, title: x, touchpoints: [hotline], emotions: { owner: 1, tenant: 1 } }\n`);
    expect(await check({ ...base, 'j.journey.yaml': step('      # peakend-disable-next-line unknown-touchpoint\n') })).toEqual([]);
    expect(await check({ ...base, 'j.journey.yaml': step('      # peakend-disable-next-line\n') })).toEqual([]);
    expect((await check({ ...base, 'j.journey.yaml': step('      # peakend-disable-next-line duplicate-id\n') })).map((f) => f.ruleId)).toEqual(['unknown-touchpoint']);
    // A directive inside a value is text, not a directive.
    const inValue = journey('      - { id: a, title: "# peakend-disable-next-line", emotions: { owner: 1, tenant: 1 } }\n      - { id: b, title: x, touchpoints: [hotline], emotions: { owner: 1, tenant: 1 } }\n');
    expect((await check({ ...base, 'j.journey.yaml': inValue })).map((f) => f.ruleId)).toEqual(['unknown-touchpoint']);
  });

  it('reads a directive on the line right after a block scalar, and not one inside it', async () => {
    const steps = [
      '      - id: a',
      '        title: x',
      '        description: |',
      '          text',
      '          # peakend-disable-next-line unknown-touchpoint',
      '        touchpoints: [hotline]',
      '        emotions: { owner: 1, tenant: 1 }',
      '      - id: b',
      '        title: y',
      '        description: |',
      '          text',
      '        # peakend-disable-next-line unknown-touchpoint',
      '        touchpoints: [hotline]',
      '        emotions: { owner: 1, tenant: 1 }',
      '',
    ].join('\n');
    const findings = await check({ ...base, 'j.journey.yaml': journey(steps) });
    expect(findings.map((f) => [f.ruleId, f.range.start.line])).toEqual([['unknown-touchpoint', 14]]);
  });
});

describe('text encodings and line endings', () => {
  it('keeps positions exact after a BOM and with CRLF line endings', async () => {
    const src = '\uFEFFpeakend: 1\r\nkind: ⟦jorney⟧\r\npersonas:\r\n  - { id: x, ⟦nmae⟧: y }\r\n';
    const { ranges, findings } = await checkMarked('x.personas.yaml', src);
    expect(findings.map((f) => [f.ruleId, f.range])).toEqual([
      ['unknown-kind', ranges[0]],
      ['schema', { start: { line: 3, character: 4 }, end: { line: 3, character: 22 } }],
      ['schema', ranges[1]],
    ]);
  });
});

describe('messages in Chinese', () => {
  it('renders every finding from its message id and arguments', async () => {
    const findings = await check({ ...base, 'j.journey.yaml': journey('      - { id: a, title: x, touchpoints: [hotline], emotions: { owner: 9 } }\n') });
    expect(findings.map((f) => localizeFinding(f, 'zh-cn').message)).toEqual([
      '未知的接触点“hotline”。您是不是想写“service-hotline”？',
      '步骤“a”缺少客户画像“tenant”的情感评分。',
      '评分 9 超出了量表范围 -5 到 5。',
    ]);
    expect(localizeFinding(findings[0]!, 'zh-cn').fixes![0]!.title).toBe('改为“service-hotline”');
    const typeError = (await check({ ...base, 't.touchpoints.yaml': TOUCHPOINTS.replace('type: human }', 'type: human, importance: high }') }))[0]!;
    expect(localizeFinding(typeError, 'zh-cn').message).toBe('应为数字，实际为文本。');
  });
});

describe('rough edges', () => {
  it('reports a document that is only null', async () => {
    const { ranges, findings } = await checkMarked('x.personas.yaml', '⟦~⟧\n');
    expect(findings.map((f) => [f.ruleId, f.range, f.message])).toEqual([
      ['schema', ranges[0], 'A Peakend file is a mapping at the top level, starting with "peakend: 1" and "kind".'],
    ]);
  });

  it('checks the default scale and the rules of peakend.yaml', async () => {
    const { text, ranges } = marked('peakend: 1\nkind: config\nscale: ⟦{ min: 5, max: -5 }⟧\nrules:\n  ⟦uncoverd-touchpoint⟧: off\n  unused-standard: off\n');
    const findings = await check({ ...base }, text);
    expect(findings.map((f) => [f.ruleId, f.range, f.message])).toEqual([
      ['invalid-scale', ranges[0], "The scale's min (5) must be below its max (-5)."],
      ['unknown-rule', ranges[1], 'Unknown rule "uncoverd-touchpoint". Did you mean "uncovered-touchpoint"?'],
    ]);
  });

  it('keeps maxFileBytes below the schema minimum from locking every file out', async () => {
    const findings = await check({ ...base }, 'peakend: 1\nkind: config\nlimits: { maxFileBytes: 10 }\n');
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([['schema', 'The value 10 is below the minimum 1024.']]);
  });

  it('reports !!binary and !!timestamp instead of turning text into other types', async () => {
    const { ranges, findings } = await checkMarked('p.personas.yaml', PERSONAS.replace('name: 租户', 'name: ⟦!!binary⟧ aGVsbG8=').replace('name: 业主', 'name: ⟦!!timestamp⟧ 2001-12-14'));
    expect(findings.map((f) => [f.ruleId, f.range])).toEqual([
      ['yaml-unsupported-tag', ranges[0]],
      ['yaml-unsupported-tag', ranges[1]],
    ]);
  });

  it('treats a directive inside multi-line text as text, and other words as rule IDs that match nothing', async () => {
    const inText = journey('      - id: a\n        title: x\n        description: |\n          # peakend-disable-next-line\n        emotions: { owner: 9, tenant: 1 }\n');
    expect(validation(await check({ ...base, 'j.journey.yaml': inText })).map((f) => f.ruleId)).toEqual(['score-out-of-scale']);
    const words = journey('      # peakend-disable-next-line 暂时忽略\n      - { id: a, title: x, emotions: { owner: 9, tenant: 1 } }\n');
    expect(validation(await check({ ...base, 'j.journey.yaml': words })).map((f) => f.ruleId)).toEqual(['score-out-of-scale']);
    const reason = journey('      # peakend-disable-next-line Score-Out-Of-Scale -- 调研数据待确认\n      - { id: a, title: x, emotions: { owner: 9, tenant: 1 } }\n');
    expect(validation(await check({ ...base, 'j.journey.yaml': reason }))).toEqual([]);
    const typo = journey('      # peakend-disable-next-line-typo score-out-of-scale\n      - { id: a, title: x, emotions: { owner: 9, tenant: 1 } }\n');
    expect(validation(await check({ ...base, 'j.journey.yaml': typo })).map((f) => f.ruleId)).toEqual(['score-out-of-scale']);
  });

  it('measures an editor buffer against the size limit in UTF-8 bytes, as on disk', async () => {
    const { analyzeFile, defaultConfig } = await import('../../src/core');
    const config = { ...defaultConfig('/ws'), maxFileBytes: 1024 };
    const text = `peakend: 1\nkind: personas\npersonas:\n  - { id: a, name: ${'业'.repeat(400)} }\n`;
    expect(text.length).toBeLessThan(1024);
    expect(analyzeFile('/ws/a.personas.yaml', { text }, config).findings.map((f) => f.ruleId)).toEqual(['file-too-large']);
  });
});

describe('did-you-mean fixes', () => {
  it('rename a misspelt key, replace a misspelt value (quoting it when YAML needs) and a misspelt kind', async () => {
    const standards = STANDARDS.replace('    method: mystery-shopping', '    methd: mystery-shopping').replace('comparator: "<="', 'comparator: "=>"');
    const findings = await check({ ...base, 's.standards.yaml': standards });
    expect(findings.map((f) => f.message)).toEqual(['Missing property "method".', 'Unknown property "methd". Did you mean "method"?', '"=>" is not allowed here. Did you mean ">="?']);
    const fixed = applyEdits(standards, findings.flatMap((f) => f.fixes?.[0]?.edits ?? []));
    expect(fixed).toContain('    method: mystery-shopping');
    expect(fixed).toContain('comparator: ">="');
    expect(await check({ ...base, 's.standards.yaml': fixed })).toEqual([]);
    const kind = await check({ ...base, 'p.personas.yaml': PERSONAS.replace('kind: personas', 'kind: persona') });
    expect(applyEdits(PERSONAS.replace('kind: personas', 'kind: persona'), kind[0]!.fixes![0]!.edits)).toBe(PERSONAS);
  });
});
