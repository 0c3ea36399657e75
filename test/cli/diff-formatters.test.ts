/** The `peakend diff` formatters on reviews written by hand: every level, both sides, colour, both languages. */
import { describe, expect, it } from 'vitest';
import { countLevels, diffSummary, githubDiff, jsonDiff, stylishDiff, type DiffFormatContext } from '../../src/cli/diff/formatters';
import type { DiffLevel, JourneyReview, ReviewChange } from '../../src/core';

const range = (line: number, character: number, endCharacter = character + 3) => ({ start: { line, character }, end: { line, character: endCharacter } });

function change(level: DiffLevel, file: string, line: number, over: Partial<ReviewChange> = {}): ReviewChange {
  return {
    checkId: 'emotion-changed',
    level,
    message: `Step "s${line}": a 1 → 2 (+1).`,
    messageId: 'diff.emotionChanged',
    args: { step: `s${line}`, persona: 'a', before: 1, after: 2, delta: '+1' },
    side: 'after',
    file,
    range: range(line, 4),
    ...over,
  };
}

function review(changes: ReviewChange[], entities: JourneyReview['diff']['changes'] = []): JourneyReview {
  return { diff: { changes: entities }, changes, journeys: { before: new Map(), after: new Map() } };
}

const ctx = (over: Partial<DiffFormatContext> = {}): DiffFormatContext => ({ cwd: '/ws', color: false, lang: 'en', base: { rev: 'main', commit: 'abc' }, head: { rev: 'working tree' }, ...over });

describe('diff summary', () => {
  it('counts each level; "warning" is singular for one, in English; Chinese from its own words', () => {
    const changes = [change('info', '/ws/a', 1), change('warning', '/ws/a', 2), change('info', '/ws/a', 3)];
    expect(countLevels(changes)).toEqual({ breaking: 0, warning: 1, info: 2 });
    expect(diffSummary(changes, 'en')).toBe('0 breaking, 1 warning, 2 info');
    expect(diffSummary([...changes, change('warning', '/ws/a', 4), change('breaking', '/ws/a', 5)], 'en')).toBe('1 breaking, 2 warnings, 2 info');
    expect(diffSummary([], 'en')).toBe('0 breaking, 0 warnings, 0 info');
    expect(diffSummary(changes, 'zh-cn')).toBe('0 项破坏性变更，1 项警告，2 条提示');
  });
});

describe('stylish diff', () => {
  it('groups by file in name order, keeps each file’s order, 1-based positions', () => {
    const out = stylishDiff(review([change('info', '/ws/b.yaml', 9), change('warning', '/ws/a.yaml', 0), change('breaking', '/ws/b.yaml', 1)]), ctx());
    expect(out).toBe(
      [
        'a.yaml',
        '  a.yaml:1:5  warning   Step "s0": a 1 → 2 (+1).  emotion-changed',
        '',
        'b.yaml',
        '  b.yaml:10:5  info      Step "s9": a 1 → 2 (+1).  emotion-changed',
        '  b.yaml:2:5  breaking  Step "s1": a 1 → 2 (+1).  emotion-changed',
        '',
        '1 breaking, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('colours the summary in the worst level’s colour: red, yellow, cyan; plain when nothing changed', () => {
    const E = '\u001b[';
    const c = ctx({ color: true });
    expect(stylishDiff(review([change('warning', '/ws/a', 0), change('info', '/ws/a', 1)]), c)).toBe(
      [
        `${E}1ma${E}22m`,
        `  a:1:5  ${E}33mwarning ${E}39m  Step "s0": a 1 → 2 (+1).  ${E}2memotion-changed${E}22m`,
        `  a:2:5  ${E}36minfo    ${E}39m  Step "s1": a 1 → 2 (+1).  ${E}2memotion-changed${E}22m`,
        '',
        `${E}33m0 breaking, 1 warning, 1 info${E}39m`,
        '',
      ].join('\n'),
    );
    expect(stylishDiff(review([change('info', '/ws/a', 0)]), c).split('\n').at(-2)).toBe(`${E}36m0 breaking, 0 warnings, 1 info${E}39m`);
    expect(stylishDiff(review([change('info', '/ws/a', 0), change('breaking', '/ws/a', 1)]), c).split('\n').at(-2)).toBe(`${E}31m1 breaking, 0 warnings, 1 info${E}39m`);
    expect(stylishDiff(review([]), c)).toBe('0 breaking, 0 warnings, 0 info\n');
  });

  it('speaks Chinese from the message catalog, not the English message', () => {
    const out = stylishDiff(review([change('warning', '/ws/a', 0)]), ctx({ lang: 'zh-cn' }));
    expect(out.split('\n')[1]).toBe('  a:1:5  warning   步骤“s0”：a 1 → 2（+1）。  emotion-changed');
    expect(out.split('\n').at(-2)).toBe('0 项破坏性变更，1 项警告，0 条提示');
  });
});

describe('github diff', () => {
  it('error, warning, notice; head-side changes carry the file and 1-based range, base-side ones only the title', () => {
    const out = githubDiff(
      review([change('breaking', '/ws/a,b:c.yaml', 0), change('warning', '/ws/a', 1, { side: 'before' }), change('info', '/ws/x/y.yaml', 2, { message: '100% 50%\r\nnext\u001b' })]),
      ctx(),
    );
    expect(out).toBe(
      [
        '::error file=a%2Cb%3Ac.yaml,line=1,col=5,endLine=1,endColumn=8,title=peakend diff emotion-changed::Step "s0": a 1 → 2 (+1).',
        '::warning title=peakend diff emotion-changed::Step "s1": a 1 → 2 (+1).',
        '::notice file=x/y.yaml,line=3,col=5,endLine=3,endColumn=8,title=peakend diff emotion-changed::100%25 50%25%0D%0Anext\ufffd',
        '',
      ].join('\n'),
    );
    expect(githubDiff(review([]), ctx())).toBe('');
  });
});

describe('json diff', () => {
  it('the version, revisions, summary, changes with relative files, and the entities with their sides', () => {
    const entity = (id: string, file: string) => ({ kind: 'step' as const, id, journey: 'j', stage: 's', position: 1, file, range: range(3, 2), data: { title: 'T' } });
    const out = jsonDiff(
      review(
        [change('warning', '/ws/j.yaml', 3, { related: [{ file: '/ws/k.yaml', range: range(1, 1), message: 'there' }], scope: { kind: 'journey', id: 'j' } })],
        [
          { type: 'renamed', kind: 'step', before: entity('a', '/ws/j.yaml'), after: entity('b', '/ws/sub/j.yaml'), fields: [], similarity: 0.75 },
          { type: 'added', kind: 'step', after: entity('c', '/ws/j.yaml') },
          { type: 'removed', kind: 'step', before: entity('d', '/other/j.yaml') },
          { type: 'modified', kind: 'step', before: entity('e', '/ws/j.yaml'), after: entity('e', '/ws/j.yaml'), fields: [{ path: ['title'], before: 'T', after: 'U' }] },
        ] as unknown as JourneyReview['diff']['changes'],
      ),
      ctx({ lang: 'zh-cn' }),
    );
    expect(out.endsWith('}\n')).toBe(true);
    const side = (id: string, file: string) => ({ id, journey: 'j', stage: 's', position: 1, file, range: range(3, 2) });
    expect(JSON.parse(out)).toEqual({
      version: 1,
      base: { rev: 'main', commit: 'abc' },
      head: { rev: 'working tree' },
      summary: { breaking: 0, warning: 1, info: 0 },
      changes: [
        {
          checkId: 'emotion-changed',
          level: 'warning',
          message: '步骤“s3”：a 1 → 2（+1）。',
          messageId: 'diff.emotionChanged',
          args: { step: 's3', persona: 'a', before: 1, after: 2, delta: '+1' },
          side: 'after',
          file: 'j.yaml',
          range: range(3, 4),
          scope: { kind: 'journey', id: 'j' },
          related: [{ file: 'k.yaml', range: range(1, 1), message: 'there' }],
        },
      ],
      entities: [
        { type: 'renamed', kind: 'step', before: side('a', 'j.yaml'), after: side('b', 'sub/j.yaml'), fields: [], similarity: 0.75 },
        { type: 'added', kind: 'step', after: side('c', 'j.yaml') },
        { type: 'removed', kind: 'step', before: side('d', '../other/j.yaml') },
        { type: 'modified', kind: 'step', before: side('e', 'j.yaml'), after: side('e', 'j.yaml'), fields: [{ path: ['title'], before: 'T', after: 'U' }] },
      ],
    });
    // Pretty-printed with two spaces.
    expect(out.startsWith('{\n  "version": 1,\n  "base": {\n    "rev": "main",')).toBe(true);
  });
});
