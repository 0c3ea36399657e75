import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildChecklist, compareFindings, itemSpec, parseChecklist, standardsHash, validateChecklist, type ItemSpec, type Standard } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';
import { marked } from '../helpers/memory';
import { indexOf } from './fixture';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const R0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('a checklist checked against the workspace', () => {
  it('checks snapshot-less items against their standards, item by item, at the answer that is wrong', async () => {
    const { text, ranges: r } = marked(`---
peakend: 1
kind: checklist
touchpoint: hotline
---

# Checklist

## efficiency

### \`ring-3\`

⟦- [x] N/A⟧
- Measured: 4 rings

### \`respond-24h\`

- Measured: ⟦3 rings⟧
- Rating: ⟦good⟧
- Status: done

### \`⟦greet⟧\`

- [x] Fail
- Measured: ⟦3⟧

### \`satisfaction\`

⟦- [x] Fail⟧
- Rating: ⟦great⟧

### \`satisfaction\`

- Rating: nope

## Obsolete

### \`gone\`

- [x] Fail
`);
    const parsed = parseChecklist('/ws/audits/hotline/a.md', text);
    expect(parsed.findings.map((f) => f.messageId)).toEqual(['checklist.duplicateItem']);
    const { findings, specs } = validateChecklist(parsed, await indexOf());
    expect([...specs.keys()]).toEqual(['ring-3', 'respond-24h', 'greet', 'satisfaction']);
    expect(findings.sort(compareFindings).map((f) => [f.ruleId, f.severity, f.messageId, f.args, f.range])).toEqual([
      ['checklist-invalid-answer', 'error', 'checklist.naWithValue', { id: 'ring-3' }, r[0]],
      ['checklist-invalid-measurement', 'error', 'checklist.measureUnit', { unit: 'rings', expected: 'hours' }, r[1]],
      ['checklist-invalid-answer', 'error', 'checklist.fieldNotForType', { id: 'respond-24h', type: { message: 'checklist.type.measure' }, field: 'rating' }, r[2]],
      ['checklist-missing-action', 'warning', 'checklist.failedNoAction', { id: 'greet' }, r[3]],
      ['checklist-invalid-answer', 'error', 'checklist.fieldNotForType', { id: 'greet', type: { message: 'checklist.type.pass-fail' }, field: 'measured' }, r[4]],
      ['checklist-invalid-answer', 'error', 'checklist.boxNotForType', { id: 'satisfaction', type: { message: 'checklist.type.rating' }, hint: { message: 'checklist.hint.rating' } }, r[5]],
      ['checklist-invalid-answer', 'error', 'checklist.unknownRating', { value: 'great', allowed: '很满意, 比较满意, 基本满意, 不太满意, 不满意' }, r[6]],
    ]);
  });

  it('asks for a re-check of an answered item under a re-check note, not in the obsolete section', () => {
    const { text, ranges: r } = marked(`---
touchpoint: hotline
---

### \`⟦greet⟧\`

> Re-check: the requirement changed.

<!-- peakend-item {"fp":"x","dimension":"etiquette","weight":1,"critical":false} -->

- [x] Pass

## Obsolete

### \`ring-3\`

> Re-check: the requirement changed.

<!-- peakend-item {"fp":"x","dimension":"etiquette","weight":1,"critical":false,"expect":{"type":"pass-fail"}} -->

- [x] Fail
`);
    const parsed = parseChecklist('/ws/audits/a.md', text);
    expect(parsed.items.map((i) => [i.id, i.recheck, i.obsolete, i.spec?.expect])).toEqual([
      ['greet', true, false, undefined],
      ['ring-3', true, true, { type: 'pass-fail' }],
    ]);
    expect(parsed.findings.map((f) => [f.ruleId, f.severity, f.messageId, f.args, f.range])).toEqual([['checklist-recheck', 'info', 'checklist.recheck', { id: 'greet' }, r[0]]]);
  });

  it('reports an action without owner or due date at the action, and a status or due date it cannot read', () => {
    const { text, ranges: r } = marked(`---
touchpoint: hotline
---

### \`greet\`

<!-- peakend-item {"fp":"x","dimension":"etiquette","weight":1,"critical":false} -->

- [x] Fail
- Action: ⟦retrain⟧
- Due: ⟦2026-13-01⟧
- Status: ⟦soon⟧

### \`ring-3\`

<!-- peakend-item {"fp":"x","dimension":"efficiency","weight":2,"critical":true,"expect":{"type":"measure","unit":"rings","comparator":"<=","threshold":3}} -->

- [x] N/A
- Action: ⟦call back⟧
- Owner: 王
`);
    const parsed = parseChecklist('/ws/audits/a.md', text);
    expect(parsed.findings.map((f) => [f.ruleId, f.messageId, f.args, f.range])).toEqual([
      ['checklist-invalid-answer', 'checklist.unknownStatus', { value: 'soon' }, r[2]],
      ['checklist-invalid-date', 'checklist.invalidDate', { value: '2026-13-01' }, r[1]],
      ['checklist-incomplete-action', 'checklist.actionNoOwner', { id: 'greet' }, r[0]],
      ['checklist-incomplete-action', 'checklist.actionNoDue', { id: 'ring-3' }, r[3]],
    ]);
  });
});

function standard(over: Partial<Standard> = {}): Standard {
  return { def: { kind: 'standard', id: 's1', file: '/ws/s.yaml', range: R0, fullRange: R0 }, weight: 1, critical: false, evidence: [], ...over };
}

describe('what a checklist keeps of a standard', () => {
  it('keeps the standard once, with a fingerprint of what an answer depends on', () => {
    const s = standard({ title: 'T', requirement: 'R', method: 'M', dimension: { value: 'eff', range: R0 }, expect: { type: 'measure', unit: 'h', comparator: '<', threshold: 2 }, weight: 3, critical: true, evidence: ['photo'] });
    const spec = itemSpec(s);
    expect(spec).toEqual({
      id: 's1',
      title: 'T',
      requirement: 'R',
      method: 'M',
      dimension: 'eff',
      expect: { type: 'measure', unit: 'h', comparator: '<', threshold: 2 },
      weight: 3,
      critical: true,
      evidence: ['photo'],
      fingerprint: sha(JSON.stringify(['R', { type: 'measure', unit: 'h', comparator: '<', threshold: 2 }, 3, true])).slice(0, 16),
    });
    expect(itemSpec(s)).toBe(spec);
    expect(spec.evidence).not.toBe(s.evidence);
    expect(spec.expect).not.toBe(s.expect);
    const bare = itemSpec(standard());
    expect(bare).toEqual({ id: 's1', dimension: '', weight: 1, critical: false, evidence: [], fingerprint: sha(JSON.stringify(['', null, 1, false])).slice(0, 16) });
    expect(Object.keys(bare)).toEqual(['id', 'dimension', 'weight', 'critical', 'evidence', 'fingerprint']);
  });

  it('changes the fingerprint with the requirement, expectation, weight or critical flag only', () => {
    const base: Pick<ItemSpec, 'requirement' | 'expect' | 'weight' | 'critical'> = { requirement: 'R', weight: 1, critical: false };
    const fp = fingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ ...base, requirement: 'R2' })).not.toBe(fp);
    expect(fingerprint({ ...base, expect: { type: 'pass-fail' } })).not.toBe(fp);
    expect(fingerprint({ ...base, weight: 2 })).not.toBe(fp);
    expect(fingerprint({ ...base, critical: true })).not.toBe(fp);
    expect(fingerprint({ ...base, title: 'other' } as typeof base)).toBe(fp);
  });

  it('hashes the items in ID order, whatever their order in the files', () => {
    const a = itemSpec(standard({ def: { kind: 'standard', id: 'b', file: '/f', range: R0, fullRange: R0 }, title: '甲', evidence: ['x'] }));
    const b = itemSpec(standard({ def: { kind: 'standard', id: 'a', file: '/f', range: R0, fullRange: R0 }, method: 'look', expect: { type: 'pass-fail' } }));
    const c = itemSpec(standard({ def: { kind: 'standard', id: 'c', file: '/f', range: R0, fullRange: R0 } }));
    const canonical = JSON.stringify([
      ['a', '', '', '', 'look', { type: 'pass-fail' }, 1, false, []],
      ['b', '甲', '', '', '', null, 1, false, ['x']],
      ['c', '', '', '', '', null, 1, false, []],
    ]);
    expect(standardsHash([a, b, c])).toBe(`sha256:${sha(canonical)}`);
    expect(standardsHash([c, a, b])).toBe(`sha256:${sha(canonical)}`);
    expect(standardsHash([b, c, a])).toBe(`sha256:${sha(canonical)}`);
    expect(standardsHash([])).toBe(`sha256:${sha('[]')}`);
  });

  it('writes into the header only the audit facts given', async () => {
    const index = await indexOf();
    const tp = index.touchpoints.get('hotline')![0]!;
    expect(Object.keys(buildChecklist(index, tp, { site: '', auditor: '', date: '' }).header)).toEqual(['touchpoint', 'touchpointName', 'standards']);
    expect(buildChecklist(index, tp, { site: 'N', auditor: 'A', date: '2026-01-01' }).header).toMatchObject({ touchpoint: 'hotline', touchpointName: '服务热线', site: 'N', auditor: 'A', date: '2026-01-01' });
  });
});
