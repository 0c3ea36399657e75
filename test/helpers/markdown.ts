/** Markdown as GitHub-flavoured parsers read it (remark-parse + remark-gfm, micromark underneath). */
import type { PhrasingContent, Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export function parseMarkdown(md: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(md)) as Root;
}

/** The text of inline content, or an error naming the first node that is not plain text. */
export function plainInline(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value;
      throw new Error(`not plain text: ${n.type} ${JSON.stringify(n).slice(0, 200)}`);
    })
    .join('');
}

/** Every table in document order, as rows of cell texts (head first), each cell plain text. */
export function tables(root: Root): string[][][] {
  return root.children.filter((n): n is Table => n.type === 'table').map((t) => t.children.map((r) => r.children.map((c) => plainInline(c.children))));
}
