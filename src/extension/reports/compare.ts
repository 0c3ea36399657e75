import * as vscode from 'vscode';
import { diffMarkdown, openWorkspace, relativePath, reviewDiff, toLanguage, type JourneyReview, type ReviewChange } from '../../core';
import { gitAsync, GitError, GitRevisionHost, repositoryRootAsync, type GitAsyncOptions } from '../../node/gitRevisionHost';
import { toPath } from '../convert';
import { log } from '../log';
import type { Sessions } from '../sessions';
import { markdownHtml } from './markdownHtml';
import type { ReportPanels } from './panel';

export const COMPARE_VIEW = 'peakend.compare';

/** How long one comparison may take in git (listing and reading a revision) before it is given up. */
export const COMPARE_TIMEOUT_MS = 30_000;

export interface CompareResult {
  rev: string;
  commit: string;
  changes: ReviewChange[];
  html: string;
}

export interface CompareOptions {
  /** Cancels as the notification's Cancel button does (for callers that run the command themselves). */
  token?: vscode.CancellationToken;
  timeoutMs?: number;
}

/**
 * "Compare with…": the semantic diff (`peakend diff`) of one journey, standards or inventory file
 * between a git revision and the editor's text now (unsaved changes included), in a panel: before
 * and after curves, changed steps, loosened standards. Git runs asynchronously under a cancellable
 * notification with a time limit, so the extension host never waits on it. Git reads the
 * repository's own config, which can name programs to run, so the command is refused in Restricted Mode.
 */
export async function compareWith(sessions: Sessions, panels: ReportPanels, target?: vscode.Uri, rev?: string, options: CompareOptions = {}): Promise<CompareResult | undefined> {
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
  const rel = relativePath(ws.config.root, path);
  const dir = path.slice(0, path.lastIndexOf('/'));
  const timeoutMs = options.timeoutMs ?? COMPARE_TIMEOUT_MS;
  // Finding the repository and listing its revisions: quick, but still under the time limit.
  const found = await underLimit(timeoutMs, options.token, async (o) => {
    const root = await logicalRoot(dir, o);
    return { root, items: rev === undefined ? await revisionItems(root, o) : [] };
  });
  if (!found.ok) return failed(found.error, rel, rev, timeoutMs);
  const { root, items } = found.value;
  const chosen = rev ?? (await pickRevision(items));
  if (!chosen) return undefined;
  const doc = vscode.workspace.textDocuments.find((d) => toPath(d.uri) === path);
  if (doc) sessions.analyzeDocument(doc);
  await sessions.whenIdle();
  const done = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Comparing {0} with {1}…', rel, chosen), cancellable: true },
    (_progress, progressToken) =>
      underLimit(timeoutMs, [progressToken, options.token], async (o) => {
        const host = await GitRevisionHost.load(root, chosen, o);
        try {
          if (!(await host.stat(path))) throw new GitError(`${path} is not in ${chosen}`, 'absent');
          const { workspace: base } = await openWorkspace(host, ws.config.root);
          // A read cut short by cancelling or the time limit is no comparison.
          if (o.signal?.aborted) throw o.signal.reason;
          return { commit: host.commit, review: reviewDiff([...base.files.values()], [...ws.files.values()], base.config.diffLevels) };
        } finally {
          host.close();
        }
      }),
  );
  if (!done.ok) return failed(done.error, rel, chosen, timeoutMs);
  const review: JourneyReview = done.value.review;
  review.changes = review.changes.filter((c) => c.file === path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const range = `${chosen} → ${t('editor')}`;
  const markdown = diffMarkdown(review, { lang: toLanguage(vscode.env.language), cwd: ws.config.root, range });
  panels.show(COMPARE_VIEW, { title: t('{0} compared with {1}', name, chosen), body: markdownHtml(markdown) });
  return { rev: chosen, commit: done.value.commit, changes: review.changes, html: panels.shown.get(COMPARE_VIEW) ?? '' };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `work` with a signal that aborts when a token is cancelled or the time limit passes. */
async function underLimit<T>(timeoutMs: number, tokens: vscode.CancellationToken | (vscode.CancellationToken | undefined)[] | undefined, work: (o: GitAsyncOptions) => Promise<T>): Promise<Outcome<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new GitError(`git did not finish within ${timeoutMs / 1000} s`, 'timeout')), timeoutMs);
  const subs: vscode.Disposable[] = [];
  for (const token of [tokens].flat()) {
    if (!token) continue;
    if (token.isCancellationRequested) controller.abort(new GitError('cancelled', 'cancelled'));
    subs.push(token.onCancellationRequested(() => controller.abort(new GitError('cancelled', 'cancelled'))));
  }
  try {
    return { ok: true, value: await work({ signal: controller.signal }) };
  } catch (error) {
    return { ok: false, error: controller.signal.aborted ? controller.signal.reason : error };
  } finally {
    clearTimeout(timer);
    for (const s of subs) s.dispose();
  }
}

/** Says why there is no comparison, in words for the person who asked; cancelling says nothing. */
function failed(error: unknown, rel: string, rev: string | undefined, timeoutMs: number): undefined {
  const t = vscode.l10n.t;
  log.info(`Compare ${rel} with ${rev ?? '(not chosen)'}: ${error instanceof Error ? error.message : String(error)}`);
  const kind = error instanceof GitError ? error.kind : undefined;
  if (kind === 'cancelled') return undefined;
  if (kind === 'not-repository') void vscode.window.showWarningMessage(t('{0} is not in a git repository.', rel));
  else if (kind === 'no-git') void vscode.window.showErrorMessage(t('Comparing needs git, which is not installed or not on the PATH.'));
  else if (kind === 'unknown-revision') void vscode.window.showErrorMessage(t('There is no branch, tag or commit "{0}" in this repository.', rev ?? ''));
  else if (kind === 'absent') void vscode.window.showWarningMessage(t('{0} did not exist in {1}: there is nothing to compare it with.', rel, rev ?? ''));
  else if (kind === 'timeout') void vscode.window.showErrorMessage(t('git did not answer within {0} seconds: nothing was compared.', timeoutMs / 1000));
  else void vscode.window.showErrorMessage(t('Cannot compare with {0}: {1}', rev ?? '', error instanceof Error ? error.message : String(error)));
  return undefined;
}

/**
 * The repository's top folder as the editor names it: git answers with the real path, which differs
 * from the workspace's when a folder on the way is a symbolic link; files must keep one name on both sides.
 */
async function logicalRoot(dir: string, o: GitAsyncOptions): Promise<string> {
  await repositoryRootAsync(dir, o); // "not-repository" outside a repository
  const prefix = (await gitAsync(dir, ['rev-parse', '--show-prefix'], o)).toString('utf8').trim().replace(/\/$/, '');
  if (!prefix) return dir;
  if (!dir.endsWith('/' + prefix)) throw new GitError(`cannot place ${dir} in its repository`);
  return dir.slice(0, dir.length - prefix.length - 1);
}

interface RevisionItem extends vscode.QuickPickItem {
  rev: string;
}

/** Branches, tags and recent commits, newest first. */
async function revisionItems(root: string, o: GitAsyncOptions): Promise<RevisionItem[]> {
  const t = vscode.l10n.t;
  const items: RevisionItem[] = [{ label: 'HEAD', description: t('the last commit'), rev: 'HEAD' }];
  const lines = async (args: string[]) => (await gitAsync(root, args, o)).toString('utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  try {
    const refs = await lines(['for-each-ref', '--sort=-committerdate', '--count=50', '--format=%(refname:short)%09%(objectname:short)%09%(subject)', 'refs/heads', 'refs/tags', 'refs/remotes']);
    items.push({ label: t('Branches and tags'), kind: vscode.QuickPickItemKind.Separator, rev: '' });
    for (const [ref, hash, subject] of refs) items.push({ label: ref!, description: hash, detail: subject, rev: ref! });
    const commits = await lines(['log', '-n', '20', '--format=%h%x09%s', 'HEAD']);
    items.push({ label: t('Recent commits'), kind: vscode.QuickPickItemKind.Separator, rev: '' });
    for (const [hash, subject] of commits) items.push({ label: hash!, detail: subject, rev: hash! });
  } catch (e) {
    // A repository without commits lists nothing; a time-out or cancel ends the command.
    if (e instanceof GitError && (e.kind === 'timeout' || e.kind === 'cancelled')) throw e;
    log.info(`Compare: ${e instanceof Error ? e.message : String(e)}`);
  }
  return items;
}

async function pickRevision(items: RevisionItem[]): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const pick = await vscode.window.showQuickPick(items, { title: t('Compare with…'), placeHolder: t('A branch, tag or commit'), matchOnDescription: true, matchOnDetail: true });
  return pick?.rev || undefined;
}
