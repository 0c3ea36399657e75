/** The Action's comment logic against a fake GitHub REST API on 127.0.0.1. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/main';
import { commentBody, MARKER, MAX_COMMENT_CHARS } from '../../src/action/stickyComment';

interface Comment {
  id: number;
  body: string;
}

/** A fake of the three endpoints the Action uses, with pagination and a switch for a read-only token. */
class FakeGitHub {
  comments: Comment[] = [];
  requests: string[] = [];
  forbidden = false;
  perPageCap = 100;
  private nextId = 1000;
  server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const body = await read(req);
      const u = new URL(req.url!, this.url);
      this.requests.push(`${req.method} ${u.pathname}${u.search}`);
      if (req.headers.authorization !== 'Bearer t0ken') return send(res, 401, { message: 'Bad credentials' });
      const list = /^\/repos\/o\/r\/issues\/7\/comments$/.exec(u.pathname);
      const one = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(u.pathname);
      if (list && req.method === 'GET') {
        const per = Math.min(Number(u.searchParams.get('per_page') ?? 30), this.perPageCap);
        const page = Number(u.searchParams.get('page') ?? 1);
        const slice = this.comments.slice((page - 1) * per, page * per);
        const more = page * per < this.comments.length;
        return send(res, 200, slice, more ? `<${this.url}/repos/o/r/issues/7/comments?per_page=${per}&page=${page + 1}>; rel="next"` : undefined);
      }
      if (this.forbidden) return send(res, 403, { message: 'Resource not accessible by integration' });
      if (list && req.method === 'POST') {
        const c = { id: this.nextId++, body: JSON.parse(body).body as string };
        if (c.body.length > 65536) return send(res, 422, { message: 'Body is too long (maximum is 65536 characters)' });
        this.comments.push(c);
        return send(res, 201, c);
      }
      if (one && req.method === 'PATCH') {
        const c = this.comments.find((x) => x.id === Number(one[1]));
        if (!c) return send(res, 404, { message: 'Not Found' });
        c.body = JSON.parse(body).body;
        return send(res, 200, c);
      }
      return send(res, 404, { message: 'Not Found' });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}`;
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    // Decoded once at the end: a chunk boundary can fall inside a multi-byte character.
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res: import('node:http').ServerResponse, status: number, data: unknown, link?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(link ? { link } : {}) });
  res.end(JSON.stringify(data));
}

const gh = new FakeGitHub();
const dir = mkdtempSync(join(tmpdir(), 'peakend-action-'));
beforeAll(() => gh.start());
afterAll(() => {
  gh.server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  gh.comments = [];
  gh.requests = [];
  gh.forbidden = false;
});

function env(report: string, clean: boolean, extra: Record<string, string> = {}): Record<string, string> {
  writeFileSync(join(dir, 'report.md'), report);
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7 }, repository: { full_name: 'o/r' } }));
  writeFileSync(join(dir, 'summary.md'), '');
  return {
    PEAKEND_REPORT: join(dir, 'report.md'),
    PEAKEND_CLEAN: String(clean),
    PEAKEND_TOKEN: 't0ken',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_API_URL: gh.url,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    ...extra,
  };
}

const quiet = () => undefined;

describe('the sticky pull-request comment', () => {
  it('a pull request that was always clean gets no comment; the job summary still has the report', async () => {
    expect(await runAction(env('No changes.', true), fetch, quiet)).toBe(0);
    expect(gh.comments).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('No changes.\n');
  });

  it('created once, then updated in place on later pushes, also when the review became clean', async () => {
    gh.comments = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, body: `someone else ${i}` }));
    await runAction(env('1 breaking change', false), fetch, quiet);
    expect(gh.comments).toHaveLength(251);
    const mine = gh.comments[250]!;
    expect(mine.body).toBe(`${MARKER}\n1 breaking change`);

    gh.requests = [];
    await runAction(env('2 warnings', false), fetch, quiet);
    expect(gh.comments).toHaveLength(251);
    expect(mine.body).toBe(`${MARKER}\n2 warnings`);
    // It found the comment on the third page of 100.
    expect(gh.requests).toEqual([
      'GET /repos/o/r/issues/7/comments?per_page=100',
      'GET /repos/o/r/issues/7/comments?per_page=100&page=2',
      'GET /repos/o/r/issues/7/comments?per_page=100&page=3',
      `PATCH /repos/o/r/issues/comments/${mine.id}`,
    ]);

    await runAction(env('No changes.', true), fetch, quiet);
    expect(mine.body).toBe(`${MARKER}\nNo changes.`);
  });

  it('a token that cannot comment (a fork): no failure, the report stays in the job summary', async () => {
    gh.forbidden = true;
    const logs: string[] = [];
    expect(await runAction(env('1 breaking change', false), fetch, (s) => logs.push(s))).toBe(0);
    expect(gh.comments).toEqual([]);
    expect(logs).toEqual(['peakend: cannot comment on this pull request (HTTP 403: Resource not accessible by integration); the report is in the job summary.']);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('1 breaking change\n');
  });

  it('an oversized report is cut below GitHub’s limit, with open blocks closed and a pointer to the job summary', async () => {
    const big = '<details><summary>steps</summary>\n\n```mermaid\n' + '一二三四五六七八九十\n'.repeat(20_000) + '```\n</details>\n';
    await runAction(env(big, false), fetch, quiet);
    const body = gh.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toMatch(/```\n<\/details>\n\n…\n\nThe full report is in the job summary of this workflow run\.\n$/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(big + '\n');
  });

  it('a body exactly at the limit is posted whole', () => {
    const report = 'x'.repeat(MAX_COMMENT_CHARS - MARKER.length - 1);
    expect(commentBody(report, 'hint')).toBe(`${MARKER}\n${report}`);
    expect(commentBody(report + 'y', 'hint').endsWith('hint\n')).toBe(true);
  });

  it('outside a pull request, or without a token, it only writes the job summary', async () => {
    const e = env('report', false);
    writeFileSync(e.GITHUB_EVENT_PATH!, JSON.stringify({ ref: 'refs/heads/main' }));
    const logs: string[] = [];
    await runAction(e, fetch, (s) => logs.push(s));
    expect(logs).toEqual(['peakend: not a pull request event; the report is in the job summary only.']);
    await runAction({ ...env('report', false), PEAKEND_TOKEN: '' }, fetch, (s) => logs.push(s));
    expect(logs[1]).toBe('peakend: no token given; the report is in the job summary only.');
    expect(gh.requests).toEqual([]);
  });
});
