import { describe, expect, it } from 'vitest';
import { MAX_DUPLICATE_RELATED } from '../../src/core/rules/duplicateId';
import { SimilarIndex } from '../../src/core/util/similar';
import { check } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

describe('long flat lists', () => {
  it('indexes a step with 150,000 references (no argument-list spread of a whole list)', async () => {
    const line = `      - { id: a, title: x, touchpoints: [${Array.from({ length: 150_000 }, () => 'service-hotline').join(', ')}], emotions: { owner: 1, tenant: 1 } }`;
    const findings = await check({ ...base, 'j.journey.yaml': journey(`${line}\n`) });
    // Only the schema's "listed twice" (at the last copy): every reference resolved.
    const last = line.lastIndexOf('service-hotline');
    expect(findings.map((f) => [f.ruleId, f.messageId, f.range])).toEqual([
      ['schema', 'schema.uniqueItems', { start: { line: 9, character: last }, end: { line: 9, character: last + 15 } }],
    ]);
  }, 120_000);

  it('collects 150,000 findings of a file', async () => {
    const line = `      - { id: a, title: x, emotions: { tenant: 1, ${Array.from({ length: 150_000 }, () => 'owner: 1').join(', ')} } }`;
    const findings = await check({ ...base, 'j.journey.yaml': journey(`${line}\n`) });
    expect(findings).toHaveLength(149_999);
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['yaml-duplicate-key']));
    const last = line.lastIndexOf('owner');
    expect(findings[149_998]!.range).toEqual({ start: { line: 9, character: last }, end: { line: 9, character: last + 5 } });
    expect(findings[0]!.range.start.character).toBe(line.indexOf('owner', line.indexOf('owner') + 1));
  }, 120_000);
});

describe('many copies of one ID', () => {
  it('reports each copy once, with a bounded list of the others and their count', async () => {
    const copies = 2000;
    const personas = `peakend: 1\nkind: personas\npersonas:\n${'  - { id: same, name: 同 }\n'.repeat(copies)}`;
    const findings = (await check({ 'many.personas.yaml': personas })).filter((f) => f.ruleId === 'duplicate-id');
    expect(findings).toHaveLength(copies);
    expect(findings.map((f) => f.range.start.line)).toEqual(Array.from({ length: copies }, (_, i) => 3 + i));
    for (const f of findings) expect(f.related).toHaveLength(MAX_DUPLICATE_RELATED);
    expect(findings[0]!.message).toBe(`Duplicate persona ID "same": it is also defined at many.personas.yaml:5 and in ${copies - 2} more place(s).`);
    expect(findings[0]!.related!.map((r) => r.range.start.line)).toEqual([4, 5, 6, 7, 8]);
    expect(findings[1]!.message).toBe(`Duplicate persona ID "same": it is also defined at many.personas.yaml:4 and in ${copies - 2} more place(s).`);
    expect(findings[1]!.related!.map((r) => r.range.start.line)).toEqual([3, 5, 6, 7, 8]);
  });

  it('keeps the two-copy message, naming the copy spelled the same when others differ in case', async () => {
    const personas = `peakend: 1\nkind: personas\npersonas:\n  - { id: Same, name: 一 }\n  - { id: same, name: 二 }\n  - { id: same, name: 三 }\n`;
    const findings = (await check({ 'p.personas.yaml': personas })).filter((f) => f.ruleId === 'duplicate-id');
    expect(findings.map((f) => f.message)).toEqual([
      'The IDs "Same" and "same" (persona) differ only in letter case; as file names they collide on case-insensitive file systems.',
      'Duplicate persona ID "same": it is also defined at p.personas.yaml:6 and in 1 more place(s).',
      'Duplicate persona ID "same": it is also defined at p.personas.yaml:5 and in 1 more place(s).',
    ]);
  });
});

describe('did you mean, many unknown IDs against many defined IDs', () => {
  it('suggests for 2,000 unknown references among 2,000 touchpoints', async () => {
    const n = 2000;
    const ids = Array.from({ length: n }, (_, i) => `touchpoint-${String(i).padStart(5, '0')}`);
    const inventory = `peakend: 1\nkind: touchpoints\nid: inv\ntitle: 清单\ntouchpoints:\n${ids.map((id) => `  - { id: ${id}, name: x, phase: service, channel: phone, type: human }\n`).join('')}`;
    const refs = ids.map((id) => id.replace('touchpoint', 'tuochpoint')).join(', ');
    const files = { ...base, 'big.touchpoints.yaml': inventory, 'j.journey.yaml': journey(`      - { id: a, title: x, touchpoints: [${refs}], emotions: { owner: 1, tenant: 1 } }\n`) };
    const unknown = (await check(files)).filter((f) => f.ruleId === 'unknown-touchpoint');
    expect(unknown).toHaveLength(n);
    expect(unknown[0]!.message).toBe('Unknown touchpoint "tuochpoint-00000". Did you mean "touchpoint-00000"?');
    expect(unknown[1234]!.message).toBe('Unknown touchpoint "tuochpoint-01234". Did you mean "touchpoint-01234"?');
  }, 120_000);

  it('compares a word with few candidates, caches per word, and keeps the containment hint', () => {
    const index = new SimilarIndex(['service-hotline', 'service-center', 'counter', 'hotline-x']);
    expect(index.similar('hotlin', 3)).toEqual(['hotline-x', 'service-hotline']);
    expect(index.similar('service-hotlin', 3)).toEqual(['service-hotline']);
    expect(index.similar('hotline', 3)).toEqual(['hotline-x', 'service-hotline']);
    expect(index.similar('hotline', 3)).toBe(index.similar('hotline', 3));
    expect(index.similar('Counter', 3)).toEqual(['counter']);
  });
});
