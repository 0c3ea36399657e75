import { describe, expect, it } from 'vitest';
import { check } from '../helpers/memory';
import { PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

const base = { 'p.personas.yaml': PERSONAS, 't.touchpoints.yaml': TOUCHPOINTS, 's.standards.yaml': STANDARDS };

/** A checklist of one touchpoint with one answered item. */
const checklist = (touchpoint: string, item: string) => `---\ntouchpoint: ${touchpoint}\n---\n\n### \`${item}\`\n\n- Measured: 2\n`;

describe('audit checklists in the workspace', () => {
  it('are checked against the inventories and standards of the workspace', async () => {
    const findings = await check({ ...base, 'checklists/good.md': checklist('service-hotline', 'answer-within-3-rings'), 'checklists/bad.md': checklist('nowhere', 'ring-3') });
    expect(findings.map((f) => [f.file, f.ruleId, f.severity, f.message, f.range.start.line])).toEqual([
      ['/ws/checklists/bad.md', 'checklist-unknown-touchpoint', 'error', 'Unknown touchpoint "nowhere": no inventory defines it.', 1],
      ['/ws/checklists/bad.md', 'checklist-unknown-item', 'error', 'Unknown item "ring-3": no standard of the workspace has this ID.', 4],
    ]);
  });

  it('are not checked outside the checklists folder', async () => {
    expect(await check({ ...base, 'notes/bad.md': checklist('nowhere', 'ring-3') })).toEqual([]);
  });
});
