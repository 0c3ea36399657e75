import { appendFileSync, readFileSync } from 'node:fs';
import { postReview, type Target } from './stickyComment';

/**
 * The Action's last step: posts `report.md` as the sticky pull-request comment and writes it to the job
 * summary. Reads what GitHub Actions provides: GITHUB_EVENT_PATH, GITHUB_API_URL, GITHUB_STEP_SUMMARY,
 * and the token and report path given by action.yml (PEAKEND_TOKEN, PEAKEND_REPORT, PEAKEND_CLEAN).
 */
export async function runAction(env: Record<string, string | undefined>, fetchImpl: typeof fetch = fetch, log: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  const report = readFileSync(env.PEAKEND_REPORT ?? 'peakend-report.md', 'utf8');
  const clean = env.PEAKEND_CLEAN === 'true';
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, report + '\n');
  const event = env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload) : undefined;
  const pr = event?.pull_request;
  const [owner, repo] = (event?.repository?.full_name ?? env.GITHUB_REPOSITORY ?? '').split('/');
  if (!pr || !owner || !repo) {
    log('peakend: not a pull request event; the report is in the job summary only.');
    return 0;
  }
  if (!env.PEAKEND_TOKEN) {
    log('peakend: no token given; the report is in the job summary only.');
    return 0;
  }
  const target: Target = { owner, repo, issue: pr.number };
  const hint = 'The full report is in the job summary of this workflow run.';
  const outcome = await postReview({ url: env.GITHUB_API_URL ?? 'https://api.github.com', token: env.PEAKEND_TOKEN, fetch: fetchImpl }, target, report, clean, hint);
  if (outcome.action === 'forbidden') log(`peakend: cannot comment on this pull request (HTTP ${outcome.status}: ${outcome.message}); the report is in the job summary.`);
  else if (outcome.action === 'skipped') log('peakend: nothing to report and no earlier comment: no comment posted.');
  else log(`peakend: comment ${outcome.action} (id ${outcome.id}).`);
  return 0;
}

interface EventPayload {
  pull_request?: { number: number };
  repository?: { full_name?: string };
}
