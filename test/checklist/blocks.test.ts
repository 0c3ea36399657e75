import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderChecklist, type ChecklistSpec } from '../../src/core';
import { topLevelBlocks, wholeDocumentBlocks, type Placed } from '../../src/core/checklist/blocks';
import type { MdNode } from '../../src/core/checklist/mdast';

/** Every node of the tree with its positions as document offsets (lines and columns are not read). */
function absolute(blocks: Placed[]): unknown[] {
  const fix = (n: MdNode, base: number): unknown => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'position') out.position = [base + n.position!.start.offset!, base + n.position!.end.offset!];
      else if (k === 'children') out.children = (v as MdNode[]).map((c) => fix(c, base));
      else out[k] = v;
    }
    return out;
  };
  return blocks.map((b) => fix(b.node, b.base));
}

/** How many parts a document was cut into. */
const cuts = (text: string) => new Set(topLevelBlocks(text).map((b) => b.base)).size;

// Lines a person may write anywhere in a checklist, the hostile ones included: constructs that reach
// across blank lines (fences, HTML blocks, definitions), lists a blank line apart, lazy lines.
const LINES = [
  '',
  '',
  '## assurance',
  '### `ring-3` 三声内接听',
  '<!-- peakend-item {"fp":"x","dimension":"a","weight":1,"critical":false} -->',
  '| Requirement | Method |',
  '| --- | --- |',
  '| 在约定的时间内到达 | survey |',
  '- [ ] Pass',
  '- [x] Fail',
  '- Note: **ok** | pipe',
  '  continued',
  '1. first',
  '* star',
  '> quoted',
  '> - quoted item',
  'lazy paragraph line',
  '    indented code',
  'see [ref] and [^1]',
  '<div>',
  'closed -->',
  '---',
  '===',
  '#not-a-heading',
  '| lone pipe',
  'www.example.com and a@b.co',
  '\t- tabbed',
  '- ### heading in a list',
  '  | cell in a list |',
  '10) ordered',
];
/** Lines after which a document is read whole. */
const HOSTILE = ['```', '~~~', '[ref]: https://example.com', '[^1]: footnote', '<!-- open comment', '<pre>', '<?php', '<![CDATA[', '\r'];

describe('checklist parts', () => {
  it('give the nodes the whole document gives, for random documents', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), fc.array(fc.constantFrom(...HOSTILE), { maxLength: 1 }), (lines, frontMatter, hostile) => {
        lines.splice(lines.length >> 1, 0, ...hostile);
        const text = (frontMatter ? '---\ntouchpoint: x\n\n# comment\n---\n\n' : '') + lines.join('\n');
        expect(absolute(topLevelBlocks(text))).toEqual(absolute(wholeDocumentBlocks(text)));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('give the nodes the whole document gives for every checklist of the example and the tests, and cut generated checklists by item', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') ? [join(d, e.name)] : []));
    const files = [...walk('examples/property-management/audits'), ...walk('test/checklist/golden')];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(absolute(topLevelBlocks(text)), f).toEqual(absolute(wholeDocumentBlocks(text)));
    }
    const spec: ChecklistSpec = {
      header: { touchpoint: 'tp', date: '2026-12-03' },
      items: ['a', 'b'].map((id) => ({ id, title: `标准 ${id}`, dimension: 'd', requirement: 'r', weight: 1, critical: false, evidence: [], fingerprint: id, expect: { type: 'pass-fail' } })),
    };
    const text = renderChecklist(spec).text;
    // Front matter; title and intro; the dimension; per item its heading, snapshot, table and answers.
    expect(cuts(text)).toBe(3 + 2 * 4);
    // Anything that can reach across a blank line: the document is read whole.
    expect(cuts(text + '\n```\n')).toBe(1);
    expect(cuts(text + '\n[x]: /y\n')).toBe(1);
    expect(cuts(text.replace(/\n/g, '\r\n'))).toBe(1);
  });
});
