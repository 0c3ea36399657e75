// Shared helpers of the integration tests: the extension's API, the workspace copy, what the CLI
// reported for it, opening and closing editors the way a user does, and waiting without sleeps.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PeakendApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'peakend.peakend';

export function extension(): vscode.Extension<PeakendApi> {
  const ext = vscode.extensions.getExtension<PeakendApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

/** The extension's API once it has activated on its own (workspaceContains) and finished loading. */
export async function peakend(): Promise<PeakendApi> {
  const ext = extension();
  await until(() => ext.isActive, 'the extension to activate', 20_000);
  await ext.exports.whenIdle();
  return ext.exports;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `check` until it returns a truthy value without throwing: for what VS Code delivers on its own
 * time (file watcher events, a document appearing after an editor opened). Rethrows the last error.
 */
export async function until<T>(check: () => T | Promise<T>, what: string, timeout = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw last ?? new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Runs an assertion once the extension is idle; retried while events are still arriving (file watcher). */
export async function eventually(assertion: () => void | Promise<void>, timeout = 10_000): Promise<void> {
  const api = await peakend();
  await until(
    async () => {
      await api.whenIdle();
      await assertion();
      return true;
    },
    'the assertion to hold',
    timeout,
  );
}

// ── the workspace copy ─────────────────────────────────────────────────────────────────────────

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** A file of the workspace copy by its path relative to the folder VS Code opened. */
export function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...rel.split('/'));
}

export function relativePath(uri: vscode.Uri): string {
  return path.relative(root().fsPath, uri.fsPath).split(path.sep).join('/');
}

export function readDisk(rel: string): string {
  return fs.readFileSync(file(rel).fsPath, 'utf8');
}

/** SHA-256 of every file under the workspace folder, by relative path. */
export function hashWorkspace(): Record<string, string> {
  const out: Record<string, string> = {};
  const base = root().fsPath;
  for (const name of (fs.readdirSync(base, { recursive: true }) as string[]).sort()) {
    const p = path.join(base, name);
    if (fs.statSync(p).isFile()) out[name.split(path.sep).join('/')] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

// ── what `peakend check` reported (written by scripts/test-extension.mjs) ──────────────────────

interface PlainRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ExpectedFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: PlainRange;
  /** Related locations; `file` relative to the workspace folder. */
  related: { file: string; range: PlainRange; message: string }[];
}

export interface Expected {
  /** Every Peakend file of the workspace, relative to the folder. */
  files: string[];
  /** The CLI's findings by file. */
  findings: Record<string, ExpectedFinding[]>;
}

export function expected(): Expected {
  const p = process.env.PEAKEND_TEST_EXPECTED;
  assert.ok(p, 'PEAKEND_TEST_EXPECTED is not set (run scripts/test-extension.mjs)');
  return JSON.parse(fs.readFileSync(p, 'utf8')) as Expected;
}

// ── diagnostics ────────────────────────────────────────────────────────────────────────────────

export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'peakend');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const SEVERITY: Record<ExpectedFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** One line per problem, in a form both sides share: `rule-id 12:5-12:9 <severity number> message` (1-based). */
export function asLine(d: vscode.Diagnostic | ExpectedFinding): string {
  const r = d.range;
  const pos = `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  if ('ruleId' in d) return `${d.ruleId} ${pos} ${SEVERITY[d.severity]} ${d.message}`;
  return `${ruleOf(d)} ${pos} ${d.severity} ${d.message}`;
}

export function sortedLines(items: (vscode.Diagnostic | ExpectedFinding)[]): string[] {
  return items.map(asLine).sort();
}

/** The rule ids of a file's diagnostics, sorted. */
export function rules(uri: vscode.Uri): string[] {
  return diagnostics(uri).map(ruleOf).sort();
}

// ── editors and documents ──────────────────────────────────────────────────────────────────────

/**
 * Opens a file the way a user does: the workbench opens an editor (vscode.open), not the extension
 * API (whose openTextDocument keeps the document alive for minutes after its editor closes).
 */
export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()), `an editor for ${relativePath(uri)}`);
  await (await peakend()).whenIdle();
  return editor;
}

/** Discards unsaved changes in every document (edits, renames and fixes of a test), so disk stays as the runner wrote it. */
export async function revertAll(): Promise<void> {
  // Only the tests' own files: VS Code keeps the user's settings.json open (and briefly dirty) while
  // it writes a configuration change, and that document is not ours to revert.
  const ours = (d: vscode.TextDocument) => d.isDirty && d.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(d.uri) !== undefined;
  for (const doc of vscode.workspace.textDocuments.filter(ours)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await until(() => !vscode.workspace.textDocuments.some(ours), 'documents to be reverted');
}

/** Reverts, then closes every editor. */
export async function closeAll(): Promise<void> {
  await revertAll();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await (await peakend()).whenIdle();
}

/** Whether VS Code (the extension host) holds the document open. */
export function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

/**
 * The position of `inner` inside the `nth` occurrence of `needle` (default: the start of `needle`).
 * Tests name places by their text, so they read like the YAML they point at.
 */
export function at(doc: vscode.TextDocument, needle: string, inner = '', nth = 0): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" (#${nth + 1}) is not in ${relativePath(doc.uri)}`);
  }
  const j = inner ? needle.indexOf(inner) : 0;
  assert.ok(j >= 0, `"${inner}" is not in "${needle}"`);
  return doc.positionAt(i + j);
}

/** The range of `inner` inside the first `needle`. */
export function rangeOf(doc: vscode.TextDocument, needle: string, inner = needle): vscode.Range {
  const start = at(doc, needle, inner);
  return new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + inner.length));
}

/** Text with \n line ends, whatever the document uses. */
export function lf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** The text of one (0-based) line. */
export function line(doc: vscode.TextDocument, n: number): string {
  return doc.lineAt(n).text;
}
