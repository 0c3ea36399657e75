import {
  auditCsvHeader,
  auditCsvRows,
  ReportTotals,
  dirname,
  findConfigFile,
  isDate,
  joinPath,
  loadConfig,
  localizeFinding,
  normalize,
  pct,
  percent,
  relativePath,
  reportMarkdown,
  ScoreMarkdownWriter,
  compareFindings,
  terminalSafe,
  type AuditReport,
  type AuditScore,
  type Finding,
  type Touchpoint,
} from '../../core';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { parallelAuditChecklists } from '../../node/parallelAudit';
import { parseOptions, UsageError } from '../args';
import { ChunkedOutput } from '../chunkedOutput';
import { JsonArraysWriter } from '../jsonOutput';
import { languageOf } from '../lang';
import type { CliIo } from '../io';
import type { Command } from './types';

const SCORE_FORMATS = ['stylish', 'json', 'md'];

export const audit: Command = {
  name: 'audit',
  usage: 'score <checklist.md…> | report [dir]',
  summary: 'Score filled-in audit checklists, or report on many audits',
  help: auditHelp,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === '-h' || sub === '--help' || sub === undefined) {
      (sub ? io.stdout : io.stderr).write(auditHelp());
      return sub ? 0 : 2;
    }
    if (sub === 'score') return score(rest, io);
    if (sub === 'report') return report(rest, io);
    throw new UsageError(`Unknown audit command "${sub}". Use "peakend audit score" or "peakend audit report".`);
  },
};

async function score(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(argv, { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
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
  const lang = languageOf(v.lang, io.env);
  const rel = relativeTo(cwd);
  if (format === 'json') {
    // Each score is written as soon as it is made; the findings, sorted, follow.
    const json = new JsonArraysWriter(io.stdout);
    await json.begin('audits');
    let auditFailed = false;
    const result = await parallelAuditChecklists(files, {
      onAudit: async (a) => {
        auditFailed ||= a.outcome === 'fail';
        await json.add({ ...a, file: rel(a.file) });
      },
      workspaces: false,
    });
    await json.begin('findings');
    let errors = false;
    for (const f of result.findings) {
      const shown = localizeFinding(f, lang);
      errors ||= shown.severity === 'error';
      await json.add({ ...shown, file: rel(shown.file) });
    }
    await json.close();
    return auditFailed || errors ? 1 : 0;
  }
  // Each audit is written as soon as it is scored (with its file's findings), none is kept.
  const out = new ChunkedOutput(io.stdout);
  const md = format === 'md' ? new ScoreMarkdownWriter(rel, lang) : undefined;
  const audited = new Set<string>();
  let auditCount = 0;
  let failedAudits = 0;
  const result = await parallelAuditChecklists(files, {
    onAudit: async (a, own) => {
      audited.add(a.file);
      auditCount++;
      if (a.outcome === 'fail') failedAudits++;
      await out.write(md ? md.part(a) : stylishAudit(a, [...own].sort(compareFindings).map((f) => localizeFinding(f, lang)), rel));
    },
    workspaces: false,
  });
  const findings = result.findings.map((f) => localizeFinding(f, lang));
  if (md) await out.write(md.end());
  else {
    // Files that gave no score (unreadable, not a checklist) are listed after the audits.
    const lines = findings.filter((f) => !audited.has(f.file)).map((f) => findingLine(f, rel));
    lines.push(`${auditCount} audit(s): ${failedAudits} failed, ${findings.length} finding(s)`);
    await out.write(lines.join('\n') + '\n');
  }
  await out.close();
  return failedAudits > 0 || findings.some((f) => f.severity === 'error') ? 1 : 0;
}

const REPORT_FORMATS = ['stylish', 'md', 'json', 'csv'];

async function report(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(argv, { format: { type: 'string', short: 'f' }, today: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(auditHelp());
    return 0;
  }
  const format = v.format ?? 'stylish';
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${REPORT_FORMATS.join(', ')}.`);
  const today = v.today ?? new Date().toISOString().slice(0, 10);
  if (!isDate(today)) throw new UsageError(`--today takes a date written YYYY-MM-DD, not "${today}".`);
  if (parsed.positionals.length > 1) throw new UsageError('Give one folder of checklists.');
  const cwd = normalize(toEnginePath(io.cwd, '/'));
  let dir: string;
  if (parsed.positionals[0] !== undefined) dir = normalize(toEnginePath(parsed.positionals[0], cwd));
  else {
    const configFile = await findConfigFile(nodeHost, cwd);
    const { config } = await loadConfig(nodeHost, configFile ? dirname(configFile) : cwd);
    dir = joinPath(config.root, config.checklistsDir);
  }
  if ((await nodeHost.stat(dir))?.type !== 'directory') throw new UsageError(`No such folder: ${relativePath(cwd, dir)}`);
  const rel = relativeTo(cwd);
  const lang = languageOf(v.lang, io.env);
  const out = new ChunkedOutput(io.stdout);
  // CSV lists every audit's items, written as each audit is scored; the other formats add each
  // audit to the totals. Either way no audit is kept.
  const totals = new ReportTotals(today);
  if (format === 'csv') await out.write(auditCsvHeader());
  // The report shows only errors: the other findings are not kept.
  const result = await parallelAuditChecklists(await markdownFiles(dir), { onAudit: format === 'csv' ? (a) => out.write(auditCsvRows(a, today, rel)) : (a) => totals.add(a), errorsOnly: true });
  if (format === 'csv') await out.close();
  else {
    const touchpoints = new Map<string, Touchpoint>();
    for (const ws of result.workspaces) for (const [id, list] of ws.getIndex().touchpoints) if (!touchpoints.has(id)) touchpoints.set(id, list[0]!);
    const r = totals.report(touchpoints);
    if (format === 'json') await out.close(JSON.stringify(relativeFiles(r, rel), null, 2) + '\n');
    else if (format === 'md') await out.close(reportMarkdown(r, lang));
    else await out.close(reportStylish(r));
  }
  const errors = result.findings.filter((f) => f.severity === 'error').map((f) => localizeFinding(f, lang));
  for (const f of errors) io.stderr.write(`${findingLine(f, rel)}\n`);
  return errors.length ? 1 : 0;
}

/**
 * `relativePath(cwd, file)`, worked out once per folder: thousands of audits sit in a few thousand
 * folders. A folder that is the working folder or above it is left to `relativePath`, where the
 * file's name could meet the working folder's path.
 */
function relativeTo(cwd: string): (file: string) => string {
  const folders = new Map<string, string>();
  return (file) => {
    const slash = file.lastIndexOf('/');
    const name = file.slice(slash + 1);
    if (slash <= 0 || !name || name === '.' || name === '..') return relativePath(cwd, file);
    const folder = file.slice(0, slash);
    let rel = folders.get(folder);
    if (rel === undefined) folders.set(folder, (rel = relativePath(cwd, folder)));
    return rel === '.' || /^(?:\.\.\/)*\.\.$/.test(rel) ? relativePath(cwd, file) : `${rel}/${name}`;
  };
}

function relativeFiles(r: AuditReport, rel: (f: string) => string): AuditReport {
  return {
    ...r,
    criticalFailures: r.criticalFailures.map((c) => ({ ...c, file: rel(c.file) })),
    openActions: r.openActions.map((o) => ({ ...o, actions: o.actions.map((a) => ({ ...a, file: rel(a.file) })) })),
  };
}

function reportStylish(r: AuditReport): string {
  const lines: string[] = [`${r.audits} audit(s)`, '', 'Compliance by touchpoint (declared → measured performance, 1–5):'];
  for (const t of r.touchpoints) {
    const ipa = t.measured === undefined ? '' : `  ${t.declared ?? '—'} → ${t.measured}${t.gap === undefined ? '' : ` (${t.gap > 0 ? '+' : ''}${t.gap})`}`;
    lines.push(`  ${clean(t.id)}: ${pct(t)} in ${t.audits} audit(s)${ipa}`);
  }
  lines.push('', 'Compliance by dimension:', ...r.dimensions.map((d) => `  ${clean(d.dimension || '—')}: ${pct(d)}`));
  lines.push('', 'Trend by audit date:', ...r.trend.map((t) => `  ${clean(t.date || '—')}: ${pct(t)} (${t.audits} audit(s))`));
  lines.push('', 'Most-failed standards:', ...(r.mostFailed.length ? r.mostFailed.map((m) => `  ${clean(m.id)}: failed ${m.fail} of ${m.audits}`) : ['  none']));
  lines.push('', 'Repeat failures:', ...(r.repeatFailures.length ? r.repeatFailures.map((f) => `  ${clean(f.touchpoint)} / ${clean(f.standard)}: ${f.dates.join(', ')}`) : ['  none']));
  lines.push('', 'Critical failures:', ...(r.criticalFailures.length ? r.criticalFailures.map((c) => `  ${clean(c.touchpoint)} ${c.date ?? ''}${c.site ? ` ${clean(c.site)}` : ''}: ${clean(c.standard)}`) : ['  none']));
  lines.push('', `Open corrective actions (overdue as of ${r.today}):`);
  if (!r.openActions.length) lines.push('  none');
  for (const o of r.openActions) {
    lines.push(`  ${clean(o.owner || '(no owner)')}: ${o.open} open, ${o.overdue} overdue`);
    for (const a of o.actions) lines.push(`    ${a.overdue ? 'OVERDUE ' : ''}${a.due ?? 'no due date'}  ${clean(a.touchpoint)} / ${clean(a.standard)}: ${clean(a.text)}`);
  }
  return lines.join('\n') + '\n';
}

/** Every .md file below a folder, in name order. */
async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await nodeHost.readDirectory(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = joinPath(dir, e.name);
    if (e.type === 'directory' && !e.name.startsWith('.')) out.push(...(await markdownFiles(p)));
    else if (e.type === 'file' && e.name.toLowerCase().endsWith('.md') && !['readme.md', 'index.md'].includes(e.name.toLowerCase())) out.push(p);
  }
  return out;
}

/** Names, file names and messages from the checklists: shown, never acted on by the terminal. */
function clean(s: string): string {
  return terminalSafe(s);
}

/** One audit in the stylish format: its figures, then its own findings. */
function stylishAudit(a: AuditScore, own: readonly Finding[], rel: (f: string) => string): string {
  const lines: string[] = [];
  const facts = [a.touchpoint, a.date, a.site, a.auditor].filter(Boolean).map((s) => clean(s!)).join(' · ');
  lines.push(`${clean(rel(a.file))}  ${facts}`);
  lines.push(`  ${a.outcome.toUpperCase()}  compliance ${percent(a.overall)} (weight ${a.overall.passedWeight} of ${a.overall.answeredWeight} passed)`);
  for (const d of a.dimensions) lines.push(`    ${clean(d.dimension || '—')}: ${percent(d.compliance)} (${d.compliance.passedWeight} of ${d.compliance.answeredWeight})`);
  const c = a.overall.counts;
  lines.push(`  items: ${c.pass} pass, ${c.fail} fail, ${c.na} N/A, ${c.unanswered} unanswered`);
  if (a.criticalFailures.length) lines.push(`  critical failures: ${clean(a.criticalFailures.join(', '))}`);
  if (a.unanswered.length) lines.push(`  unanswered: ${clean(a.unanswered.join(', '))}`);
  if (a.failedWithoutAction.length) lines.push(`  failed without corrective action: ${clean(a.failedWithoutAction.join(', '))}`);
  for (const f of own) lines.push(`  ${findingLine(f, rel)}`);
  lines.push('');
  return lines.join('\n') + '\n';
}

function findingLine(f: Finding, rel: (f: string) => string): string {
  return `${clean(rel(f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${clean(f.message)}  ${f.ruleId}`;
}

export function auditHelp(): string {
  return `Usage: peakend audit score <checklist.md|folder…> [--format stylish|json|md]
       peakend audit report [folder] [--format stylish|md|json|csv] [--today YYYY-MM-DD]

Scores filled-in checklists. Each item is pass, fail, N/A or unanswered; a measured value is
judged against its comparator and threshold (after converting known units), a rating against
its lowest passing level. Compliance = passed weight / answered weight, per dimension and
overall: N/A and unanswered items stay out of it. A failed critical item fails the audit.
Problems in the checklist are reported with their line and column.

report aggregates every checklist in the folder (default: checklists.dir of peakend.yaml):
compliance per touchpoint, dimension and standard, the trend by audit date, the most-failed
standards, repeat failures (a standard failing in consecutive audits of a touchpoint), critical
failures, open corrective actions by owner (overdue relative to --today), and each touchpoint's
declared performance beside its measured one (1 + 4 × compliance, on the 1–5 scale). CSV has one
row per audited item, UTF-8 with a byte-order mark; cells that look like formulas are neutralised.

Options:
  -f, --format <name>    score: stylish (default), json or md; report: also csv
      --today <date>     report: the date actions are overdue against (default: today)
      --lang <language>  en or zh-cn for messages and Markdown (default: from LANG)
  -h, --help             Show this help

Exit status: 1 when an audit fails or a checklist has errors, else 0; 2 on usage errors.
`;
}
