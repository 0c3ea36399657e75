import { analyzeFile, analyzeText, readText, type AnalyzeOptions, type FileInput } from '../analyze';
import { isChecklistFile } from '../checklist/files';
import type { PeakendConfig } from '../config/config';
import { compareFindings, type Finding } from '../finding';
import type { FileModel } from '../model/types';
import { WORKSPACE_RULES } from '../rules';
import { CrossFileFindings } from './crossFile';
import { append, WorkspaceIndex } from './index';
import type { ModelCache } from './modelCache';
import type { ParallelAnalysis } from './parallel';
import { detachedIndexModel, type FileState } from './store';
import { kindFromFileName } from '../kinds';
import { applySettings } from './settings';

/**
 * The files of one workspace and everything derived from them. Front ends feed it file contents
 * (from disk or from editor buffers) and read findings; per-file work is redone only for the file
 * that changed, cross-file rules run over the compact index.
 */
export class Workspace {
  private readonly models = new Map<string, FileModel>();
  /** Files added with a store, analysed (or taken from the store) when first needed. */
  private readonly pending = new Map<string, FileInput>();
  /** What each file was read from, for the store. */
  private readonly inputs = new Map<string, FileInput>();
  /** Made when first asked for, then kept up to date file by file. */
  private index?: WorkspaceIndex;
  private cross?: CrossFileFindings;
  private crossFindings?: Finding[];
  /**
   * Files whose model is the one the store's last run kept, cut down to what the index reads
   * (`indexModel`): each is made whole again (from the store, or analysed) before a rule or a
   * caller reads it.
   */
  private readonly partial = new Set<string>();
  private resumed = false;

  /**
   * `cache` lets workspaces loaded one after the other (two revisions) share the models of unchanged files.
   * With `positions: 'later'` valid files are read without positions, and only the files that
   * findings point into are read again with them (`findings()` does): for a run that only reports.
   */
  constructor(
    readonly config: PeakendConfig,
    private readonly cache?: ModelCache,
    private readonly options: AnalyzeOptions = {},
    /** With positions 'later': files added wait, to be analysed together by `analyzeWaiting`. */
    private readonly parallel?: ParallelAnalysis,
  ) {}

  /** (Re)analyses one file. */
  setFile(file: string, input: FileInput): FileModel {
    this.pending.delete(file);
    if (this.options.store) this.inputs.set(file, input);
    const model = this.cache ? this.cache.analyze(file, input, this.config, this.options) : analyzeFile(file, input, this.config, this.options);
    this.put(file, model);
    return model;
  }

  /**
   * Adds a file as `setFile` does; with a store the analysis waits until something needs it, so that
   * a run over contents the store has seen before can take its findings without any analysis.
   */
  addFile(file: string, input: FileInput): void {
    if (!this.options.store && !this.parallel) {
      this.setFile(file, input);
      return;
    }
    this.put(file, undefined);
    this.pending.set(file, input);
    this.inputs.set(file, input);
    this.crossFindings = undefined;
  }

  /** Keeps a file analysed elsewhere (the config file, read before the workspace existed). */
  setModel(model: FileModel): void {
    this.pending.delete(model.file);
    if (this.options.store) this.inputs.set(model.file, { text: model.lines.text });
    this.put(model.file, model);
  }

  deleteFile(file: string): boolean {
    const had = this.models.has(file) || this.pending.delete(file);
    this.put(file, undefined);
    this.inputs.delete(file);
    this.crossFindings = undefined;
    return had;
  }

  getFile(file: string): FileModel | undefined {
    this.settle();
    this.complete(file);
    return this.models.get(file);
  }

  get files(): ReadonlyMap<string, FileModel> {
    this.settle();
    for (const file of [...this.partial]) this.complete(file);
    return this.models;
  }

  /** Every file of the workspace, without analysing any that waits. */
  fileNames(): string[] {
    return [...this.models.keys(), ...this.pending.keys()];
  }

  /** Analyses the files that wait, taking each model the store kept for the same content. */
  private settle(): void {
    const store = this.options.store;
    if (this.pending.size === 0) return;
    for (const [file, input] of this.pending) {
      const text = readText(file, input, this.config);
      const kept = typeof text === 'string' ? store?.model(file, input, text) : undefined;
      const model = kept ?? analyzeFile(file, input, this.config, this.options);
      // A checklist's model holds parsed Markdown: only YAML documents are kept.
      if (!kept && !model.checklist) store?.keep(file, input, model);
      this.put(file, model);
    }
    this.pending.clear();
  }

  /**
   * Analyses the files that wait as `settle` would, handing the texts of YAML files that the store
   * does not hold to the parallel analysis all at once. Nothing is analysed when the store holds
   * this run's findings.
   */
  async analyzeWaiting(): Promise<void> {
    const { store } = this.options;
    const parallel = this.parallel;
    if (!parallel || this.pending.size === 0) return;
    if (store?.findings(this.storeFiles())) return;
    this.resume();
    // Every file but the journeys first, all together (touchpoints and standards refer to each other),
    // then the journeys in batches: the files they look things up in are then all there when they are
    // checked, so a journey checked and cut down is seldom checked (and read) again.
    const isJourney = ([file]: [string, FileInput]) => kindFromFileName(file) === 'journey';
    const waiting = [...[...this.pending].filter((f) => !isJourney(f)), ...[...this.pending].filter(isJourney)];
    const journeys = waiting.findIndex(isJourney);
    const others = journeys < 0 ? waiting.length : journeys;
    for (let start = 0; start < waiting.length; ) {
      const end = start < others ? others : start + Math.max(1, parallel.batch);
      const batch = waiting.slice(start, end);
      start = end;
      const slots: (FileModel | undefined)[] = [];
      const fromStore = new Set<number>();
      const texts: { file: string; text: string; slot: number }[] = [];
      for (const [file, input] of batch) {
        const text = readText(file, input, this.config);
        const kept = typeof text === 'string' ? store?.model(file, input, text) : undefined;
        if (kept) {
          fromStore.add(slots.length);
          slots.push(kept);
        } else if (typeof text !== 'string') slots.push(text);
        else if (isChecklistFile(file, this.config)) slots.push(analyzeText(file, text, this.config, this.options));
        else {
          texts.push({ file, text, slot: slots.length });
          slots.push(undefined);
        }
      }
      const models = texts.length ? await parallel.analyze(texts, this.config, { positions: this.options.positions, keepValue: this.options.keepValue }) : [];
      texts.forEach((t, i) => (slots[t.slot] = models[i]));
      batch.forEach(([file, input], i) => {
        const model = slots[i]!;
        if (!fromStore.has(i) && !model.checklist) store?.keep(file, input, model);
        this.pending.delete(file);
        this.put(file, model);
      });
      this.checkAndCut(batch.map(([file]) => file));
    }
  }

  /**
   * Runs the workspace rules on these files now, then keeps of each journey only what the index
   * reads (`indexModel`): a run that only reports never holds every journey's whole model. A
   * journey checked again later (a duplicate ID added after it) is made whole again first.
   */
  private checkAndCut(files: readonly string[]): void {
    const cross = this.crossRules();
    const index = this.currentIndex();
    // A store that keeps the run writes every journey's stages and steps at the end: those stay.
    const keepsJourneys = this.options.store?.keepRun !== undefined;
    for (const file of files) {
      cross.resultOf(file);
      const model = this.models.get(file);
      if (!model?.journey || model.checklist || model.touchpoints.length || model.standards.length || model.personas.length) continue;
      const input = this.inputs.get(file);
      const cut = detachedIndexModel(model, input && !keepsJourneys ? () => analyzeFile(file, input, this.config, this.options) : undefined);
      this.models.set(file, cut);
      index.set(cut);
      this.partial.add(file);
    }
  }

  private storeFiles(): { file: string; input: FileInput }[] {
    return [...this.inputs].map(([file, input]) => ({ file, input }));
  }

  /**
   * Takes the index and the workspace rules' findings from the store's last run, with each file
   * whose content is the same as then in its cut-down model; the files that changed since wait to
   * be analysed, and the ones gone are taken out. Only before anything made an index.
   */
  private resume(): void {
    const store = this.options.store;
    if (this.resumed || this.index || !store?.lastRun) return;
    this.resumed = true;
    const last = store.lastRun(this.storeFiles());
    if (!last) return;
    // The files analysed already (the config, folders that could not be listed) replace theirs.
    const analysed = new Map(this.models);
    this.models.clear();
    for (const [file, state] of last.files) {
      this.models.set(file, state.model);
      this.partial.add(file);
    }
    this.index = new WorkspaceIndex(this.models.values());
    this.cross = new CrossFileFindings(this.index, this.workspaceRules(), new Map([...last.files].map(([file, state]) => [file, state.cross])), this.completion);
    for (const file of last.files.keys()) if (!analysed.has(file) && !this.pending.has(file)) this.put(file, undefined);
    for (const [file, model] of analysed) this.put(file, model);
    for (const file of last.unchanged) if (this.partial.has(file)) this.pending.delete(file);
  }

  /** Makes a cut-down model whole: the store's model for the same content, else analysed again. */
  private complete(file: string): void {
    if (!this.partial.has(file)) return;
    const input = this.inputs.get(file)!;
    const store = this.options.store;
    const text = readText(file, input, this.config);
    const kept = typeof text === 'string' ? store?.model(file, input, text) : undefined;
    const model = kept ?? analyzeFile(file, input, this.config, this.options);
    if (!kept && !model.checklist) store?.keep(file, input, model);
    this.put(file, model);
  }

  private workspaceRules() {
    return WORKSPACE_RULES.filter((rule) => this.config.rules[rule.id] !== 'off');
  }

  /** The index of IDs, kept up to date with every change from the first call on (the same object). */
  getIndex(): WorkspaceIndex {
    this.settle();
    for (const file of [...this.partial]) this.complete(file);
    return this.currentIndex();
  }

  private crossRules(): CrossFileFindings {
    this.cross ??= new CrossFileFindings(this.currentIndex(), this.workspaceRules(), undefined, this.completion);
    return this.cross;
  }

  /** How the workspace rules make a cut-down model whole before reading it. */
  private readonly completion = { has: (file: string) => this.partial.has(file), complete: (file: string) => this.complete(file) };

  private currentIndex(): WorkspaceIndex {
    this.index ??= new WorkspaceIndex(this.models.values());
    return this.index;
  }

  /** Every finding of the workspace, settings applied, sorted by file and position. */
  findings(): Finding[] {
    const store = this.options.store;
    const files = store ? this.storeFiles() : [];
    const kept = store?.findings(files);
    if (kept) return kept;
    this.resume();
    this.settle();
    this.placeFindings();
    const all: Finding[] = [];
    for (const m of this.models.values()) append(all, m.findings);
    append(all, this.crossFileFindings());
    const out = applySettings(all, this.config, this.models).sort(compareFindings);
    if (store) {
      store.keepFindings(files, out);
      if (store.keepRun) {
        const state = new Map<string, FileState>();
        for (const [file, model] of this.models) state.set(file, { model, cross: this.cross!.resultOf(file)! });
        store.keepRun(files, state);
      }
    }
    return out;
  }

  /** The findings located in one file. */
  findingsFor(file: string): Finding[] {
    this.settle();
    this.placeFindings();
    const m = this.models.get(file);
    if (!m) return [];
    const own = [...m.findings, ...this.cross!.forFile(file)];
    return applySettings(own, this.config, this.models).sort(compareFindings);
  }

  /**
   * Re-analyses, with positions, each file read without them that a finding, a related place or a
   * fix points into, until none is left. Cross-file rules key on IDs, so the files they point at stay
   * the same; the loop only ends early for a fix that names the first file able to take an entry.
   */
  private placeFindings(): void {
    this.settle();
    for (;;) {
      const pending = new Set<string>();
      const note = (file: string) => {
        if (this.models.get(file)?.withoutPositions) pending.add(file);
      };
      for (const f of this.crossFileFindings()) {
        note(f.file);
        for (const r of f.related ?? []) note(r.file);
        for (const x of f.fixes ?? []) for (const e of x.edits) note(e.file);
      }
      if (pending.size === 0) return;
      for (const file of pending) {
        this.complete(file);
        const m = this.models.get(file)!;
        if (!m.withoutPositions) continue;
        const exact = analyzeFile(file, { text: m.lines.text }, this.config);
        this.put(file, exact);
        // The next run over the same content takes this model, positions and all.
        const input = this.inputs.get(file);
        if (input) this.options.store?.keep(file, input, exact);
      }
    }
  }

  /** The workspace rules' findings: worked out afresh only in the files a change can affect. */
  private crossFileFindings(): Finding[] {
    if (!this.crossFindings) {
      this.crossFindings = this.crossRules().all();
    }
    return this.crossFindings;
  }

  /** Keeps (or drops, for undefined) one file's model, and brings the index and cross-file findings up to date with it. */
  private put(file: string, model: FileModel | undefined): void {
    const old = this.models.get(file);
    this.partial.delete(file);
    if (model) this.models.set(file, model);
    else if (!old) return;
    else this.models.delete(file);
    this.crossFindings = undefined;
    if (this.index) {
      if (model) this.index.set(model);
      else this.index.delete(file);
    }
    this.cross?.changed(file, old, model);
  }
}
