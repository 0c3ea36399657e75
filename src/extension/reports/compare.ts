import * as vscode from 'vscode';
import { diffMarkdown, openWorkspace, relativePath, reviewDiff, toLanguage, type JourneyReview, type ReviewChange } from '../../core';
import { git, GitError, GitRevisionHost, repositoryRoot } from '../../node/gitRevisionHost';
import { toPath } from '../convert';
import { log } from '../log';
import type { Sessions } from '../sessions';
import { markdownHtml } from './markdownHtml';
import type { ReportPanels } from './panel';

export const COMPARE_VIEW = 'peakend.compare';

export interface CompareResult {
  rev: string;
  commit: string;
  changes: ReviewChange[];
  html: string;
}

/**
 * "Compare with…": the semantic diff (`peakend diff`) of one journey, standards or inventory file
 * between a git revision and the editor's text now (unsaved changes included), in a panel: before
 * and after curves, changed steps, loosened standards. Git reads the repository's own config, which
 * can name programs to run, so the command is refused in Restricted Mode.
 */
export async function compareWith(sessions: Sessions, panels: ReportPanels, target?: vscode.Uri, rev?: string): Promise<CompareResult | undefined> {
  const t = vscode.l10n.t;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(t('Comparing with a git revision runs git, which Restricted Mode does not allow.'));
    return undefined;
  }
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  const path = uri?.scheme === 'file' ? toPath(uri) : undefined;
  const ws = path ? sessions.workspaceFor(path) : undefined;
  const model = path ? ws?.getFile(path) : undefined;
  if (!path || !ws || !model || !(model.journey || model.standards.length || model.touchpoints.length || model.def)) {
    void vscode.window.showWarningMessage(t('Open a journey map, touchpoint inventory or standards file to compare it.'));
    return undefined;
  }
  const dir = path.slice(0, path.lastIndexOf('/'));
  let root: string;
  try {
    root = logicalRoot(dir);
  } catch (e) {
    void vscode.window.showWarningMessage(t('{0} is not in a git repository.', relativePath(ws.config.root, path)));
    log.info(`Compare: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const chosen = rev ?? (await pickRevision(root));
  if (!chosen) return undefined;
  const doc = vscode.workspace.textDocuments.find((d) => toPath(d.uri) === path);
  if (doc) sessions.analyzeDocument(doc);
  await sessions.whenIdle();
  let host: GitRevisionHost;
  try {
    host = GitRevisionHost.open(root, chosen);
  } catch (e) {
    void vscode.window.showErrorMessage(t('Cannot compare with {0}: {1}', chosen, e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  let review: JourneyReview;
  try {
    const { workspace: base } = await openWorkspace(host, ws.config.root);
    review = reviewDiff([...base.files.values()], [...ws.files.values()], base.config.diffLevels);
  } finally {
    host.close();
  }
  review.changes = review.changes.filter((c) => c.file === path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const range = `${chosen} → ${t('editor')}`;
  const markdown = diffMarkdown(review, { lang: toLanguage(vscode.env.language), cwd: ws.config.root, range });
  panels.show(COMPARE_VIEW, { title: t('{0} compared with {1}', name, chosen), body: markdownHtml(markdown) });
  return { rev: chosen, commit: host.commit, changes: review.changes, html: panels.shown.get(COMPARE_VIEW) ?? '' };
}

/**
 * The repository's top folder as the editor names it: git answers with the real path, which differs
 * from the workspace's when a folder on the way is a symbolic link; files must keep one name on both sides.
 */
function logicalRoot(dir: string): string {
  repositoryRoot(dir); // throws outside a repository
  const prefix = git(dir, ['rev-parse', '--show-prefix']).toString('utf8').trim().replace(/\/$/, '');
  if (!prefix) return dir;
  if (!dir.endsWith('/' + prefix)) throw new GitError(`cannot place ${dir} in its repository`);
  return dir.slice(0, dir.length - prefix.length - 1);
}

interface RevisionItem extends vscode.QuickPickItem {
  rev: string;
}

/** Branches, tags and recent commits, newest first. */
async function pickRevision(root: string): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const items: RevisionItem[] = [{ label: 'HEAD', description: t('the last commit'), rev: 'HEAD' }];
  const lines = (args: string[]) => git(root, args).toString('utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  try {
    items.push({ label: t('Branches and tags'), kind: vscode.QuickPickItemKind.Separator, rev: '' });
    for (const [ref, hash, subject] of lines(['for-each-ref', '--sort=-committerdate', '--count=50', '--format=%(refname:short)%09%(objectname:short)%09%(subject)', 'refs/heads', 'refs/tags', 'refs/remotes'])) {
      items.push({ label: ref!, description: hash, detail: subject, rev: ref! });
    }
    items.push({ label: t('Recent commits'), kind: vscode.QuickPickItemKind.Separator, rev: '' });
    for (const [hash, subject] of lines(['log', '-n', '20', '--format=%h%x09%s', 'HEAD'])) items.push({ label: hash!, detail: subject, rev: hash! });
  } catch (e) {
    log.info(`Compare: ${e instanceof Error ? e.message : String(e)}`);
  }
  const pick = await vscode.window.showQuickPick(items, { title: t('Compare with…'), placeHolder: t('A branch, tag or commit'), matchOnDescription: true, matchOnDetail: true });
  return pick?.rev || undefined;
}
