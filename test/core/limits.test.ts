import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, LineIndex, readInput, type Finding } from '../../src/core';
import { MAX_ALIAS_COUNT } from '../../src/core/yaml/parseYaml';
import { parsePointer } from '../../src/core/yaml/nodes';
import { scanSuppressions } from '../../src/core/text/suppressions';
import { describeFinding } from '../helpers/expectations';
import { check, memoryHost } from '../helpers/memory';

const config = defaultConfig('/ws');
const analyze = (file: string, text: string, c = config) => analyzeFile(`/ws/${file}`, { text }, c).findings;
const described = (findings: readonly Finding[]) => findings.map(describeFinding);

describe('the alias limit', () => {
  /** A personas file whose `x` list repeats one anchored scalar `n` times. */
  const aliases = (n: number) => `peakend: 1\nkind: personas\npersonas: []\na: &v 1\nx: [${Array(n).fill('*v').join(', ')}]\n`;

  it('is 1000 expanded nodes: 999 aliases of one value are read, 1000 are refused at the first alias', () => {
    expect(MAX_ALIAS_COUNT).toBe(1000);
    // The anchored value itself counts once: 999 aliases make 1000 nodes.
    expect(analyze('p.personas.yaml', aliases(999)).map((f) => f.ruleId)).not.toContain('yaml-alias-limit');
    const over = analyze('p.personas.yaml', aliases(1000));
    expect(described(over)).toEqual(['yaml-alias-limit 5:5-5:7']);
    expect(over[0]!.message).toBe('Aliases here expand to more than 1000 nodes. Write the values out instead of nesting aliases.');
    expect(over[0]!.severity).toBe('error');
  });
});

describe('the size limit', () => {
  const small = { ...config, maxFileBytes: 1024 };
  const sized = (bytes: number) => `# ${'x'.repeat(bytes - 3)}\n`;

  it('reads a file of exactly maxFileBytes and refuses one byte more, counting UTF-8 bytes', () => {
    expect(sized(1024)).toHaveLength(1024);
    expect(described(analyze('a.journey.yaml', sized(1024), small))).toEqual(['file-empty 1:1-1:1']);
    const over = analyze('a.journey.yaml', sized(1025), small);
    expect(described(over)).toEqual(['file-too-large 1:1-1:1']);
    expect(over[0]!.message).toBe('The file is 1025 bytes; files over 1024 bytes are not read (limits.maxFileBytes in peakend.yaml).');
    // 341 Chinese characters are 1023 bytes in UTF-8; an emoji is 4 (two UTF-16 units).
    const cjk = `#${'旅'.repeat(341)}`;
    expect(described(analyze('a.journey.yaml', cjk, small))).toEqual(['file-empty 1:1-1:1']);
    expect(analyze('a.journey.yaml', cjk + 'x', small)[0]!.args).toEqual({ size: 1025, limit: 1024 });
    expect(analyze('a.journey.yaml', `#${'旅'.repeat(340)}😀`, small)[0]!.args).toEqual({ size: 1025, limit: 1024 });
    expect(analyze('a.journey.yaml', `#${'é'.repeat(511)}x`, small)[0]!.ruleId).toBe('file-empty');
    expect(analyze('a.journey.yaml', `#${'é'.repeat(512)}`, small)[0]!.args).toEqual({ size: 1025, limit: 1024 });
  });

  it('judges bytes on disk alike, and does not read a file whose size is over the limit', async () => {
    const at = new TextEncoder().encode(sized(1024));
    expect(described(analyzeFile('/ws/a.journey.yaml', { bytes: at }, small).findings)).toEqual(['file-empty 1:1-1:1']);
    const host = memoryHost({ '/ws/at.journey.yaml': sized(1024), '/ws/over.journey.yaml': sized(1025) });
    expect(await readInput(host, '/ws/at.journey.yaml', 1024)).toEqual({ bytes: at });
    expect(await readInput(host, '/ws/over.journey.yaml', 1024)).toEqual({ size: 1025 });
    expect(await readInput(host, '/ws/missing.journey.yaml', 1024)).toEqual({ size: 0, error: 'ENOENT: /ws/missing.journey.yaml' });
  });

  it('reports a read error as the file being unreadable, with the reason', async () => {
    const host = { ...memoryHost({}), stat: async () => ({ type: 'file' as const, size: 10 }), readFile: async () => Promise.reject(new Error('EACCES: permission denied')) };
    const input = await readInput(host, '/ws/a.journey.yaml', 1024);
    expect(input).toEqual({ size: 0, error: 'EACCES: permission denied' });
    const [f] = analyzeFile('/ws/a.journey.yaml', input, config).findings;
    expect(f).toMatchObject({ ruleId: 'file-unreadable', severity: 'error', message: 'The file cannot be read: EACCES: permission denied' });
    expect(await readInput({ ...host, readFile: async () => Promise.reject('plain') }, '/ws/a', 1024)).toEqual({ size: 0, error: 'plain' });
  });
});

describe('JSON pointers from schema errors', () => {
  it('decode ~1 to "/" and ~0 to "~", in that order', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/c~0d/~01/0')).toEqual(['a/b', 'c~d', '~1', '0']);
  });

  it('so a finding under a key holding "/" or "~" points at its value', () => {
    const text = 'peakend: 1\nkind: config\nrules:\n  a/b: fatal\n  c~d: loud\n';
    const schema = analyze('peakend.yaml', text).filter((f) => f.ruleId === 'schema');
    // The keys break the rule-ID pattern (reported on the keys); the values are no severity (on the values).
    expect(described(schema)).toEqual(['schema 4:3-4:6', 'schema 5:3-5:6', 'schema 4:8-4:13', 'schema 5:8-5:12']);
    expect(schema.slice(2).map((f) => f.message)).toEqual([
      '"fatal" is not allowed here. Use one of: error, warning, info, off.',
      '"loud" is not allowed here. Use one of: error, warning, info, off.',
    ]);
  });
});

describe('ranges', () => {
  it('end at the last character of a block value, not at the blank lines and comments after it', () => {
    const text = 'peakend: 1\nkind: personas\npersonas: |\n  a\n  b   \n\n# end\n\n';
    expect(described(analyze('p.personas.yaml', text))).toEqual(['schema 3:11-5:4']);
    const list = 'peakend: 1\nkind: journey\nid: j\ntitle: t\npersonas: [p]\nstages:\n  - id: s\n    title: t\n    steps: 1   \n\n';
    expect(described(analyze('j.journey.yaml', list))).toEqual(['schema 9:12-9:13']);
  });

  it('of a block mapping end at its last value, and "required" points at the parent key', () => {
    const text = 'peakend: 1\nkind: personas\npersonas:\n  - id: a\n    description: x   \n  # trailing comment\n\n';
    expect(described(analyze('p.personas.yaml', text))).toEqual(['schema 4:5-5:19']);
    expect(analyze('p.personas.yaml', text)[0]!.message).toBe('Missing property "name".');
  });

  it('never reach past a line: an offset between "\\r" and "\\n" is the end of its line', () => {
    const idx = new LineIndex('ab\r\ncd');
    expect(idx.position(2)).toEqual({ line: 0, character: 2 });
    expect(idx.position(3)).toEqual({ line: 0, character: 2 });
    expect(idx.position(4)).toEqual({ line: 1, character: 0 });
    expect(idx.position(99)).toEqual({ line: 1, character: 2 });
    expect(idx.position(-5)).toEqual({ line: 0, character: 0 });
    expect(idx.range(4, 2)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    expect(idx.offset({ line: 9, character: 1 })).toBe(5);
    expect(idx.lineStart(1)).toBe(4);
    expect(idx.lineText(0)).toBe('ab');
  });

  it('found by the property test: a syntax error at the end of a CRLF line stays on that line', () => {
    const text = readFileSync(resolve(__dirname, '../fixtures/property/crlf-error-at-line-end.journey.yaml'), 'utf8');
    const findings = analyze('a.journey.yaml', text);
    expect(described(findings)).toEqual(['yaml-syntax 5:6-5:6', 'yaml-syntax 6:2-6:5']);
    for (const f of findings) expect(f.range.end.character).toBeLessThanOrEqual(new LineIndex(text).lineText(f.range.end.line).length);
  });
});

describe('disable comments', () => {
  it('silence the next line only, for the rules they name (any case), or all rules', () => {
    const text = ['a', '# peakend-disable-next-line Schema, yaml-syntax -- reason here', 'b', '  #peakend-disable-next-line', 'c', '# peakend-disable-next-lines x', 'd'].join('\n');
    const map = scanSuppressions(text);
    expect([...map]).toEqual([
      [2, new Set(['schema', 'yaml-syntax'])],
      [4, new Set()],
    ]);
    expect(scanSuppressions('# peakend-disable-next-line --\nx')).toEqual(new Map([[1, new Set()]]));
    expect(scanSuppressions('x: 1 # peakend-disable-next-line\ny')).toEqual(new Map());
  });

  it('apply to the finding on the line below, not the directive\'s own line or the one after', async () => {
    const personas = (directiveAt: number) => {
      const lines = ['peakend: 1', 'kind: personas', 'personas:', '  - id: p', '    name: P', '', 'extra: 1'];
      lines.splice(directiveAt, 0, '# peakend-disable-next-line schema');
      return lines.join('\n') + '\n';
    };
    // The unknown property "extra" is reported on the last line: only a directive right above it silences it.
    expect(await check({ 'p.personas.yaml': personas(6) })).toEqual([]);
    expect((await check({ 'p.personas.yaml': personas(5) })).map(describeFinding)).toEqual(['schema 8:1-8:6']);
    expect((await check({ 'p.personas.yaml': personas(7) })).map(describeFinding)).toEqual(['schema 7:1-7:6']);
  });
});
