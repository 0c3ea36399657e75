// Click-through tests of the packaged extension (.vsix installed into code-server), run by
// scripts/test-clickthrough.mjs. Each session is one code-server + Chromium on a fresh copy of
// examples/property-management; its tests run in order and share the window.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  PEAKEND_STATUS,
  answerInputBox,
  focusWorkbench,
  goToLine,
  OUTPUT_LINES,
  outputText,
  paletteLabels,
  problemRows,
  problemsEmptyMessage,
  quickOpen,
  runCommand,
  showProblems,
  statusLabel,
} from './workbench.mjs';

export const EXAMPLE = 'examples/property-management';

/** The example's three deliberate flaws and the peak-end judgements of its journey, as `peakend check` reports them. */
export const EXPECTED = [
  { file: 'complaints.standards.yaml', line: 17, col: 9, code: 'unused-standard', message: 'Standard "social-media-complaint-24h" applies to no touchpoint.' },
  { file: 'homeowner.journey.yaml', line: 99, col: 9, code: 'missing-persona-score', message: 'Step "repair-visit" has no emotion score for persona "upgrader".' },
  { file: 'property.touchpoints.yaml', line: 156, col: 9, code: 'uncovered-touchpoint', message: 'No standard applies to touchpoint "green-maintenance" (绿化养护).' },
  { file: 'homeowner.journey.yaml', line: 46, col: 39, code: 'negative-moment-of-truth', message: 'Moment of truth "inspect-house" scores -3 for persona "first-time-buyer", below 0.' },
  { file: 'homeowner.journey.yaml', line: 46, col: 53, code: 'negative-moment-of-truth', message: 'Moment of truth "inspect-house" scores -4 for persona "upgrader", below 0.' },
  {
    file: 'homeowner.journey.yaml',
    line: 46,
    col: 53,
    code: 'persona-gap',
    severity: 'info',
    message: 'Persona "upgrader" remembers this journey far worse than "first-time-buyer": peak-end score -3 against 1 (a difference of 4; the limit is 3).',
  },
  {
    file: 'homeowner.journey.yaml',
    line: 121,
    col: 39,
    code: 'weak-ending',
    message: 'The journey ends weakly for persona "first-time-buyer": its last scored step "pay-fee" scores -2, below both the persona\'s average 0.46 and neutral (0).',
  },
  {
    file: 'homeowner.journey.yaml',
    line: 121,
    col: 53,
    code: 'weak-ending',
    message: 'The journey ends weakly for persona "upgrader": its last scored step "pay-fee" scores -2, below both the persona\'s average -0.58 and neutral (0).',
  },
];
const SUMMARY = /^Peakend: 0 errors, 7 warnings in 3 files\./;
const COMMANDS = ['New Journey Map', 'New Touchpoint Inventory', 'New Service Standards', 'Re-check Workspace', 'Show Output Log'].map((t) => `Peakend: ${t}`);

/** Compares the Problems panel's rows with EXPECTED: the right message, severity, code, position, source. */
function assertExpectedRows(rows) {
  assert.equal(rows.length, EXPECTED.length, `Problems rows: ${JSON.stringify(rows.map((r) => r.message))}`);
  for (const want of EXPECTED) {
    const row = rows.find((r) => r.message === want.message);
    assert.ok(row, `no Problems row says: ${want.message}\n  rows: ${rows.map((r) => r.message).join(' | ')}`);
    assert.equal(row.severity, want.severity ?? 'warning', `${want.code}: severity`);
    assert.equal(row.source, 'peakend', `${want.code}: source`);
    assert.equal(row.code, want.code, `${want.code}: code`);
    assert.deepEqual([row.line, row.col], [want.line, want.col], `${want.code}: position`);
  }
}

/**
 * The preview's page: the innermost webview frame that holds #peakend-preview with a drawn chart,
 * its markers layer added (a chart from the cache is in the page before its script decorates it).
 */
async function previewFrame(page, timeout = 60_000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      const ok = await f.evaluate(() => Boolean(document.querySelector('#peakend-preview .pe-chart svg .pe-overlay'))).catch(() => false);
      if (ok) return f;
    }
    if (Date.now() > end) throw new Error('no preview page with a chart appeared');
    await page.waitForTimeout(200);
  }
}

/** What the preview page shows, read from its DOM. */
function previewDom(frame) {
  return frame.evaluate(() => ({
    lines: document.querySelectorAll('.pe-chart g[class^="line-plot-"] > path').length,
    markers: document.querySelectorAll('.pe-chart path.pe-marker').length,
    rows: document.querySelectorAll('.pe-tables tbody tr').length,
    title: document.querySelector('.pe-title')?.textContent,
    bodyClass: document.body.className,
    background: getComputedStyle(document.body).backgroundColor,
    axisText: getComputedStyle(document.querySelector('.pe-chart svg text') ?? document.body).fill,
  }));
}

const countLoaded = (text) => (text.match(/Loaded \d+ workspace\(s\)/g) ?? []).length;

export const SESSIONS = [
  {
    name: 'default settings (peakend.problems.scope = openFiles)',
    userSettings: {},
    tests: [
      {
        name: 'status bar shows the problem summary; clicking it opens the Problems panel',
        async run({ page, shot }) {
          const { label, text } = await statusLabel(page, SUMMARY);
          assert.match(text, /\b7\b/, `status bar text "${text}" should contain the warning count`);
          assert.match(text, /Peakend/, `status bar text "${text}"`);
          assert.match(label, /Click to open the Problems panel/);
          assert.equal(await page.locator('.markers-panel').isVisible(), false, 'Problems panel already visible before the click');
          await page.locator(PEAKEND_STATUS).click();
          await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
          // Scope "openFiles" and no file open yet: the panel is empty although the summary counts 3.
          assert.equal(await problemsEmptyMessage(page), 'No problems have been detected in the workspace.');
          await shot('01-status-bar-click-opens-problems');
          return `status bar "${text}" (${label.split('.')[0]}); Problems panel opened, empty while no file is open`;
        },
      },
      {
        name: "Problems panel lists the example's findings once their files are open (Quick Open)",
        async run({ page, shot }) {
          await focusWorkbench(page);
          for (const f of EXPECTED) await quickOpen(page, f.file);
          await showProblems(page);
          const rows = await problemRows(page, EXPECTED.length);
          assertExpectedRows(rows);
          await shot('02-problems-open-files');
          return rows.map((r) => `${r.code} Ln ${r.line}`).join(', ');
        },
      },
      {
        name: "a rule code in the Problems panel opens docs/rules/<id>.md from the installed extension",
        async run({ page, shot }) {
          await showProblems(page);
          const link = page.locator('.markers-panel a.monaco-link', { hasText: 'missing-persona-score' });
          const href = await link.getAttribute('href');
          assert.match(href ?? '', /\/peakend\.peakend-[\d.]+\/docs\/rules\/missing-persona-score\.md$/, `link target ${href}`);
          await link.click();
          await page.locator('.tabs-container .tab.active', { hasText: 'missing-persona-score.md' }).waitFor({ timeout: 15_000 });
          await page.locator('.editor-group-container.active .view-lines', { hasText: '# `missing-persona-score`' }).waitFor({ timeout: 15_000 });
          await shot('03-rule-doc-from-problems');
          return href.replace(/^.*\/(peakend\.peakend-)/, '$1');
        },
      },
      {
        name: 'opening homeowner.journey.yaml shows a warning squiggle, with the message on hover',
        async run({ page, shot }) {
          await quickOpen(page, 'homeowner.journey.yaml');
          await goToLine(page, EXPECTED[1].line);
          const squiggle = page.locator('.editor-group-container.active .monaco-editor .view-overlays .squiggly-warning').first();
          await squiggle.waitFor({ timeout: 15_000 });
          assert.equal(await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').count(), 0, 'unexpected error squiggle');
          // The squiggle lies under the text layer: hover its position, as a mouse would.
          const box = await squiggle.boundingBox();
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
          const hover = page.locator('.monaco-hover', { hasText: EXPECTED[1].message });
          await hover.waitFor({ state: 'visible', timeout: 15_000 });
          const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
          assert.match(hoverText, /missing-persona-score/);
          await shot('04-squiggle-hover');
          await page.keyboard.press('Escape');
          return `hover: "${hoverText.slice(0, 90)}…"`;
        },
      },
      {
        name: 'command palette lists the Peakend commands, including "Peakend: New Journey Map"',
        async run({ page, shot }) {
          const labels = await paletteLabels(page, 'Peakend', 'Peakend: New Journey Map');
          for (const c of COMMANDS) assert.ok(labels.some((l) => l.startsWith(c)), `palette lacks "${c}"; lists ${labels.join(' | ')}`);
          await shot('05-command-palette');
          await page.keyboard.press('Escape');
          return `${labels.length} entries: ${labels.join(', ')}`;
        },
      },
      {
        name: 'running "Peakend: Re-check Workspace" reloads the workspace (Output: Peakend)',
        async run({ page, shot, info }) {
          await runCommand(page, 'Peakend: Show Output Log');
          await page.locator(OUTPUT_LINES).filter({ hasText: /Loaded\s\d+\sworkspace/ }).waitFor({ timeout: 15_000 });
          const before = await outputText(page);
          const activated = /Peakend activated in ([\d.]+) ms/.exec(before);
          assert.ok(activated, `no "Peakend activated in" line in the output:\n${before}`);
          info.activationMs = Number(activated[1]);
          const n = countLoaded(before);
          await runCommand(page, 'Peakend: Re-check Workspace');
          await page.waitForFunction(
            ([sel, want]) => (document.querySelector(sel)?.innerText.match(/Loaded\s\d+\sworkspace\(s\)/g) ?? []).length >= want,
            [OUTPUT_LINES, n + 1],
            { timeout: 15_000 },
          );
          const after = await outputText(page);
          assert.match(after, /Loaded 1 workspace\(s\), 30 file\(s\)/);
          assert.equal(await page.locator('.notifications-toasts .notification-list-item.error, .notifications-toasts .codicon-error').count(), 0, 'an error notification appeared');
          await statusLabel(page, SUMMARY);
          await shot('06-recheck-output-log');
          return `"Loaded …" lines ${n} → ${countLoaded(after)}; extension logged "activated in ${activated[1]} ms"`;
        },
      },
      {
        name: '"Peakend: New Journey Map" creates a journey from the packaged template',
        async run({ page, shot, workspace }) {
          await quickOpen(page, 'homeowner.journey.yaml'); // the new file goes next to the active editor's file
          await runCommand(page, 'Peakend: New Journey Map');
          await answerInputBox(page, /The ID/, 'move-in');
          await answerInputBox(page, /The title/, 'Move-in journey');
          await page.locator('.tabs-container .tab.active', { hasText: 'move-in.journey.yaml' }).waitFor({ timeout: 15_000 });
          const file = path.join(workspace, 'move-in.journey.yaml');
          const text = fs.readFileSync(file, 'utf8');
          assert.match(text, /^id: move-in$/m);
          assert.match(text, /^title: "Move-in journey"$/m);
          assert.match(text, /^personas: \[[\w-]+\]$/m);
          // The new journey is valid and draws no judgement: still only the example's warnings.
          await statusLabel(page, SUMMARY);
          await shot('07-new-journey-map');
          return `created ${path.basename(file)} (${text.split('\n').length} lines)`;
        },
      },
      {
        name: 'the Touchpoints view in the Explorer lists touchpoints by phase, with standards and last measured compliance',
        async run({ page, shot }) {
          await runCommand(page, 'View: Show Explorer');
          const header = page.locator('.pane-header', { hasText: 'Touchpoints' }).first();
          await header.waitFor({ timeout: 15_000 });
          if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
          // The folder's pane above takes the height: collapse it so the view shows its rows.
          const folders = page.locator('.pane-header', { hasText: 'property-management' }).first();
          if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
          // service-hotline: 4 standards; its newest audit with answers (2026-11-15) passed 3 of 7 weight.
          const row = page.locator('.pane-body .monaco-list-row', { hasText: '物业服务热线' }).first();
          await row.waitFor({ timeout: 15_000 });
          const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
          assert.match(text, /^物业服务热线\s*4 standards · 42\.9 %$/);
          for (const phase of ['marketing', 'service']) await page.locator('.pane-body .monaco-list-row', { hasText: phase }).first().waitFor({ timeout: 5_000 });
          await shot('09-touchpoints-view');
          return text;
        },
      },
      {
        name: 'CodeLens above a touchpoint: standards that apply, the last audit, Generate checklist',
        async run({ page, shot }) {
          await quickOpen(page, 'property.touchpoints.yaml');
          await goToLine(page, 101);
          const lens = page.locator('.editor-group-container.active .codelens-decoration', { hasText: '4 standards apply' }).first();
          await lens.waitFor({ timeout: 15_000 });
          const text = (await lens.innerText()).replace(/\s+/g, ' ').trim();
          assert.equal(text, '4 standards apply | Last audit 2026-12-01: — · incomplete | Generate checklist');
          await shot('10-codelens-touchpoint');
          return text;
        },
      },
      {
        name: '"Compare with…" HEAD draws the before and after curves of an edited journey (bundled Mermaid, strict CSP)',
        async run({ page, shot, workspace }) {
          const git = (...args) => execFileSync('git', ['-c', 'user.name=Peakend Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: workspace, encoding: 'utf8' });
          git('init', '-q');
          git('add', '-A');
          git('commit', '-q', '-m', 'baseline');
          // visit-sales-site drops from 3 to -2 for first-time-buyer.
          const journey = path.join(workspace, 'homeowner.journey.yaml');
          const before = fs.readFileSync(journey, 'utf8');
          const edited = before.replace('emotions: { first-time-buyer: 3, upgrader: 2 }', 'emotions: { first-time-buyer: -2, upgrader: 2 }');
          assert.notEqual(edited, before);
          fs.writeFileSync(journey, edited);
          await quickOpen(page, 'homeowner.journey.yaml');
          await goToLine(page, 22);
          await page.locator('.editor-group-container.active .view-lines', { hasText: 'first-time-buyer: -2, upgrader: 2' }).waitFor({ timeout: 15_000 });
          await runCommand(page, 'Peakend: Compare with…');
          await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'HEAD' }).first().click();
          const view = page.frameLocator('iframe.webview').last().frameLocator('#active-frame');
          await view.locator('body[data-charts="drawn"]').waitFor({ timeout: 30_000 });
          const svg = view.locator('.chart svg').first();
          await svg.waitFor({ timeout: 10_000 });
          const rows = await view.locator('table tr').allInnerTexts();
          assert.ok(rows.some((r) => /visit-sales-site|参观售楼处/.test(r)), `rows: ${rows.join(' | ')}`);
          assert.equal(await view.locator('.chart-error').count(), 0, 'a chart could not be drawn');
          await shot('11-compare-with-head');
          return `${await view.locator('.chart svg').count()} chart(s); ${rows.length} table rows`;
        },
      },
    ],
  },
  {
    name: 'preview (light theme, then dark)',
    userSettings: { 'workbench.colorTheme': 'Default Light Modern' },
    tests: [
      {
        name: 'the editor title button opens the preview beside the journey: a line per persona, markers, tables',
        async run({ page }) {
          await quickOpen(page, 'homeowner.journey.yaml');
          const button = page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Open Preview to the Side"]');
          await button.waitFor({ timeout: 15_000 });
          await button.click();
          await page.locator('.tabs-container .tab', { hasText: 'Preview homeowner.journey.yaml' }).waitFor({ timeout: 15_000 });
          const frame = await previewFrame(page);
          const dom = await previewDom(frame);
          // Two personas and the neutral line; best, worst and end of each persona.
          assert.equal(dom.lines, 3);
          assert.equal(dom.markers, 6);
          assert.equal(dom.rows, 13 + 2);
          assert.equal(dom.title, '业主旅程：从购房到续费');
          assert.match(dom.bodyClass, /vscode-light/);
          assert.equal(dom.background, 'rgb(255, 255, 255)');
          await page.waitForTimeout(500); // fonts settle before the picture is taken
          await page.screenshot({ path: path.join('test-output', 'clickthrough', 'preview-light.png') });
          return `${dom.lines - 1} persona lines, ${dom.markers} markers, ${dom.rows} table rows; body ${dom.bodyClass}`;
        },
      },
      {
        name: 'clicking a step in the preview table moves the editor cursor to it',
        async run({ page }) {
          const frame = await previewFrame(page);
          await frame.locator('tr[data-id="pay-fee"]').click();
          const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
          await page.waitForFunction((sel) => /Ln 117, Col 20 \(7 selected\)/.test(document.querySelector(sel)?.textContent ?? ''), '.statusbar-item[id="status.editor.selection"]', { timeout: 15_000 });
          return `status bar: ${(await selection.innerText()).trim()}`;
        },
      },
      {
        name: 'switching to a dark theme redraws the preview in the theme’s colours',
        async run({ page }) {
          await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
          let frame = await previewFrame(page);
          await frame.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 15_000 });
          await page.waitForTimeout(1000); // the chart is redrawn for the new theme
          frame = await previewFrame(page);
          await frame.evaluate(() => window.scrollTo(0, 0));
          const dom = await previewDom(frame);
          assert.notEqual(dom.background, 'rgb(255, 255, 255)');
          assert.equal(dom.lines, 3);
          assert.equal(dom.markers, 6);
          await page.screenshot({ path: path.join('test-output', 'clickthrough', 'preview-dark.png') });
          return `body ${dom.bodyClass}, background ${dom.background}, chart text ${dom.axisText}`;
        },
      },
      {
        name: 'the preview comes back after the window reloads',
        async run({ page }) {
          // The reload a person makes: the workbench saves its editors and the preview's state
          // before the page goes, which a bare browser reload does not wait for.
          const loaded = page.waitForEvent('load', { timeout: 60_000 });
          await runCommand(page, 'Developer: Reload Window');
          await loaded;
          await page.locator(PEAKEND_STATUS).waitFor({ timeout: 60_000 });
          await page.locator('.tabs-container .tab', { hasText: 'Preview homeowner.journey.yaml' }).waitFor({ timeout: 30_000 });
          const dom = await previewDom(await previewFrame(page));
          assert.equal(dom.lines, 3);
          assert.equal(dom.markers, 6);
          return `restored: ${dom.rows} rows, ${dom.markers} markers`;
        },
      },
    ],
  },
  {
    name: 'user setting peakend.problems.scope = workspace',
    userSettings: { 'peakend.problems.scope': 'workspace' },
    tests: [
      {
        name: "Problems panel lists the example's findings without opening any file",
        async run({ page, shot }) {
          await statusLabel(page, SUMMARY);
          await page.locator(PEAKEND_STATUS).click();
          await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
          const rows = await problemRows(page, EXPECTED.length);
          assertExpectedRows(rows);
          assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'an editor is open');
          await shot('08-problems-workspace-scope');
          return rows.map((r) => `${r.code} Ln ${r.line}`).join(', ');
        },
      },
    ],
  },
];
