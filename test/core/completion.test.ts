import { describe, expect, it } from 'vitest';
import { disableLineFix, LineIndex, referenceSlot, type DocumentKind, type Finding } from '../../src/core';

/** The slot at ‸ in `source`, as "kind line:start-end [siblings]". */
function slot(source: string, kind: DocumentKind = 'journey'): string | undefined {
  const before = source.slice(0, source.indexOf('‸'));
  const lines = before.split('\n');
  const pos = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  const s = referenceSlot(source.replace('‸', ''), kind, pos);
  return s && `${s.kind} ${s.range.start.line}:${s.range.start.character}-${s.range.end.character} [${s.siblings.join(',')}]`;
}

describe('reference slots', () => {
  it('cover the whole ID around the cursor, Chinese included', () => {
    expect(slot('touchpoints: [a, 服务‸热线, b]')).toBe('touchpoint 0:17-21 [a]');
    expect(slot('    touchpoints: [x-‸y_2]')).toBe('touchpoint 0:18-23 []');
    expect(slot('touchpoints: [‸]')).toBe('touchpoint 0:14-14 []');
  });

  it('in flow lists of journeys, inventories and standards, not in other kinds or other keys', () => {
    expect(slot('personas: [owner,tenant, ‸')).toBe('persona 0:25-25 [owner,tenant]');
    expect(slot('standards: [a, ‸]', 'touchpoints')).toBe('standard 0:15-15 [a]');
    expect(slot('    touchpoints: [‸', 'standards')).toBe('touchpoint 0:18-18 []');
    expect(slot('touchpoints: [‸', 'personas')).toBeUndefined();
    expect(slot('touchpoints: [‸', 'config')).toBeUndefined();
    expect(slot('standards: [‸', 'journey')).toBeUndefined();
    expect(slot('emotions: [‸')).toBeUndefined();
    expect(slot('touchpoints: { ‸')).toBeUndefined();
  });

  it('at the keys of a flow emotions mapping, never at its values', () => {
    expect(slot('emotions: {‸')).toBe('persona 0:11-11 []');
    expect(slot('emotions: { owner: 1, tenant: 2,‸')).toBe('persona 0:32-32 [owner,tenant]');
    expect(slot('emotions: { owner: ‸')).toBeUndefined();
    expect(slot('emotions: { owner: 1, t‸')).toBe('persona 0:22-23 [owner]');
  });

  it('after "persona:" in a quote, and no other scalar key', () => {
    expect(slot('- persona: ‸')).toBe('persona 0:11-11 []');
    expect(slot('  - { text: x, persona: ow‸')).toBe('persona 0:24-26 []');
    expect(slot('persona:‸')).toBe('persona 0:8-8 []');
    expect(slot('title: ‸')).toBeUndefined();
    expect(slot('persona: ‸', 'touchpoints')).toBeUndefined();
  });

  it('in block lists under their key (at its indentation or deeper), past comments and blank lines', () => {
    expect(slot('touchpoints:\n- a\n# note\n\n- ‸')).toBe('touchpoint 4:2-2 [a]');
    expect(slot('  touchpoints:\n    - a\n    - b\n    - ‸')).toBe('touchpoint 3:6-6 [b,a]');
    expect(slot('  touchpoints:\n    - a\n  - ‸')).toBe('touchpoint 2:4-4 []');
    expect(slot('title: x\n  - ‸')).toBeUndefined();
    expect(slot('  touchpoints:\n    ‸')).toBeUndefined();
    expect(slot('- ‸')).toBeUndefined();
    expect(slot('stages:\n  - id: s\n    steps:\n      - ‸')).toBeUndefined();
    expect(slot('touchpoints: # refs\n  - ‸')).toBe('touchpoint 1:4-4 []');
  });

  it('at keys of a block emotions mapping, not at list items under it', () => {
    expect(slot('    emotions:\n      owner: 1\n\n      # c\n      ‸')).toBe('persona 4:6-6 [owner]');
    expect(slot('    emotions:\n      ‸')).toBe('persona 1:6-6 []');
    expect(slot('    emotions:\n      - ‸')).toBeUndefined();
    expect(slot('    emotions:\n    ‸')).toBeUndefined();
  });
});

describe('the disable-line fix', () => {
  const finding = (line: number, ruleId = 'schema') => ({ ruleId, file: '/f', range: { start: { line, character: 2 }, end: { line, character: 3 } } }) as Finding;
  const edit = (text: string, line: number, ruleId?: string) => {
    const [e] = disableLineFix(new LineIndex(text), finding(line, ruleId)).edits;
    return `${e!.range.start.line}:${e!.range.start.character}-${e!.range.end.line}:${e!.range.end.character} ${JSON.stringify(e!.newText)}`;
  };

  it('inserts a directive above at the line\'s indentation, or adds the rule to one that is there', () => {
    expect(edit('a: 1\n    b: 2\n', 1)).toBe('1:0-1:0 "    # peakend-disable-next-line schema\\n"');
    expect(edit('a: 1\n', 0)).toBe('0:0-0:0 "# peakend-disable-next-line schema\\n"');
    expect(edit('\t# peakend-disable-next-line\nb: 2\n', 1)).toBe('0:28-0:28 " schema"');
    expect(edit('  #peakend-disable-next-line duplicate-id\nb: 2\n', 1)).toBe('0:41-0:41 ", schema"');
    expect(edit('# peakend-disable-next-lines\nb: 2\n', 1)).toBe('1:0-1:0 "# peakend-disable-next-line schema\\n"');
    expect(disableLineFix(new LineIndex('x'), finding(0, 'unknown-kind'))).toMatchObject({ title: 'Disable unknown-kind for this line', args: { rule: 'unknown-kind' } });
  });
});

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
