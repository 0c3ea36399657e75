import picomatch from 'picomatch';
import { ALWAYS_EXCLUDED_DIRS, CONFIG_FILE_NAMES, defaultConfig, resolveConfig, type PeakendConfig } from '../config/config';
import type { MessageRef } from '../finding';
import type { Host } from '../host';
import { ioErrorDetail } from './ioError';
import { analyzeFile, type AnalyzeOptions, type FileInput } from '../analyze';
import { isChecklistFile } from '../checklist/files';
import type { FileModel } from '../model/types';
import { dirname, isInside, join, normalize, relative } from '../util/paths';
import type { ModelCache } from './modelCache';
import type { ParallelAnalysis } from './parallel';
import type { ModelStore } from './store';
import { Workspace } from './workspace';

/** The nearest peakend.yaml at or above `folder`. */
export async function findConfigFile(host: Host, folder: string): Promise<string | undefined> {
  let dir = folder;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if ((await host.stat(candidate))?.type === 'file') return candidate;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads a file for analysis: only a regular file, and nothing over the size limit. */
export async function readInput(host: Host, file: string, maxBytes: number): Promise<FileInput> {
  try {
    const r = await host.readFile(file, maxBytes);
    if ('bytes' in r) return { bytes: r.bytes };
    if ('tooLarge' in r) return { size: r.tooLarge };
    return { notFile: r.notFile };
  } catch (e) {
    return { size: 0, error: ioErrorDetail(e) };
  }
}

/** The workspace's config: the config file's model (with its own findings) and the resolved settings. */
export async function loadConfig(host: Host, folder: string): Promise<{ config: PeakendConfig; model?: FileModel }> {
  const file = await findConfigFile(host, folder);
  if (!file) return { config: defaultConfig(folder) };
  return readConfig(host, file);
}

/** Reads a given config file. */
export async function readConfig(host: Host, file: string): Promise<{ config: PeakendConfig; model: FileModel }> {
  const root = dirname(file);
  const defaults = defaultConfig(root);
  const model = analyzeFile(file, await readInput(host, file, defaults.maxFileBytes), defaults);
  return { config: resolveConfig(model.value, root, file), model };
}

/**
 * Every file below the root that the config includes and does not exclude. A subfolder with its
 * own peakend.yaml is a workspace of its own and is left out. A folder that cannot be listed
 * (no permission, a path too long) is passed to `unreadable`: its files would go unchecked.
 * `below` limits the walk to one folder under the root (a folder that just appeared), with the
 * same answer for its files as a walk from the root would give.
 */
export async function discoverFiles(
  host: Host,
  config: PeakendConfig,
  unreadable: (folder: string, error: string | MessageRef) => void = () => {},
  below: string = config.root,
): Promise<string[]> {
  const include = picomatch(config.include, { dot: false });
  const exclude = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  const out: string[] = [];
  below = normalize(below);
  if (!isInside(config.root, below)) return out;
  // The folders between the root and `below` must be ones the walk from the root would enter.
  for (let dir = below; dir !== config.root; dir = dirname(dir)) {
    const rel = relative(config.root, dir);
    if (ALWAYS_EXCLUDED_DIRS.has(rel.slice(rel.lastIndexOf('/') + 1)) || exclude(rel) || exclude(rel + '/')) return out;
    for (const name of CONFIG_FILE_NAMES) if ((await host.stat(join(dir, name)))?.type === 'file') return out;
  }
  const walk = async (dir: string, relDir: string): Promise<void> => {
    let entries: Awaited<ReturnType<Host['readDirectory']>>;
    try {
      entries = await host.readDirectory(dir);
    } catch (e) {
      unreadable(dir, ioErrorDetail(e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (dir !== config.root && entries.some((e) => e.type === 'file' && CONFIG_FILE_NAMES.includes(e.name))) return;
    for (const e of entries) {
      // A listed name is one segment: joined by hand, the paths stay normal (nothing to normalize).
      const path = `${dir === '/' ? '' : dir}/${e.name}`;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.type === 'directory') {
        if (!ALWAYS_EXCLUDED_DIRS.has(e.name) && !exclude(rel) && !exclude(rel + '/')) await walk(path, rel);
      } else if (e.type === 'file' && (include(rel) || isChecklistFile(path, config)) && !exclude(rel)) {
        out.push(path);
      }
    }
  };
  await walk(below, below === normalize(config.root) ? '' : relative(config.root, below));
  return out;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  /** The files that were asked for (all discovered files when no paths were given). */
  requested: Set<string>;
  /** Folders that could not be listed; each holds one finding, and is not a file that was checked. */
  unreadableFolders: string[];
  /** With `skipChecklists`: the checklist files found and left unread. */
  checklists: string[];
}

export interface LoadOptions extends AnalyzeOptions {
  /**
   * Find the checklist files but do not read them: a caller that reads thousands of audits one at
   * a time need not hold them all.
   */
  skipChecklists?: boolean;
  /**
   * With positions 'later' (and no plain data kept): the files of a load are analysed together
   * here (other threads) instead of one by one.
   */
  parallel?: ParallelAnalysis;
}

/**
 * Loads the workspace around `folder`: its config, every file it includes, and any `extraFiles`
 * (files given by name are checked whatever their name).
 */
export async function openWorkspace(host: Host, folder: string, extraFiles: string[] = [], cache?: ModelCache, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const { config, model } = await loadConfig(host, normalize(folder));
  return loadWorkspace(host, config, model, extraFiles.map(normalize), cache, options);
}

const CONCURRENT_READS = 16;

/** Loads every file of a workspace whose config is already known. */
export async function loadWorkspace(
  host: Host,
  config: PeakendConfig,
  model?: FileModel,
  extraFiles: string[] = [],
  cache?: ModelCache,
  options: LoadOptions = {},
): Promise<LoadedWorkspace> {
  const { parallel, skipChecklists: _skip, ...analyzeOptions } = options;
  const inParallel = parallel && !cache && options.positions === 'later' && !options.keepValue ? parallel : undefined;
  const workspace = new Workspace(config, cache, analyzeOptions, inParallel);
  const folders: string[] = [];
  const files = await discoverFiles(host, config, (folder, error) => {
    workspace.setFile(folder, { folderError: error });
    folders.push(folder);
  });
  const requested = new Set([...files, ...folders]);
  if (model) {
    // As read: re-analysing its text would call a config that could not be read or decoded empty.
    workspace.setModel(model);
    requested.add(model.file);
  }
  for (const f of extraFiles) if (!requested.has(f)) files.push(f);
  // Checklists the caller reads itself are only listed. The other reads overlap, so that the disk
  // and the event loop are busy together; files are added in order.
  const checklists: string[] = [];
  const toRead: string[] = [];
  for (const file of files) (options.skipChecklists && isChecklistFile(file, config) ? checklists : toRead).push(file);
  for (let i = 0; i < toRead.length; i += CONCURRENT_READS) {
    const batch = toRead.slice(i, i + CONCURRENT_READS);
    const inputs = await Promise.all(batch.map((file) => options.store?.input?.(file) ?? readInput(host, file, config.maxFileBytes)));
    batch.forEach((file, j) => workspace.addFile(file, inputs[j]!));
  }
  await workspace.analyzeWaiting();
  return { workspace, requested: new Set([...requested, ...extraFiles]), unreadableFolders: folders, checklists };
}

/**
 * Checks the given files and folders: each loads the workspace it belongs to (so references
 * resolve), and only findings inside the given paths are kept. A caller that wants only findings
 * passes `positions: 'later'`, and may give each workspace a store of earlier runs' work.
 */
export async function checkPaths(
  host: Host,
  paths: string[],
  options: LoadOptions = {},
  storeFor?: (config: PeakendConfig) => ModelStore | undefined,
): Promise<{ workspaces: Workspace[]; files: string[]; findings: import('../finding').Finding[] }> {
  const groups = new Map<string, { folder: string; files: string[]; folders: string[] }>();
  // "./a/../b.yaml" and "b.yaml" are one file: compare normalized paths only.
  for (const p of paths.map(normalize)) {
    const st = await host.stat(p);
    const folder = st?.type === 'directory' ? p : dirname(p);
    const configFile = await findConfigFile(host, folder);
    const key = configFile ? dirname(configFile) : folder;
    const g = groups.get(key) ?? { folder: key, files: [], folders: [] };
    if (st?.type === 'directory') g.folders.push(p);
    else g.files.push(p);
    groups.set(key, g);
  }
  const workspaces: Workspace[] = [];
  const files: string[] = [];
  const findings: import('../finding').Finding[] = [];
  for (const g of groups.values()) {
    const { config, model } = await loadConfig(host, normalize(g.folder));
    const store = storeFor?.(config);
    const { workspace, unreadableFolders } = await loadWorkspace(host, config, model, g.files.map(normalize), undefined, store ? { ...options, store } : options);
    workspaces.push(workspace);
    const wanted = (f: string) => g.files.includes(f) || g.folders.some((d) => isInside(d, f));
    for (const f of workspace.fileNames()) if (wanted(f) && !unreadableFolders.includes(f)) files.push(f);
    for (const f of workspace.findings()) if (wanted(f.file)) findings.push(f);
  }
  return { workspaces, files, findings };
}
