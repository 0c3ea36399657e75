#!/usr/bin/env node
// Renders a checklist to HTML (remark-rehype, as GitHub would show it, front matter as a table) and
// screenshots it in Chromium, so that people can see what an auditor sees.
//   node scripts/checklist-screenshot.mjs <checklist.md> <out.png> [--chromium /usr/bin/chromium]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { chromium: { type: 'string', default: '/usr/bin/chromium' } } });
const [input, output] = positionals;
if (!input || !output) {
  console.error('Usage: node scripts/checklist-screenshot.mjs <checklist.md> <out.png>');
  process.exit(2);
}
const markdown = readFileSync(input, 'utf8');
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
let front = '';
// GitHub shows front matter as a table: so does this page.
const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown);
if (tree.children[0]?.type === 'yaml') {
  const data = parseYaml(tree.children[0].value) ?? {};
  front = `<table><tr>${Object.keys(data).map((k) => `<th>${escape(k)}</th>`).join('')}</tr><tr>${Object.values(data).map((v) => `<td>${escape(v)}</td>`).join('')}</tr></table>`;
}
const body = String(await unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkRehype).use(rehypeStringify).process(markdown));
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans", sans-serif; max-width: 900px; margin: 24px auto; color: #1f2328; }
table { border-collapse: collapse; margin: 8px 0 16px; } th, td { border: 1px solid #d1d9e0; padding: 6px 12px; } th { background: #f6f8fa; }
code { background: #eff1f3; padding: 0.1em 0.3em; border-radius: 4px; } h2 { border-bottom: 1px solid #d1d9e0; }
ul.contains-task-list { list-style: none; padding-left: 1.2em; } blockquote { color: #59636e; border-left: 4px solid #d1d9e0; margin: 0; padding: 0 1em; }
</style></head><body>${front}${body}</body></html>`;
const dir = mkdtempSync(join(tmpdir(), 'peakend-shot-'));
writeFileSync(join(dir, 'checklist.html'), html);
// A fresh profile per run, so nothing of an earlier run (or of a person's browser) is used.
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: values.chromium,
  viewport: { width: 960, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  await page.goto(`file://${join(dir, 'checklist.html')}`);
  await page.screenshot({ path: output, fullPage: true });
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${output}`);
