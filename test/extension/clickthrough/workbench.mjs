// Helpers that drive the VS Code workbench (code-server in Chromium, through playwright-core)
// the way a person does: keyboard shortcuts, Quick Open, the command palette, clicks. They wait
// for selectors, never for fixed times. Selectors are VS Code 1.139's workbench DOM.

/** The status bar item of an extension: its DOM id is "<extension id>.<item id>". */
export const PEAKEND_STATUS = '[id="peakend.peakend.peakend.status"]';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} input`;
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const MARKER_ROWS = '.markers-panel .monaco-list-row';

/** Opens the workbench and waits until the Peakend status bar item (the extension is active) shows. */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator(PEAKEND_STATUS).waitFor({ timeout: 60_000 });
}

/** Gives the keyboard to the workbench (not the browser chrome). */
export async function focusWorkbench(page) {
  await page.locator('.monaco-workbench .part.editor').click({ position: { x: 200, y: 200 } });
}

/** The status bar item's accessible label (its tooltip) and text, once the label matches `re`. */
export async function statusLabel(page, re, timeout = 30_000) {
  const item = page.locator(PEAKEND_STATUS);
  await page
    .waitForFunction(([sel, src, flags]) => new RegExp(src, flags).test(document.querySelector(sel)?.getAttribute('aria-label') ?? ''), [PEAKEND_STATUS, re.source, re.flags], { timeout })
    .catch(async () => {
      throw new Error(`status bar item says "${await item.getAttribute('aria-label')}", expected ${re}`);
    });
  return { label: await item.getAttribute('aria-label'), text: (await item.innerText()).replace(/\s+/g, ' ').trim() };
}

/** Quick Open (Ctrl+P): opens a file by name; resolves when its tab is active. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await page.locator(QUICK_INPUT_BOX).fill(fileName);
  // Filtering is asynchronous: Enter opens the focused row, so wait until that is the file.
  await page.locator(`${QUICK_ROWS}.focused`, { hasText: fileName }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: 15_000 });
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/**
 * Opens the command palette filtered by `filter` and returns the labels listed. Commands of an
 * extension reach the palette a little after activation, and the palette lists only commands
 * known when it opens: it is reopened until `expect` (a label) is listed.
 */
export async function paletteLabels(page, filter, expect, attempts = 10) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await page.locator(QUICK_INPUT_BOX).fill(`>${filter}`);
    try {
      await page.locator(QUICK_ROWS, { hasText: expect }).first().waitFor({ timeout: 2_000 });
      return await page.locator(QUICK_ROWS).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    } catch (e) {
      if (attempt === attempts) throw new Error(`command palette never listed "${expect}"`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Runs a command by its palette title ("Peakend: Re-check Workspace"). */
export async function runCommand(page, title) {
  await paletteLabels(page, title, title);
  await page.locator(QUICK_ROWS, { hasText: title }).first().click();
}

/** Answers an input box (as shown by vscode.window.showInputBox) whose prompt matches `prompt`. */
export async function answerInputBox(page, prompt, value) {
  await page.locator(QUICK_INPUT, { hasText: prompt }).waitFor({ timeout: 15_000 });
  await page.locator(QUICK_INPUT_BOX).fill(value);
  await page.keyboard.press('Enter');
}

/** Shows the Problems panel (View: Focus Problems) if it is not visible. */
export async function showProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/**
 * The Problems panel's marker rows (not file rows): { severity, message, source, code, line, col, aria }.
 * Waits until `count` of them are shown (when given).
 */
export async function problemRows(page, count, timeout = 30_000) {
  if (count !== undefined) {
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(`${sel} .marker-message-details-container`).length === n,
      [MARKER_ROWS, count],
      { timeout },
    );
  }
  return page.locator(MARKER_ROWS).evaluateAll((rows) =>
    rows
      .filter((r) => r.querySelector('.marker-message-details-container'))
      .map((r) => {
        const icon = r.querySelector('.marker-icon');
        const pos = /\[Ln (\d+), Col (\d+)\]/.exec(r.querySelector('.marker-line')?.textContent ?? '');
        return {
          severity: ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? 'unknown',
          message: r.querySelector('.marker-message')?.textContent ?? '',
          source: r.querySelector('.marker-source')?.textContent ?? '',
          code: r.querySelector('.marker-code')?.textContent ?? '',
          link: r.querySelector('a.monaco-link')?.getAttribute('href') ?? '',
          line: pos ? Number(pos[1]) : 0,
          col: pos ? Number(pos[2]) : 0,
          aria: r.getAttribute('aria-label') ?? '',
        };
      }),
  );
}

/** The Problems panel's empty-state message, or '' when it lists problems. */
export async function problemsEmptyMessage(page) {
  const box = page.locator('.markers-panel .message-box-container');
  return (await box.isVisible()) ? (await box.innerText()).trim() : '';
}

/** The Output panel's editor: its visible lines. */
export const OUTPUT_LINES = '.part.panel .output-view .view-lines';

/** The text of the visible lines of the Output panel (Monaco renders spaces as U+00A0). */
export async function outputText(page) {
  return (await page.locator(OUTPUT_LINES).innerText()).replace(/\u00a0/g, ' ');
}

/** Go to Line (Ctrl+G) in the active editor. */
export async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.locator(QUICK_INPUT_BOX).fill(`:${line}`);
  await page.locator(`${QUICK_ROWS}.focused`, { hasText: String(line) }).waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}
