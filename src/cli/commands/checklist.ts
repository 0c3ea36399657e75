import {
  buildChecklist,
  checklistPath,
  dirname,
  findConfigFile,
  isDate,
  isValidId,
  joinPath,
  normalize,
  openWorkspace,
  parseChecklist,
  relativePath,
  renderChecklist,
  type ChecklistChange,
  type Touchpoint,
} from '../../core';
import { linkBelow } from '../../node/links';
import { nodeHost, toEnginePath } from '../../node/nodeHost';
import { parseOptions, UsageError } from '../args';
import { languageOf } from '../lang';
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
    const { workspace } = await openWorkspace(nodeHost, configFile ? dirname(configFile) : cwd, [], undefined, { skipChecklists: true, positions: 'later' });
    const index = workspace.getIndex();
    const config = workspace.config;
    const dir = v.out !== undefined ? normalize(toEnginePath(v.out, cwd)) : joinPath(config.root, config.checklistsDir);

    const touchpoints: Touchpoint[] = [];
    if (v.all) {
      const seen = new Set<string>();
      for (const tp of index.allTouchpoints()) if (!seen.has(tp.def.id)) (seen.add(tp.def.id), touchpoints.push(tp));
    } else {
      for (const id of ids) {
        const tp = index.touchpoints.get(id)?.[0];
        if (!tp) throw new UsageError(`Unknown touchpoint "${id}".`);
        touchpoints.push(tp);
      }
    }
    const lang = languageOf(v.lang, io.env);
    let status = 0;
    const shown = (p: string) => relativePath(cwd, p);
    /** One touchpoint's checklist; what it has to say is returned, to be printed in touchpoint order. */
    const one = async (tp: Touchpoint): Promise<Outcome> => {
      const path = checklistPath(dir, tp.def.id, date, v.site);
      if (!path) return { stderr: `peakend: no file name can be made for touchpoint "${tp.def.id}"; skipped.\n`, failed: true };
      const spec = buildChecklist(index, tp, { site: v.site, auditor: v.auditor, date });
      if (spec.items.length === 0) return { stdout: `${tp.def.id}: no standard applies to this touchpoint; no checklist written\n` };
      // Never through a link: what it points to may lie outside the checklists folder.
      const link = linkBelow(dir, path);
      if (link) return { stderr: `peakend: ${shown(link)} is a symbolic link, which is not followed; no checklist written for "${tp.def.id}".\n`, failed: true };
      const before = await readText(path);
      const previous = before === undefined ? undefined : parseChecklist(path, before);
      const { text, changes } = renderChecklist(spec, lang, previous);
      const summary = describeChanges(changes, before === undefined);
      if (before === text) return { stdout: `${shown(path)}: up to date\n` };
      if (v['dry-run']) return { stdout: `${shown(path)}: would ${before === undefined ? 'create' : 'update'} (${summary})\n` };
      // A person may have saved the file while it was merged: never overwrite what was not merged.
      if ((await readText(path)) !== before) {
        return { stderr: `peakend: ${shown(path)} changed on disk while its checklist was generated; nothing written. Run the command again.\n`, failed: true };
      }
      await io.writeFile(path, text);
      return { stdout: `${shown(path)}: ${before === undefined ? 'created' : 'updated'} (${summary})\n` };
    };
    // Several files in flight: one checklist is built while earlier ones wait for the disk. Each
    // file is still read, merged, checked for changes and written in that order.
    const pending: Promise<Outcome | { error: unknown }>[] = [];
    let error: { error: unknown } | undefined;
    const flush = async () => {
      const r = await pending.shift()!;
      if ('error' in r) error ??= r;
      else {
        if (r.stdout) io.stdout.write(r.stdout);
        if (r.stderr) io.stderr.write(r.stderr);
        if (r.failed) status = 1;
      }
    };
    for (const tp of touchpoints) {
      if (error) break;
      pending.push(one(tp).catch((e: unknown) => ({ error: e })));
      if (pending.length >= IN_FLIGHT) await flush();
    }
    while (pending.length) await flush();
    if (error) throw error.error;
    return status;
  },
};

interface Outcome {
  stdout?: string;
  stderr?: string;
  failed?: boolean;
}

/** Files generated at once. */
const IN_FLIGHT = 8;

/** A checklist larger than this is no checklist a person filled in. */
const MAX_CHECKLIST_BYTES = 5 * 1024 * 1024;

async function readText(path: string): Promise<string | undefined> {
  const st = await nodeHost.stat(path);
  if (!st) return undefined;
  if (st.type !== 'file') throw new UsageError(`${path} exists and is not a file.`);
  const read = await nodeHost.readFile(path, MAX_CHECKLIST_BYTES);
  if (!('bytes' in read)) throw new UsageError('tooLarge' in read ? `${path} is too large (${read.tooLarge} bytes).` : `${path} is not a regular file.`);
  return new TextDecoder().decode(read.bytes);
}

function describeChanges(changes: ChecklistChange[], created: boolean): string {
  if (created) return `${changes.length} item(s)`;
  const by = (c: ChecklistChange['change']) => changes.filter((x) => x.change === c).map((x) => x.id);
  const parts: string[] = [];
  for (const [kind, label] of [
    ['added', 'added'],
    ['recheck', 're-check'],
    ['obsolete', 'obsolete'],
  ] as const) {
    const list = by(kind);
    if (list.length) parts.push(`${label}: ${list.join(', ')}`);
  }
  parts.push(`${by('kept').length} kept`);
  return parts.join('; ');
}

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
