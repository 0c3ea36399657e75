import { analyzeFile, type FileInput } from '../analyze';
import type { PeakendConfig } from '../config/config';
import { compareFindings, type Finding } from '../finding';
import type { FileModel } from '../model/types';
import { WORKSPACE_RULES } from '../rules';
import { append, WorkspaceIndex } from './index';
import type { ModelCache } from './modelCache';
import { applySettings } from './settings';

/**
 * The files of one workspace and everything derived from them. Front ends feed it file contents
 * (from disk or from editor buffers) and read findings; per-file work is redone only for the file
 * that changed, cross-file rules run over the compact index.
 */
export class Workspace {
  private readonly models = new Map<string, FileModel>();
  private index?: WorkspaceIndex;
  private crossFindings?: Finding[];

  /** `cache` lets workspaces loaded one after the other (two revisions) share the models of unchanged files. */
  constructor(
    readonly config: PeakendConfig,
    private readonly cache?: ModelCache,
  ) {}

  /** (Re)analyses one file. */
  setFile(file: string, input: FileInput): FileModel {
    const model = this.cache ? this.cache.analyze(file, input, this.config) : analyzeFile(file, input, this.config);
    this.models.set(file, model);
    this.invalidate();
    return model;
  }

  /** Keeps a file analysed elsewhere (the config file, read before the workspace existed). */
  setModel(model: FileModel): void {
    this.models.set(model.file, model);
    this.invalidate();
  }

  deleteFile(file: string): boolean {
    const had = this.models.delete(file);
    if (had) this.invalidate();
    return had;
  }

  getFile(file: string): FileModel | undefined {
    return this.models.get(file);
  }

  get files(): ReadonlyMap<string, FileModel> {
    return this.models;
  }

  getIndex(): WorkspaceIndex {
    this.index ??= new WorkspaceIndex(this.models.values());
    return this.index;
  }

  /** Every finding of the workspace, settings applied, sorted by file and position. */
  findings(): Finding[] {
    const all: Finding[] = [];
    for (const m of this.models.values()) append(all, m.findings);
    append(all, this.crossFileFindings());
    return applySettings(all, this.config, this.models).sort(compareFindings);
  }

  /** The findings located in one file. */
  findingsFor(file: string): Finding[] {
    const m = this.models.get(file);
    if (!m) return [];
    const own = [...m.findings, ...this.crossFileFindings().filter((f) => f.file === file)];
    return applySettings(own, this.config, this.models).sort(compareFindings);
  }

  private crossFileFindings(): Finding[] {
    if (!this.crossFindings) {
      const index = this.getIndex();
      const out: Finding[] = [];
      for (const rule of WORKSPACE_RULES) {
        if (this.config.rules[rule.id] === 'off') continue;
        rule.check(index, (f) => out.push(f));
      }
      this.crossFindings = out;
    }
    return this.crossFindings;
  }

  private invalidate(): void {
    this.index = undefined;
    this.crossFindings = undefined;
  }
}
