import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendLog, readLog, writeLog } from '../../src/node/stateLog';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peakend-log-'));
  made.push(dir);
  return dir;
}

const F = 'fmt/1';
const K = 'key';
const read = (dir: string, key = K) => readLog(dir, 'x.state', F, key);
const texts = (dir: string) => read(dir)?.bodies.map((b) => b.toString('utf8'));

describe('the state log', () => {
  it('reads back a base and the segments appended after it, in order', () => {
    const dir = folder();
    expect(writeLog(dir, 'x.state', F, K, ['a\n', Buffer.from('中文\n')])).toBe(true);
    expect(texts(dir)).toEqual(['a\n中文\n']);
    expect(appendLog(dir, 'x.state', F, K, read(dir)!, ['b\n'])).toBe(true);
    expect(appendLog(dir, 'x.state', F, K, read(dir)!, ['c\n'])).toBe(true);
    const log = read(dir)!;
    expect(log.bodies.map(String)).toEqual(['a\n中文\n', 'b\n', 'c\n']);
    expect(log.whole).toBe(true);
    expect(log.identity.size).toBe(readFileSync(join(dir, 'x.state')).length);
  });

  it('does not append to a log that changed since it was read', () => {
    const dir = folder();
    writeLog(dir, 'x.state', F, K, ['a\n']);
    const first = read(dir)!;
    // Another run appended meanwhile: this run's segment would follow a state that is no longer the last.
    expect(appendLog(dir, 'x.state', F, K, read(dir)!, ['b\n'])).toBe(true);
    expect(appendLog(dir, 'x.state', F, K, first, ['c\n'])).toBe(false);
    // Another run rewrote it (a new file of the same length).
    const second = read(dir)!;
    writeLog(dir, 'x.state', F, K, ['z\n' + 'b'.repeat(second.identity.size - 3)]);
    expect(appendLog(dir, 'x.state', F, K, second, ['d\n'])).toBe(false);
    expect(texts(dir)).toEqual(['z\n' + 'b'.repeat(second.identity.size - 3)]);
  });

  it('stops at a segment that does not follow the one before, and says it did not read everything', () => {
    const dir = folder();
    writeLog(dir, 'x.state', F, K, ['a\n']);
    const base = read(dir)!;
    appendLog(dir, 'x.state', F, K, base, ['b\n']);
    // Two runs appending from the same state at once: the second segment follows the base, not the first.
    const raw = readFileSync(join(dir, 'x.state'));
    appendFileSync(join(dir, 'x.state'), raw.subarray(base.identity.size));
    const log = read(dir)!;
    expect(log.bodies.map(String)).toEqual(['a\n', 'b\n']);
    expect(log.whole).toBe(false);
  });

  it('keeps what precedes a torn or corrupt segment, and reads nothing of a damaged base', () => {
    const dir = folder();
    writeLog(dir, 'x.state', F, K, ['a\n']);
    const base = read(dir)!.identity.size;
    appendLog(dir, 'x.state', F, K, read(dir)!, ['bbbb\n']);
    const whole = readFileSync(join(dir, 'x.state'));
    truncateSync(join(dir, 'x.state'), whole.length - 2);
    expect(read(dir)).toMatchObject({ whole: false });
    expect(texts(dir)).toEqual(['a\n']);
    // One byte of the appended body changed: its checksum no longer matches.
    writeFileSync(join(dir, 'x.state'), Buffer.from(whole.map((b, i) => (i === whole.length - 3 ? b ^ 1 : b))));
    expect(texts(dir)).toEqual(['a\n']);
    // The base cut short, or another key's: nothing.
    writeFileSync(join(dir, 'x.state'), whole.subarray(0, base - 1));
    expect(read(dir)).toBeUndefined();
    writeFileSync(join(dir, 'x.state'), whole);
    expect(read(dir, 'other')).toBeUndefined();
    writeFileSync(join(dir, 'x.state'), '');
    expect(read(dir)).toBeUndefined();
    writeFileSync(join(dir, 'x.state'), `${'{'.repeat(5000)}\n`);
    expect(read(dir)).toBeUndefined();
  });

  it('a segment claiming to follow nothing after the base is not read', () => {
    const dir = folder();
    writeLog(dir, 'x.state', F, K, ['a\n']);
    const first = readFileSync(join(dir, 'x.state'));
    // A second base after the first: a segment that follows nothing.
    appendFileSync(join(dir, 'x.state'), first);
    expect(read(dir)).toMatchObject({ whole: false });
    expect(texts(dir)).toEqual(['a\n']);
  });
});
