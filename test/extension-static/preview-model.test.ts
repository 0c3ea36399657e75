/**
 * The preview's pure parts: the view a journey or inventory becomes, the messages the extension
 * accepts from its page, and the page's HTML shell (policy, escaping of the initial state).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysisReport, checkPaths, type AnalysisReport } from '../../src/core';
import { nodeHost } from '../../src/node/nodeHost';
import { parseFromWebview, parsePersistedState, type PreviewState } from '../../src/extension/preview/protocol';
import { attr, contentSecurityPolicy, jsonInScript, makeNonce, previewHtml } from '../../src/extension/preview/shell';
import { entityLines, inventoryView, journeyView, stepAtLine } from '../../src/extension/preview/viewModel';
import { PLAIN_STATE } from '../helpers/previewState';

const EXAMPLE = path.resolve(__dirname, '../../examples/property-management');
let report: AnalysisReport;

beforeAll(async () => {
  const { workspaces, files } = await checkPaths(nodeHost, [EXAMPLE]);
  report = analysisReport(workspaces, files);
});

describe('journeyView', () => {
  it('gives the chart, the tables, the markers and the findings of the example journey', () => {
    const v = journeyView(report.journeys[0]!, 'en');
    expect(v.kind).toBe('journey');
    expect(v.title).toBe('业主旅程：从购房到续费');
    expect(v.fileName).toBe('homeowner.journey.yaml');
    expect(v.chart).toMatch(/^%%\{init: .*\}%%\nxychart-beta\n/);
    expect(v.chart).toContain('["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]');
    expect(v.chart).not.toContain('labelRotation');
    expect(v.stepTitles[4]).toBe('5 陪同验房 (inspect-house)');
    expect(v.chart).toContain('line "首次置业业主" [1, 3, 2, 2, -3 "▼ -3", 4 "▲ +4", 0, -1, -2, 1, 2, -1, -2 "● -2"]');
    expect(v.personas).toEqual([
      { id: 'first-time-buyer', name: '首次置业业主', colour: '#2563eb', shown: true, plotted: true },
      { id: 'upgrader', name: '改善型业主', colour: '#dc2626', shown: true, plotted: true },
    ]);
    // By hand from the file: best get-keys (step 6), worst inspect-house (5), end pay-fee (13); 0-based.
    expect(v.markers).toEqual([
      { persona: 'first-time-buyer', colour: '#2563eb', best: 5, worst: 4, end: 12 },
      { persona: 'upgrader', colour: '#dc2626', best: 5, worst: 4, end: 12 },
    ]);
    expect(v.steps).toHaveLength(13);
    expect(v.tables[0]!.rowIds).toEqual(v.steps);
    expect(v.tables[0]!.stageStarts).toEqual([0, 3, 6, 8, 11]);
    expect(v.tables[1]!.rows.map((r) => r[0])).toEqual(['首次置业业主', '改善型业主']);
    expect(v.findings.map((f) => `${f.line + 1} ${f.ruleId} ${f.severity}`)).toEqual([
      '46 negative-moment-of-truth warning',
      '46 negative-moment-of-truth warning',
      '46 persona-gap info',
      '121 weak-ending warning',
      '121 weak-ending warning',
    ]);
  });

  it('leaves hidden personas out of the chart, the tables, the markers and their findings, and still lists them', () => {
    const v = journeyView(report.journeys[0]!, 'zh-cn', ['upgrader']);
    expect(v.chart).not.toContain('改善型业主');
    expect(v.tables[0]!.head).toEqual(['#', '阶段', '步骤', '首次置业业主', '关键时刻', '触点', '痛点', '实测']);
    expect(v.tables[0]!.rows[4]).toEqual(['5', '', '陪同验房 (inspect-house)', '-3 ▼', '★', 'house-handover, construction-quality', '墙面有裂缝，卫生间窗户渗水; 整改期限说不清楚', '']);
    expect(v.markers.map((m) => m.persona)).toEqual(['first-time-buyer']);
    // upgrader hidden, first-time-buyer keeps blue; hiding first-time-buyer leaves upgrader red.
    expect(v.chart).toContain('"plotColorPalette":"#2563eb, #9ca3af"');
    const other = journeyView(report.journeys[0]!, 'en', ['first-time-buyer']);
    expect(other.chart).toContain('"plotColorPalette":"#dc2626, #9ca3af"');
    expect(other.markers).toEqual([{ persona: 'upgrader', colour: '#dc2626', best: 5, worst: 4, end: 12 }]);
    expect(v.personas.map((p) => [p.id, p.shown])).toEqual([
      ['first-time-buyer', true],
      ['upgrader', false],
    ]);
    // persona-gap names both personas (its persona argument is upgrader); the weak ending of upgrader goes too.
    expect(v.findings.map((f) => f.ruleId)).toEqual(['negative-moment-of-truth', 'weak-ending']);
    expect(v.findings[0]!.message).toBe('关键时刻“inspect-house”对客户画像“first-time-buyer”得分 -3，低于 0。');
  });

  it('maps a cursor line to the step whose block holds it', () => {
    const a = report.journeys[0]!;
    const line = (id: string) => entityLines(a).get(id)!;
    expect(stepAtLine(a, 0)).toBeUndefined();
    expect(stepAtLine(a, line('see-ad'))).toBe('see-ad');
    expect(stepAtLine(a, line('inspect-house') + 4)).toBe('inspect-house');
    expect(stepAtLine(a, line('pay-fee') + 100)).toBe('pay-fee');
    expect(line('inspect-house')).toBe(41);
  });
});

describe('inventoryView', () => {
  it('gives the quadrant chart and the priority list in priority order', () => {
    const a = report.inventories[0]!;
    const v = inventoryView(a, 'en');
    expect(v.kind).toBe('inventory');
    expect(v.chart).toContain('quadrantChart');
    expect(v.tables).toHaveLength(1);
    expect(v.tables[0]!.rowIds).toEqual(a.priority);
    expect(v.tables[0]!.rows.map((r) => r[1])).toEqual(a.priority.map((id) => {
      const p = a.points.find((x) => x.touchpointId === id)!;
      return p.name ? `${p.name} (${id})` : id;
    }));
    expect(v.notes[0]).toMatch(/^Cuts: Importance 3, Performance 3 \(scale midpoint/);
    expect(v.markers).toEqual([]);
  });
});

describe('messages from the page', () => {
  it('accepts the well-formed ones and drops everything else', () => {
    expect(parseFromWebview({ type: 'reveal', id: 'pay-fee' })).toEqual({ type: 'reveal', id: 'pay-fee' });
    expect(parseFromWebview({ type: 'reveal', id: 3 })).toBeUndefined();
    expect(parseFromWebview({ type: 'revealLine', line: 4 })).toEqual({ type: 'revealLine', line: 4 });
    expect(parseFromWebview({ type: 'revealLine', line: -1 })).toBeUndefined();
    expect(parseFromWebview({ type: 'revealLine', line: 1.5 })).toBeUndefined();
    expect(parseFromWebview({ type: 'filter', hidden: ['a', 'a', 'b'] })).toEqual({ type: 'filter', hidden: ['a', 'b'] });
    expect(parseFromWebview({ type: 'filter', hidden: ['a', 1] })).toBeUndefined();
    expect(parseFromWebview({ type: 'export', format: 'pdf' })).toBeUndefined();
    expect(parseFromWebview({ type: 'export', format: 'html' })).toEqual({ type: 'export', format: 'html' });
    expect(parseFromWebview({ type: 'exportData', id: 2, format: 'png', data: 'AAA' })).toEqual({ type: 'exportData', id: 2, format: 'png', data: 'AAA' });
    expect(parseFromWebview({ type: 'exportData', id: '2', format: 'png' })).toBeUndefined();
    expect(parseFromWebview({ type: 'writeFile', path: '/etc/passwd' })).toBeUndefined();
    expect(parseFromWebview(null)).toBeUndefined();
    expect(parseFromWebview('ready')).toBeUndefined();
  });

  it('restores only a state that names a resource', () => {
    expect(parsePersistedState({ resource: 'file:///a.journey.yaml', locked: true, hidden: ['x', 2] })).toEqual({ resource: 'file:///a.journey.yaml', locked: true, hidden: ['x'] });
    expect(parsePersistedState({ resource: 'file:///a', locked: 'yes' })).toEqual({ resource: 'file:///a', locked: false, hidden: [] });
    expect(parsePersistedState({ locked: true })).toBeUndefined();
    expect(parsePersistedState(undefined)).toBeUndefined();
  });
});

describe('the HTML shell', () => {
  const state = PLAIN_STATE;

  it('allows only nonce’d scripts and the webview’s own resources', () => {
    expect(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc')).toBe(
      "default-src 'none'; script-src 'nonce-abc' https://x.vscode-cdn.net; style-src https://x.vscode-cdn.net 'nonce-abc'; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net; base-uri 'none'; form-action 'none'",
    );
    const html = previewHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc', scriptUri: 'https://x/p.js', styleUri: 'https://x/p.css', preloadUris: ['https://x/chunks/core.js', 'https://x/chunks/xy.js'], lang: 'zh-CN', state });
    // One script, a module (it imports Mermaid); the modules it will import are preloaded from the head, the script itself first.
    expect(html.match(/<script [^>]*src=[^>]*><\/script>/g)).toEqual(['<script type="module" nonce="abc" src="https://x/p.js"></script>']);
    expect(html.match(/<link rel="modulepreload"[^>]*>/g)).toEqual([
      '<link rel="modulepreload" nonce="abc" href="https://x/p.js">',
      '<link rel="modulepreload" nonce="abc" href="https://x/chunks/core.js">',
      '<link rel="modulepreload" nonce="abc" href="https://x/chunks/xy.js">',
    ]);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('keeps the initial state inert JSON, whatever the text in it', () => {
    const evil = '</script><script>alert(1)</script><!-- \u2028';
    const text = jsonInScript({ title: evil });
    expect(text).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(text)).toEqual({ title: evil });
    const html = previewHtml({ cspSource: 'c', nonce: 'n', scriptUri: 's', styleUri: 'y', preloadUris: [], lang: 'en', state: { ...state, view: { title: evil } as PreviewState['view'] } });
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain(`<title>${attr(evil)}</title>`);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(makeNonce()).not.toBe(a);
    expect(makeNonce((b) => b.fill(255))).toBe('_____________________w');
  });
});
