import { describe, expect, it } from 'vitest';
import { checklistPath, defaultConfig, isChecklistFile, sanitizeSegment } from '../../src/core';
import { fieldWord, isObsoleteHeading, ratingWord, resultWord, statusWord } from '../../src/core/checklist/labels';

describe('words read back from a checklist', () => {
  it('reads box words in either language, folding case, width, spaces and underscores', () => {
    expect(['Pass', ' OK ', 'yes', '合格', '是', 'passed'].map(resultWord)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(['FAIL', 'failed', 'No', '不通过', '不合格', '否'].map(resultWord)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
    expect(['N/A', 'n.a.', 'n.a', 'NA', 'not  applicable', 'not_applicable', '不适用', '无此项', 'Ｎ／Ａ'].map(resultWord)).toEqual(Array(9).fill('na'));
    expect(resultWord('maybe')).toBeUndefined();
    expect(resultWord('')).toBeUndefined();
  });

  it('reads field labels in either language and their other names', () => {
    expect(['Measured', '实测', 'Rating', '评价', 'Note', '备注', 'Evidence', '证据', 'Action', '整改措施', 'Owner', '责任人', 'Due', '期限', 'Status', '状态'].map(fieldWord)).toEqual([
      'measured', 'measured', 'rating', 'rating', 'note', 'note', 'evidence', 'evidence', 'action', 'action', 'owner', 'owner', 'due', 'due', 'status', 'status',
    ]);
    expect(['Result', '结果', 'measurement', 'Value', '测量值', '评分', 'notes', '说明', 'Corrective  action', 'corrective_action', '整改', 'Due date', '截止日期', '负责人'].map(fieldWord)).toEqual([
      'result', 'result', 'measured', 'measured', 'measured', 'rating', 'note', 'note', 'action', 'action', 'action', 'due', 'due', 'owner',
    ]);
    expect(fieldWord('Remarks')).toBeUndefined();
  });

  it('reads ratings as words in either language, level IDs and 5 … 1', () => {
    expect(['very satisfied', '很满意', '非常满意', 'very-satisfied', 'Very_Satisfied', '5', '５'].map(ratingWord)).toEqual(Array(7).fill('very-satisfied'));
    expect(['satisfied', '比较满意', '4'].map(ratingWord)).toEqual(Array(3).fill('satisfied'));
    expect(['neutral', '基本满意', '一般', '3'].map(ratingWord)).toEqual(Array(4).fill('neutral'));
    expect(['dissatisfied', '不太满意', '2'].map(ratingWord)).toEqual(Array(3).fill('dissatisfied'));
    expect(['very dissatisfied', '不满意', '很不满意', '非常不满意', 'very-dissatisfied', '1'].map(ratingWord)).toEqual(Array(6).fill('very-dissatisfied'));
    expect(ratingWord('6')).toBeUndefined();
    expect(ratingWord('good')).toBeUndefined();
  });

  it('reads action statuses in either language', () => {
    expect(['open', 'TODO', 'to do', 'in progress', 'in_progress', 'ongoing', '未完成', '待整改', '整改中', '进行中'].map(statusWord)).toEqual(Array(10).fill('open'));
    expect(['done', 'Closed', 'fixed', 'complete', 'completed', '已完成', '已整改', '已关闭', '完成'].map(statusWord)).toEqual(Array(9).fill('done'));
    expect(statusWord('later')).toBeUndefined();
    expect(statusWord('')).toBeUndefined();
  });

  it('knows the obsolete section heading in either language only', () => {
    expect(isObsoleteHeading('Obsolete')).toBe(true);
    expect(isObsoleteHeading(' obsolete ')).toBe(true);
    expect(isObsoleteHeading('已不适用')).toBe(true);
    expect(isObsoleteHeading('Other')).toBe(false);
    expect(isObsoleteHeading('Obsolete items')).toBe(false);
  });

  it('keeps reading words right after its memo of folded words is cleared', () => {
    for (let i = 0; i < 10_050; i++) resultWord(`word ${i}`);
    expect(resultWord('Pass')).toBe('pass');
    expect(statusWord('Done')).toBe('done');
  });
});

describe('checklist file names', () => {
  it('makes a site name a file-name part: letters and digits kept, the rest one "-", ends trimmed', () => {
    expect(sanitizeSegment('a..b')).toBe('a-b');
    expect(sanitizeSegment('a - - b')).toBe('a-b');
    expect(sanitizeSegment('_-a_b-_')).toBe('a_b');
    expect(sanitizeSegment('a__b')).toBe('a__b');
    expect(sanitizeSegment('_-_')).toBe('');
    expect(sanitizeSegment('ＡＢ１')).toBe('AB1');
    expect(sanitizeSegment('nul')).toBe('_nul');
    expect(sanitizeSegment('com1')).toBe('_com1');
    expect(sanitizeSegment('LPT¹')).toBe('_LPT1');
    expect(sanitizeSegment('aux.txt')).toBe('aux-txt');
    expect(sanitizeSegment('con-1')).toBe('con-1');
    expect(sanitizeSegment('com10')).toBe('com10');
    // Cut to 48 characters, then a separator left at the cut is trimmed.
    expect(sanitizeSegment(`${'a'.repeat(47)} b`)).toBe('a'.repeat(47));
    expect(sanitizeSegment(`${'区'.repeat(48)}x`)).toBe('区'.repeat(48));
    expect(sanitizeSegment(`${'a'.repeat(46)}_-b`)).toBe('a'.repeat(46));
  });

  it('puts an audit at <dir>/<touchpoint>/<date>[-<site>].md', () => {
    expect(checklistPath('/ws/audits', 'hotline', '2026-12-03')).toBe('/ws/audits/hotline/2026-12-03.md');
    expect(checklistPath('/ws/audits', '热线', '2026-12-03', '北区 1 号楼')).toBe('/ws/audits/热线/2026-12-03-北区-1-号楼.md');
    expect(checklistPath('/ws/audits', 'hotline', '2026-12-03', '..')).toBe('/ws/audits/hotline/2026-12-03.md');
    expect(checklistPath('/ws/audits', 'hotline', '2026-12-03', '')).toBe('/ws/audits/hotline/2026-12-03.md');
    expect(checklistPath('audits', 'hotline', '2024-02-29')).toBe('audits/hotline/2024-02-29.md');
    expect(checklistPath('/ws/audits', 'hotline', '2026-12-3')).toBeUndefined();
    expect(checklistPath('/ws/audits', 'hot line', '2026-12-03')).toBeUndefined();
  });

  it('takes Markdown files below the checklists folder, not its notes', () => {
    const config = { ...defaultConfig('/ws'), checklistsDir: 'audits' };
    expect(isChecklistFile('/ws/audits/hotline/2026-12-03.md', config)).toBe(true);
    expect(isChecklistFile('/ws/audits/a.MD', config)).toBe(true);
    expect(isChecklistFile('/ws/audits/README.md', config)).toBe(false);
    expect(isChecklistFile('/ws/audits/hotline/index.md', config)).toBe(false);
    expect(isChecklistFile('/ws/audits/notes.txt', config)).toBe(false);
    expect(isChecklistFile('/ws/other/a.md', config)).toBe(false);
    expect(isChecklistFile('/ws/audits-old/a.md', config)).toBe(false);
    expect(isChecklistFile('/ws/audits.md', { ...config, checklistsDir: 'audits.md' })).toBe(false);
    expect(isChecklistFile('/ws/x.md', { ...config, checklistsDir: '.' })).toBe(true);
  });
});
