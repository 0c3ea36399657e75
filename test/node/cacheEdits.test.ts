import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPaths, type ModelStore, type PeakendConfig } from '../../src/core';
import { CACHE_DIR, diskStore } from '../../src/node/diskStore';
import { nodeHost } from '../../src/node/nodeHost';
import { journey, PERSONAS, STANDARDS, TOUCHPOINTS } from '../helpers/workspaces';

// `peakend check` after edits, adds, deletes and renames between cached runs reports exactly what a
// run without the cache reports, whatever the cache holds: the state of the last run (taken file by
// file), model records, or damaged and foreign records.

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const repo = join(__dirname, '..', '..');
const example = (name: string) => readFileSync(join(repo, 'examples/property-management', name), 'utf8');
const exampleFiles = (() => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.yaml') && e !== 'peakend.yaml') out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(repo, 'examples/property-management'));
  return out;
})();

const STEP = (tp: string, persona = 'owner') => `      - { id: a, title: 来电, touchpoints: [${tp}], emotions: { ${persona}: 1, tenant: 2 } }\n`;

const TEXTS = [
  ...exampleFiles,
  PERSONAS,
  TOUCHPOINTS,
  STANDARDS,
  journey(STEP('service-hotline')),
  journey(STEP('service-hotlin')),
  journey(STEP('service-center', 'renter')),
  journey(STEP('hotline-new'), 'personas: [owner, renter]\n'),
  // Two journeys sharing an ID: their stages and steps collide too.
  journey(STEP('service-hotline')).replace('id: j', 'id: k'),
  TOUCHPOINTS.replace('id: inventory', 'id: inventory-2').replace(/service-hotline/g, 'hotline-new'),
  STANDARDS.replace(/answer-within-3-rings/g, 'Answer-Within-3-Rings'),
  PERSONAS.replace(/owner/g, 'Owner'),
  'peakend: 1\nkind: journey\nid: [broken\n',
];

const NAMES = ['a.journey.yaml', 'b.journey.yaml', 'sub/c.journey.yaml', 'p.touchpoints.yaml', 'q.touchpoints.yaml', 's.standards.yaml', 'people.personas.yaml', 'more.personas.yaml'];
const WORDS = ['service-hotline', 'service-center', 'owner', 'tenant', 'answer-within-3-rings', 'Owner', 'hotline-new', 'j', 'k', 'phone', 'store', 'hotline', '客服热线'];

type Op =
  | { type: 'set'; name: number; text: number; from: number; to: number; all: boolean }
  | { type: 'delete'; name: number }
  | { type: 'rename'; from: number; to: number }
  | { type: 'damage'; how: 'truncate' | 'flip' | 'delete' | 'empty'; record: 'state' | 'run' | 'model' }
  | { type: 'check' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('set' as const),
      name: fc.nat(NAMES.length - 1),
      text: fc.nat(TEXTS.length - 1),
      from: fc.nat(WORDS.length - 1),
      to: fc.nat(WORDS.length - 1),
      all: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), name: fc.nat(NAMES.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('rename' as const), from: fc.nat(NAMES.length - 1), to: fc.nat(NAMES.length - 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('damage' as const),
      how: fc.constantFrom('truncate' as const, 'flip' as const, 'delete' as const, 'empty' as const),
      record: fc.constantFrom('state' as const, 'run' as const, 'model' as const),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ type: 'check' as const }) },
);

const cached = (dir: string) => checkPaths(nodeHost, [dir], { positions: 'later' }, (c: PeakendConfig): ModelStore => diskStore(c, 'test')).then((r) => JSON.stringify(r.findings));
const uncached = (dir: string) => checkPaths(nodeHost, [dir], { positions: 'later' }).then((r) => JSON.stringify(r.findings));

function damage(dir: string, how: string, record: string): void {
  const folder = join(dir, CACHE_DIR);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(`.${record}`));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    const bytes = readFileSync(path);
    if (how === 'delete') rmSync(path);
    else if (how === 'empty') writeFileSync(path, '');
    else if (how === 'truncate') writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    else writeFileSync(path, Buffer.from(bytes.map((b, i) => (i === bytes.length >> 2 ? b ^ 1 : b))));
  }
}

describe('peakend check with its cache, between edits', () => {
  it('reports what a run without the cache reports after every edit, add, delete and rename', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 10 }), async (ops) => {
        const dir = mkdtempSync(join(tmpdir(), 'peakend-cache-edits-'));
        made.push(dir);
        writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\n');
        writeFileSync(join(dir, 'a.journey.yaml'), example('homeowner.journey.yaml'));
        writeFileSync(join(dir, 'p.touchpoints.yaml'), example('property.touchpoints.yaml'));
        writeFileSync(join(dir, 'people.personas.yaml'), example('owners.personas.yaml'));
        writeFileSync(join(dir, 's.standards.yaml'), example('complaints.standards.yaml'));
        expect(await cached(dir)).toBe(await uncached(dir));
        for (const o of ops) {
          if (o.type === 'set') {
            let text = TEXTS[o.text]!;
            const present = WORDS.filter((w) => text.includes(w));
            if (present.length) {
              const [from, to] = [present[o.from % present.length]!, WORDS[o.to]!];
              text = o.all ? text.split(from).join(to) : text.replace(from, to);
            }
            const path = join(dir, NAMES[o.name]!);
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, text);
          } else if (o.type === 'delete') rmSync(join(dir, NAMES[o.name]!), { force: true });
          else if (o.type === 'rename') {
            const [from, to] = [join(dir, NAMES[o.from]!), join(dir, NAMES[o.to]!)];
            try {
              mkdirSync(dirname(to), { recursive: true });
              renameSync(from, to);
            } catch {
              // Nothing to rename.
            }
          } else if (o.type === 'damage') damage(dir, o.how, o.record);
          else expect(await cached(dir)).toBe(await uncached(dir));
        }
        expect(await cached(dir)).toBe(await uncached(dir));
        // And once more over the same contents (the findings record).
        expect(await cached(dir)).toBe(await uncached(dir));
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
