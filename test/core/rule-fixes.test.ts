import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core';
import { describeFinding } from '../helpers/expectations';
import { applyEdits, check } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };
const fixes = (f: Finding) => (f.fixes ?? []).map((x) => `${x.title}${x.preferred ? ' (preferred)' : ''}: ${x.edits.map((e) => `${e.file.slice(4)} ${e.range.start.line}:${e.range.start.character} ${JSON.stringify(e.newText)}`).join(' ')}`);

describe('fixes that create what a reference names', () => {
  it('copy phase, channel and type from the closest touchpoint, and go to its inventory', async () => {
    const j = journey('      - { id: a, title: x, touchpoints: [service-hotlin], emotions: { owner: 1, tenant: 1 } }\n');
    const [f] = await check({ ...base, 'j.journey.yaml': j });
    expect(fixes(f!)[0]).toBe('Change to "service-hotline" (preferred): j.journey.yaml 9:41 "service-hotline"');
    const create = f!.fixes![1]!;
    expect(create.title).toBe('Create touchpoint "service-hotlin" in t.touchpoints.yaml');
    expect(create.edits.map((e) => [e.file, e.range.start, e.range.end])).toEqual([['/ws/t.touchpoints.yaml', { line: 6, character: 83 }, { line: 6, character: 83 }]]);
    // The new entry sits at the list's indentation, with the fields of the touchpoint it resembles.
    expect(create.edits[0]!.newText).toMatch(/^\n {2}- id: .*\n {4}name: .*\n {4}phase: service\n {4}channel: phone\n {4}type: human$/);
  });

  it('offer up to three suggestions, none preferred, and nothing to create for a standard', async () => {
    const tp = TOUCHPOINTS.replace('tags: [hotline] }', 'tags: [hotline], standards: [answer-within-3-ring] }');
    const standards = STANDARDS.replace('  - id: answer-within-3-rings', '  - id: answer-within-3-rings\n    title: a\n    requirement: r\n    appliesTo: { channels: [x] }\n    method: audit\n    expect: { type: pass-fail }\n  - id: answer-within-3-ringz\n    title: b\n    requirement: r\n    appliesTo: { channels: [x] }\n    method: audit\n    expect: { type: pass-fail }\n  - id: answer-within-4-rings');
    const f = (await check({ ...base, 't.touchpoints.yaml': tp, 's.standards.yaml': standards })).find((x) => x.ruleId === 'unknown-standard')!;
    expect(f.message).toBe('Unknown standard "answer-within-3-ring". Did you mean "answer-within-3-rings"?');
    expect(f.fixes!.map((x) => `${x.title}${x.preferred ? ' (preferred)' : ''}`)).toEqual(['Change to "answer-within-3-rings"', 'Change to "answer-within-3-ringz"', 'Change to "answer-within-4-rings"']);
    expect(f.related!.map((r) => r.message)).toEqual(['A similar standard ID: "answer-within-3-rings"', 'A similar standard ID: "answer-within-3-ringz"', 'A similar standard ID: "answer-within-4-rings"']);
  });

  it('create nothing when the only inventory is a flow list', async () => {
    const flow = 'peakend: 1\nkind: touchpoints\nid: inventory\ntitle: t\ntouchpoints: [{ id: lobby, name: L, phase: service, channel: store, type: human }]\n';
    const [f] = (await check({ ...base, 't.touchpoints.yaml': flow, 'j.journey.yaml': journey('      - { id: a, title: x, touchpoints: [电梯], emotions: { owner: 1, tenant: 1 } }\n') })).filter((x) => x.ruleId === 'unknown-touchpoint');
    expect(f!.fixes).toBeUndefined();
  });
});

describe('scores', () => {
  it('clamp a score below the scale to its minimum, and add missing scores at the neutral point', async () => {
    const j = journey('      - id: a\n        title: x\n        emotions:\n          owner: -9\n      - { id: b, title: y, emotions: { tenant: 0 } }\n      - { id: c, title: z, emotions: {} }\n');
    const found = await check({ ...base, 'j.journey.yaml': j });
    expect(found.map((f) => `${describeFinding(f)} ${f.message}`)).toEqual([
      'missing-persona-score 12:9-12:17 Step "a" has no emotion score for persona "tenant".',
      'score-out-of-scale 13:18-13:20 The score -9 is outside the scale -5 to 5.',
      'missing-persona-score 14:28-14:36 Step "b" has no emotion score for persona "owner".',
      'missing-persona-score 15:28-15:36 Step "c" has no emotion score for persona "owner".',
      'missing-persona-score 15:28-15:36 Step "c" has no emotion score for persona "tenant".',
    ]);
    expect(found.flatMap(fixes)).toEqual([
      'Add a score for "tenant": j.journey.yaml 12:19 "\\n          tenant: 0"',
      'Set the score to -5 (preferred): j.journey.yaml 12:17 "-5"',
      'Add a score for "owner": j.journey.yaml 13:48 ", owner: 0"',
      'Add a score for "owner": j.journey.yaml 14:38 "owner: 0"',
      'Add a score for "tenant": j.journey.yaml 14:38 "tenant: 0"',
    ]);
    expect(found[0]!.related!.map((r) => `${r.range.start.line}:${r.range.start.character} ${r.message}`)).toEqual(["4:11 The journey's personas: owner, tenant"]);
    const once = applyEdits(j, [found[0]!.fixes![0]!.edits[0]!, found[1]!.fixes![0]!.edits[0]!]);
    expect(once).toContain('          owner: -5\n          tenant: 0\n');
  });
});

describe('coverage', () => {
  it('names an uncovered touchpoint by its name, or its ID without one; an unused standard by its ID', async () => {
    const tp = TOUCHPOINTS.replace('  - { id: service-center, name: 服务中心, phase: service, channel: store, type: human }', '  - { id: kiosk, phase: service, channel: kiosk, type: self-service }');
    const found = (await check({ ...base, 't.touchpoints.yaml': tp })).filter((f) => f.ruleId === 'uncovered-touchpoint' || f.ruleId === 'unused-standard');
    expect(found.map((f) => `${describeFinding(f)} ${f.severity} ${f.message}`)).toEqual(['uncovered-touchpoint 7:11-7:16 warning No standard applies to touchpoint "kiosk" (kiosk).']);
    const none = await check({ ...base, 's.standards.yaml': STANDARDS.replace('channels: [phone, store]', 'channels: [fax]') });
    expect(none.filter((f) => f.ruleId === 'unused-standard').map((f) => `${describeFinding(f)} ${f.severity} ${f.message}`)).toEqual([
      'unused-standard 6:9-6:30 warning Standard "answer-within-3-rings" applies to no touchpoint.',
    ]);
  });
});
