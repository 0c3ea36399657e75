import { describe, expect, it } from 'vitest';
import { auditReport, reportMarkdown, type AuditScore } from '../../src/core';
import { markdownHtml } from '../../src/extension/reports/markdownHtml';

describe('report Markdown as webview HTML', () => {
  it('drops raw HTML and escapes text', () => {
    const html = markdownHtml('# A <b>title</b>\n\n<script>alert(1)</script>\n\n<details><summary>x</summary>\n\n| a |\n|---|\n| `<img src=x onerror=alert(1)>` &amp; "q" |\n\n</details>\n');
    expect(html).toBe('<h1>A title</h1>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>&#x3C;img src=x onerror=alert(1)></code> &#x26; "q"</td>\n</tr>\n</tbody>\n</table>');
  });

  it('keeps Mermaid blocks for the page script to draw', () => {
    expect(markdownHtml('```mermaid\nxychart-beta\n  title "A < B"\n```\n')).toBe('<pre><code class="language-mermaid">xychart-beta\n  title "A &#x3C; B"\n</code></pre>');
  });

  it('a touchpoint name with markup stays text in the audit report', () => {
    const audit: AuditScore = {
      file: '/w/audits/tp/2026-12-01.md',
      touchpoint: 'tp',
      date: '2026-12-01',
      outcome: 'pass',
      overall: { passedWeight: 1, answeredWeight: 1, compliance: 1, counts: { pass: 1, fail: 0, na: 0, unanswered: 0 } },
      dimensions: [],
      items: [],
      criticalFailures: [],
      unanswered: [],
      failedWithoutAction: [],
      unknown: [],
    };
    const tp = { def: { kind: 'touchpoint', id: 'tp', file: '/w/t.touchpoints.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fullRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, name: '<img src=x onerror=alert(1)>前台', tags: [], standards: [] };
    const html = markdownHtml(reportMarkdown(auditReport([audit], new Map([['tp', tp as never]]), '2026-12-03')));
    expect(html).toContain('<td>tp</td>\n<td>&#x3C;img src=x onerror=alert(1)>前台</td>');
    expect(html).not.toContain('<img');
  });
});
