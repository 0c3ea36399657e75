import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portableSha256Hex, sha256Hex } from '../../src/core/checklist/hash';

describe.each([
  ['sha256Hex', sha256Hex],
  ['portableSha256Hex', portableSha256Hex],
])('%s', (_, sha256Hex) => {
  it('equals SHA-256 of the UTF-8 bytes across block and padding boundaries, CJK and astral characters included', () => {
    for (let n = 0; n <= 140; n++) {
      for (const ch of ['a', '中', '😀']) {
        const s = ch.repeat(n);
        expect(sha256Hex(s), `${n} × ${ch}`).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }
    }
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
