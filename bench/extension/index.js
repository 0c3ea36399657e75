// Test module for bench/extension.mjs, run inside code-server's extension host (CommonJS).
// PEAKEND_BENCH_MODE:
//   activation: Peakend (installed .vsix) is not active (the workspace has no Peakend files):
//               time vscode.extensions.getExtension('peakend.peakend').activate(), and read the
//               "Peakend activated in X ms" line the extension logs itself.
//   latency:    the workspace holds a generated 500-step journey; with peakend.validation.debounce
//               = 0, edit a score out of the scale and time until the diagnostic is there, then
//               revert and time until it is gone.
//   preview:    open the journey named by PEAKEND_BENCH_SPEC, then time "Open Preview to the Side"
//               until the page reports its first render (cold: the first preview of the host; warm:
//               closed and opened again), and edits of scores until the page reports the new render.
// Results go as JSON to PEAKEND_BENCH_OUT. A failed check rejects run() (non-zero exit).
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const vscode = require('vscode');

const PEAKEND = 'peakend.peakend';
const RULE = 'score-out-of-scale';
const HARNESS = 'peakend.peakend-bench';

exports.run = async function run() {
  const mode = process.env.PEAKEND_BENCH_MODE;
  const out = process.env.PEAKEND_BENCH_OUT;
  const result = mode === 'activation' ? await activation() : mode === 'latency' ? await latency() : mode === 'preview' ? await preview() : undefined;
  if (!result) throw new Error(`unknown PEAKEND_BENCH_MODE "${mode}"`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
};

async function activation() {
  const ext = vscode.extensions.getExtension(PEAKEND);
  if (!ext) throw new Error(`${PEAKEND} is not installed`);
  if (ext.isActive) throw new Error(`${PEAKEND} is already active: the workspace must hold no Peakend files`);
  // Let start-up finish first (built-in extensions activating on start-up compete for the thread),
  // so the numbers are Peakend's and not the noise of a busy extension host.
  await sleep(Number(process.env.PEAKEND_BENCH_SETTLE_MS ?? 2000));
  // Baseline: VS Code's own cost of activating an extension that does nothing (the harness).
  const harness = vscode.extensions.getExtension(HARNESS);
  const harnessWasActive = harness.isActive;
  let t0 = performance.now();
  const { logDir } = await harness.activate();
  const baselineMs = harnessWasActive ? null : performance.now() - t0;
  t0 = performance.now();
  await ext.activate();
  const activateMs = performance.now() - t0;
  // The "Peakend" log output channel is written to <exthost logs>/peakend.peakend/Peakend.log;
  // the harness extension's own logUri is a sibling folder.
  const logFile = path.join(path.dirname(logDir), PEAKEND, 'Peakend.log');
  let selfMs;
  let line;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    const m = /Peakend activated in ([\d.]+) ms.*/.exec(text);
    if (m) { selfMs = Number(m[1]); line = m[0]; break; }
  }
  if (selfMs === undefined) throw new Error(`no "Peakend activated in" line in ${logFile}`);
  // Module evaluation alone: require the bundle again with a cold module cache (the file is in the
  // OS cache by now). Its top level creates a second "Peakend" output channel: harmless here.
  const bundle = require.resolve(path.join(ext.extensionPath, ext.packageJSON.main));
  delete require.cache[bundle];
  const tLoad = performance.now();
  require(bundle);
  const moduleLoadMs = performance.now() - tLoad;
  return { mode: 'activation', activateMs, selfMs, moduleLoadMs, baselineMs, logLine: line, bundleBytes: fs.statSync(bundle).size };
}

async function latency() {
  const spec = JSON.parse(process.env.PEAKEND_BENCH_SPEC);
  const ext = vscode.extensions.getExtension(PEAKEND);
  const api = await ext.activate();
  const debounce = vscode.workspace.getConfiguration('peakend').get('validation.debounce');
  if (debounce !== 0) throw new Error(`peakend.validation.debounce is ${debounce}, expected 0`);
  await api.whenIdle();
  await sleep(Number(process.env.PEAKEND_BENCH_SETTLE_MS ?? 2000)); // let start-up finish (see activation())

  const uri = vscode.Uri.file(spec.journey);
  const errors = () => vscode.languages.getDiagnostics(uri).filter((d) => (d.code?.value ?? d.code) === RULE);
  const tOpen = performance.now();
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await api.whenIdle();
  const openMs = performance.now() - tOpen;
  const initial = vscode.languages.getDiagnostics(uri);
  if (initial.length) throw new Error(`the generated journey is not clean: ${initial.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);

  /**
   * Replaces the text at `range` and times: the document change reaching the extension host
   * (onDidChangeTextDocument: with debounce 0 the check is scheduled here), the extension's check
   * and publish (its whenIdle() resolves and getDiagnostics shows the result), and
   * onDidChangeDiagnostics (VS Code fires it through a debouncing emitter: a 50 ms window
   * opened by the first diagnostics change of any source).
   */
  async function timeEdit(range, text, done) {
    const t = {};
    let resolveEvent;
    const eventP = new Promise((r) => { resolveEvent = r; });
    let idleP;
    const subs = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== uri.toString() || t.change !== undefined) return;
        t.change = performance.now();
        // Registered after Peakend's listener, so its check is already scheduled.
        idleP = api.whenIdle().then(() => { t.published = performance.now(); t.publishedOk = done(); });
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (t.event !== undefined || !e.uris.some((u) => u.toString() === uri.toString()) || !done()) return;
        t.event = performance.now();
        resolveEvent();
      }),
    ];
    try {
      t.start = performance.now();
      const ok = await editor.edit((eb) => eb.replace(range, text));
      if (!ok) throw new Error('edit was not applied');
      const timeout = sleep(10_000).then(() => { throw new Error(`no diagnostics change within 10 s (change seen: ${t.change !== undefined})`); });
      await Promise.race([eventP, timeout]);
      await idleP;
    } finally {
      subs.forEach((s) => s.dispose());
    }
    if (!t.publishedOk) {
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code?.value ?? d.code} ${d.message}`);
      throw new Error(`whenIdle() resolved before the diagnostics were there (change seen: ${t.change !== undefined}, event: ${t.event !== undefined}, now ${done() ? 'there' : 'still missing'}; diagnostics: ${now.join('; ') || 'none'})`);
    }
    return {
      changeToPublishedMs: t.published - t.change,
      changeToEventMs: t.event - t.change,
      editToEventMs: t.event - t.start,
      editToChangeMs: t.change - t.start,
    };
  }

  const samples = [];
  const total = spec.warmup + spec.iterations;
  for (let i = 0; i < total; i++) {
    const target = spec.targets[i % spec.targets.length];
    const range = new vscode.Range(target.line, target.character, target.line, target.character + target.text.length);
    if (doc.getText(range) !== target.text) throw new Error(`line ${target.line + 1}: expected "${target.text}" at ${target.character}, found "${doc.getText(range)}"`);
    const set = await timeEdit(range, spec.badScore, () => errors().length === 1);
    const badRange = new vscode.Range(target.line, target.character, target.line, target.character + spec.badScore.length);
    const diag = errors()[0];
    if (diag.range.start.line !== target.line) throw new Error(`${RULE} reported on line ${diag.range.start.line + 1}, expected ${target.line + 1}`);
    const clear = await timeEdit(badRange, target.text, () => errors().length === 0);
    await api.whenIdle();
    if (i >= spec.warmup) samples.push({ step: target.step, line: target.line + 1, set, clear });
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return { mode: 'latency', lines: doc.lineCount, bytes: Buffer.byteLength(doc.getText()), openMs, debounce, samples };
}

async function preview() {
  const spec = JSON.parse(process.env.PEAKEND_BENCH_SPEC);
  const ext = vscode.extensions.getExtension(PEAKEND);
  const api = await ext.activate();
  await api.whenIdle();
  await sleep(Number(process.env.PEAKEND_BENCH_SETTLE_MS ?? 2000));
  const uri = vscode.Uri.file(spec.journey);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
  await api.whenIdle();

  /** Resolves with the first render report that satisfies `check`, and the time it arrived. */
  function nextRender(check, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no preview render within 30 s (${what})`)); }, 30_000);
      const sub = api.onDidRenderPreview((info) => {
        if (!info.summary || !check(info.summary)) return;
        const at = performance.now();
        clearTimeout(timer);
        sub.dispose();
        resolve({ at, summary: info.summary });
      });
    });
  }

  async function open() {
    const t0 = performance.now();
    const first = nextRender(() => true, 'open (tables)');
    const done = nextRender((s) => s.svg, 'open');
    await vscode.commands.executeCommand('peakend.openPreviewToSide');
    const { at, summary } = await done;
    const tables = await first;
    if (summary.chartError) throw new Error(`the chart failed: ${summary.chartError}`);
    // The phases, from the command. The extension host and this module share one clock; the page has
    // its own (ms since it began loading), placed on ours by the report's arrival (so the transit of
    // the report from the page counts as the host's, in "webview created").
    const timing = api.previews()[0].timing;
    const pageStart = at - summary.pageAgeMs;
    // A chart from the extension's cache: no Mermaid, the page script takes the chart that came with the HTML.
    const fromCache = summary.fromCache === true;
    const phases = {
      extension: timing.created - t0, // whenIdle, createWebviewPanel
      html: timing.html - timing.created, // analysis, view model, the page's HTML
      webview: pageStart - timing.html, // the workbench creates the webview until the page begins loading
      scriptStart: summary.scriptStartMs, // the page's HTML and its script loaded
      mermaidReady: fromCache ? 0 : summary.mermaidReadyMs - summary.scriptStartMs, // Mermaid's core imported (preloaded with the chart's chunks)
      chart: summary.firstChartMs - (fromCache ? summary.scriptStartMs : summary.mermaidReadyMs), // the chart's chunk, Mermaid's render, the SVG in the DOM (cached: taken over)
      rest: summary.pageAgeMs - summary.firstChartMs, // the rest of the page after the chart, and the report
    };
    return { ms: at - t0, tablesMs: tables.at - t0, pageMs: summary.ms, scriptStartMs: summary.scriptStartMs, pageAgeMs: summary.pageAgeMs, firstLayoutMs: summary.firstLayoutMs, fromCache, phases, summary };
  }
  /** Waits (up to 5 s) until the extension has cached the chart the page shows, as it has long before a person closes a preview. */
  async function cached() {
    const t0 = performance.now();
    while (!api.previews()[0]?.chartCached && performance.now() - t0 < 5000) await sleep(10);
    return { cached: Boolean(api.previews()[0]?.chartCached), ms: performance.now() - t0 };
  }
  async function close() {
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    if (api.previews().length) throw new Error('the preview did not close');
  }

  const cold = await open();
  const warm = [];
  const caching = [];
  for (let i = 0; i < spec.opens; i++) {
    caching.push(await cached());
    await close();
    warm.push(await open());
  }

  // Score edits spread over the file: the first persona's score on each step with an emotions line.
  const targets = [];
  doc.getText().split('\n').forEach((text, line) => {
    const m = /emotions: \{ [\w-]+: (-?\d+)/.exec(text);
    if (m) targets.push({ line, character: m.index + m[0].length - m[1].length, value: Number(m[1]) });
  });
  const picks = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.05, 0.95, 0.55].map((p) => targets[Math.min(targets.length - 1, Math.floor(p * targets.length))]);
  let version = api.previews()[0].summary.version;
  async function timeEdit(t, from, to) {
    const range = new vscode.Range(t.line, t.character, t.line, t.character + String(from).length);
    if (doc.getText(range) !== String(from)) throw new Error(`line ${t.line + 1}: expected ${from}, found ${doc.getText(range)}`);
    // The new state's chart drawn (a page whose chart came from the cache loads Mermaid first).
    const done = nextRender((s) => s.version > version && s.svg, 'edit');
    const t0 = performance.now();
    if (!(await editor.edit((b) => b.replace(range, String(to))))) throw new Error('edit not applied');
    const { at, summary } = await done;
    version = summary.version;
    const timing = api.previews()[0].timing;
    // edit → the preview's refresh began (the edit reached the extension, which re-checked the file),
    // → its render posted (analysis, view model), → the page's report arrived (transit, the page's render).
    return { ms: at - t0, pageMs: summary.ms, toRefreshMs: timing.refresh - t0, refreshMs: timing.posted - timing.refresh, toPageMs: at - timing.posted };
  }
  const samples = [];
  // The warm-up edits: the first one after a preview opened with its cached chart may wait for Mermaid,
  // which that page loads once it is idle; a person starts typing a second or so after the preview shows.
  const firstEdits = [];
  await sleep(1000);
  for (let i = 0; i < spec.warmup + spec.iterations; i++) {
    const t = picks[i % picks.length];
    const to = t.value >= 5 ? t.value - 1 : t.value + 1;
    const set = await timeEdit(t, t.value, to);
    const back = await timeEdit(t, to, t.value);
    if (i >= spec.warmup) samples.push({ line: t.line + 1, set, back });
    else firstEdits.push(set, back);
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return {
    mode: 'preview',
    steps: cold.summary.tables[0].rows.length,
    personas: cold.summary.lines,
    cold: { ms: cold.ms, tablesMs: cold.tablesMs, pageMs: cold.pageMs, scriptStartMs: cold.scriptStartMs, pageAgeMs: cold.pageAgeMs, firstLayoutMs: cold.firstLayoutMs, fromCache: cold.fromCache, phases: cold.phases },
    warm: warm.map((w) => ({ ms: w.ms, tablesMs: w.tablesMs, pageMs: w.pageMs, scriptStartMs: w.scriptStartMs, pageAgeMs: w.pageAgeMs, firstLayoutMs: w.firstLayoutMs, fromCache: w.fromCache, phases: w.phases })),
    caching,
    firstEdits: firstEdits.map((e) => e.ms),
    samples,
  };
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
