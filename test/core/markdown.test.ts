import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analysisMarkdown, analyzeFile, analyzeJourney, defaultConfig, type AnalysisReport } from '../../src/core';
import { plainText } from '../../src/core/render/text';

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The text a reader sees in a node, with the node types met on the way. */
function textOf(node: MdNode, types: Set<string>): string {
  types.add(node.type);
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map((c) => textOf(c, types)).join('');
}

/** `analyze --format md` of one journey whose title and stage title come from the test. */
function analysisOf(title: string, stageTitle: string): { md: string; root: MdNode } {
  const text = `peakend: 1\nkind: journey\nid: j\ntitle: ${JSON.stringify(title)}\npersonas: [owner]\nstages:\n  - id: s\n    title: ${JSON.stringify(stageTitle)}\n    steps:\n      - { id: a, title: 一, emotions: { owner: 2 } }\n      - { id: b, title: 二, emotions: { owner: -1 } }\n`;
  const analysis = analyzeJourney(analyzeFile('/ws/j.journey.yaml', { text }, defaultConfig('/ws')))!;
  const report: AnalysisReport = { version: 1, journeys: [analysis], inventories: [] } as AnalysisReport;
  const md = analysisMarkdown(report);
  return { md, root: parser.parse(md) as MdNode };
}

/** Every node type below the root, and the text of the journey's heading (level 2). */
function read(root: MdNode): { types: Set<string>; heading: string; cells: string[] } {
  const types = new Set<string>();
  const heading = root.children!.find((c) => c.type === 'heading' && c.depth === 2)!;
  const headingText = textOf(heading, new Set());
  const cells: string[] = [];
  const walk = (n: MdNode) => {
    types.add(n.type);
    if (n.type === 'tableCell') cells.push(textOf(n, new Set()));
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return { types, heading: headingText, cells };
}

const MARKUP = ['link', 'html', 'emphasis', 'strong', 'delete', 'inlineCode', 'image', 'linkReference', 'footnoteReference', 'break'];

describe('analyze --format md escapes user text as render and diff do', () => {
  it('a hostile journey title and stage title stay literal text: no link, HTML, emphasis, mention or extra column', () => {
    const nasty = 'A|B `x` <img src=x onerror=alert(1)> [link](javascript:alert(1)) **b** _i_ ~~s~~ @team a@b.cn www.x.cn https://x.cn $x$ &amp; #1\n第二行 🎉';
    const { md, root } = analysisOf(nasty, `| 步骤 | ${nasty}`);
    const { types, heading, cells } = read(root);
    expect(MARKUP.filter((t) => types.has(t))).toEqual([]);
    // Invisible word joiners keep mentions and autolinks from forming; the reader sees the text.
    expect(heading.replaceAll('\u2060', '')).toBe(`Journey: ${plainText(nasty)} (j)`);
    expect(cells.map((c) => c.replaceAll('\u2060', ''))).toContain(`${plainText(`| 步骤 | ${nasty}`)} (s)`);
    expect(md).not.toContain('<img');
  });

  it('arbitrary Unicode titles come back as written (one line, control characters replaced)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const { root } = analysisOf(s, '步');
        const { types, heading } = read(root);
        expect(MARKUP.filter((t) => types.has(t))).toEqual([]);
        const title = s.trim() === '' ? 'j' : `${plainText(s)} (j)`;
        expect(heading.replaceAll('\u2060', '')).toBe(`Journey: ${title}`);
      }),
      { numRuns: 150 },
    );
  });
});
