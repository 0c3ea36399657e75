import * as vscode from 'vscode';
import { definitionsOf, identity, type WorkspaceIndex } from '../../core';
import { toRange } from '../convert';
import type { Sessions } from '../sessions';
import { targetUnder } from './context';

/** What an ID stands for: name, phase, channel, owner and applicable standards of a touchpoint, and so on. */
export function hoverProvider(sessions: Sessions): vscode.HoverProvider {
  return {
    provideHover(doc, position) {
      const under = targetUnder(sessions, doc, position);
      if (!under) return undefined;
      const { index, target } = under;
      const range = toRange(target.type === 'ref' ? target.ref.range : target.def.range);
      const md = describe(index, identity(target).kind, identity(target).id);
      return md ? new vscode.Hover(md, range) : undefined;
    },
  };
}

/** Markdown built only with appendText and code spans, so text from the files can never inject markup or links. */
function describe(index: WorkspaceIndex, kind: string, id: string): vscode.MarkdownString | undefined {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  const line = (label: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    md.appendMarkdown(`**${label}:** `);
    md.appendText(String(value));
    md.appendMarkdown('  \n');
  };
  if (kind === 'touchpoint') {
    const t = index.touchpoints.get(id)?.[0];
    if (!t) return unknown(md, kind, id);
    heading(md, vscode.l10n.t('Touchpoint'), id, t.name);
    line(vscode.l10n.t('Phase'), t.phase);
    line(vscode.l10n.t('Channel'), t.channel);
    line(vscode.l10n.t('Type'), t.type);
    line(vscode.l10n.t('Owner'), t.owner);
    if (t.importance !== undefined || t.performance !== undefined) {
      line(vscode.l10n.t('Importance / performance'), `${t.importance ?? '–'} / ${t.performance ?? '–'}`);
    }
    const standards = index.coverage().standardsFor(t);
    md.appendMarkdown(`**${vscode.l10n.t('Standards that apply')}:** ${standards.length}  \n`);
    for (const s of standards) {
      md.appendMarkdown('- ');
      md.appendText(`${s.def.id}${s.title ? ` — ${s.title}` : ''}${s.critical ? ' ★' : ''}`);
      md.appendMarkdown('\n');
    }
    return md;
  }
  if (kind === 'standard') {
    const s = index.standards.get(id)?.[0];
    if (!s) return unknown(md, kind, id);
    heading(md, vscode.l10n.t('Standard'), id, s.title);
    if (s.requirement) {
      md.appendText(s.requirement);
      md.appendMarkdown('\n\n');
    }
    line(vscode.l10n.t('Dimension'), s.dimension?.value);
    line(vscode.l10n.t('Kano'), s.kano);
    line(vscode.l10n.t('Checked by'), s.method);
    if (s.expect?.type === 'measure') line(vscode.l10n.t('Passes when'), `${s.expect.unit} ${s.expect.comparator} ${s.expect.threshold}`);
    if (s.expect?.type === 'rating') line(vscode.l10n.t('Passes when'), `≥ ${s.expect.atLeast}`);
    if (s.critical) line(vscode.l10n.t('Critical'), vscode.l10n.t('one failure fails the audit'));
    line(vscode.l10n.t('Applies to'), (index.coverage().touchpointsByStandard().get(s) ?? []).map((t) => t.def.id).join(', '));
    return md;
  }
  if (kind === 'persona') {
    const p = index.personas.get(id)?.[0];
    if (!p) return unknown(md, kind, id);
    heading(md, vscode.l10n.t('Persona'), id, p.name);
    if (p.description) md.appendText(p.description);
    return md;
  }
  const def = definitionsOf(index, kind as never, id)[0];
  if (!def) return undefined;
  heading(md, kind, id, def.name);
  return md;
}

function heading(md: vscode.MarkdownString, label: string, id: string, name: string | undefined): void {
  md.appendMarkdown(`${label} \`${id.replace(/`/g, '')}\``);
  if (name) {
    md.appendMarkdown(' — ');
    md.appendText(name);
  }
  md.appendMarkdown('\n\n');
}

function unknown(md: vscode.MarkdownString, kind: string, id: string): vscode.MarkdownString {
  md.appendText(vscode.l10n.t('No {0} with the ID "{1}" is defined.', kind, id));
  return md;
}
