import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist, renderChecklist, type ChecklistSpec, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';

// Titles, requirements, dimensions and header values with Markdown and HTML metacharacters, CJK and odd spacing.
const CHARS = [...'abcXYZ019 .,;:!?*_|<>[]()#`\\-+=~&%$@"\'\t中文检查备注满意：（）、'];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const hostile = fc.oneof(text, fc.constantFrom('<script>alert(1)</script>', '# not a heading', '- [x] Pass', '| a | b |', '`code`', '**bold**', '&amp;', '\\', '---', '1. one', '> quote', '<!-- c -->', '  spaced  ', '服务热线（北区）', '😀 emoji'));
const id = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.constantFrom('三声接听', 'ring_3', 'A1'));

const expectArb = fc.oneof(
  fc.constant({ type: 'pass-fail' as const }),
  fc.record({ type: fc.constant('measure' as const), unit: fc.oneof(fc.constantFrom('hours', '元', '°C'), text), comparator: fc.constantFrom('<=' as const, '<' as const, '>=' as const, '>' as const, '=' as const), threshold: fc.double({ min: -1e3, max: 1e3, noNaN: true }) }),
  fc.record({ type: fc.constant('rating' as const), atLeast: fc.constantFrom('very-satisfied', 'satisfied', 'neutral', 'dissatisfied', 'odd') }),
);
const itemArb = (itemId: string) =>
  fc
    .record(
      { title: hostile, dimension: fc.oneof(fc.constantFrom('efficiency', '礼仪', '', 'Obsolete', '已不适用'), hostile), requirement: hostile, method: hostile, expect: expectArb, weight: fc.integer({ min: 0, max: 5 }), critical: fc.boolean(), evidence: fc.array(hostile, { maxLength: 2 }) },
      { requiredKeys: ['dimension', 'weight', 'critical', 'evidence'] },
    )
    .map((r): ItemSpec => {
      const item: ItemSpec = { id: itemId, ...r, fingerprint: '' };
      item.fingerprint = fingerprint(item);
      return item;
    });
const specArb = fc.uniqueArray(id, { minLength: 0, maxLength: 5 }).chain((ids) => fc.tuple(...ids.map(itemArb)));
const headerArb = fc.record({ touchpoint: id, touchpointName: hostile, site: hostile, auditor: hostile, date: fc.constantFrom('2026-12-03', '2026-02-30') }, { requiredKeys: ['touchpoint'] });
/** What a person writes below an item's table or a section heading. */
const WRITTEN = ['- [x] Pass', '- Note: **ok** <b>x</b>', '- Measured: 30 h', '```\nfenced\n```', '    indented', '1. one\n2. two', '* star', '> quote', '<div>', '| a |\n| - |', '备注：写在这里', '\\* escaped', 'trailing  ', '- a\n\n- b'];

describe('a checklist written block by block', { timeout: 300_000 }, () => {
  it('has the bytes the whole Markdown tree gives, for new and merged checklists', () => {
    fc.assert(
      fc.property(
        specArb,
        headerArb,
        fc.constantFrom('en' as const, 'zh-cn' as const),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WRITTEN)), { maxLength: 4 }),
        specArb,
        (items, header, lang, written, next) => {
          const spec: ChecklistSpec = { header, items };
          const first = renderChecklist(spec, lang, undefined, 'join').text;
          expect(first).toBe(renderChecklist(spec, lang, undefined, 'tree').text);
          // A person writes under items and headings; the standards change; the checklist is merged.
          const lines = first.split('\n');
          for (const [at, line] of written) lines.splice(1 + (at % lines.length), 0, '', line, '');
          const previous = parseChecklist('/c.md', lines.join('\n'));
          const again: ChecklistSpec = { header, items: [...items.slice(1), ...next.filter((n) => !items.some((i) => i.id === n.id))] };
          const merged = renderChecklist(again, 'en', previous, 'join');
          expect(merged).toEqual(renderChecklist(again, 'en', previous, 'tree'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
