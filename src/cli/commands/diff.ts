import { DIFF_CHECKS, DIFF_LEVEL_RANK, readInput, isInsideFolder, normalize, reviewDiff, reviewRevisions, analyzeFile, defaultConfig, type DiffLevel, type FileModel, type Host, type RevisionsReview } from '../../core';
import { GitError, GitRevisionHost, defaultBase, repositoryRoot } from '../../node/gitRevisionHost';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { formatOutputs, OUTPUT_OPTIONS, parseOptions, UsageError } from '../args';
import { githubDiff, jsonDiff, markdownDiff, stylishDiff, type DiffFormatter } from '../diff/formatters';
import { languageOf } from '../lang';
import type { Command } from './types';

const FORMATS: Record<string, DiffFormatter> = { stylish: stylishDiff, json: jsonDiff, md: markdownDiff, github: githubDiff };

export const diff: Command = {
  name: 'diff',
  usage: '[--base REV] [--head REV] [paths…]',
  summary: 'Review what changed between two revisions: emotions, peak and end, standards, touchpoints',
  help: diffHelp,
  async run(argv, io) {
    const opts = parse(argv);
    if (opts.help) {
      io.stdout.write(diffHelp());
      return 0;
    }
    const cwd = normalize(toEnginePath(io.cwd, '/'));
    // Two files and no revisions: compare the files themselves.
    const p = opts.paths;
    if (opts.base === undefined && opts.head === undefined && p.length === 2) {
      const kinds = await Promise.all(p.map(async (x) => (await nodeHost.stat(normalize(toEnginePath(x, cwd))))?.type));
      if (kinds.every((k) => k === 'file')) opts.files = [p[0]!, p[1]!];
    }
    const lang = languageOf(opts.lang, io.env);
    let reviewed: RevisionsReview;
    let base: { rev: string; commit?: string };
    let head: { rev: string; commit?: string };
    let filter: (file: string) => boolean = () => true;
    const hosts: GitRevisionHost[] = [];
    try {
      if (opts.files) {
        // Two files, compared as one revision each.
        const [a, b] = opts.files.map((f) => normalize(toEnginePath(f, cwd)));
        reviewed = { review: reviewDiff([await readOne(a!)], [await readOne(b!)]), levels: {}, withoutPositions: 0 };
        base = { rev: opts.files[0]! };
        head = { rev: opts.files[1]! };
      } else {
        const root = repositoryRoot(cwd);
        const baseRev = opts.base ?? defaultBase(root);
        if (!baseRev) throw new UsageError('No --base given and no default branch (origin/HEAD, main or master) to compare with.');
        const baseHost = GitRevisionHost.open(root, baseRev);
        hosts.push(baseHost);
        let headHost: Host = nodeHost;
        if (opts.head) {
          const h = GitRevisionHost.open(root, opts.head);
          hosts.push(h);
          headHost = h;
        }
        base = { rev: opts.base ?? 'merge-base', commit: baseHost.commit };
        head = opts.head ? { rev: opts.head, commit: hosts[1]!.commit } : { rev: 'working tree' };
        const paths = opts.paths.map((p) => normalize(toEnginePath(p, cwd)));
        const folder = paths.length === 1 && (await nodeHost.stat(paths[0]!))?.type === 'directory' ? paths[0]! : cwd;
        // Only the places the review shows need positions: the rest is read on the quick path.
        reviewed = await reviewRevisions({ host: baseHost, folder }, { host: headHost, folder });
        if (paths.length) filter = (file) => paths.some((p) => isInsideFolder(p, file));
      }
    } catch (e) {
      if (e instanceof GitError) {
        io.stderr.write(`peakend: ${e.message}\n`);
        return 2;
      }
      throw e;
    } finally {
      for (const h of hosts) h.close();
    }
    const { review } = reviewed;
    review.changes = review.changes.filter((c) => filter(c.file));
    const color = opts.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
    for (const out of opts.outputs) {
      const text = FORMATS[out.format]!(review, { cwd, color: out.file ? false : color, lang, base, head });
      if (out.file) await io.writeFile(normalize(toEnginePath(out.file, cwd)), text);
      else io.stdout.write(text);
    }
    const threshold = opts.failOn ? DIFF_LEVEL_RANK[opts.failOn] : Infinity;
    return review.changes.some((c) => DIFF_LEVEL_RANK[c.level] >= threshold) ? 1 : 0;
  },
};

async function readOne(file: string): Promise<FileModel> {
  const st = await nodeHost.stat(file);
  if (!st) throw new UsageError(`No such file: ${file}`);
  const config = defaultConfig(file.slice(0, file.lastIndexOf('/')) || '/');
  return analyzeFile(file, await readInput(nodeHost, file, config.maxFileBytes), config);
}

interface DiffOptions {
  help: boolean;
  base?: string;
  head?: string;
  paths: string[];
  files?: [string, string];
  outputs: { format: string; file?: string }[];
  failOn?: DiffLevel;
  lang?: string;
  color?: boolean;
}

function parse(argv: string[]): DiffOptions {
  const parsed = parseOptions(argv, { ...OUTPUT_OPTIONS, base: { type: 'string' }, head: { type: 'string' }, 'fail-on': { type: 'string' } });
  const { outputs, color } = formatOutputs(parsed.tokens ?? [], Object.keys(FORMATS));
  const v = parsed.values;
  const failOn = v['fail-on'];
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'warning' && failOn !== 'info') throw new UsageError(`--fail-on takes breaking, warning or info, not "${failOn}".`);
  const o: DiffOptions = { help: Boolean(v.help), paths: parsed.positionals, outputs };
  if (v.base !== undefined) o.base = v.base;
  if (v.head !== undefined) o.head = v.head;
  if (failOn) o.failOn = failOn;
  if (v.lang !== undefined) o.lang = v.lang;
  if (color !== undefined) o.color = color;
  return o;
}

function diffHelp(): string {
  return `Usage: peakend diff [--base REV] [--head REV] [paths…] [options]
       peakend diff <before.yaml> <after.yaml> [options]

Compares two revisions of the workspace in review language: emotion scores per step and persona,
moments of truth, pain points, touchpoints, standards loosened, tightened or removed, and the
checklists that change. Files are read with git itself (no checkout, nothing written). The head is
the working tree unless --head is given; the base is the merge base with the default branch.

Options:
      --base <rev>            The revision to compare with (default: merge base with origin/HEAD, main or master)
      --head <rev>            The revision to review (default: the working tree)
  -f, --format <name>         ${Object.keys(FORMATS).join(', ')} (default stylish); may repeat
  -o, --output <file>         Write the preceding --format to this file instead of standard output
      --fail-on <level>       breaking, warning or info: exit 1 when a change is at or above it
      --lang <language>       en or zh-cn for messages (default: from LANG)
      --color, --no-color     Force colour on or off
  -h, --help                  Show this help

Exit status: 0 = nothing at or above --fail-on (or no --fail-on), 1 = something is, 2 = usage error,
unknown revision or internal error.

Checks:
${DIFF_CHECKS.map((c) => `  ${c.id.padEnd(30)} ${c.level.padEnd(9)} ${c.summary}`).join('\n')}
`;
}
