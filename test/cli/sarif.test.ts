/**
 * The `sarif` formatter's output, validated against the official SARIF 2.1.0 JSON Schema
 * (sarif-schema-2.1.0.json, draft-07, as published by the OASIS SARIF TC), kept in
 * test/fixtures/sarif/ (see its README for where the copy comes from).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sarif } from '../../src/cli/formatters/sarif';
import type { FormatContext } from '../../src/cli/formatters/types';
import type { CliIo } from '../../src/cli/io';
import { RULES, type Finding } from '../../src/core';

const SCHEMA_FILE = join(__dirname, '../fixtures/sarif/sarif-schema-2.1.0.json');

let validate: ValidateFunction;

beforeAll(() => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string; title: string };
  // The official schema, not a look-alike.
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

function errorsOf(log: unknown): string {
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

/** Formats, parses and validates; fails with the schema's complaints. */
function format(findings: Finding[], ctx: Partial<FormatContext> = {}): SarifLog {
  const text = sarif(findings, { cwd: '/ws', fileCount: 3, color: false, toolVersion: '1.2.3', ...ctx });
  expect(text.endsWith('}\n')).toBe(true);
  const log = JSON.parse(text) as SarifLog;
  const ok = validate(log);
  expect(errorsOf(log), 'SARIF schema errors').toBe('');
  expect(ok).toBe(true);
  return log;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Record<string, unknown>[];
  }[];
}

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'file'>): Finding {
  return { severity: 'error', message: 'm', messageId: 'x', args: {}, range: range(0, 0, 0, 1), ...over };
}

const ruleIndex = (id: string) => RULES.findIndex((r) => r.id === id);

describe('sarif formatter against the official SARIF 2.1.0 schema', () => {
  it('zero findings: a valid log with the tool, every rule and no results', () => {
    const log = format([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.name).toBe('peakend');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules.find((r) => r.id === 'uncovered-touchpoint')!.defaultConfiguration.level).toBe('warning');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///ws/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('related locations, in this and other files', () => {
    const f = finding({
      ruleId: 'duplicate-id',
      file: '/ws/a.touchpoints.yaml',
      range: range(5, 8, 5, 19),
      message: 'Duplicate touchpoint ID "help-center": it is also defined at b.touchpoints.yaml:3.',
      related: [
        { file: '/ws/b.touchpoints.yaml', range: range(2, 8, 2, 19), message: 'The other definition of "help-center"' },
        { file: '/ws/a.touchpoints.yaml', range: range(9, 8, 9, 19), message: 'Another definition of "help-center"' },
      ],
    });
    const result = format([f]).runs[0]!.results[0]!;
    expect(result).toEqual({
      ruleId: 'duplicate-id',
      ruleIndex: ruleIndex('duplicate-id'),
      level: 'error',
      message: { text: 'Duplicate touchpoint ID "help-center": it is also defined at b.touchpoints.yaml:3.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'a.touchpoints.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 20 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 0,
          physicalLocation: {
            artifactLocation: { uri: 'b.touchpoints.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 20 },
          },
          message: { text: 'The other definition of "help-center"' },
        },
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'a.touchpoints.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 10, startColumn: 9, endLine: 10, endColumn: 20 },
          },
          message: { text: 'Another definition of "help-center"' },
        },
      ],
    });
  });

  it('fixes: edits grouped by file into artifact changes with replacements', () => {
    const f = finding({
      ruleId: 'unknown-touchpoint',
      file: '/ws/j.journey.yaml',
      range: range(10, 22, 10, 33),
      message: 'Unknown touchpoint "help-centre". Did you mean "help-center"?',
      fixes: [
        {
          title: 'Change to "help-center"',
          preferred: true,
          edits: [{ file: '/ws/j.journey.yaml', range: range(10, 22, 10, 33), newText: 'help-center' }],
        },
        {
          title: 'Rename in two files',
          edits: [
            { file: '/ws/j.journey.yaml', range: range(10, 22, 10, 33), newText: 'x' },
            { file: '/ws/t.touchpoints.yaml', range: range(3, 8, 3, 19), newText: 'x' },
            { file: '/ws/j.journey.yaml', range: range(12, 22, 12, 22), newText: '' },
          ],
        },
      ],
    });
    const result = format([f]).runs[0]!.results[0]!;
    expect(result.fixes).toEqual([
      {
        description: { text: 'Change to "help-center"' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'j.journey.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 11, startColumn: 23, endLine: 11, endColumn: 34 }, insertedContent: { text: 'help-center' } }],
          },
        ],
      },
      {
        description: { text: 'Rename in two files' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'j.journey.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 11, startColumn: 23, endLine: 11, endColumn: 34 }, insertedContent: { text: 'x' } },
              { deletedRegion: { startLine: 13, startColumn: 23, endLine: 13, endColumn: 23 }, insertedContent: { text: '' } },
            ],
          },
          {
            artifactLocation: { uri: 't.touchpoints.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 20 }, insertedContent: { text: 'x' } }],
          },
        ],
      },
    ]);
  });

  it('a fix without edits is left out, and equal fixes appear once (the schema wants ≥ 1 change and unique fixes)', () => {
    const edit = { file: '/ws/j.journey.yaml', range: range(1, 0, 1, 3), newText: 'abc' };
    const f = finding({
      ruleId: 'unknown-persona',
      file: '/ws/j.journey.yaml',
      fixes: [
        { title: 'Nothing to do', edits: [] },
        { title: 'Same', edits: [edit] },
        { title: 'Same', edits: [edit] },
      ],
    });
    const result = format([f]).runs[0]!.results[0]!;
    expect(result.fixes).toEqual([
      {
        description: { text: 'Same' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'j.journey.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 }, insertedContent: { text: 'abc' } }],
          },
        ],
      },
    ]);
    // Only empty fixes: no "fixes" property at all.
    const none = format([finding({ ruleId: 'unknown-persona', file: '/ws/j.journey.yaml', fixes: [{ title: 'Nothing', edits: [] }] })]);
    expect(none.runs[0]!.results[0]!).not.toHaveProperty('fixes');
  });

  it('CJK file names, folders with spaces and CJK messages', () => {
    const findings: Finding[] = [
      finding({
        ruleId: 'uncovered-touchpoint',
        severity: 'warning',
        file: '/ws/物业 服务/触点.touchpoints.yaml',
        range: range(155, 8, 155, 25),
        message: '没有任何标准适用于触点“green-maintenance”（绿化养护）。',
        related: [{ file: '/ws/标准/投诉.standards.yaml', range: range(16, 8, 16, 34), message: '相关的标准：“社交媒体投诉”' }],
        fixes: [{ title: '改为“绿化养护”', edits: [{ file: '/ws/物业 服务/触点.touchpoints.yaml', range: range(155, 8, 155, 25), newText: '绿化养护' }] }],
      }),
      finding({ ruleId: 'missing-persona-score', severity: 'info', file: '/ws/旅程.journey.yaml', message: '步骤“报修”\n缺少评分' }),
    ];
    const run = format(findings).runs[0]!;
    const [a, b] = run.results as any[];
    expect(a.level).toBe('warning');
    expect(a.message.text).toBe('没有任何标准适用于触点“green-maintenance”（绿化养护）。');
    const uri = a.locations[0].physicalLocation.artifactLocation.uri as string;
    expect(uri).toBe('%E7%89%A9%E4%B8%9A%20%E6%9C%8D%E5%8A%A1/%E8%A7%A6%E7%82%B9.touchpoints.yaml');
    expect(decodeURIComponent(uri)).toBe('物业 服务/触点.touchpoints.yaml');
    expect(decodeURIComponent(a.relatedLocations[0].physicalLocation.artifactLocation.uri)).toBe('标准/投诉.standards.yaml');
    expect(a.relatedLocations[0].message.text).toBe('相关的标准：“社交媒体投诉”');
    expect(a.fixes[0].description.text).toBe('改为“绿化养护”');
    expect(a.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('绿化养护');
    expect(b.level).toBe('note');
    expect(b.message.text).toBe('步骤“报修”\n缺少评分');
    expect(b.locations[0].physicalLocation.artifactLocation.uri).toBe('%E6%97%85%E7%A8%8B.journey.yaml');
  });

  it('the working folder as an absolute file URI ending in "/", also with CJK, spaces and a Windows drive', () => {
    const base = (cwd: string) => format([], { cwd }).runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri;
    expect(base('/home/李 雷/项目')).toBe('file:///home/%E6%9D%8E%20%E9%9B%B7/%E9%A1%B9%E7%9B%AE/');
    expect(base('/home/a/')).toBe('file:///home/a/');
    expect(base('/')).toBe('file:///');
    expect(base('C:/work/peakend')).toBe('file:///C:/work/peakend/');
  });

  it('a file outside the working folder, a rule unknown to the rule list, and every severity', () => {
    const log = format(
      [
        finding({ ruleId: 'schema', severity: 'error', file: '/ws/a.journey.yaml' }),
        finding({ ruleId: 'uncovered-touchpoint', severity: 'warning', file: '/other/t.touchpoints.yaml' }),
        finding({ ruleId: 'some-future-rule', severity: 'info', file: '/ws/a.journey.yaml', range: range(3, 0, 7, 0) }),
      ],
      { cwd: '/ws' },
    );
    const results = log.runs[0]!.results as any[];
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(results[0].ruleIndex).toBe(ruleIndex('schema'));
    expect(results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('../other/t.touchpoints.yaml');
    expect(results[2]).not.toHaveProperty('ruleIndex');
    expect(results[2].locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 1, endLine: 8, endColumn: 1 });
  });

  it('the validator is strict enough to catch a broken log', () => {
    const log = format([finding({ ruleId: 'schema', file: '/ws/a.journey.yaml' })]) as any;
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
    const noChanges = structuredClone(log);
    noChanges.runs[0].results[0].fixes = [{ description: { text: 'x' }, artifactChanges: [] }];
    expect(validate(noChanges)).toBe(false);
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = 'info';
    expect(validate(badLevel)).toBe(false);
  });
});

describe('sarif from a real check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'peakend-sarif-'));
    writeFileSync(join(dir, 'peakend.yaml'), 'peakend: 1\nkind: config\n');
    writeFileSync(
      join(dir, '客户.personas.yaml'),
      'peakend: 1\nkind: personas\npersonas:\n  - id: owner\n    name: 业主\n',
    );
    writeFileSync(
      join(dir, '服务.touchpoints.yaml'),
      [
        'peakend: 1',
        'kind: touchpoints',
        'id: inv',
        'title: 触点',
        'touchpoints:',
        '  - { id: help-center, name: 帮助中心, phase: service, channel: website, type: digital }',
        '  - { id: help-center, name: 重复, phase: service, channel: website, type: digital }',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, '报修.journey.yaml'),
      [
        'peakend: 1',
        'kind: journey',
        'id: j',
        'title: 报修',
        'personas: [owner]',
        'stages:',
        '  - id: s',
        '    title: 阶段',
        '    steps:',
        '      - { id: a, title: 来电, touchpoints: [help-centre], emotions: { owner: 1 } }',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid, in English and in Chinese, with related locations and a fix', async () => {
    for (const lang of ['en', 'zh-cn']) {
      let out = '';
      const io: CliIo = {
        cwd: dir,
        env: {},
        stdout: { write: (s: string) => void (out += s) },
        stderr: { write: (s: string) => void (out += `STDERR ${s}`) },
        writeFile: async () => undefined,
      };
      expect(await main(['check', '--format', 'sarif', '--lang', lang], io)).toBe(1);
      const log = JSON.parse(out) as SarifLog;
      expect(validate(log), errorsOf(log)).toBe(true);
      const results = log.runs[0]!.results as any[];
      const ids = results.map((r) => r.ruleId);
      expect(ids).toContain('duplicate-id');
      expect(ids).toContain('unknown-touchpoint');
      const unknown = results.find((r) => r.ruleId === 'unknown-touchpoint');
      expect(decodeURIComponent(unknown.locations[0].physicalLocation.artifactLocation.uri)).toBe('报修.journey.yaml');
      expect(unknown.locations[0].physicalLocation.region).toEqual({ startLine: 10, startColumn: 43, endLine: 10, endColumn: 54 });
      expect(unknown.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('help-center');
      expect(unknown.relatedLocations).toHaveLength(1);
      expect(results.find((r) => r.ruleId === 'duplicate-id').relatedLocations).toHaveLength(1);
      if (lang === 'zh-cn') expect(unknown.message.text).toMatch(/[\u4e00-\u9fff]/);
      else expect(unknown.message.text).toBe('Unknown touchpoint "help-centre". Did you mean "help-center"?');
    }
  });
});
