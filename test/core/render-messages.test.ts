import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding';
import { localizeFinding, renderMessage, toLanguage } from '../../src/core/messages/render';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };

describe('renderMessage', () => {
  it('names an entity kind in the language asked for, and leaves a kind no catalog knows as it is', () => {
    expect(renderMessage('reference.unknown', { kind: 'persona', id: '业主' }, 'zh-cn')).toBe('未知的客户画像“业主”。');
    expect(renderMessage('reference.unknown', { kind: 'standards-set', id: 'x' })).toBe('Unknown set of standards "x".');
    expect(renderMessage('reference.unknown', { kind: 'gadget', id: 'x' })).toBe('Unknown gadget "x".');
  });

  it('keeps a placeholder whose argument is missing, and shows numbers as they are', () => {
    expect(renderMessage('reference.unknown', { id: 'x' })).toBe('Unknown {kind|entity} "x".');
    expect(renderMessage('emotion.outOfScale', { value: 9, min: -5, max: 5 })).toBe('The score 9 is outside the scale -5 to 5.');
    expect(renderMessage('emotion.outOfScale', { value: 9, min: -5, max: 5 }, 'en')).toBe(renderMessage('emotion.outOfScale', { value: 9, min: -5, max: 5 }));
  });

  it('renders an argument that names a message, with its own arguments, and shows one that names none as text', () => {
    expect(renderMessage('schema.type', { expected: { message: 'type.string' }, actual: { message: 'reference.unknown', args: { kind: 'persona', id: 'p' } } })).toBe(
      'Expected text, found Unknown persona "p"..',
    );
    expect(renderMessage('schema.type', { expected: { message: 'type.string' }, actual: { message: 'no.such.message' } }, 'zh-cn')).toBe('应为文本，实际为no.such.message。');
    // An argument naming a message without arguments of its own leaves that message's placeholders.
    expect(renderMessage('schema.type', { expected: { message: 'duplicate.related' }, actual: 'x' })).toBe('Expected The other definition of "{id}", found x.');
  });
});

describe('toLanguage', () => {
  it('speaks Chinese for simplified Chinese locales only', () => {
    expect(toLanguage('ZH_cn')).toBe('zh-cn');
    expect(toLanguage('zh-mo')).toBe('en');
    expect(toLanguage('en-zh')).toBe('en');
    expect(toLanguage('zh-Hans-HK')).toBe('zh-cn');
  });
});

describe('localizeFinding', () => {
  const finding: Finding = {
    ruleId: 'duplicate-id',
    severity: 'error',
    message: 'Unknown touchpoint "a".',
    messageId: 'reference.unknown',
    args: { kind: 'touchpoint', id: 'a' },
    file: '/ws/j.journey.yaml',
    range,
    related: [
      { file: '/ws/t.touchpoints.yaml', range, message: 'The other definition of "a"', messageId: 'duplicate.related', args: { id: 'a' } },
      { file: '/ws/t.touchpoints.yaml', range, message: 'as written' },
      { file: '/ws/t.touchpoints.yaml', range, message: 'no args', messageId: 'duplicate.related' },
    ],
    fixes: [
      { title: 'Change to "b"', messageId: 'fix.replace', args: { id: 'b' }, edits: [] },
      { title: 'kept', edits: [] },
      { title: 'no args', messageId: 'fix.replace', edits: [] },
    ],
  };

  it('returns an English finding as it is', () => {
    expect(localizeFinding(finding, 'en')).toBe(finding);
  });

  it('renders the message, related messages and fix titles that have an ID; keeps the others', () => {
    const zh = localizeFinding(finding, 'zh-cn');
    expect(zh.message).toBe('未知的接触点“a”。');
    expect(zh.related!.map((r) => r.message)).toEqual(['“a”的另一处定义', 'as written', '“{id}”的另一处定义']);
    expect(zh.fixes!.map((x) => x.title)).toEqual(['改为“b”', 'kept', '改为“{id}”']);
    expect({ ...zh, message: finding.message, related: finding.related, fixes: finding.fixes }).toEqual(finding);
  });

  it('leaves a finding without related locations or fixes without them', () => {
    const bare = { ...finding, related: undefined, fixes: undefined };
    const zh = localizeFinding(bare, 'zh-cn');
    expect([zh.related, zh.fixes, zh.message]).toEqual([undefined, undefined, '未知的接触点“a”。']);
  });
});

describe('renderMessage, plain placeholders and unknown message arguments', () => {
  it('shows a plain argument as it is even when it names an entity kind', () => {
    expect(renderMessage('reference.unknown', { kind: 'persona', id: 'persona' }, 'zh-cn')).toBe('未知的客户画像“persona”。');
  });

  it('shows an argument naming no message as its text, placeholders and all', () => {
    expect(renderMessage('schema.type', { expected: { message: 'no {id}', args: { id: 'x' } }, actual: 'y' })).toBe('Expected no {id}, found y.');
  });
});
