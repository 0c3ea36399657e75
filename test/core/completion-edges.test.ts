import { describe, expect, it } from 'vitest';
import { referenceSlot, type DocumentKind } from '../../src/core';

/** The slot at ‸ in `source`, as "kind line:start-end [siblings]". */
function slot(source: string, kind: DocumentKind = 'journey'): string | undefined {
  const before = source.slice(0, source.indexOf('‸'));
  const lines = before.split('\n');
  const pos = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  const s = referenceSlot(source.replace('‸', ''), kind, pos);
  return s && `${s.kind} ${s.range.start.line}:${s.range.start.character}-${s.range.end.character} [${s.siblings.join(',')}]`;
}

describe('reference slots, at the edges of what is typed', () => {
  it('in a flow list written without a space, and not after the list is closed', () => {
    expect(slot('touchpoints:[‸')).toBe('touchpoint 0:13-13 []');
    expect(slot('touchpoints: [a] ‸')).toBeUndefined();
  });

  it('in a flow or block emotions mapping whose keys have spaces before the colon', () => {
    expect(slot('emotions: { owner : 1, ‸')).toBe('persona 0:23-23 [owner]');
    expect(slot('    emotions:\n      owner : 1\n      ‸')).toBe('persona 2:6-6 [owner]');
  });

  it('after "persona:" only as a key of its own, at the line start or in a flow mapping, with any spacing', () => {
    expect(slot('-  persona: ‸')).toBe('persona 0:12-12 []');
    expect(slot('  - { text: x,persona: ‸')).toBe('persona 0:23-23 []');
    expect(slot('text: a persona: ‸')).toBeUndefined();
    expect(slot('persona: x ‸')).toBeUndefined();
    expect(slot('title: x ‸')).toBeUndefined();
  });

  it('in block list items only where the line holds nothing else, with any spacing after the dash', () => {
    expect(slot('touchpoints:\n  -  ‸')).toBe('touchpoint 1:5-5 []');
    expect(slot('touchpoints:\n  x - ‸')).toBeUndefined();
    expect(slot('touchpoints:\n  - a b‸')).toBeUndefined();
  });

  it('under the nearest key that owns the line: past deeper keys, not past shallower lines or keys with values', () => {
    expect(slot('  touchpoints:\n      sub:\n    - ‸')).toBe('touchpoint 2:6-6 []');
    expect(slot('touchpoints:\ntitle: x\n  - ‸')).toBeUndefined();
    expect(slot('touchpoints: x\n  - ‸')).toBeUndefined();
    expect(slot('a: touchpoints:\n        - ‸')).toBeUndefined();
    // A line of spaces is blank, like an empty one.
    expect(slot('touchpoints:\n  - a\n \n  - ‸')).toBe('touchpoint 3:4-4 [a]');
    expect(slot('touchpoints:\n  - a\n\n  - ‸')).toBe('touchpoint 3:4-4 [a]');
  });

  it('under a key that is itself a list item, with any spacing after its dash', () => {
    expect(slot('- touchpoints:\n    - ‸')).toBe('touchpoint 1:6-6 []');
    expect(slot('-  touchpoints:\n     - ‸')).toBe('touchpoint 1:7-7 []');
  });
});
