import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, WorkspaceIndex, type FileModel } from '../../src/core';
import { append } from '../../src/core/workspace/index';

/** The index kept file by file must answer as one built afresh; each answer below is worked out by hand. */

const config = defaultConfig('/ws');
const model = (name: string, text: string): FileModel => analyzeFile(`/ws/${name}`, { text }, config);
const personas = (name: string, ...ids: string[]) =>
  model(name, `peakend: 1\nkind: personas\npersonas:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}\n`).join('')}`);
const touchpoints = (name: string, ...ids: string[]) =>
  model(name, `peakend: 1\nkind: touchpoints\nid: inv-${name.split('.')[0]}\ntitle: T\ntouchpoints:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}\n    phase: ph\n    channel: web\n    type: digital\n`).join('')}`);
const names = (list: readonly FileModel[]) => list.map((f) => f.file.slice(4));
const defIds = (list: readonly { id: string; file: string }[] | undefined) => list?.map((d) => `${d.file.slice(4)}#${d.id}`);

describe('WorkspaceIndex', () => {
  it('lists files by path, and puts a replaced model in its place', () => {
    const order = ['e', 'c', 'a', 'd', 'b'];
    const index = new WorkspaceIndex(order.map((n) => personas(`${n}.personas.yaml`, `p-${n}`)));
    expect(names(index.files)).toEqual(['a.personas.yaml', 'b.personas.yaml', 'c.personas.yaml', 'd.personas.yaml', 'e.personas.yaml']);
    for (const [i, n] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      const next = personas(`${n}.personas.yaml`, `q-${n}`);
      index.set(next);
      expect(index.files[i], n).toBe(next);
      expect(index.files).toHaveLength(5);
      expect(index.getFile(`/ws/${n}.personas.yaml`)).toBe(next);
    }
    expect([...index.personas.keys()]).toEqual(['q-a', 'q-b', 'q-c', 'q-d', 'q-e']);
    // A new file while the sorted list is kept: it joins the list in order.
    index.set(personas('bb.personas.yaml', 'p-bb'));
    expect(names(index.files)).toEqual(['a.personas.yaml', 'b.personas.yaml', 'bb.personas.yaml', 'c.personas.yaml', 'd.personas.yaml', 'e.personas.yaml']);
    expect(index.delete('/ws/c.personas.yaml')).toBe(true);
    expect(index.delete('/ws/c.personas.yaml')).toBe(false);
    expect(index.getFile('/ws/c.personas.yaml')).toBeUndefined();
    expect(names(index.files)).toEqual(['a.personas.yaml', 'b.personas.yaml', 'bb.personas.yaml', 'd.personas.yaml', 'e.personas.yaml']);
    expect([...index.personas.keys()]).toEqual(['q-a', 'q-b', 'p-bb', 'q-d', 'q-e']);
  });

  it('gets a new stamp with every change, and rebuilds the maps of entities only for files that define some', () => {
    const index = new WorkspaceIndex([personas('p.personas.yaml', 'owner'), touchpoints('t.touchpoints.yaml', 'web')]);
    const stamps = [index.stamp];
    const tps = index.touchpoints;
    const journey = model('j.journey.yaml', 'peakend: 1\nkind: journey\nid: j\ntitle: J\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, touchpoints: [web] }\n');
    index.set(journey);
    stamps.push(index.stamp);
    // A journey defines no touchpoint, standard or persona: the maps stay as they were.
    expect(index.touchpoints).toBe(tps);
    expect(index.refs.map((r) => `${r.kind}:${r.id}`)).toEqual(['touchpoint:web']);
    index.set(touchpoints('u.touchpoints.yaml', 'app'));
    stamps.push(index.stamp);
    expect(index.touchpoints).not.toBe(tps);
    expect([...index.touchpoints.keys()]).toEqual(['web', 'app']);
    expect(index.delete('/ws/u.touchpoints.yaml')).toBe(true);
    stamps.push(index.stamp);
    expect([...index.touchpoints.keys()]).toEqual(['web']);
    index.delete('/ws/p.personas.yaml');
    stamps.push(index.stamp);
    expect(index.personas.size).toBe(0);
    expect(new Set(stamps).size).toBe(5);
    // The flat lists follow every change too.
    expect(index.defs.map((d) => d.id)).toEqual(['j', 's', 'a', 'inv-t', 'web']);
    index.delete('/ws/j.journey.yaml');
    expect(index.defs.map((d) => d.id)).toEqual(['inv-t', 'web']);
    expect(index.refs).toEqual([]);
    // A standards file added after the maps were built is in them.
    expect(index.standards.size).toBe(0);
    index.set(model('s.standards.yaml', 'peakend: 1\nkind: standards\nid: st\ntitle: S\nstandards:\n  - { id: fast, title: F, requirement: R, method: observation }\n'));
    expect([...index.standards.keys()]).toEqual(['fast']);
    expect(index.definitionsOf('standard', 'fast').map((d) => d.file)).toEqual(['/ws/s.standards.yaml']);
    index.delete('/ws/s.standards.yaml');
    expect(index.standards.size).toBe(0);
  });

  it('takes an inventory without entries as the place for new touchpoints once it is added', () => {
    const index = new WorkspaceIndex([personas('p.personas.yaml', 'owner')]);
    expect(index.fileFor('touchpoints')).toBeUndefined();
    expect(index.fileFor('personas')!.file).toBe('/ws/p.personas.yaml');
    // Its one entry has no ID: no touchpoint, but a list to add to.
    const empty = model('t.touchpoints.yaml', 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n  - name: x\n');
    expect(empty.touchpoints).toEqual([]);
    expect(empty.listEnd?.position).toEqual({ line: 5, character: 11 });
    index.set(empty);
    expect(index.fileFor('touchpoints')!.file).toBe('/ws/t.touchpoints.yaml');
    // The same for personas, once the only persona file is replaced by one without valid entries.
    index.set(model('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - name: x\n'));
    expect(index.personas.size).toBe(0);
    expect(index.fileFor('personas')!.file).toBe('/ws/p.personas.yaml');
    index.set(personas('p.personas.yaml', 'owner'));
    const block = touchpoints('s.touchpoints.yaml', 'web');
    index.set(block);
    // The first by path that can take an entry; near a given touchpoint, its own inventory.
    const second = touchpoints('z.touchpoints.yaml', 'app');
    index.set(second);
    expect(index.fileFor('touchpoints')!.file).toBe('/ws/s.touchpoints.yaml');
    expect(index.fileFor('touchpoints', 'app')!.file).toBe('/ws/z.touchpoints.yaml');
    expect(index.fileFor('touchpoints', 'web')!.file).toBe('/ws/s.touchpoints.yaml');
    expect(index.fileFor('touchpoints', 'nowhere')!.file).toBe('/ws/s.touchpoints.yaml');
    // A persona file is never the place for a touchpoint, nor the reverse.
    index.delete('/ws/p.personas.yaml');
    expect(index.fileFor('personas')).toBeUndefined();
    expect(index.fileFor('personas', 'app')).toBeUndefined();
  });

  it('finds the definitions and references of one kind and ID', () => {
    const index = new WorkspaceIndex([
      personas('p.personas.yaml', 'web'),
      touchpoints('t.touchpoints.yaml', 'web', 'app'),
      model('j.journey.yaml', 'peakend: 1\nkind: journey\nid: j\ntitle: J\npersonas: [web]\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, title: A, touchpoints: [web, app], emotions: { web: 1 } }\n'),
    ]);
    expect(defIds(index.definitionsOf('touchpoint', 'web'))).toEqual(['t.touchpoints.yaml#web']);
    expect(defIds(index.definitionsOf('persona', 'web'))).toEqual(['p.personas.yaml#web']);
    expect(index.definitionsOf('standard', 'web')).toEqual([]);
    expect(index.referencesTo('touchpoint', 'web').map((r) => `${r.range.start.line}:${r.range.start.character}`)).toEqual(['9:41']);
    expect(index.referencesTo('persona', 'web').map((r) => r.role ?? 'list')).toEqual(['list', 'score']);
    expect(index.referencesTo('touchpoint', 'app')).toHaveLength(1);
    expect(index.referencesTo('standard', 'web')).toEqual([]);
    expect(index.defs.map((d) => `${d.kind}:${d.id}`)).toEqual(['journey:j', 'stage:s', 'step:a', 'persona:web', 'inventory:inv-t', 'touchpoint:web', 'touchpoint:app']);
    expect([...index.knownIds('touchpoint').byId.keys()]).toEqual(['web', 'app']);
    expect([...index.knownIds('persona').byId.keys()]).toEqual(['web']);
    expect([...index.knownIds('standard').byId.keys()]).toEqual([]);
    expect(index.knownIds('touchpoint')).toBe(index.knownIds('touchpoint'));
  });

  it('groups duplicates by kind and ID regardless of letter case, files by path, repeated steps last', () => {
    const index = new WorkspaceIndex();
    index.set(personas('c.personas.yaml', 'Owner'));
    index.set(personas('a.personas.yaml', 'guest', 'owner'));
    const owner = index.personas.get('owner')![0]!.def;
    expect(defIds(index.duplicatesOf(owner))).toEqual(['a.personas.yaml#owner', 'c.personas.yaml#Owner']);
    expect(index.duplicatesOf(owner)).toBe(index.duplicatesOf(owner));
    expect(index.duplicatesOf(index.personas.get('guest')![0]!.def)).toBeUndefined();
    index.set(personas('b.personas.yaml', 'OWNER', 'owner'));
    expect(defIds(index.duplicatesOf(owner))).toEqual(['a.personas.yaml#owner', 'b.personas.yaml#OWNER', 'b.personas.yaml#owner', 'c.personas.yaml#Owner']);
    expect(index.filesOfGroup(`persona\u0000\u0000owner`)).toEqual(['/ws/a.personas.yaml', '/ws/b.personas.yaml', '/ws/b.personas.yaml', '/ws/c.personas.yaml']);
    index.delete('/ws/b.personas.yaml');
    expect(defIds(index.duplicatesOf(owner))).toEqual(['a.personas.yaml#owner', 'c.personas.yaml#Owner']);
    index.delete('/ws/c.personas.yaml');
    expect(index.duplicatesOf(owner)).toBeUndefined();
    expect(index.filesOfGroup(`persona\u0000\u0000owner`)).toEqual(['/ws/a.personas.yaml']);
    index.delete('/ws/a.personas.yaml');
    expect(index.filesOfGroup(`persona\u0000\u0000owner`)).toEqual([]);
    // Three copies in a file that sorts before the first one: they come first, in their own order.
    const late = new WorkspaceIndex([personas('c.personas.yaml', 'owner')]);
    late.set(personas('a.personas.yaml', 'Owner', 'OWNER', 'owner'));
    expect(defIds(late.duplicatesOf(late.personas.get('owner')![0]!.def))).toEqual(['a.personas.yaml#Owner', 'a.personas.yaml#OWNER', 'a.personas.yaml#owner', 'c.personas.yaml#owner']);
    // Both files' copies are listed under the ID.
    expect(late.personas.get('owner')!.map((p) => p.def.file.slice(4))).toEqual(['a.personas.yaml', 'c.personas.yaml']);
    // A touchpoint and a persona of the same ID do not collide.
    index.set(personas('p.personas.yaml', 'web'));
    index.set(touchpoints('t.touchpoints.yaml', 'web'));
    expect(index.duplicatesOf(index.personas.get('web')![0]!.def)).toBeUndefined();
  });

  it('puts steps an alias repeats after every other definition, and keeps steps of other journeys apart', () => {
    const repeating = model(
      'a.journey.yaml',
      'peakend: 1\nkind: journey\nid: j\ntitle: J\nstages:\n  - id: s1\n    title: S\n    steps: &s\n      - { id: x, title: X }\n  - id: s2\n    title: S\n    steps: *s\n',
    );
    expect(repeating.journey!.repeated.map((d) => d.id)).toEqual(['x']);
    const other = model('b.journey.yaml', 'peakend: 1\nkind: journey\nid: j\ntitle: J\nstages:\n  - id: t\n    title: T\n    steps:\n      - { id: x, title: X }\n');
    const elsewhere = model('c.journey.yaml', 'peakend: 1\nkind: journey\nid: k\ntitle: K\nstages:\n  - id: t\n    title: T\n    steps:\n      - { id: x, title: X }\n');
    const index = new WorkspaceIndex([repeating, other, elsewhere]);
    const x = repeating.journey!.stages[0]!.steps[0]!.def;
    const group = index.duplicatesOf(x)!;
    // The alias's copy (line 12) comes after b.journey.yaml's own step, though its file comes first.
    expect(group.map((d) => `${d.file.slice(4)}:${d.range.start.line}`)).toEqual(['a.journey.yaml:8', 'b.journey.yaml:8', 'a.journey.yaml:11']);
    expect(index.repeatedDefs.map((d) => d.id)).toEqual(['x']);
    // Journey k's step x is in another scope.
    expect(index.duplicatesOf(elsewhere.journey!.stages[0]!.steps[0]!.def)).toBeUndefined();
    // Added in the other order, the group is the same.
    const reversed = new WorkspaceIndex([elsewhere, other, repeating]);
    expect(reversed.duplicatesOf(x)!.map((d) => `${d.file.slice(4)}:${d.range.start.line}`)).toEqual(['a.journey.yaml:8', 'b.journey.yaml:8', 'a.journey.yaml:11']);
  });

  it('lists coverage and the standards in use, and appends long lists without spreading them', () => {
    const std = model(
      's.standards.yaml',
      'peakend: 1\nkind: standards\nid: st\ntitle: S\nstandards:\n  - id: fast\n    title: F\n    requirement: R\n    appliesTo: { channels: [web] }\n    method: observation\n  - id: idle\n    title: I\n    requirement: R\n    appliesTo: { channels: [fax] }\n    method: observation\n',
    );
    const index = new WorkspaceIndex([std, touchpoints('t.touchpoints.yaml', 'web')]);
    expect(index.allStandards().map((s) => s.def.id)).toEqual(['fast', 'idle']);
    expect([...index.usedStandards()].map((s) => s.def.id)).toEqual(['fast']);
    expect(index.usedStandards()).toBe(index.usedStandards());
    expect(index.coverage()).toBe(index.coverage());
    expect(index.coverage().standardsFor(index.allTouchpoints()[0]!).map((s) => s.def.id)).toEqual(['fast']);
    const to = [1];
    append(to, Array.from({ length: 200_000 }, (_, i) => i));
    expect(to.length).toBe(200_001);
    expect(to[200_000]).toBe(199_999);
  });
});
