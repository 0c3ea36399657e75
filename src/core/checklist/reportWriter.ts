import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { displayWidth } from './format';
import type { MdNode } from './mdast';
import { terminalSafe } from '../text/safeText';

interface TextState {
  indexStack: number[];
  safe(value: string, info: object): string;
}

// A table cell is written with the same surroundings wherever it is, so a cell holding one text
// escapes the same way every time. Reports repeat the same IDs, numbers and statuses thousands of
// times, and escaping is most of the cost of writing them: a cell's text is escaped once.
let cells: Map<string, string> | undefined;

function text(node: MdNode, parent: MdNode | undefined, state: TextState, info: object): string {
  // Markdown is read in terminals too (`peakend audit score --format md`): ESC, BEL and the
  // bidirectional controls from the checklists show as U+FFFD; line breaks are remark's to write.
  const value = terminalSafe(node.value!, true);
  if (cells && parent?.type === 'tableCell' && parent.children!.length === 1) {
    let out = cells.get(value);
    if (out === undefined) cells.set(value, (out = state.safe(value, info)));
    return out;
  }
  // mdast-util-to-markdown's own text handler.
  const siblings = parent?.children ?? [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  return state.safe(value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
}

// Wide (CJK) characters take two columns, so that tables line up in an editor, as in checklists.
const processor = unified()
  .use(remarkGfm, { stringLength: displayWidth })
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', handlers: { text } as never });

/**
 * Blocks as GitHub-flavoured Markdown, for scores and reports: every text escaped where it lands.
 * Documents written in parts share one `escaped` map of table cells.
 */
export function reportStringify(blocks: MdNode[], escaped = new Map<string, string>()): string {
  cells = escaped;
  try {
    return processor.stringify({ type: 'root', children: blocks } as never);
  } finally {
    cells = undefined;
  }
}
