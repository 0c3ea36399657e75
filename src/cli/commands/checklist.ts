import { dirname, findConfigFile, isDate, isValidId, joinPath, normalize, openWorkspace } from '../../core';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { parseOptions, UsageError } from '../args';
import { selectTouchpoints, type ChecklistJob } from '../checklistPlan';
import { languageOf } from '../lang';
import { writeChecklists } from '../writeChecklists';
import type { Command } from './types';

export const checklist: Command = {
  name: 'checklist',
  usage: '<touchpoint-id…> | --all',
  summary: 'Write (or update) the audit checklist of touchpoints',
  help: checklistHelp,
  async run(argv, io) {
    const parsed = parseOptions(argv, {
      all: { type: 'boolean' },
      out: { type: 'string' },
      site: { type: 'string' },
      auditor: { type: 'string' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    const v = parsed.values;
    if (v.help) {
      io.stdout.write(checklistHelp());
      return 0;
    }
    const ids = parsed.positionals;
    if (!v.all && ids.length === 0) throw new UsageError('Name the touchpoints to write checklists for, or give --all.');
    if (v.all && ids.length) throw new UsageError('Give touchpoint IDs or --all, not both.');
    const date = v.date ?? new Date().toISOString().slice(0, 10);
    if (!isDate(date)) throw new UsageError(`--date takes a date written YYYY-MM-DD, not "${date}".`);
    for (const id of ids) if (!isValidId(id)) throw new UsageError(`"${id}" cannot be a touchpoint ID.`);

    const cwd = normalize(toEnginePath(io.cwd, '/'));
    const configFile = await findConfigFile(nodeHost, cwd);
    // The standards and touchpoints, without positions; no audit is read but the one each checklist merges with.
    const root = configFile ? dirname(configFile) : cwd;
    const { workspace } = await openWorkspace(nodeHost, root, [], undefined, { skipChecklists: true, positions: 'later' });
    const index = workspace.getIndex();
    const config = workspace.config;
    const dir = v.out !== undefined ? normalize(toEnginePath(v.out, cwd)) : joinPath(config.root, config.checklistsDir);

    const touchpoints = selectTouchpoints(index, Boolean(v.all), ids);
    const job: ChecklistJob = { dir, date, lang: languageOf(v.lang, io.env), dryRun: Boolean(v['dry-run']), cwd };
    if (v.site !== undefined) job.site = v.site;
    if (v.auditor !== undefined) job.auditor = v.auditor;
    return writeChecklists(index, touchpoints, job, io, { root, all: Boolean(v.all), ids });
  },
};

export function checklistHelp(): string {
  return `Usage: peakend checklist <touchpoint-id…> [options]
       peakend checklist --all [options]

Writes one Markdown checklist per touchpoint and audit, built from the standards that apply to
the touchpoint, to <dir>/<touchpoint-id>/<date>[-<site>].md. The folder is checklists.dir of
peakend.yaml (default "checklists") unless --out names another. When the file exists it is
merged: answers, notes, evidence and actions are kept as written, items whose standard changed
are marked for re-check, items that no longer apply move to the "Obsolete" section.

Options:
      --all              Every touchpoint of the workspace
      --out <dir>        The folder to write into (default: checklists.dir)
      --site <name>      The audited site; part of the file name (letters, digits, "-" and "_")
      --auditor <name>   Who audits
      --date <date>      The audit date, YYYY-MM-DD (default: today)
      --dry-run          Print what would be written, write nothing
      --lang <language>  en or zh-cn for the checklist's words (default: from LANG)
  -h, --help             Show this help

Examples:
  peakend checklist service-hotline --site 北区 --auditor 张三 --date 2026-12-03
  peakend checklist --all --dry-run
`;
}
