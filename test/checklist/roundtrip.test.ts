import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist, renderChecklist, type Answer, type ChecklistSpec, type ItemSpec } from '../../src/core';
import { fingerprint } from '../../src/core/checklist/build';

const CHARS = [...'abcXYZ019 .,;:!?*_|<>[]()#`\\-+=~&%$@"\'中文检查备注满意：（）、'];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 20 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

const expectArb = fc.oneof(
  fc.constant({ type: 'pass-fail' as const }),
  fc.record({ type: fc.constant('measure' as const), unit: fc.constantFrom('hours', 'rings', '元', 'customers waiting'), comparator: fc.constantFrom('<=' as const, '<' as const, '>=' as const, '>' as const, '=' as const), threshold: fc.integer({ min: -5, max: 100 }) }),
  fc.record({ type: fc.constant('rating' as const), atLeast: fc.constantFrom('very-satisfied', 'satisfied', 'neutral', 'dissatisfied') }),
);

const itemArb = (itemId: string) =>
  fc.record({ title: text, dimension: fc.constantFrom('efficiency', 'etiquette', '礼仪', ''), requirement: text, method: fc.constantFrom('observation', 'survey'), expect: expectArb, weight: fc.integer({ min: 1, max: 5 }), critical: fc.boolean() }).map((r): ItemSpec => {
    const item: ItemSpec = { id: itemId, ...r, evidence: [], fingerprint: '' };
    item.fingerprint = fingerprint(item);
    return item;
  });

const specArb = fc.uniqueArray(id, { minLength: 1, maxLength: 6 }).chain((ids) => fc.tuple(...ids.map(itemArb)));

const answerArb: fc.Arbitrary<Answer> = fc.record(
  {
    result: fc.constantFrom('pass' as const, 'fail' as const, 'na' as const),
    measured: fc.oneof(text, fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('', ' h', ' 天', '%')).map(([n, u]) => `${n}${u}`)),
    rating: fc.oneof(text, fc.constantFrom('很满意', 'satisfied', '不满意')),
    note: text,
    evidence: text,
    action: text,
    owner: text,
    due: fc.oneof(text, fc.constant('2026-12-31')),
    status: fc.oneof(text, fc.constantFrom('open', '已完成')),
  },
  { requiredKeys: [] },
);

const BOX: Record<NonNullable<Answer['result']>, string[]> = { pass: ['Pass', '通过'], fail: ['Fail', '不通过'], na: ['N/A', '不适用', 'n.a.'] };
const LABEL: Record<Exclude<keyof Answer, 'result'>, string[]> = {
  measured: ['Measured', '实测'],
  rating: ['Rating', '评价'],
  note: ['Note', '备注'],
  evidence: ['Evidence', '证据'],
  action: ['Action', '整改措施'],
  owner: ['Owner', '责任人'],
  due: ['Due (YYYY-MM-DD)', '期限'],
  status: ['Status', '状态'],
};

/** Writes answers the way a person would: replaces each item's answer list with ticked boxes and "Label: value" lines. */
function fill(source: string, answers: Map<string, Answer>, pick: number): string {
  const parsed = parseChecklist('/c.md', source);
  let out = source;
  for (const item of [...parsed.items].reverse()) {
    const a = answers.get(item.id);
    if (!a) continue;
    const lines: string[] = [];
    if (a.result) lines.push(`- [${pick % 2 ? 'x' : 'X'}] ${BOX[a.result][pick % BOX[a.result].length]}`, '- [ ] Fail');
    for (const [k, labels] of Object.entries(LABEL) as [keyof typeof LABEL, string[]][]) {
      if (a[k] !== undefined) lines.push(`- ${labels[pick % labels.length]}${pick % 3 ? ':' : '：'} ${a[k]}`);
    }
    out = out.slice(0, item.answerStart) + '\n\n' + lines.join('\n') + '\n\n' + out.slice(item.end).replace(/^\s+/, '');
  }
  return out;
}

// Each run parses Markdown several times: a generous timeout keeps the property test stable on a busy machine.
describe('checklist round trips (property)', { timeout: 180_000 }, () => {
  it('generate → fill → parse gives back exactly the answers written', () => {
    fc.assert(
      fc.property(specArb, fc.array(answerArb, { minLength: 6, maxLength: 6 }), fc.nat(), fc.constantFrom('en' as const, 'zh-cn' as const), (items, answers, pick, lang) => {
        const spec: ChecklistSpec = { header: { touchpoint: 'tp', date: '2026-12-03' }, items };
        const written = new Map(items.map((it, i) => [it.id, answers[i]!]));
        const filled = fill(renderChecklist(spec, lang).text, written, pick);
        const parsed = parseChecklist('/c.md', filled);
        expect(parsed.items.map((i) => i.id)).toEqual(groupedIds(items));
        for (const item of parsed.items) expect(item.answer).toEqual(written.get(item.id));
      }),
      { numRuns: 50 },
    );
  });

  it('generate → fill → change standards → regenerate keeps every answer byte for byte', () => {
    fc.assert(
      fc.property(
        specArb,
        fc.array(answerArb, { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom('keep', 'retitle', 'reweigh', 'rethreshold', 'drop'), { minLength: 6, maxLength: 6 }),
        specArb,
        (items, answers, edits, added) => {
          const spec: ChecklistSpec = { header: { touchpoint: 'tp', date: '2026-12-03', site: 'A' }, items };
          const filled = fill(renderChecklist(spec).text, new Map(items.map((it, i) => [it.id, answers[i]!])), 1);
          const before = parseChecklist('/c.md', filled);
          const blockOf = (p: typeof before, itemId: string) => {
            const it = p.items.find((i) => i.id === itemId)!;
            return p.text.slice(it.answerStart, it.end).trim();
          };
          const changed = new Set<string>();
          const next: ItemSpec[] = [];
          items.forEach((it, i) => {
            const e = edits[i]!;
            if (e === 'drop') return;
            const n: ItemSpec = { ...it, title: e === 'retitle' ? `${it.title} v2` : it.title };
            if (e === 'reweigh') n.weight = it.weight + 1;
            if (e === 'rethreshold') n.requirement = `${it.requirement} (stricter)`;
            n.fingerprint = fingerprint(n);
            if (n.fingerprint !== it.fingerprint) changed.add(it.id);
            next.push(n);
          });
          const fresh = added.filter((a) => !items.some((it) => it.id === a.id));
          next.push(...fresh);
          const again = renderChecklist({ header: { ...spec.header, site: 'ignored' }, items: next }, 'en', before);
          const after = parseChecklist('/c.md', again.text);
          expect(after.header.site).toBe('A');
          for (const it of items) {
            const now = after.items.find((i) => i.id === it.id)!;
            expect(now, it.id).toBeDefined();
            expect(now.answer).toEqual(before.items.find((i) => i.id === it.id)!.answer);
            expect(blockOf(after, it.id)).toBe(blockOf(before, it.id));
            expect(now.obsolete).toBe(!next.some((n) => n.id === it.id));
            if (!now.obsolete) expect(now.recheck).toBe(changed.has(it.id));
          }
          for (const f of fresh) expect(after.items.find((i) => i.id === f.id)!.answer).toEqual({});
          // Regenerating once more with the same standards changes nothing.
          expect(renderChecklist({ header: spec.header, items: next }, 'en', after).text).toBe(again.text);
        },
      ),
      { numRuns: 50 },
    );
  });
});

/** Item IDs in the order a checklist lists them: grouped by dimension, dimensions in order of first use. */
function groupedIds(items: ItemSpec[]): string[] {
  const dims = [...new Set(items.map((i) => i.dimension))];
  return dims.flatMap((d) => items.filter((i) => i.dimension === d).map((i) => i.id));
}
