import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, type FileModel } from '../../src/core';
import { WORKSPACE_RULES } from '../../src/core/rules/index';
import type { WorkspaceRule } from '../../src/core/rules/workspaceRule';
import { CrossFileFindings } from '../../src/core/workspace/crossFile';
import { WorkspaceIndex } from '../../src/core/workspace/index';

/**
 * Which files the workspace rules check again after a change: a last rule notes every file it is
 * asked about, so a test sees the rechecks themselves, not only the findings they give.
 */

const config = defaultConfig('/ws');
const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: O }\n';
const inventory = (appName: string) =>
  `peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n  - { id: web, name: W, phase: ph, channel: web-ch, type: digital }\n  - { id: app, name: ${appName}, phase: ph, channel: app-ch, type: digital }\n`;
const STANDARDS = 'peakend: 1\nkind: standards\nid: st\ntitle: S\nstandards:\n  - { id: fast, title: F, requirement: R, method: observation, expect: { type: pass-fail }, appliesTo: { channels: [web-ch] } }\n';
const journey = (id: string, title: string, tp: string) =>
  `peakend: 1\nkind: journey\nid: ${id}\ntitle: ${title}\npersonas: [owner]\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, touchpoints: [${tp}], emotions: { owner: 1 } }\n`;

function setup() {
  const read = (name: string, text: string) => analyzeFile(`/ws/${name}`, { text }, config);
  const models = [read('a.journey.yaml', journey('a', 'A', 'web')), read('b.journey.yaml', journey('b', 'B', 'app')), read('p.personas.yaml', PERSONAS), read('s.standards.yaml', STANDARDS), read('t.touchpoints.yaml', inventory('N'))];
  const index = new WorkspaceIndex(models);
  const checked: string[] = [];
  const spy: WorkspaceRule = { ...WORKSPACE_RULES[0]!, check: (file) => void checked.push(file.file.slice(4)) };
  const cross = new CrossFileFindings(index, [...WORKSPACE_RULES, spy]);
  const change = (name: string, text: string | undefined) => {
    const old = index.getFile(`/ws/${name}`);
    let now: FileModel | undefined;
    if (text === undefined) index.delete(`/ws/${name}`);
    else index.set((now = read(name, text)));
    cross.changed(`/ws/${name}`, old, now);
    checked.length = 0;
    const findings = cross.all().map((f) => `${f.file.slice(4)} ${f.ruleId}`);
    return { checked: [...checked].sort(), findings };
  };
  const first = cross.all().map((f) => `${f.file.slice(4)} ${f.ruleId}`);
  return { cross, checked, change, first, index, read };
}

describe('cross-file rechecks', () => {
  it('checks every file once at first', () => {
    const { cross, checked, first } = setup();
    expect(first).toEqual(['t.touchpoints.yaml uncovered-touchpoint']);
    expect(checked).toEqual(['a.journey.yaml', 'b.journey.yaml', 'p.personas.yaml', 's.standards.yaml', 't.touchpoints.yaml']);
    // Nothing changed: nothing is checked again.
    checked.length = 0;
    cross.all();
    expect(checked).toEqual([]);
  });

  it('checks again only the changed file when what others read of it stays the same', () => {
    const { change } = setup();
    expect(change('b.journey.yaml', journey('b', 'B2', 'app')).checked).toEqual(['b.journey.yaml']);
    // The same text read again: still only the file itself.
    expect(change('p.personas.yaml', PERSONAS).checked).toEqual(['p.personas.yaml']);
    // Moved down a line: where the persona is changes, not what it says.
    expect(change('p.personas.yaml', '# people\n' + PERSONAS).checked).toEqual(['p.personas.yaml']);
    expect(change('t.touchpoints.yaml', '# places\n' + inventory('N')).checked).toEqual(['t.touchpoints.yaml']);
    expect(change('s.standards.yaml', '# rules\n' + STANDARDS).checked).toEqual(['s.standards.yaml']);
  });

  it('checks again the files that looked up a changed touchpoint, persona or standard', () => {
    const { change } = setup();
    // The app touchpoint is read by the journey b (by ID) and by its own file (is it covered?).
    expect(change('t.touchpoints.yaml', inventory('N2')).checked).toEqual(['b.journey.yaml', 't.touchpoints.yaml']);
    // Both journeys look their persona up.
    expect(change('p.personas.yaml', PERSONAS.replace('name: O', 'name: Q')).checked).toEqual(['a.journey.yaml', 'b.journey.yaml', 'p.personas.yaml']);
    // The standard selects the channel web-ch: the inventory asked whether its touchpoints are covered.
    const { checked, findings } = change('s.standards.yaml', STANDARDS.replace('web-ch', 'app-ch'));
    expect(checked).toEqual(['s.standards.yaml', 't.touchpoints.yaml']);
    expect(findings).toEqual(['t.touchpoints.yaml uncovered-touchpoint']);
  });

  it('checks again, when a file goes, every file that read from it, and forgets the file', () => {
    const { change, cross } = setup();
    const gone = change('t.touchpoints.yaml', undefined);
    expect(gone.checked).toEqual(['a.journey.yaml', 'b.journey.yaml', 's.standards.yaml']);
    expect(gone.findings).toEqual(['a.journey.yaml unknown-touchpoint', 'b.journey.yaml unknown-touchpoint', 's.standards.yaml unused-standard']);
    expect(cross.resultOf('/ws/t.touchpoints.yaml')).toBeUndefined();
    expect(cross.forFile('/ws/t.touchpoints.yaml')).toEqual([]);
    // Back again: the same files are checked, with the new one.
    const back = change('t.touchpoints.yaml', inventory('N'));
    expect(back.checked).toEqual(['a.journey.yaml', 'b.journey.yaml', 's.standards.yaml', 't.touchpoints.yaml']);
    expect(back.findings).toEqual(['t.touchpoints.yaml uncovered-touchpoint']);
  });

  it('stops checking a file for a key it no longer reads', () => {
    const { change } = setup();
    // The journey b now names web instead of app: a later change of app concerns it no more.
    expect(change('b.journey.yaml', journey('b', 'B', 'web')).checked).toEqual(['b.journey.yaml']);
    expect(change('t.touchpoints.yaml', inventory('N2')).checked).toEqual(['t.touchpoints.yaml']);
    // Both journeys read web, then a moves to app: a change of web reaches b (and the standard, which
    // selects web's channel), a change of app reaches a.
    expect(change('a.journey.yaml', journey('a', 'A', 'app')).checked).toEqual(['a.journey.yaml']);
    expect(change('t.touchpoints.yaml', inventory('N2').replace('name: W', 'name: W2')).checked).toEqual(['b.journey.yaml', 's.standards.yaml', 't.touchpoints.yaml']);
    expect(change('t.touchpoints.yaml', inventory('N3').replace('name: W', 'name: W2')).checked).toEqual(['a.journey.yaml', 't.touchpoints.yaml']);
  });
});

describe('cross-file findings asked for one file', () => {
  it('are worked out again before they are given', () => {
    const { cross, index, read } = setup();
    const old = index.getFile('/ws/a.journey.yaml');
    index.set(read('a.journey.yaml', journey('a', 'A', 'webb')));
    cross.changed('/ws/a.journey.yaml', old, index.getFile('/ws/a.journey.yaml'));
    expect(cross.resultOf('/ws/a.journey.yaml')!.findings.map((f) => f.ruleId)).toEqual(['unknown-touchpoint']);
    expect(cross.resultOf('/ws/a.journey.yaml')!.reads).toContain('T:webb');
    index.set(read('a.journey.yaml', journey('a', 'A', 'web')));
    cross.changed('/ws/a.journey.yaml', index.getFile('/ws/a.journey.yaml'), index.getFile('/ws/a.journey.yaml'));
    expect(cross.forFile('/ws/a.journey.yaml')).toEqual([]);
  });
});

describe('cross-file rechecks of the lists of IDs', () => {
  it('checks again a file with an unknown ID when an ID of that kind is added anywhere', () => {
    const { change } = setup();
    // The journey a names "webb": unknown, with a suggestion from every touchpoint ID (T*).
    const typo = change('a.journey.yaml', journey('a', 'A', 'webb'));
    expect(typo.checked).toEqual(['a.journey.yaml']);
    expect(typo.findings).toEqual(['a.journey.yaml unknown-touchpoint', 't.touchpoints.yaml uncovered-touchpoint']);
    // A touchpoint added to the inventory changes the list of touchpoint IDs (and its channel is selected by no standard).
    const added = change('t.touchpoints.yaml', inventory('N') + '  - { id: kiosk, name: K, phase: ph, channel: kiosk-ch, type: digital }\n');
    expect(added.checked).toEqual(['a.journey.yaml', 't.touchpoints.yaml']);
    // A persona added changes the list of persona IDs only: nobody looked one up in vain.
    expect(change('p.personas.yaml', PERSONAS + '  - { id: guest, name: G }\n').checked).toEqual(['p.personas.yaml']);
    // A new inventory without a touchpoint ID yet may take the new touchpoint: the journey asked for one.
    expect(change('e.touchpoints.yaml', 'peakend: 1\nkind: touchpoints\nid: e\ntitle: E\ntouchpoints:\n  - name: x\n').checked).toEqual(['a.journey.yaml', 'e.touchpoints.yaml']);
  });

  it('checks again a file with an unknown persona or standard when that kind of list changes', () => {
    const { change } = setup();
    const unknown = change('b.journey.yaml', journey('b', 'B', 'app').replace('personas: [owner]', 'personas: [ownr]').replace('{ owner: 1 }', '{ ownr: 1 }'));
    expect(unknown.findings).toEqual(['b.journey.yaml unknown-persona', 't.touchpoints.yaml uncovered-touchpoint']);
    expect(change('p.personas.yaml', PERSONAS + '  - { id: guest, name: G }\n').checked).toEqual(['b.journey.yaml', 'p.personas.yaml']);
    expect(change('e.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - name: x\n').checked).toEqual(['b.journey.yaml', 'e.personas.yaml']);
    // A touchpoint list change is not a persona list change.
    expect(change('t.touchpoints.yaml', inventory('N') + '  - { id: kiosk, name: K, phase: ph, channel: kiosk-ch, type: digital }\n').checked).toEqual(['t.touchpoints.yaml']);
    const std = change('t.touchpoints.yaml', inventory('N').replace('channel: web-ch, type: digital }', 'channel: web-ch, type: digital, standards: [fats] }'));
    expect(std.findings).toContain('t.touchpoints.yaml unknown-standard');
    expect(change('s.standards.yaml', STANDARDS + '  - { id: slow, title: F, requirement: R, method: observation, expect: { type: pass-fail } }\n').checked).toEqual(['s.standards.yaml', 't.touchpoints.yaml']);
  });
});
