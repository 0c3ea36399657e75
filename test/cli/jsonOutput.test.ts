import { describe, expect, it } from 'vitest';
import { writeJsonOfArrays } from '../../src/cli/jsonOutput';

describe('writeJsonOfArrays', () => {
  it('writes what JSON.stringify with two spaces writes', async () => {
    const cases: Record<string, unknown[]>[] = [
      { audits: [], findings: [] },
      { audits: [{ a: 1, b: [1, { c: '中\n"x"' }], d: undefined, e: {} }, { f: [] }], findings: ['s', 2, null] },
      { only: [[[]], [1, [2, [3]]]] },
      {},
    ];
    for (const c of cases) {
      let out = '';
      await writeJsonOfArrays({ write: (s) => void (out += s) }, c);
      expect(out).toBe(JSON.stringify(c, null, 2) + '\n');
    }
  });
});
