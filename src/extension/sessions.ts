import * as vscode from 'vscode';
import {
  defaultConfig,
  discoverFiles,
  isChecklistFile,
  isInsideFolder,
  kindFromFileName,
  loadWorkspace,
  readConfig,
  readInput,
  CONFIG_FILE_NAMES,
  type FileModel,
  type PeakendConfig,
  type Workspace,
} from '../core';
import { toPath } from './convert';
import { openDocument, vscodeHost } from './host';
import { log } from './log';
import { settings } from './settings';

/** A workspace's settings and, when it has one, its config file's model. */
type LoadedConfig = { config: PeakendConfig; model?: FileModel };

/** The files whose analysis changed: their paths, or `all` after a reload. */
export type SessionsChange = { readonly paths: readonly string[] } | { readonly all: true };

/**
 * The Peakend workspaces inside the open VS Code folders (one per peakend.yaml, plus each folder
 * itself), kept in step with editor buffers and the disk. Per-file analysis runs only for the file
 * that changed; the workspace then checks again, across files, only the files whose lookups the
 * change answers differently (core/workspace/crossFile.ts).
 */
export class Sessions implements vscode.Disposable {
  private roots: Workspace[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly analyzed = new Map<string, number>();
  /** Bumped by every event for a path, so that a slower disk read cannot overwrite newer text. */
  private readonly generation = new Map<string, number>();
  private running = 0;
  private idle: (() => void)[] = [];
  /** The config files in force (peakend.yaml files and the one peakend.configPath names). */
  private configFiles = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<SessionsChange>();
  /** Fires after analysis changed results; says which files were re-read (or that all were). */
  readonly onDidChange = this.emitter.event;

  workspaces(): readonly Workspace[] {
    return this.roots;
  }

  /** The workspace a file belongs to: the deepest root that contains it. */
  workspaceFor(path: string): Workspace | undefined {
    let best: Workspace | undefined;
    for (const ws of this.roots) {
      if (isInsideFolder(ws.config.root, path) && (!best || ws.config.root.length > best.config.root.length)) best = ws;
    }
    return best;
  }

  /** Whether a document is one Peakend checks: by its name, or because its workspace includes it. */
  isPeakendDocument(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme !== 'file') return false;
    return this.belongs(toPath(doc.uri));
  }

  /** A file of a kind, one its workspace already holds, or an audit checklist in its checklists folder. */
  private belongs(path: string): boolean {
    if (kindFromFileName(path) !== undefined) return true;
    const ws = this.workspaceFor(path);
    return Boolean(ws && (ws.getFile(path) || isChecklistFile(path, ws.config)));
  }

  /** (Re)loads every workspace from scratch: on start, on config changes and on "Re-check". */
  reload(): Promise<void> {
    return this.track(async () => {
      const started = Date.now();
      // Loading reads open buffers at some point in between: note their versions now, so that a
      // buffer edited meanwhile is analysed again below instead of being taken as up to date.
      const versions = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d.version]));
      const configs = await this.configs();
      this.configFiles = new Set(configs.flatMap((c) => (c.model ? [c.model.file] : [])));
      const roots: Workspace[] = [];
      for (const config of configs) {
        const { workspace } = await loadWorkspace(vscodeHost, config.config, config.model);
        roots.push(workspace);
      }
      this.roots = roots;
      this.analyzed.clear();
      for (const doc of vscode.workspace.textDocuments) {
        if (!this.isPeakendDocument(doc)) continue;
        if (versions.get(doc.uri.toString()) === doc.version) this.analyzed.set(toPath(doc.uri), doc.version);
        else this.analyzeDocument(doc); // edited or opened while loading
      }
      const files = roots.reduce((n, w) => n + w.files.size, 0);
      log.info(`Loaded ${roots.length} workspace(s), ${files} file(s) in ${Date.now() - started} ms.`);
      this.emitter.fire({ all: true });
    });
  }

  private async configs(): Promise<LoadedConfig[]> {
    const s = settings();
    const out: LoadedConfig[] = [];
    const seen = new Set<string>();
    const add = (c: LoadedConfig) => {
      if (seen.has(c.config.root)) return;
      seen.add(c.config.root);
      c.config.rules = { ...c.config.rules, ...s.rules };
      out.push(c);
    };
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (s.configPath && folders[0]) {
      // The named file governs the whole first folder, wherever it is kept (it need not be called peakend.yaml).
      const folder = toPath(folders[0].uri);
      const file = s.configPath.startsWith('/') ? s.configPath : `${folder}/${s.configPath}`;
      const named = await readConfig(vscodeHost, file);
      named.config.root = folder;
      add(named);
    }
    const pattern = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
    for (const uri of await vscode.workspace.findFiles(pattern, '**/node_modules/**')) add(await readConfig(vscodeHost, toPath(uri)));
    for (const f of folders) if (f.uri.scheme === 'file') add({ config: defaultConfig(toPath(f.uri)) });
    return out;
  }

  /** An edited buffer: analysed after the debounce, unless its version was already analysed. */
  scheduleDocument(doc: vscode.TextDocument, delay = settings().debounceMs): void {
    if (!this.isPeakendDocument(doc)) return;
    const path = toPath(doc.uri);
    const pending = this.timers.get(path);
    if (pending) clearTimeout(pending);
    else this.running++;
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        try {
          this.analyzeDocument(doc);
        } finally {
          this.settle();
        }
      }, delay),
    );
  }

  /** Analyses a buffer now (on open: the first result comes without waiting). */
  analyzeDocument(doc: vscode.TextDocument): void {
    if (doc.isClosed || !this.isPeakendDocument(doc)) return;
    const path = toPath(doc.uri);
    if (this.analyzed.get(path) === doc.version && this.workspaceFor(path)?.getFile(path)) return;
    const ws = this.workspaceFor(path);
    if (!ws) return;
    this.bump(path);
    ws.setFile(path, { text: doc.getText() });
    this.analyzed.set(path, doc.version);
    this.emitter.fire({ paths: [path] });
  }

  /** A file changed on disk (git checkout, another program): re-read it unless an open buffer owns it. */
  fileChanged(uri: vscode.Uri): Promise<void> {
    const path = toPath(uri);
    if (this.isConfigFile(path)) return this.reload();
    if (!this.workspaceFor(path) || !this.belongs(path)) return Promise.resolve();
    return this.track(() => this.reread(path));
  }

  /**
   * A folder created or moved in (a checkout, an unzip, a rename): the watcher may report the folder
   * alone, not the files already inside it, so they are looked for here. A folder that brings a
   * config file of its own makes a new workspace: everything is reloaded.
   */
  folderCreated(uri: vscode.Uri): Promise<void> {
    const folder = toPath(uri);
    const ws = this.workspaceFor(folder);
    if (!ws) return Promise.resolve();
    return this.track(async () => {
      if ((await vscodeHost.stat(folder))?.type !== 'directory') return;
      const configs = new vscode.RelativePattern(uri, `**/{${CONFIG_FILE_NAMES.join(',')}}`);
      if ((await vscode.workspace.findFiles(configs, '**/node_modules/**', 1)).length) return this.reload();
      const files = await discoverFiles(vscodeHost, ws.config, undefined, folder);
      await Promise.all(files.filter((path) => !ws.getFile(path)).map((path) => this.reread(path)));
    });
  }

  /** Reads a file from disk into its workspace (or drops it when it is gone), unless a buffer owns it. */
  private async reread(path: string): Promise<void> {
    if (openDocument(path)?.isDirty) return;
    const gen = this.bump(path);
    const limit = this.workspaceFor(path)?.config.maxFileBytes;
    if (limit === undefined) return;
    // Gone from disk (e.g. an editor of a deleted file was closed): drop it, not "cannot be read".
    const exists = (await vscodeHost.stat(path)) !== undefined;
    const input = exists ? await readInput(vscodeHost, path, limit) : undefined;
    if (this.generation.get(path) !== gen) return; // a newer event for this path won
    // Looked up again: a reload while reading may have replaced the workspace.
    const ws = this.workspaceFor(path);
    if (!ws) return;
    if (!input) {
      this.analyzed.delete(path);
      if (ws.deleteFile(path)) this.emitter.fire({ paths: [path] });
      return;
    }
    ws.setFile(path, input);
    this.analyzed.delete(path);
    this.emitter.fire({ paths: [path] });
  }

  fileDeleted(uri: vscode.Uri): void {
    const path = toPath(uri);
    if (this.isConfigFile(path)) {
      void this.reload();
      return;
    }
    this.bump(path);
    this.analyzed.delete(path);
    if (this.workspaceFor(path)?.deleteFile(path)) this.emitter.fire({ paths: [path] });
  }

  /**
   * A folder deleted (or moved away): the file watcher reports the folder alone, not the files in it,
   * so its files are dropped here; a workspace whose config was inside it is reloaded.
   */
  folderDeleted(uri: vscode.Uri): void {
    const folder = toPath(uri);
    if (this.roots.some((ws) => isInsideFolder(folder, ws.config.root))) {
      void this.reload();
      return;
    }
    const changed: string[] = [];
    for (const ws of this.roots) {
      for (const path of [...ws.files.keys()]) {
        if (!isInsideFolder(folder, path)) continue;
        this.bump(path);
        this.analyzed.delete(path);
        if (ws.deleteFile(path)) changed.push(path);
      }
    }
    if (changed.length) this.emitter.fire({ paths: changed });
  }

  /** A closed buffer may have held unsaved text: the file on disk is the truth again. */
  documentClosed(doc: vscode.TextDocument): void {
    if (!this.isPeakendDocument(doc)) return;
    const pending = this.timers.get(toPath(doc.uri));
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(toPath(doc.uri));
      this.settle();
    }
    void this.fileChanged(doc.uri).then(() => this.emitter.fire({ paths: [toPath(doc.uri)] }));
  }

  private isConfigFile(path: string): boolean {
    return this.configFiles.has(path) || CONFIG_FILE_NAMES.includes(path.slice(path.lastIndexOf('/') + 1));
  }

  /** Resolves once no analysis is pending or running (for tests and commands that need fresh results). */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private bump(path: string): number {
    const g = (this.generation.get(path) ?? 0) + 1;
    this.generation.set(path, g);
    return g;
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.running++;
    try {
      await work();
    } catch (e) {
      log.error(`Peakend failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      this.settle();
    }
  }

  private settle(): void {
    this.running--;
    if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.emitter.dispose();
  }
}
