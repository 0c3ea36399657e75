/**
 * The one Peakend comment on a pull request: found by a hidden marker in its body, created when the
 * review has something to say, updated on every later push (also when it became clean, so that it is
 * never left stale), never created for a pull request that was always clean.
 */

export const MARKER = '<!-- peakend:diff -->';
/** GitHub refuses a comment body over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export interface GitHubApi {
  /** Base URL of the REST API, e.g. https://api.github.com or $GITHUB_API_URL. */
  url: string;
  token: string;
  fetch: typeof fetch;
}

export interface Target {
  owner: string;
  repo: string;
  issue: number;
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number }
  | { action: 'skipped'; reason: 'clean' }
  | { action: 'forbidden'; status: number; message: string };

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call(api: GitHubApi, method: string, path: string, body?: unknown): Promise<{ data: unknown; link: string | null }> {
  const res = await api.fetch(`${api.url.replace(/\/+$/, '')}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${api.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'peakend-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // Not JSON: keep the text.
    }
    throw new GitHubError(res.status, message.slice(0, 500));
  }
  return { data: text ? JSON.parse(text) : null, link: res.headers.get('link') };
}

/** The existing Peakend comment, looking through every page of the pull request's comments. */
export async function findComment(api: GitHubApi, t: Target): Promise<{ id: number; body: string } | undefined> {
  let path: string | undefined = `/repos/${enc(t.owner)}/${enc(t.repo)}/issues/${t.issue}/comments?per_page=100`;
  for (let page = 0; path && page < 100; page++) {
    const { data, link } = await call(api, 'GET', path);
    for (const c of (data as { id: number; body?: string }[]) ?? []) if (c.body?.includes(MARKER)) return { id: c.id, body: c.body };
    const next = /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
    path = next ? next.replace(api.url.replace(/\/+$/, ''), '') : undefined;
  }
  return undefined;
}

/** The body to post: the marker first, cut below GitHub's limit with a pointer to the full report. */
export function commentBody(report: string, fullReportHint: string): string {
  const body = `${MARKER}\n${report}`;
  if (body.length <= MAX_COMMENT_CHARS) return body;
  const note = `\n\n…\n\n${fullReportHint}\n`;
  let budget = MAX_COMMENT_CHARS - note.length;
  for (;;) {
    // Cut at a line end, so that no surrogate pair, table row or tag is split.
    const lineEnd = body.lastIndexOf('\n', budget);
    let head = body.slice(0, lineEnd > MARKER.length ? lineEnd : budget);
    // A cut inside a fenced block or a <details> would swallow the note: close them.
    if ((head.match(/^```/gm) ?? []).length % 2 === 1) head += '\n```';
    const open = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
    head += '\n</details>'.repeat(Math.max(0, open));
    const out = head + note;
    if (out.length <= MAX_COMMENT_CHARS) return out;
    budget -= out.length - MAX_COMMENT_CHARS;
  }
}

/**
 * Creates or updates the sticky comment. `clean` says the review found nothing: then an existing comment
 * is updated to say so, and none is created.
 */
export async function postReview(api: GitHubApi, t: Target, report: string, clean: boolean, fullReportHint: string): Promise<CommentOutcome> {
  try {
    const existing = await findComment(api, t);
    const body = commentBody(report, fullReportHint);
    if (existing) {
      if (existing.body !== body) await call(api, 'PATCH', `/repos/${enc(t.owner)}/${enc(t.repo)}/issues/comments/${existing.id}`, { body });
      return { action: 'updated', id: existing.id };
    }
    if (clean) return { action: 'skipped', reason: 'clean' };
    const { data } = await call(api, 'POST', `/repos/${enc(t.owner)}/${enc(t.repo)}/issues/${t.issue}/comments`, { body });
    return { action: 'created', id: (data as { id: number }).id };
  } catch (e) {
    // A token without write access (pull requests from forks) cannot comment: the job summary carries the report.
    if (e instanceof GitHubError && (e.status === 403 || e.status === 401 || e.status === 404)) return { action: 'forbidden', status: e.status, message: e.message };
    throw e;
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
