import { describe, expect, it } from 'vitest';
import { analyzeChecklist } from '../../src/core/checklist/analyze';
import type { ParsedChecklist } from '../../src/core';
import { plainText, text, type MdNode } from '../../src/core/checklist/mdast';

describe('a checklist file model', () => {
  it('parses once, on first use, and counts lines without the byte-order mark', () => {
    const model = analyzeChecklist('/ws/audits/a.md', '\uFEFF---\nsite: x\n---\n\n### `a`\n');
    expect(Object.keys(model)).toEqual(expect.arrayContaining(['file', 'lines', 'findings', 'checklist']));
    expect(model.file).toBe('/ws/audits/a.md');
    expect(model.touchpoints).toEqual([]);
    const checklist = (model as unknown as { checklist: ParsedChecklist }).checklist;
    expect((model as unknown as { checklist: ParsedChecklist }).checklist).toBe(checklist);
    expect(model.findings).toBe(checklist.findings);
    expect(model.findings.map((f) => [f.messageId, f.range])).toEqual([['checklist.noTouchpoint', { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } }]]);
    expect(model.lines).toBe(model.lines);
    expect(model.lines.range(0, 3)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    expect(model.lines.range(4, 5)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
    const plain = analyzeChecklist('/a.md', 'ab\ncd');
    expect(plain.lines.range(3, 4)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });
});

describe('the plain text of a Markdown node', () => {
  it('joins its texts and inline code, and leaves HTML out', () => {
    const heading: MdNode = { type: 'heading', depth: 3, children: [{ type: 'inlineCode', value: 'ring-3' }, text(' 三声'), { type: 'html', value: '<b>' }, { type: 'strong', children: [text('!')] }] };
    expect(plainText(heading)).toBe('ring-3 三声!');
    expect(plainText({ type: 'paragraph' })).toBe('');
    expect(plainText({ type: 'text', value: '' })).toBe('');
  });
});
