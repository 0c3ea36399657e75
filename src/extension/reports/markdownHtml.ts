import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

/**
 * The engine's Markdown reports as HTML for a webview. Raw HTML in the Markdown is dropped, never
 * passed through (remark-rehype without allowDangerousHtml), and every text and attribute is
 * serialised escaped, so no text from a workspace becomes markup. Mermaid code blocks stay
 * `<pre><code class="language-mermaid">`; the page script draws them.
 */
export function markdownHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
