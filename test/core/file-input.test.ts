import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, type Finding } from '../../src/core';
import { journey, PERSONAS } from '../helpers/workspaces';

const FILE = '/ws/people.personas.yaml';
const config = defaultConfig('/ws');
const one = (findings: readonly Finding[]) => {
  expect(findings).toHaveLength(1);
  const f = findings[0]!;
  return [f.ruleId, f.severity, f.messageId, f.args, `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`, f.message];
};

describe('a file that cannot be analysed gets one finding at its start', () => {
  it('a folder, or something that is not a regular file', () => {
    expect(one(analyzeFile(FILE, { notFile: 'directory' }, config).findings)).toEqual([
      'file-unreadable', 'error', 'file.isFolder', {}, '0:0-0:0', 'This is a folder, not a file.',
    ]);
    expect(one(analyzeFile(FILE, { notFile: 'other' }, config).findings)[2]).toBe('file.notRegular');
  });

  it('a folder that cannot be listed, or a file that cannot be read', () => {
    expect(one(analyzeFile('/ws/maps', { folderError: 'EACCES' }, config).findings)).toEqual([
      'file-unreadable', 'error', 'folder.unreadable', { detail: 'EACCES' }, '0:0-0:0', 'The folder cannot be read, so the files in it are not checked: EACCES',
    ]);
    expect(one(analyzeFile(FILE, { size: 10, error: 'EIO' }, config).findings)).toEqual([
      'file-unreadable', 'error', 'file.unreadable', { detail: 'EIO' }, '0:0-0:0', 'The file cannot be read: EIO',
    ]);
  });

  it('a file known only by its size is one too large to read, whatever the size', () => {
    expect(one(analyzeFile(FILE, { size: 10 }, config).findings)).toEqual([
      'file-too-large', 'error', 'file.tooLarge', { size: 10, limit: 5242880 }, '0:0-0:0',
      'The file is 10 bytes; files over 5242880 bytes are not read (limits.maxFileBytes in peakend.yaml).',
    ]);
  });

  it('bytes over the limit are too large, at the limit they are read', () => {
    const bytes = new TextEncoder().encode(PERSONAS);
    expect(analyzeFile(FILE, { bytes }, { ...config, maxFileBytes: bytes.length }).findings).toEqual([]);
    expect(one(analyzeFile(FILE, { bytes }, { ...config, maxFileBytes: bytes.length - 1 }).findings)[3]).toEqual({ size: bytes.length, limit: bytes.length - 1 });
  });

  it('UTF-16 marks the first character; a BOM before UTF-8 or in an editor buffer is dropped', () => {
    expect(one(analyzeFile(FILE, { bytes: new Uint8Array([0xfe, 0xff, 0, 0x61]) }, config).findings)).toEqual([
      'file-encoding', 'error', 'file.utf16', {}, '0:0-0:1', 'The file is UTF-16 encoded. Save it as UTF-8.',
    ]);
    const withBom = analyzeFile(FILE, { bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(PERSONAS)]) }, config);
    expect(withBom.findings).toEqual([]);
    expect(withBom.lines.text).toBe(PERSONAS);
    const buffer = analyzeFile(FILE, { text: `\ufeff${PERSONAS}` }, config);
    expect(buffer.findings).toEqual([]);
    expect(buffer.lines.text).toBe(PERSONAS);
    expect(buffer.personas.map((p) => [p.def.id, p.def.range.start.line, p.def.range.start.character])).toEqual([
      ['owner', 3, 10],
      ['tenant', 4, 10],
    ]);
  });
});

describe('the size of an editor buffer', () => {
  /** The size the limit sees: every non-empty text is over a limit of 0. */
  const size = (text: string) => analyzeFile(FILE, { text }, { ...config, maxFileBytes: 0 }).findings[0]?.args.size;

  it('is counted in UTF-8 bytes, as the file would be saved', () => {
    expect(size('')).toBeUndefined();
    expect(size('\u007f')).toBe(1);
    expect(size('\u0080')).toBe(2);
    expect(size('\u07ff')).toBe(2);
    expect(size('\u0800')).toBe(3);
    expect(size('旅')).toBe(3);
    expect(size('\ud7ff')).toBe(3);
    expect(size('\ue000')).toBe(3);
    expect(size('\uffff')).toBe(3);
    expect(size('😀')).toBe(4);
    expect(size('\ud800\udc00')).toBe(4);
    expect(size('\udbff\udfff')).toBe(4);
    expect(size('a😀b旅')).toBe(9);
  });

  it('counts a lone surrogate as the three bytes of U+FFFD it is saved as', () => {
    for (const text of ['\ud800', '\udbff', '\udc00', '\udfff', '\ud800\ud800', '\udc00\udc00', '\udc00\ud800', '\ud800a', 'a\ud800', '\ud800\ud800\udc00']) {
      expect(size(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(size('\ud800\ud800')).toBe(6);
    expect(size('\ud800a')).toBe(4);
  });
});

describe('the quick path (positions later)', () => {
  const later = (text: string, c = config, keepValue = false) => analyzeFile(FILE, { text }, c, { positions: 'later', keepValue });

  it('keeps the data when asked to', () => {
    expect(later(PERSONAS).value).toBeNull();
    expect(later(PERSONAS, config, true).value).toEqual({ peakend: 1, kind: 'personas', personas: [{ id: 'owner', name: '业主' }, { id: 'tenant', name: '租户' }] });
    expect(later(PERSONAS, config, true).withoutPositions).toBe(true);
  });

  it('leaves a file with a disable comment, or with a finding of a rule that is on, to the full path', () => {
    const commented = later(`# peakend-disable-next-line schema\n${PERSONAS}`);
    expect(commented.withoutPositions).toBeUndefined();
    expect(commented.personas.map((p) => p.def.range.start.line)).toEqual([4, 5]);
    const extra = `${PERSONAS}extra: 1\n`;
    const full = later(extra);
    expect(full.withoutPositions).toBeUndefined();
    expect(full.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character])).toEqual([['schema', 5, 0]]);
    // Only a document valid against its schema is read without positions, whatever the settings: with
    // that rule off the finding is still made, at its place, and dropped later.
    const quiet = later(extra, { ...config, rules: { ...config.rules, schema: 'off' } });
    expect(quiet.withoutPositions).toBeUndefined();
    expect(quiet.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character])).toEqual([['schema', 5, 0]]);
    // A file rule's finding sends the file to the full path only while the rule is on.
    const unscored = journey('      - { id: a, title: 来电, emotions: { owner: 1 } }\n');
    const journeyLater = (c = config) => analyzeFile('/ws/j.journey.yaml', { text: unscored }, c, { positions: 'later' });
    expect(journeyLater().withoutPositions).toBeUndefined();
    expect(journeyLater().findings.map((f) => f.ruleId)).toEqual(['missing-persona-score']);
    expect(journeyLater({ ...config, rules: { ...config.rules, 'missing-persona-score': 'off' } }).withoutPositions).toBe(true);
  });
});
