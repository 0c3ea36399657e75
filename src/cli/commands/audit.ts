import { parseArgs } from 'node:util';
import { auditChecklists, joinPath, localizeFinding, normalize, percent, relativePath, scoreMarkdown, type AuditScore, type Finding } from '../../core';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { UsageError } from '../args';
import { languageOf } from '../lang';
import type { CliIo } from '../io';
import type { Command } from './types';

const SCORE_FORMATS = ['stylish', 'json', 'md'];

export const audit: Command = {
  name: 'audit',
  usage: 'score <checklist.md…>',
  summary: 'Score filled-in audit checklists',
  help: auditHelp,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === '-h' || sub === '--help' || sub === undefined) {
      (sub ? io.stdout : io.stderr).write(auditHelp());
      return sub ? 0 : 2;
    }
    if (sub === 'score') return score(rest, io);
    throw new UsageError(`Unknown audit command "${sub}". Use "peakend audit score".`);
  },
};

async function score(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(auditHelp());
    return 0;
  }
  const format = v.format ?? 'stylish';
  if (!SCORE_FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${SCORE_FORMATS.join(', ')}.`);
  if (parsed.positionals.length === 0) throw new UsageError('Name the checklist files (or folders) to score.');
  const cwd = normalize(toEnginePath(io.cwd, '/'));
  const files: string[] = [];
  for (const p of parsed.positionals) {
    const path = normalize(toEnginePath(p, cwd));
    const st = await nodeHost.stat(path);
    if (!st) throw new UsageError(`No such file or folder: ${p}`);
    if (st.type === 'directory') files.push(...(await markdownFiles(path)));
    else files.push(path);
  }
  const result = await auditChecklists(nodeHost, files);
  const lang = languageOf(v.lang, io.env);
  const findings = result.findings.map((f) => localizeFinding(f, lang));
  const rel = (f: string) => relativePath(cwd, f);
  if (format === 'json') io.stdout.write(JSON.stringify({ audits: result.audits.map((a) => ({ ...a, file: rel(a.file) })), findings: findings.map((f) => ({ ...f, file: rel(f.file) })) }, null, 2) + '\n');
  else if (format === 'md') io.stdout.write(scoreMarkdown(result.audits, rel));
  else io.stdout.write(stylish(result.audits, findings, rel));
  const failed = result.audits.some((a) => a.outcome === 'fail') || findings.some((f) => f.severity === 'error');
  return failed ? 1 : 0;
}

/** Every .md file below a folder, in name order. */
async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await nodeHost.readDirectory(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = joinPath(dir, e.name);
    if (e.type === 'directory' && !e.name.startsWith('.')) out.push(...(await markdownFiles(p)));
    else if (e.type === 'file' && e.name.toLowerCase().endsWith('.md')) out.push(p);
  }
  return out;
}

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function stylish(audits: readonly AuditScore[], findings: readonly Finding[], rel: (f: string) => string): string {
  const lines: string[] = [];
  for (const a of audits) {
    const facts = [a.touchpoint, a.date, a.site, a.auditor].filter(Boolean).map((s) => clean(s!)).join(' · ');
    lines.push(`${rel(a.file)}  ${facts}`);
    lines.push(`  ${a.outcome.toUpperCase()}  compliance ${percent(a.overall)} (weight ${a.overall.passedWeight} of ${a.overall.answeredWeight} passed)`);
    for (const d of a.dimensions) lines.push(`    ${clean(d.dimension || '—')}: ${percent(d.compliance)} (${d.compliance.passedWeight} of ${d.compliance.answeredWeight})`);
    const c = a.overall.counts;
    lines.push(`  items: ${c.pass} pass, ${c.fail} fail, ${c.na} N/A, ${c.unanswered} unanswered`);
    if (a.criticalFailures.length) lines.push(`  critical failures: ${a.criticalFailures.join(', ')}`);
    if (a.unanswered.length) lines.push(`  unanswered: ${a.unanswered.join(', ')}`);
    if (a.failedWithoutAction.length) lines.push(`  failed without corrective action: ${a.failedWithoutAction.join(', ')}`);
    const own = findings.filter((f) => f.file === a.file);
    for (const f of own) lines.push(`  ${rel(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${clean(f.message)}  ${f.ruleId}`);
    lines.push('');
  }
  for (const f of findings.filter((x) => !audits.some((a) => a.file === x.file))) {
    lines.push(`${rel(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${clean(f.message)}  ${f.ruleId}`);
  }
  const failed = audits.filter((a) => a.outcome === 'fail').length;
  lines.push(`${audits.length} audit(s): ${failed} failed, ${findings.length} finding(s)`);
  return lines.join('\n') + '\n';
}

export function auditHelp(): string {
  return `Usage: peakend audit score <checklist.md|folder…> [--format stylish|json|md]

Scores filled-in checklists. Each item is pass, fail, N/A or unanswered; a measured value is
judged against its comparator and threshold (after converting known units), a rating against
its lowest passing level. Compliance = passed weight / answered weight, per dimension and
overall: N/A and unanswered items stay out of it. A failed critical item fails the audit.
Problems in the checklist are reported with their line and column.

Options:
  -f, --format <name>    stylish (default), json or md
      --lang <language>  en or zh-cn for messages (default: from LANG)
  -h, --help             Show this help

Exit status: 1 when an audit fails or a checklist has errors, else 0; 2 on usage errors.
`;
}
