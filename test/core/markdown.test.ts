import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/core';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The text a reader sees in a node: its text values, with the node types met on the way. */
function textOf(node: MdNode, types: Set<string>): string {
  types.add(node.type);
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map((c) => textOf(c, types)).join('');
}

/** Parses a one-column table whose body cell holds `cell`, and returns what the cell reads as. */
function cellText(cell: string): { text: string; types: Set<string>; rows: number; cells: number } {
  const root = parser.parse(`| h |\n| --- |\n| ${cell} |\n`) as MdNode;
  const table = root.children!.find((c) => c.type === 'table')!;
  const types = new Set<string>();
  const body = table.children![1]!;
  return { text: textOf(body.children![0]!, types), types, rows: table.children!.length, cells: body.children!.length };
}

/** What the escaper promises to keep: the text with whitespace runs as one space, trimmed, control characters as U+FFFD. */
function expected(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[ \t\r\n\f\v]+/g, ' ').trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

describe('escapeMarkdown', () => {
  it('keeps user text literal in a table cell: pipes, code, HTML, links, emphasis, mentions, newlines', () => {
    const nasty = 'A|B `x` <img src=x onerror=alert(1)> [link](javascript:alert(1)) **b** _i_ ~~s~~ @team a@b.cn $x$ &amp; #1\n第二行 🎉 שלום';
    expect(escapeMarkdown(nasty)).toBe(
      'A\\|B \\`x\\` \\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1)) \\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\@team a\\@b.cn \\$x\\$ \\&amp; \\#1 第二行 🎉 שלום',
    );
    const r = cellText(escapeMarkdown(nasty));
    expect(r.text).toBe(expected(nasty));
    // Only the e-mail address becomes a (mailto:) link, as GFM does with any bare address; it reads the same.
    expect([...r.types].sort()).toEqual(['link', 'tableCell', 'text']);
    expect([r.rows, r.cells]).toEqual([2, 1]);
    expect(cellText(escapeMarkdown(nasty.replace(' a@b.cn', ''))).types).toEqual(new Set(['tableCell', 'text']));
  });

  it('round-trips arbitrary Unicode text through a GFM parser as plain text in one cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = cellText(escapeMarkdown(s));
        expect([r.rows, r.cells]).toEqual([2, 1]);
        // Bare www. and http:// text may become a GFM autolink; what it reads as stays the same.
        expect([...r.types].filter((t) => t !== 'tableCell' && t !== 'text' && t !== 'link')).toEqual([]);
        expect(r.text).toBe(expected(s));
      }),
      { numRuns: 400 },
    );
  });
});
