import { describe, expect, it } from 'vitest';
import { defaultConfig, Workspace } from '../../src/core';
import { describeFinding } from '../helpers/expectations';

/**
 * Cross-file findings kept file by file: after each change below, the live workspace reports exactly
 * what one given the same files afresh reports, and what was worked out by hand.
 */

const config = defaultConfig('/ws');
const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: p, name: P }\n';
const inventory = (...ids: string[]) =>
  `peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n${ids.map((id) => `  - { id: ${id}, name: N, phase: ph, channel: ${id}-ch, type: digital }\n`).join('')}`;
const journey = (id: string, tps: string[]) =>
  `peakend: 1\nkind: journey\nid: ${id}\ntitle: J\npersonas: [p]\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, touchpoints: [${tps.join(', ')}], emotions: { p: 1 } }\n`;
const standards = (selector: string) =>
  `peakend: 1\nkind: standards\nid: st\ntitle: S\nstandards:\n  - { id: fast, title: F, requirement: R, method: observation, expect: { type: pass-fail }, appliesTo: ${selector} }\n`;

function check(files: Map<string, string>, live: Workspace, c = config): string[] {
  const fresh = new Workspace(c);
  for (const [file, text] of [...files].sort()) fresh.setFile(file, { text });
  const got = live.findings().map((f) => `${f.file.slice(4)} ${describeFinding(f)}`);
  expect(got).toEqual(fresh.findings().map((f) => `${f.file.slice(4)} ${describeFinding(f)}`));
  for (const file of files.keys()) expect(live.findingsFor(file)).toEqual(fresh.findingsFor(file));
  return got.map((s) => s.replace(/ \d+:\d+-\d+:\d+$/, ''));
}

describe('cross-file findings kept up to date', () => {
  it('rechecks every file that looked up an ID, however many did, and stops when none does', () => {
    // Only the lookups of touchpoints by ID matter here.
    const quiet = { ...config, rules: { ...config.rules, 'uncovered-touchpoint': 'off' as const } };
    const files = new Map<string, string>();
    const live = new Workspace(quiet);
    const set = (name: string, text: string) => {
      files.set(`/ws/${name}`, text);
      live.setFile(`/ws/${name}`, { text });
    };
    set('p.personas.yaml', PERSONAS);
    set('t.touchpoints.yaml', inventory('app'));
    set('a.journey.yaml', journey('a', ['web']));
    set('b.journey.yaml', journey('b', ['web']));
    set('c.journey.yaml', journey('c', ['web', 'app']));
    expect(check(files, live, live.config)).toEqual(['a.journey.yaml unknown-touchpoint', 'b.journey.yaml unknown-touchpoint', 'c.journey.yaml unknown-touchpoint']);
    set('t.touchpoints.yaml', inventory('app', 'web'));
    expect(check(files, live, live.config)).toEqual([]);
    set('b.journey.yaml', journey('b', ['app']));
    expect(check(files, live, live.config)).toEqual([]);
    set('t.touchpoints.yaml', inventory('app'));
    expect(check(files, live, live.config)).toEqual(['a.journey.yaml unknown-touchpoint', 'c.journey.yaml unknown-touchpoint']);
    set('a.journey.yaml', journey('a', ['app']));
    set('c.journey.yaml', journey('c', ['app']));
    expect(check(files, live, live.config)).toEqual([]);
    set('t.touchpoints.yaml', inventory('app', 'web'));
    expect(check(files, live, live.config)).toEqual([]);
    set('a.journey.yaml', journey('a', ['web']));
    set('t.touchpoints.yaml', inventory('app'));
    expect(check(files, live, live.config)).toEqual(['a.journey.yaml unknown-touchpoint']);
    // The inventory goes away: every journey looks its touchpoints up in vain.
    files.delete('/ws/t.touchpoints.yaml');
    live.deleteFile('/ws/t.touchpoints.yaml');
    expect(check(files, live, live.config)).toEqual(['a.journey.yaml unknown-touchpoint', 'b.journey.yaml unknown-touchpoint', 'c.journey.yaml unknown-touchpoint']);
  });

  it('rechecks standards and touchpoints when a channel, phase or named touchpoint changes on either side', () => {
    const files = new Map<string, string>();
    const live = new Workspace(config);
    const set = (name: string, text: string) => {
      files.set(`/ws/${name}`, text);
      live.setFile(`/ws/${name}`, { text });
    };
    set('t.touchpoints.yaml', inventory('web'));
    set('s.standards.yaml', standards('{ channels: [web-ch] }'));
    expect(check(files, live, live.config)).toEqual([]);
    set('t.touchpoints.yaml', inventory('app'));
    expect(check(files, live, live.config)).toEqual(['s.standards.yaml unused-standard', 't.touchpoints.yaml uncovered-touchpoint']);
    set('s.standards.yaml', standards('{ phases: [ph] }'));
    expect(check(files, live, live.config)).toEqual([]);
    set('t.touchpoints.yaml', inventory('app').replace('phase: ph', 'phase: other'));
    expect(check(files, live, live.config)).toEqual(['s.standards.yaml unused-standard', 't.touchpoints.yaml uncovered-touchpoint']);
    set('s.standards.yaml', standards('{ touchpoints: [app] }'));
    expect(check(files, live, live.config)).toEqual([]);
    set('t.touchpoints.yaml', inventory('web'));
    expect(check(files, live, live.config)).toEqual(['s.standards.yaml unused-standard', 's.standards.yaml unknown-touchpoint', 't.touchpoints.yaml uncovered-touchpoint']);
    set('s.standards.yaml', standards('{ tags: [t1] }'));
    expect(check(files, live, live.config)).toEqual(['s.standards.yaml unused-standard', 't.touchpoints.yaml uncovered-touchpoint']);
    set('t.touchpoints.yaml', inventory('web').replace('type: digital', 'type: digital, tags: [t1]'));
    expect(check(files, live, live.config)).toEqual([]);
  });

  it('rechecks every member of a duplicate group when one joins, moves or leaves it', () => {
    const files = new Map<string, string>();
    const live = new Workspace(config);
    const set = (name: string, text: string) => {
      files.set(`/ws/${name}`, text);
      live.setFile(`/ws/${name}`, { text });
    };
    const personas = (...ids: string[]) => `peakend: 1\nkind: personas\npersonas:\n${ids.map((id) => `  - { id: ${id}, name: N }\n`).join('')}`;
    set('a.personas.yaml', personas('owner'));
    set('b.personas.yaml', personas('guest'));
    expect(check(files, live)).toEqual([]);
    set('b.personas.yaml', personas('Owner'));
    expect(check(files, live)).toEqual(['a.personas.yaml duplicate-id', 'b.personas.yaml duplicate-id']);
    expect(live.findingsFor('/ws/a.personas.yaml')[0]!.related!.map((r) => r.range.start.line)).toEqual([3]);
    // Moved down a line: the other copy's related place moves with it.
    set('b.personas.yaml', personas('guest', 'Owner'));
    expect(check(files, live)).toEqual(['a.personas.yaml duplicate-id', 'b.personas.yaml duplicate-id']);
    expect(live.findingsFor('/ws/a.personas.yaml')[0]!.related!.map((r) => r.range.start.line)).toEqual([4]);
    files.delete('/ws/b.personas.yaml');
    live.deleteFile('/ws/b.personas.yaml');
    expect(check(files, live)).toEqual([]);
  });
});
