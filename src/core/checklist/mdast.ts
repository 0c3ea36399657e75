/**
 * The few Markdown syntax-tree (mdast) node shapes checklists build and read. Declared here because
 * the installed @types/mdast at the top level is an older major than the one unified's plugins use.
 */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  checked?: boolean | null;
  ordered?: boolean;
  spread?: boolean;
  align?: null[];
  position?: { start: Point; end: Point };
}

export const text = (value: string): MdNode => ({ type: 'text', value });
export const para = (value: string): MdNode => ({ type: 'paragraph', children: [text(value)] });
export const heading = (depth: 1 | 2 | 3, children: MdNode[]): MdNode => ({ type: 'heading', depth, children });

/** The plain text of a node (inline code included), as mdast-util-to-string gives it. */
export function plainText(node: MdNode): string {
  if (node.value !== undefined && node.type !== 'html') return node.value;
  return (node.children ?? []).map(plainText).join('');
}
