import * as vscode from 'vscode';
import { localizeFinding, toLanguage, type Finding } from '../core';
import { toDiagnostic, toPath, toUri } from './convert';
import { schemaReportedElsewhere, settings } from './settings';
import type { Sessions } from './sessions';

/** Rules whose problems the Red Hat YAML extension reports too, from the same schemas. */
const SCHEMA_RULES = new Set(['schema', 'yaml-syntax', 'yaml-duplicate-key']);

/**
 * Publishes findings as diagnostics. Only files whose findings changed are republished; files that
 * close (in the default "open files" scope) or disappear lose theirs.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('peakend');
  private readonly published = new Map<string, string>();
  private current = new Map<string, Finding[]>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after diagnostics were republished. */
  readonly onDidPublish = this.emitter.event;

  constructor(
    private readonly sessions: Sessions,
    private readonly docs: (ruleId: string) => vscode.Uri,
  ) {}

  /** The findings of one file, as shown (localised, filtered): code actions map diagnostics back to them. */
  findingsFor(path: string): readonly Finding[] {
    return this.current.get(path) ?? [];
  }

  /** All findings of all workspaces, for the status bar. */
  all(): Finding[] {
    return [...this.current.values()].flat();
  }

  /** Files with findings that the Problems panel does not show (closed files in the "open files" scope). */
  hiddenFiles(): { file: string; findings: readonly Finding[] }[] {
    return [...this.current].filter(([file, findings]) => findings.length > 0 && !this.published.has(file)).map(([file, findings]) => ({ file, findings }));
  }

  refresh(): void {
    const lang = toLanguage(vscode.env.language);
    const hideSchema = schemaReportedElsewhere();
    const next = new Map<string, Finding[]>();
    for (const ws of this.sessions.workspaces()) {
      for (const file of ws.files.keys()) if (!next.has(file)) next.set(file, []);
      for (const f of ws.findings()) {
        if (hideSchema && SCHEMA_RULES.has(f.ruleId)) continue;
        next.get(f.file)?.push(localizeFinding(f, lang));
      }
    }
    this.current = next;
    const openOnly = settings().problemsScope === 'openFiles';
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => toPath(d.uri)));
    const shown = new Set<string>();
    for (const [file, findings] of next) {
      if (openOnly && !open.has(file)) continue;
      shown.add(file);
      const key = JSON.stringify(findings);
      if (this.published.get(file) === key) continue;
      this.published.set(file, key);
      this.collection.set(toUri(file), findings.map((f) => toDiagnostic(f, this.docs)));
    }
    for (const file of [...this.published.keys()]) {
      if (shown.has(file)) continue;
      this.published.delete(file);
      this.collection.delete(toUri(file));
    }
    this.emitter.fire();
  }

  dispose(): void {
    this.collection.dispose();
    this.emitter.dispose();
  }
}
