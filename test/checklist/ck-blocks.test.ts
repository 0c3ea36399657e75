import { describe, expect, it } from 'vitest';
import { topLevelBlocks, wholeDocumentBlocks } from '../../src/core/checklist/blocks';
import type { MdNode } from '../../src/core/checklist/mdast';

const types = (n: MdNode): unknown => (n.children ? [n.type, ...n.children.map(types)] : n.type);

describe('Markdown as checklists read it', () => {
  it('makes no links of bare addresses, and still reads written links and autolinks', () => {
    const text = '---\ntouchpoint: t\n---\n\nsee www.example.com, https://example.com/a and a@b.co\n\n# [link](https://x.y) <https://z.w>\n';
    for (const blocks of [wholeDocumentBlocks(text), topLevelBlocks(text)]) {
      expect(blocks.map((b) => types(b.node))).toEqual(['yaml', ['paragraph', 'text'], ['heading', ['link', 'text'], 'text', ['link', 'text']]]);
    }
  });

  it('parses a part of a document once and shares its nodes', () => {
    const text = '# Title\n\n## Section\n\n- [x] Pass\n';
    const a = topLevelBlocks(text);
    const b = topLevelBlocks(`# Other\n\n## Section\n\n- [x] Pass\n`);
    expect(a.map((p) => p.base)).toEqual([0, 9, 21]);
    expect(b[1]!.node).toBe(a[1]!.node);
    expect(b[2]!.node).toBe(a[2]!.node);
    expect(b[0]!.node).not.toBe(a[0]!.node);
  });
});
