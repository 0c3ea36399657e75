/** Exact, hand-checked output of the stylish, json and github formatters, and the summary line. */
import { describe, expect, it } from 'vitest';
import { github } from '../../src/cli/formatters/github';
import { json } from '../../src/cli/formatters/json';
import { stylish } from '../../src/cli/formatters/stylish';
import { summaryLine } from '../../src/cli/formatters/summary';
import type { FormatContext } from '../../src/cli/formatters/types';
import { FORMATTERS } from '../../src/cli/formatters';
import type { Finding, Severity } from '../../src/core';

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({ cwd: '/ws', fileCount: 12, color: false, toolVersion: '9.9.9', ...over });

/** 3 errors and 1 warning in two files; one message has a newline, one is Chinese, one has % : , and CR LF. */
const FINDINGS: Finding[] = [
  {
    ruleId: 'unknown-persona',
    severity: 'error',
    message: 'Unknown persona "x".',
    messageId: 'reference.unknown',
    args: { kind: 'persona', id: 'x' },
    file: '/ws/a.journey.yaml',
    range: range(2, 4, 2, 10),
  },
  {
    ruleId: 'missing-persona-score',
    severity: 'warning',
    message: 'Step "s" has no score\nfor persona "p".',
    messageId: 'score.missing',
    args: { step: 's', persona: 'p' },
    file: '/ws/a.journey.yaml',
    range: range(9, 8, 9, 12),
  },
  {
    ruleId: 'uncovered-touchpoint',
    severity: 'error',
    message: '没有任何标准适用于触点“绿化养护”。',
    messageId: 'coverage.uncoveredTouchpoint',
    args: { id: 'green', name: '绿化养护' },
    file: '/ws/服务/触点.touchpoints.yaml',
    range: range(0, 0, 0, 5),
  },
  {
    ruleId: 'schema',
    severity: 'error',
    message: '100% sure: a, b\r\nc',
    messageId: 'schema.x',
    args: {},
    file: '/ws/服务/触点.touchpoints.yaml',
    range: range(4, 2, 6, 0),
  },
];

function one(severity: Severity, over: Partial<Finding> = {}): Finding {
  return { ruleId: 'schema', severity, message: 'm', messageId: 'x', args: {}, file: '/ws/a.journey.yaml', range: range(0, 0, 0, 1), ...over };
}

const ESC = '\u001b';
const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;
const dim = (s: string) => `${ESC}[2m${s}${ESC}[22m`;
const red = (s: string) => `${ESC}[31m${s}${ESC}[39m`;
const yellow = (s: string) => `${ESC}[33m${s}${ESC}[39m`;
const cyan = (s: string) => `${ESC}[36m${s}${ESC}[39m`;

describe('the formatter list', () => {
  it('offers stylish, json, sarif and github', () => {
    expect(Object.keys(FORMATTERS)).toEqual(['stylish', 'json', 'sarif', 'github']);
  });
});

describe('summary line', () => {
  it('counts errors and warnings, singular and plural, and infos only when there are any', () => {
    expect(summaryLine(FINDINGS, 12)).toBe('3 errors, 1 warning in 12 files');
    expect(summaryLine([], 0)).toBe('0 errors, 0 warnings in 0 files');
    expect(summaryLine([], 1)).toBe('0 errors, 0 warnings in 1 file');
    expect(summaryLine([one('error')], 1)).toBe('1 error, 0 warnings in 1 file');
    expect(summaryLine([one('warning'), one('warning')], 2)).toBe('0 errors, 2 warnings in 2 files');
    expect(summaryLine([one('info')], 3)).toBe('0 errors, 0 warnings, 1 info in 3 files');
    expect(summaryLine([one('info'), one('info'), one('error')], 3)).toBe('1 error, 0 warnings, 2 infos in 3 files');
  });
});

describe('stylish', () => {
  it('without colour: findings grouped by file, one per line, and the summary', () => {
    expect(stylish(FINDINGS, ctx())).toBe(
      [
        'a.journey.yaml',
        '  a.journey.yaml:3:5  error    Unknown persona "x".  unknown-persona',
        '  a.journey.yaml:10:9  warning  Step "s" has no score for persona "p".  missing-persona-score',
        '',
        '服务/触点.touchpoints.yaml',
        '  服务/触点.touchpoints.yaml:1:1  error    没有任何标准适用于触点“绿化养护”。  uncovered-touchpoint',
        '  服务/触点.touchpoints.yaml:5:3  error    100% sure: a, b c  schema',
        '',
        '3 errors, 1 warning in 12 files',
        '',
      ].join('\n'),
    );
  });

  it('with colour: bold file names, coloured severities, dim rule IDs, the summary in the worst severity’s colour', () => {
    expect(stylish(FINDINGS, ctx({ color: true }))).toBe(
      [
        bold('a.journey.yaml'),
        `  a.journey.yaml:3:5  ${red('error  ')}  Unknown persona "x".  ${dim('unknown-persona')}`,
        `  a.journey.yaml:10:9  ${yellow('warning')}  Step "s" has no score for persona "p".  ${dim('missing-persona-score')}`,
        '',
        bold('服务/触点.touchpoints.yaml'),
        `  服务/触点.touchpoints.yaml:1:1  ${red('error  ')}  没有任何标准适用于触点“绿化养护”。  ${dim('uncovered-touchpoint')}`,
        `  服务/触点.touchpoints.yaml:5:3  ${red('error  ')}  100% sure: a, b c  ${dim('schema')}`,
        '',
        red('3 errors, 1 warning in 12 files'),
        '',
      ].join('\n'),
    );
  });

  it('colours the summary yellow for warnings only, and leaves it plain for infos only or nothing', () => {
    expect(stylish([one('warning')], ctx({ color: true, fileCount: 1 }))).toBe(
      [bold('a.journey.yaml'), `  a.journey.yaml:1:1  ${yellow('warning')}  m  ${dim('schema')}`, '', yellow('0 errors, 1 warning in 1 file'), ''].join('\n'),
    );
    expect(stylish([one('info')], ctx({ color: true, fileCount: 1 }))).toBe(
      [bold('a.journey.yaml'), `  a.journey.yaml:1:1  ${cyan('info   ')}  m  ${dim('schema')}`, '', '0 errors, 0 warnings, 1 info in 1 file', ''].join('\n'),
    );
    expect(stylish([], ctx({ color: true, fileCount: 5 }))).toBe('0 errors, 0 warnings in 5 files\n');
  });

  it('with no findings prints only the summary', () => {
    expect(stylish([], ctx({ fileCount: 1 }))).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('keeps one finding per line: tabs and newlines become spaces, control characters cannot reach the terminal', () => {
    const out = stylish([one('error', { message: 'a\tb\n\nc \u001b[2Jd\u0007' })], ctx({ fileCount: 1 }));
    expect(out).toBe(['a.journey.yaml', '  a.journey.yaml:1:1  error    a b c \ufffd[2Jd\ufffd  schema', '', '1 error, 0 warnings in 1 file', ''].join('\n'));
  });

  it('shows paths relative to the working folder, also outside it', () => {
    const out = stylish([one('error', { file: '/elsewhere/b.personas.yaml', range: range(1, 2, 1, 3) })], ctx({ cwd: '/ws/sub', fileCount: 1 }));
    expect(out.split('\n').slice(0, 2)).toEqual(['../../elsewhere/b.personas.yaml', '  ../../elsewhere/b.personas.yaml:2:3  error    m  schema']);
  });
});

describe('json', () => {
  it('is the findings as they are, with paths relative to the working folder, pretty-printed, CJK unescaped', () => {
    const withMore: Finding[] = [
      FINDINGS[1]!,
      {
        ...FINDINGS[2]!,
        related: [{ file: '/ws/a.journey.yaml', range: range(1, 0, 1, 3), message: '相关', messageId: 'r', args: { id: 'a' } }],
        fixes: [{ title: '改为 “b”', preferred: true, edits: [{ file: '/ws/服务/触点.touchpoints.yaml', range: range(0, 0, 0, 5), newText: 'b' }] }],
      },
    ];
    const expected = [
      {
        ruleId: 'missing-persona-score',
        severity: 'warning',
        message: 'Step "s" has no score\nfor persona "p".',
        messageId: 'score.missing',
        args: { step: 's', persona: 'p' },
        file: 'a.journey.yaml',
        range: range(9, 8, 9, 12),
      },
      {
        ruleId: 'uncovered-touchpoint',
        severity: 'error',
        message: '没有任何标准适用于触点“绿化养护”。',
        messageId: 'coverage.uncoveredTouchpoint',
        args: { id: 'green', name: '绿化养护' },
        file: '服务/触点.touchpoints.yaml',
        range: range(0, 0, 0, 5),
        related: [{ file: 'a.journey.yaml', range: range(1, 0, 1, 3), message: '相关', messageId: 'r', args: { id: 'a' } }],
        fixes: [{ title: '改为 “b”', preferred: true, edits: [{ file: '服务/触点.touchpoints.yaml', range: range(0, 0, 0, 5), newText: 'b' }] }],
      },
    ];
    const out = json(withMore, ctx());
    expect(out).toBe(JSON.stringify(expected, null, 2) + '\n');
    // Spot checks of the text itself, by hand.
    expect(out.startsWith('[\n  {\n    "ruleId": "missing-persona-score",\n    "severity": "warning",\n')).toBe(true);
    expect(out).toContain('\n    "message": "Step \\"s\\" has no score\\nfor persona \\"p\\".",\n');
    expect(out).toContain('\n    "file": "服务/触点.touchpoints.yaml",\n');
    expect(out).toContain('\n    "range": {\n      "start": {\n        "line": 9,\n        "character": 8\n      },\n');
    expect(out.endsWith('\n    ]\n  }\n]\n')).toBe(true);
    // A finding without related places or fixes has no such keys at all.
    expect(Object.keys(JSON.parse(out)[0])).toEqual(['ruleId', 'severity', 'message', 'messageId', 'args', 'file', 'range']);
  });

  it('prints an empty array for no findings', () => {
    expect(json([], ctx())).toBe('[]\n');
  });
});

describe('github', () => {
  it('prints one workflow command per finding, 1-based, with data and properties escaped', () => {
    expect(github(FINDINGS, ctx())).toBe(
      [
        '::error file=a.journey.yaml,line=3,col=5,endLine=3,endColumn=11,title=peakend unknown-persona::Unknown persona "x".',
        '::warning file=a.journey.yaml,line=10,col=9,endLine=10,endColumn=13,title=peakend missing-persona-score::Step "s" has no score%0Afor persona "p".',
        '::error file=服务/触点.touchpoints.yaml,line=1,col=1,endLine=1,endColumn=6,title=peakend uncovered-touchpoint::没有任何标准适用于触点“绿化养护”。',
        // In data only %, CR and LF are escaped; ":" and "," stay.
        '::error file=服务/触点.touchpoints.yaml,line=5,col=3,endLine=7,endColumn=1,title=peakend schema::100%25 sure: a, b%0D%0Ac',
        '',
      ].join('\n'),
    );
  });

  it('maps info to notice and escapes % CR LF : , in property values (the file name)', () => {
    const f = one('info', { file: '/ws/odd:name,100%\r\n.journey.yaml', message: 'a::b' });
    expect(github([f], ctx())).toBe('::notice file=odd%3Aname%2C100%25%0D%0A.journey.yaml,line=1,col=1,endLine=1,endColumn=2,title=peakend schema::a::b\n');
  });

  it('prints nothing for no findings', () => {
    expect(github([], ctx())).toBe('');
  });
});
