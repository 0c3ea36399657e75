import * as vscode from 'vscode';
import { applicableStandards } from '../../core';
import { toPath, toRange, toUri } from '../convert';
import type { Sessions } from '../sessions';
import type { AuditIndex } from './auditIndex';
import { auditLabel, standardsLabel } from './labels';

/**
 * Above each touchpoint of an inventory: how many standards apply, the last audit's compliance and
 * outcome (opens that checklist), and "Generate checklist" (only in a trusted workspace: it writes).
 * Everything comes from the session's index and the audits scored once per checklist version.
 */
export class TouchpointLenses implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly sessions: Sessions,
    private readonly audits: AuditIndex,
  ) {
    this.sub = sessions.onDidChange(() => this.emitter.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const path = toPath(doc.uri);
    const ws = this.sessions.workspaceFor(path);
    const model = ws?.getFile(path);
    if (!ws || !model?.touchpoints.length) return [];
    const index = ws.getIndex();
    const last = this.audits.last(ws);
    const t = vscode.l10n.t;
    const out: vscode.CodeLens[] = [];
    for (const tp of model.touchpoints) {
      const range = toRange(tp.def.fullRange).with({ end: toRange(tp.def.fullRange).start });
      const count = applicableStandards(index, tp).length;
      out.push(new vscode.CodeLens(range, { title: standardsLabel(count, t), command: '' }));
      const audit = last.get(tp.def.id);
      out.push(new vscode.CodeLens(range, audit ? { title: auditLabel(audit, t), command: 'vscode.open', arguments: [toUri(audit.file)] } : { title: auditLabel(undefined, t), command: '' }));
      if (vscode.workspace.isTrusted && count > 0) {
        out.push(new vscode.CodeLens(range, { title: t('Generate checklist'), command: 'peakend.generateChecklist', arguments: [tp.def.id, doc.uri] }));
      }
    }
    return out;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
