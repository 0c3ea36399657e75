import { describe, expect, it } from 'vitest';
import { compare, convert, judgeItem, knownUnit, normalizeUnit, parseMeasurement, scoreChecklist, type Answer, type ItemSpec, type ParsedChecklist, type ParsedItem } from '../../src/core';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function spec(over: Partial<ItemSpec> & { id: string }): ItemSpec {
  return { dimension: 'efficiency', weight: 1, critical: false, evidence: [], fingerprint: 'f', ...over };
}
const hours = (id: string, over: Partial<ItemSpec> = {}) => spec({ id, expect: { type: 'measure', unit: 'hours', comparator: '<=', threshold: 24 }, ...over });
const rating = (id: string, atLeast = 'satisfied', over: Partial<ItemSpec> = {}) => spec({ id, expect: { type: 'rating', atLeast }, ...over });

function item(id: string, answer: Answer, s?: ItemSpec, over: Partial<ParsedItem> = {}): ParsedItem {
  const out: ParsedItem = { id, idRange: RANGE, obsolete: false, recheck: false, answer, ranges: {}, start: 0, answerStart: 0, end: 0, ...over };
  if (s) out.spec = s;
  return out;
}
function checklist(items: ParsedItem[], header: ParsedChecklist['header'] = { touchpoint: 'hotline' }): ParsedChecklist {
  return { file: '/ws/audits/a.md', text: '', header, headerRanges: {}, items, sections: [], findings: [] };
}

describe('units', () => {
  it('folds case, width and inner spaces of a unit, and knows its quantity and factor', () => {
    expect(normalizeUnit('  Customers \t Waiting ')).toBe('customers waiting');
    expect(normalizeUnit('％')).toBe('%');
    expect(knownUnit(' Hours ')).toEqual({ quantity: 'time', factor: 3600 });
    expect(knownUnit('周')).toEqual({ quantity: 'time', factor: 604800 });
    expect(knownUnit('个小时')).toEqual({ quantity: 'time', factor: 3600 });
    expect(knownUnit('响')).toEqual({ quantity: 'rings', factor: 1 });
    expect(knownUnit('名')).toEqual({ quantity: 'count', factor: 1 });
    expect(knownUnit('yuan')).toBeUndefined();
  });

  it('converts by both factors and compares an unknown unit only with itself', () => {
    expect(convert(2, 'weeks', 'days')).toBe(14);
    expect(convert(36, 'hours', 'days')).toBe(1.5);
    expect(convert(120, 'sec', 'min')).toBe(2);
    expect(convert(3, 'h', 'yuan')).toBeUndefined();
    expect(convert(3, 'yuan', 'h')).toBeUndefined();
    expect(convert(3, 'Yuan', ' yuan ')).toBe(3);
    expect(convert(3, 'yuan', 'kuai')).toBeUndefined();
  });

  it('reads signed, grouped and fractional numbers and keeps the rest as the unit', () => {
    expect(parseMeasurement('+1.5 h')).toEqual({ value: 1.5, unit: 'h' });
    expect(parseMeasurement('.5小时')).toEqual({ value: 0.5, unit: '小时' });
    expect(parseMeasurement('-.25')).toEqual({ value: -0.25 });
    expect(parseMeasurement('12,345,678.5 个')).toEqual({ value: 12345678.5, unit: '个' });
    expect(parseMeasurement('1,20 h')).toEqual({ value: 1, unit: ',20 h' });
    expect(parseMeasurement('3\nrings')).toEqual({ value: 3, unit: 'rings' });
    expect(parseMeasurement('95 %  ')).toEqual({ value: 95, unit: '%' });
    expect(parseMeasurement('x3')).toBeUndefined();
    expect(parseMeasurement('1'.repeat(400))).toBeUndefined();
  });

  it('allows rounding noise relative to the larger number, and nothing more', () => {
    // eps = 1e-9 × max(1, |value|, |threshold|): 1e-6 at 1000.
    expect(compare(1000, '>=', 1000 + 5e-7)).toBe(true);
    expect(compare(1000, '>=', 1000 + 2e-6)).toBe(false);
    expect(compare(1000 + 5e-7, '<=', 1000)).toBe(true);
    expect(compare(1000 + 2e-6, '<=', 1000)).toBe(false);
    expect(compare(1000 - 5e-7, '<', 1000)).toBe(false);
    expect(compare(1000 - 2e-6, '<', 1000)).toBe(true);
    expect(compare(1000 + 5e-7, '>', 1000)).toBe(false);
    expect(compare(1000 + 2e-6, '>', 1000)).toBe(true);
    expect(compare(1000 + 5e-7, '=', 1000)).toBe(true);
    expect(compare(1000 - 5e-7, '=', 1000)).toBe(true);
    expect(compare(1000 + 2e-6, '=', 1000)).toBe(false);
    expect(compare(1000 - 2e-6, '=', 1000)).toBe(false);
    // Small numbers: the epsilon stays 1e-9, not smaller.
    expect(compare(0.5 + 5e-10, '<=', 0.5)).toBe(true);
    expect(compare(0, '>=', 5e-10)).toBe(true);
    expect(compare(-1000 + 5e-7, '<=', -1000)).toBe(true);
    expect(compare(-1000, '>=', -1000 + 5e-7)).toBe(true);
    expect(compare(1, '≠', 2)).toBe(false);
    expect(compare(1, '==', 1)).toBe(false);
  });
});

describe('judging one answer', () => {
  it('judges a measurement in the threshold unit, a bare number as already in it', () => {
    const s = hours('respond');
    expect(judgeItem({ measured: '1 day' }, s)).toEqual({ status: 'pass', value: 24 });
    expect(judgeItem({ measured: '1.5 天' }, s)).toEqual({ status: 'fail', value: 36 });
    expect(judgeItem({ measured: '0' }, s)).toEqual({ status: 'pass', value: 0 });
    expect(judgeItem({ measured: '25' }, s)).toEqual({ status: 'fail', value: 25 });
    expect(judgeItem({ measured: '0 h', result: 'pass' }, s)).toEqual({ status: 'pass', value: 0 });
  });

  it('treats a measurement that cannot be read, or N/A beside a value, as unanswered and invalid', () => {
    const s = hours('respond');
    expect(judgeItem({ measured: 'soon' }, s)).toEqual({ status: 'unanswered', invalid: true });
    expect(judgeItem({ measured: '3 rings' }, s)).toEqual({ status: 'unanswered', invalid: true });
    expect(judgeItem({ measured: '3 h', result: 'na' }, s)).toEqual({ status: 'unanswered', invalid: true });
  });

  it('takes N/A without a value, and never a ticked pass or fail, for a measure or rating item', () => {
    for (const s of [hours('respond'), rating('sat')]) {
      expect(judgeItem({ result: 'na' }, s)).toEqual({ status: 'na' });
      expect(judgeItem({ result: 'pass' }, s)).toEqual({ status: 'unanswered' });
      expect(judgeItem({ result: 'fail' }, s)).toEqual({ status: 'unanswered' });
      expect(judgeItem({}, s)).toEqual({ status: 'unanswered' });
    }
  });

  it('judges a rating at or above the level the standard asks for, in either language', () => {
    const s = rating('sat', 'satisfied');
    expect(judgeItem({ rating: '很满意' }, s)).toEqual({ status: 'pass' });
    expect(judgeItem({ rating: 'Satisfied' }, s)).toEqual({ status: 'pass' });
    expect(judgeItem({ rating: 'neutral' }, s)).toEqual({ status: 'fail' });
    expect(judgeItem({ rating: '1' }, s)).toEqual({ status: 'fail' });
    expect(judgeItem({ rating: 'very dissatisfied' }, rating('low', 'very-dissatisfied'))).toEqual({ status: 'pass' });
    expect(judgeItem({ rating: 'satisfied' }, rating('top', 'very-satisfied'))).toEqual({ status: 'fail' });
    expect(judgeItem({ rating: 'great' }, s)).toEqual({ status: 'unanswered', invalid: true });
    expect(judgeItem({ rating: 'satisfied' }, rating('odd', 'happy'))).toEqual({ status: 'unanswered', invalid: true });
    expect(judgeItem({ rating: 'satisfied', result: 'na' }, s)).toEqual({ status: 'unanswered', invalid: true });
  });

  it('takes the ticked box of a pass-fail item or an item without expectation', () => {
    expect(judgeItem({ result: 'fail', measured: '3' }, spec({ id: 'p', expect: { type: 'pass-fail' } }))).toEqual({ status: 'fail' });
    expect(judgeItem({ result: 'na' }, spec({ id: 'p' }))).toEqual({ status: 'na' });
    expect(judgeItem({ rating: '5' }, spec({ id: 'p' }))).toEqual({ status: 'unanswered' });
  });
});

describe('scoring a checklist', () => {
  it('copies the audit facts it has, and no others', () => {
    const full = scoreChecklist(checklist([], { touchpoint: 'hotline', site: '北区', auditor: '张三', date: '2026-12-03', standards: 'sha256:x', language: 'zh-cn' }));
    expect(full).toEqual({
      file: '/ws/audits/a.md',
      touchpoint: 'hotline',
      site: '北区',
      auditor: '张三',
      date: '2026-12-03',
      outcome: 'pass',
      overall: { passedWeight: 0, answeredWeight: 0, counts: { pass: 0, fail: 0, na: 0, unanswered: 0 } },
      dimensions: [],
      items: [],
      criticalFailures: [],
      unanswered: [],
      failedWithoutAction: [],
      unknown: [],
    });
    const bare = scoreChecklist(checklist([]));
    expect(Object.keys(bare)).not.toContain('site');
    expect(Object.keys(bare)).not.toContain('auditor');
    expect(Object.keys(bare)).not.toContain('date');
  });

  it('leaves out obsolete and repeated items, scores snapshot-less items by the given specs and lists unknown ones', () => {
    const given = new Map([['from-ws', spec({ id: 'from-ws', dimension: 'etiquette', weight: 4 })]]);
    const s = scoreChecklist(
      checklist([
        item('a', { result: 'pass' }, spec({ id: 'a', weight: 2 })),
        item('a', { result: 'fail' }, spec({ id: 'a', weight: 2 })),
        item('old', { result: 'fail' }, spec({ id: 'old', critical: true }), { obsolete: true }),
        item('from-ws', { result: 'fail', action: '培训', owner: '王', due: '2026-12-31', status: 'open' }),
        item('ghost', { result: 'pass' }),
        item('ghost', { result: 'pass' }),
      ]),
      given,
    );
    expect(s.items).toEqual([
      { id: 'a', dimension: 'efficiency', weight: 2, critical: false, status: 'pass', invalid: false, recheck: false },
      { id: 'from-ws', dimension: 'etiquette', weight: 4, critical: false, status: 'fail', invalid: false, recheck: false, action: { text: '培训', owner: '王', due: '2026-12-31', status: 'open' } },
    ]);
    expect(s.unknown).toEqual(['ghost']);
    expect(s.overall).toEqual({ passedWeight: 2, answeredWeight: 6, compliance: 2 / 6, counts: { pass: 1, fail: 1, na: 0, unanswered: 0 } });
    expect(s.dimensions).toEqual([
      { dimension: 'efficiency', compliance: { passedWeight: 2, answeredWeight: 2, compliance: 1, counts: { pass: 1, fail: 0, na: 0, unanswered: 0 } } },
      { dimension: 'etiquette', compliance: { passedWeight: 0, answeredWeight: 4, compliance: 0, counts: { pass: 0, fail: 1, na: 0, unanswered: 0 } } },
    ]);
    expect(s.failedWithoutAction).toEqual([]);
    expect(s.criticalFailures).toEqual([]);
    expect(s.outcome).toBe('pass');
  });

  it('prefers the snapshot over the given spec, keeps a measured zero, the re-check mark and partial actions', () => {
    const s = scoreChecklist(
      checklist([
        item('m', { measured: '0 h' }, hours('m', { weight: 3 }), { recheck: true }),
        item('p', { result: 'fail', action: 'fix' }, spec({ id: 'p', critical: true })),
        item('q', { result: 'fail', action: 'call', due: '2027-01-01' }, spec({ id: 'q' })),
      ]),
      new Map([['m', spec({ id: 'm', weight: 9, dimension: 'other' })]]),
    );
    expect(s.items.map((i) => [i.id, i.weight, i.dimension, i.status, i.value, i.recheck, i.critical, i.action])).toEqual([
      ['m', 3, 'efficiency', 'pass', 0, true, false, undefined],
      ['p', 1, 'efficiency', 'fail', undefined, false, true, { text: 'fix' }],
      ['q', 1, 'efficiency', 'fail', undefined, false, false, { text: 'call', due: '2027-01-01' }],
    ]);
    expect(Object.keys(s.items[0]!)).toContain('value');
    expect(Object.keys(s.items[1]!.action!)).toEqual(['text']);
    expect(Object.keys(s.items[2]!.action!)).toEqual(['text', 'due']);
    expect(Object.keys(s.items[1]!)).not.toContain('value');
    expect(s.criticalFailures).toEqual(['p']);
    expect(s.failedWithoutAction).toEqual([]);
    expect(s.outcome).toBe('fail');
  });

  it('fails on a critical failure even with unanswered items, and is incomplete without one', () => {
    const failed = scoreChecklist(checklist([item('c', { result: 'fail' }, spec({ id: 'c', critical: true })), item('u', {}, spec({ id: 'u' }))]));
    expect(failed.outcome).toBe('fail');
    expect(failed.unanswered).toEqual(['u']);
    expect(failed.failedWithoutAction).toEqual(['c']);
    const open = scoreChecklist(checklist([item('c', { result: 'fail' }, spec({ id: 'c' })), item('u', { measured: 'soon' }, hours('u'))]));
    expect(open.outcome).toBe('incomplete');
    expect(open.items[1]).toEqual({ id: 'u', dimension: 'efficiency', weight: 1, critical: false, status: 'unanswered', invalid: true, recheck: false });
    expect(open.overall.compliance).toBe(0);
    expect(open.overall.counts).toEqual({ pass: 0, fail: 1, na: 0, unanswered: 1 });
  });

  it('keeps N/A out of the weights and leaves compliance undefined when nothing was answered', () => {
    const s = scoreChecklist(checklist([item('n', { result: 'na' }, spec({ id: 'n', weight: 5 })), item('r', { rating: '很满意' }, rating('r', 'satisfied', { dimension: 'empathy', weight: 2 }))]));
    expect(s.overall).toEqual({ passedWeight: 2, answeredWeight: 2, compliance: 1, counts: { pass: 1, fail: 0, na: 1, unanswered: 0 } });
    expect(s.dimensions[0]).toEqual({ dimension: 'efficiency', compliance: { passedWeight: 0, answeredWeight: 0, compliance: undefined, counts: { pass: 0, fail: 0, na: 1, unanswered: 0 } } });
    expect('compliance' in s.dimensions[0]!.compliance).toBe(true);
  });
});
