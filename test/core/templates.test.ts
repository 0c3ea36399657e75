import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fillTemplate, templateFileName, TEMPLATE_KINDS } from '../../src/core';
import { check } from '../helpers/memory';
import { PERSONAS } from '../helpers/workspaces';

const template = (kind: string) => readFileSync(resolve(__dirname, `../../templates/${kind}.yaml`), 'utf8');

describe('templates', () => {
  it('make files without errors, titles with YAML syntax in them included', async () => {
    const files: Record<string, string> = { 'p.personas.yaml': PERSONAS };
    for (const kind of TEMPLATE_KINDS) {
      files[templateFileName(kind, `new-${kind}`)] = fillTemplate(template(kind), { id: `new-${kind}`, title: '报修: #1 "急" [test]', persona: 'owner' });
    }
    const findings = await check(files);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // No warnings either: the new standard (phone channel) covers the new inventory's hotline.
    expect(findings.map((f) => f.ruleId)).toEqual([]);
    expect(files['new-journey.journey.yaml']).toContain('title: "报修: #1 \\"急\\" [test]"');
  });

  it('quote IDs that YAML would read as numbers, and fall back to "customer" for a persona that is not an ID', async () => {
    const text = fillTemplate(template('journey'), { id: '2026', title: 't', persona: 'x\ny: 1' });
    const data = parse(text);
    expect([data.id, data.personas, data.stages[0].steps[0].emotions]).toEqual(['2026', ['customer'], { customer: 1 }]);
    const inventory = parse(fillTemplate(template('touchpoints'), { id: '2026', title: 't', persona: 'owner' }));
    expect([inventory.id, inventory.touchpoints[0].id]).toEqual(['2026', '2026-hotline']);
  });

  it('refuse IDs that are not valid', () => {
    expect(() => fillTemplate(template('journey'), { id: '../x', title: 't', persona: 'owner' })).toThrow('"../x" is not a valid ID.');
  });
});
