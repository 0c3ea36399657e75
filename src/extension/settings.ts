import * as vscode from 'vscode';
import type { RuleSetting } from '../core';

/** The extension's settings, read fresh each time (they can change at any moment). */
export function settings() {
  const c = vscode.workspace.getConfiguration('peakend');
  return {
    configPath: c.get<string>('configPath', '').trim(),
    rules: c.get<Record<string, RuleSetting>>('rules', {}),
    problemsScope: c.get<'openFiles' | 'workspace'>('problems.scope', 'openFiles'),
    schemaValidation: c.get<'auto' | 'always' | 'never'>('schemaValidation', 'auto'),
    debounceMs: c.get<number>('validation.debounce', 250),
  };
}

/** Whether Peakend leaves schema and YAML syntax problems to the Red Hat YAML extension (which validates our files too). */
export function schemaReportedElsewhere(): boolean {
  const mode = settings().schemaValidation;
  if (mode === 'never') return true;
  if (mode === 'always') return false;
  return vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined;
}
