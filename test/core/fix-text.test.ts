import { isMap, parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core';
import { yamlScalar } from '../../src/core/yaml/scalar';
import { applyEdits, check } from '../helpers/memory';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

/** Applies the fix titled `title` of a finding to the file it edits; returns that file's new text. */
function applyFix(files: Record<string, string>, f: Finding, title: string): string {
  const fix = f.fixes?.find((x) => x.title === title);
  expect(fix, `a fix "${title}" among ${JSON.stringify(f.fixes?.map((x) => x.title))}`).toBeDefined();
  const file = fix!.edits[0]!.file.slice('/ws/'.length);
  return applyEdits(files[file]!, fix!.edits);
}

describe('text that quick fixes write into files', () => {
  it('quotes IDs that YAML would read as something other than text', () => {
    for (const id of ['123', 'true', 'null', '1e3', '0x1f', 'yes', '报修', 'a-b', '~']) {
      expect(parse(`k: ${yamlScalar(id)}`), id).toEqual({ k: id });
      expect(parse(`k: [${yamlScalar(id)}]`), id).toEqual({ k: [id] });
      expect(parse(`{ ${yamlScalar(id)}: 0 }`), id).toEqual({ [id]: 0 });
    }
    for (const text of ['a\nb: c', 'x, y', '[a]', '- x', '# c', 'a: b', '"q"', '|', '>', ' lead', 'tab\there', 'line\r\nbreak']) {
      const s = yamlScalar(text);
      expect(s, JSON.stringify(text)).not.toMatch(/[\n\r]/);
      expect(parse(`k: ${s}`), JSON.stringify(text)).toEqual({ k: text });
      expect(parse(`k: [${s}, z]`), JSON.stringify(text)).toEqual({ k: [text, 'z'] });
    }
  });

  it('"create touchpoint" appends exactly the new touchpoint, its ID quoted where needed', async () => {
    const files = { ...base, 'j.journey.yaml': journey('      - { id: a, title: x, touchpoints: ["2024"], emotions: { owner: 1, tenant: 1 } }\n') };
    const [f] = (await check(files)).filter((x) => x.ruleId === 'unknown-touchpoint');
    const fixed = applyFix(files, f!, 'Create touchpoint "2024" in t.touchpoints.yaml');
    const before = parse(files['t.touchpoints.yaml']);
    expect(parse(fixed)).toEqual({ ...before, touchpoints: [...before.touchpoints, { id: '2024', name: '2024', phase: 'service', channel: 'on-site', type: 'human' }] });
    expect(await check({ ...files, 't.touchpoints.yaml': fixed })).toEqual([expect.objectContaining({ ruleId: 'uncovered-touchpoint' })]);
  });

  it('"create persona" appends exactly the new persona', async () => {
    const files = { ...base, 'j.journey.yaml': journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1, "true": 0 } }\n', 'personas: [owner, tenant, "true"]\n') };
    const [f] = (await check(files)).filter((x) => x.ruleId === 'unknown-persona');
    const fixed = applyFix(files, f!, 'Create persona "true" in p.personas.yaml');
    const before = parse(files['p.personas.yaml']);
    expect(parse(fixed)).toEqual({ ...before, personas: [...before.personas, { id: 'true', name: 'true' }] });
  });

  it('"add score" adds exactly one key, quoted where needed, in flow and block mappings', async () => {
    const personas = PERSONAS + '  - { id: "365", name: 全年 }\n';
    const flow = journey('      - { id: a, title: x, emotions: { owner: 1, tenant: 1 } }\n', 'personas: [owner, tenant, "365"]\n');
    const block = journey('      - id: a\n        title: x\n        emotions:\n          owner: 1\n          tenant: 1\n', 'personas: [owner, tenant, "365"]\n');
    for (const text of [flow, block]) {
      const files = { ...base, 'p.personas.yaml': personas, 'j.journey.yaml': text };
      const [f] = (await check(files)).filter((x) => x.ruleId === 'missing-persona-score');
      const fixed = applyFix(files, f!, 'Add a score for "365"');
      const data = parse(fixed);
      expect(data.stages[0].steps[0].emotions).toEqual({ owner: 1, tenant: 1, '365': 0 });
      // The new key is the text "365", not the number 365.
      const emotions = parseDocument(fixed).getIn(['stages', 0, 'steps', 0, 'emotions'], true);
      expect(isMap(emotions) && emotions.items.map((p) => (p.key as { value: unknown }).value)).toEqual(['owner', 'tenant', '365']);
      expect({ ...data, stages: undefined }).toEqual({ ...parse(text), stages: undefined });
    }
  });

  it('never offers to write an ID that breaks the ID pattern', async () => {
    const evil = 'x\\n  - id: injected\\n    name: injected';
    const files = {
      ...base,
      'j.journey.yaml': journey(`      - { id: a, title: x, touchpoints: ["${evil}"], emotions: { owner: 1, tenant: 1 } }\n`, `personas: [owner, tenant, "${evil}"]\n`),
    };
    const findings = await check(files);
    const about = findings.filter((f) => ['unknown-touchpoint', 'unknown-persona', 'missing-persona-score'].includes(f.ruleId));
    expect(about.map((f) => f.ruleId).sort()).toEqual(['missing-persona-score', 'unknown-persona', 'unknown-touchpoint']);
    for (const f of about) expect(f.fixes ?? [], f.message).toEqual([]);
  });
});
