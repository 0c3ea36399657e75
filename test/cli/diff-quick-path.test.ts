/**
 * `peakend diff` both ways on real git repositories: every file read with positions, and the quick
 * path (valid files without positions, re-read only where the review points). Every output format,
 * in both languages, must be byte for byte the same.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { githubDiff, jsonDiff, markdownDiff, stylishDiff } from '../../src/cli/diff/formatters';
import { reviewRevisions, type Host, type Language } from '../../src/core';
import { GitRevisionHost } from '../../src/node/gitRevisionHost';
import { nodeHost } from '../../src/node/nodeHost';

const ROOT = resolve(__dirname, '../..');
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Repo {
  dir: string;
  git(...a: string[]): string;
  read(file: string): string;
  write(file: string, text: string): void;
  replace(file: string, from: string, to: string): void;
  /** Edits a YAML file through its document (formatting as `yaml` writes it). */
  yaml(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): void;
}

// The example journey draws these rules' findings, and a file with findings is always read with
// positions: with them off, the journey takes the quick path too.
const JUDGEMENTS = ['missing-persona-score', 'weak-ending', 'negative-moment-of-truth', 'persona-gap', 'unevidenced-extreme', 'unrecovered-trough', 'no-positive-peak'];

/**
 * An example workspace committed on `main`; the edits are made on the branch `change`. `quiet`
 * turns the judgement rules off in its peakend.yaml.
 */
function exampleRepo(example: string, quiet = false): Repo {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'peakend-diffq-')));
  temps.push(dir);
  cpSync(join(ROOT, 'examples', example), dir, { recursive: true });
  if (quiet) writeFileSync(join(dir, 'peakend.yaml'), readFileSync(join(dir, 'peakend.yaml'), 'utf8') + `rules:\n${JUDGEMENTS.map((id) => `  ${id}: off\n`).join('')}`);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  return {
    dir,
    git,
    read,
    write,
    replace(file, from, to) {
      const text = read(file);
      if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
      write(file, text.replace(from, to));
    },
    yaml(file, edit) {
      const doc = parseDocument(read(file));
      edit(doc);
      write(file, doc.toString());
    },
  };
}

const FORMATS = { stylish: stylishDiff, json: jsonDiff, md: markdownDiff, github: githubDiff };
const LANGS: Language[] = ['en', 'zh-cn'];

/** Every output of the diff from `base` to `head` (a revision, or null for the working tree), read one way. */
async function outputs(r: Repo, base: string, head: string | null, positions: 'now' | 'later') {
  const baseHost = GitRevisionHost.open(r.dir, base);
  const headGit = head === null ? undefined : GitRevisionHost.open(r.dir, head);
  const headHost: Host = headGit ?? nodeHost;
  try {
    const reviewed = await reviewRevisions({ host: baseHost, folder: r.dir }, { host: headHost, folder: r.dir }, { positions });
    const ctx = { cwd: r.dir, color: false, base: { rev: base, commit: baseHost.commit }, head: head === null ? { rev: 'working tree' } : { rev: head, commit: headGit!.commit } };
    const texts: Record<string, string> = {};
    for (const lang of LANGS) for (const [name, format] of Object.entries(FORMATS)) texts[`${name} ${lang}`] = format(reviewed.review, { ...ctx, lang });
    return { texts, reviewed };
  } finally {
    baseHost.close();
    headGit?.close();
  }
}

/** Both ways; the same text in every format and language. Returns the quick run's review. */
async function bothWays(r: Repo, base = 'main', head: string | null = 'HEAD') {
  const full = await outputs(r, base, head, 'now');
  const quick = await outputs(r, base, head, 'later');
  expect(quick.texts).toEqual(full.texts);
  expect(full.reviewed.withoutPositions).toBe(0);
  // Files nothing points into stay without positions (the review does not fall back to reading them all).
  expect(quick.reviewed.withoutPositions).toBeGreaterThan(0);
  return { review: quick.reviewed.review, withoutPositions: quick.reviewed.withoutPositions, json: JSON.parse(full.texts['json en']!) as { entities: { type: string; kind: string }[] } };
}

function commit(r: Repo, message: string): void {
  r.git('add', '-A');
  r.git('commit', '-qm', message);
}

const steps = (doc: ReturnType<typeof parseDocument>, stage: number) => doc.getIn(['stages', stage, 'steps']) as YAMLSeq;

describe('peakend diff: the quick path gives the same review as reading every file with positions', () => {
  it('a weaker ending and a loosened critical standard (Chinese workspace)', async () => {
    const r = exampleRepo('property-management');
    r.replace('homeowner.journey.yaml', 'emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: -4, upgrader: -3 }');
    r.replace('complaints.standards.yaml', 'threshold: 30 }', 'threshold: 60 }');
    commit(r, 'head');
    const { review, withoutPositions } = await bothWays(r);
    expect(review.changes.map((c) => c.checkId).sort()).toEqual([
      'checklist-changed',
      'emotion-changed',
      'emotion-changed',
      'peak-end-moment-changed',
      'peak-end-moment-changed',
      'peak-end-moment-changed',
      'peak-end-moment-changed',
      'peak-end-score-changed',
      'peak-end-score-changed',
      'standard-loosened',
    ]);
    // The two edited files and the head's inventory, which the checklist change points into, are
    // read with positions; the personas, the three other sets of standards and the base's
    // inventory (nothing points into it there) are not.
    expect(withoutPositions).toBe(5);
  });

  it('steps moved, added and removed, a stage reordered; Chinese titles and IDs', async () => {
    const r = exampleRepo('property-management', true);
    r.yaml('homeowner.journey.yaml', (doc) => {
      // Swap the first two steps of the first stage (a move within the stage).
      const buy = steps(doc, 0);
      const [a, b] = buy.items;
      buy.items[0] = b!;
      buy.items[1] = a!;
      // Move the last step of the second stage to the third stage.
      const handover = steps(doc, 1);
      const moved = handover.items.pop()!;
      steps(doc, 2).items.unshift(moved);
      // Remove a step, add one with a Chinese ID and title.
      steps(doc, 3).items.splice(1, 1);
      const added = doc.createNode({ id: '线上报修', title: '在公众号上报修，并收到预约时间', touchpoints: ['wechat-account'], channel: 'wechat', emotions: { 'first-time-buyer': 1, upgrader: -1 } });
      steps(doc, 3).items.push(added);
      // The last two stages change places.
      const stages = doc.get('stages') as YAMLSeq;
      const last = stages.items.pop()!;
      stages.items.splice(stages.items.length - 1, 0, last);
      doc.set('title', '业主旅程：从购房到续费（修订）');
    });
    commit(r, 'head');
    const { review, json } = await bothWays(r);
    const types = new Set(json.entities.map((e) => `${e.kind} ${e.type}`));
    for (const t of ['step moved', 'step added', 'step removed', 'stage moved', 'journey modified']) expect(types).toContain(t);
    expect(review.changes.length).toBeGreaterThan(0);
  });

  it('standards loosened, tightened and removed; a referenced touchpoint removed; a touchpoint renamed', async () => {
    const r = exampleRepo('property-management', true);
    r.replace('complaints.standards.yaml', 'comparator: "<=", threshold: 24 }', 'comparator: "<=", threshold: 12 }');
    r.yaml('complaints.standards.yaml', (doc) => {
      const list = doc.get('standards') as YAMLSeq;
      (list.items[0] as YAMLMap).set('critical', false);
    });
    r.yaml('service-center.standards.yaml', (doc) => {
      (doc.get('standards') as YAMLSeq).items.splice(0, 1);
    });
    r.yaml('property.touchpoints.yaml', (doc) => {
      const list = doc.get('touchpoints') as YAMLSeq;
      // Removed while the journey still names it, and another one renamed (its content kept).
      const removed = list.items.findIndex((t) => isMap(t) && t.get('id') === 'sales-reception');
      list.items.splice(removed, 1);
      const renamed = list.items.find((t) => isMap(t) && t.get('id') === 'ad-outdoor') as YAMLMap;
      renamed.set('id', 'ad-billboard');
    });
    commit(r, 'head');
    const { review, json } = await bothWays(r);
    const checks = new Set(review.changes.map((c) => c.checkId));
    for (const id of ['standard-loosened', 'standard-tightened', 'standard-removed', 'touchpoint-removed-referenced', 'checklist-changed']) expect(checks).toContain(id);
    expect(json.entities.some((e) => e.kind === 'touchpoint' && e.type === 'renamed')).toBe(true);
    // The removed touchpoint is still named by two steps: one at the change, the other as a related place.
    const removed = review.changes.find((c) => c.checkId === 'touchpoint-removed-referenced')!;
    expect([removed.args.count, removed.related?.map((x) => x.file.slice(r.dir.length + 1))]).toEqual([2, ['homeowner.journey.yaml']]);
  });

  it('files renamed (git mv), one with an edit and one as it was', async () => {
    const r = exampleRepo('property-management', true);
    r.git('mv', 'homeowner.journey.yaml', 'journeys-homeowner.journey.yaml');
    r.git('mv', 'marketing.standards.yaml', 'sales-and-marketing.standards.yaml');
    r.replace('journeys-homeowner.journey.yaml', 'emotions: { first-time-buyer: 1, upgrader: 0 }', 'emotions: { first-time-buyer: 2, upgrader: -1 }');
    commit(r, 'head');
    const { review } = await bothWays(r);
    expect(review.changes.filter((c) => c.checkId === 'emotion-changed').map((c) => c.args.step)).toEqual(['see-ad', 'see-ad']);
  });

  it('a file that does not parse on one side, and another that does not parse on the other', async () => {
    const r = exampleRepo('property-management', true);
    r.replace('marketing.standards.yaml', 'standards:', 'standards: [');
    commit(r, 'broken base');
    r.replace('marketing.standards.yaml', 'standards: [', 'standards:');
    r.replace('repair-staff.standards.yaml', 'standards:', 'standards: {');
    r.replace('homeowner.journey.yaml', 'emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: 1, upgrader: -2 }');
    commit(r, 'head');
    const { review } = await bothWays(r, 'HEAD~1', 'HEAD');
    expect(review.changes.filter((c) => c.checkId === 'file-unparsable').map((c) => `${c.side} ${c.file.slice(r.dir.length + 1)}`)).toEqual(['before marketing.standards.yaml', 'after repair-staff.standards.yaml']);
  });

  it('the working tree as the head, with a CJK persona name changed and a pain point added', async () => {
    const r = exampleRepo('property-management', true);
    r.replace('owners.personas.yaml', '首次置业业主', '首次置业的年轻业主');
    r.yaml('homeowner.journey.yaml', (doc) => {
      const step = steps(doc, 0).items[0] as YAMLMap;
      step.set('painPoints', ['广告里的交付标准和样板间不一致']);
      const e = step.get('emotions') as YAMLMap;
      e.set('upgrader', -2);
    });
    const { review } = await bothWays(r, 'main', null);
    expect(review.changes.map((c) => c.checkId)).toContain('pain-points-changed');
  });

  it('a journey ID defined twice: places in either copy come out the same', async () => {
    const r = exampleRepo('property-management', true);
    r.write('a-copy.journey.yaml', r.read('homeowner.journey.yaml').replace('emotions: { first-time-buyer: -2, upgrader: -2 }', 'emotions: { first-time-buyer: -3, upgrader: -2 }'));
    commit(r, 'copy');
    r.replace('homeowner.journey.yaml', 'emotions: { first-time-buyer: 1, upgrader: 0 }', 'emotions: { first-time-buyer: 2, upgrader: 0 }');
    r.replace('a-copy.journey.yaml', 'emotions: { first-time-buyer: 4, upgrader: 2 }', 'emotions: { first-time-buyer: 3, upgrader: 2 }');
    commit(r, 'head');
    await bothWays(r, 'HEAD~1', 'HEAD');
  });

  it('the English workspace: a step renamed, scores and a standard changed, a file deleted', async () => {
    const r = exampleRepo('online-service');
    r.replace('support-chat.journey.yaml', 'id: bot-menu', 'id: bot-topic-menu');
    r.replace('support-chat.journey.yaml', 'emotions: { busy-professional: 2, first-time-user: 2 }', 'emotions: { busy-professional: -1, first-time-user: 1 }');
    const standards = r.read('online.standards.yaml');
    const m = /threshold: (\d+)/.exec(standards)!;
    r.write('online.standards.yaml', standards.replace(m[0], `threshold: ${Number(m[1]) * 2}`));
    unlinkSync(join(r.dir, 'customers.personas.yaml'));
    commit(r, 'head');
    const { review, json } = await bothWays(r);
    expect(json.entities.some((e) => e.kind === 'step' && e.type === 'renamed')).toBe(true);
    expect(json.entities.some((e) => e.kind === 'persona' && e.type === 'removed')).toBe(true);
    expect(review.changes.length).toBeGreaterThan(0);
  });

  it('nothing changed: no file needs positions', async () => {
    const r = exampleRepo('online-service');
    r.git('commit', '-q', '--allow-empty', '-m', 'empty');
    const { review, withoutPositions } = await bothWays(r, 'HEAD~1', 'HEAD');
    expect(review.changes).toEqual([]);
    // Every file but peakend.yaml (its model is read with positions when the config is loaded).
    expect(withoutPositions).toBe(4);
  });
});
