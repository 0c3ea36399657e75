import type { Answer, RatingLevel } from './types';

export type ChecklistLanguage = 'en' | 'zh-cn';

/** The words a generated checklist is written in. */
export interface Labels {
  title: string;
  intro: string;
  pass: string;
  met: string;
  fail: string;
  na: string;
  measured: string;
  rating: string;
  note: string;
  evidence: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  statusChoices: string;
  requirement: string;
  method: string;
  passes: string;
  weight: string;
  evidenceRequired: string;
  critical: string;
  orBetter: string;
  obsolete: string;
  obsoleteIntro: string;
  recheck: string;
  noDimension: string;
  none: string;
  ratings: Record<RatingLevel, string>;
}

export const LABELS: Record<ChecklistLanguage, Labels> = {
  en: {
    title: 'Checklist',
    intro:
      'For each item tick one box: Pass, Fail or N/A. For a measurement write the number and its unit after "Measured:"; for a rating write one of very satisfied, satisfied, neutral, dissatisfied, very dissatisfied (or 很满意 … 不满意). A failed item needs an action with an owner and a due date (YYYY-MM-DD). Write only below each item\'s table.',
    pass: 'Pass',
    met: 'Requirement met',
    fail: 'Fail',
    na: 'N/A',
    measured: 'Measured',
    rating: 'Rating',
    note: 'Note',
    evidence: 'Evidence',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    statusChoices: 'open / done',
    requirement: 'Requirement',
    method: 'Method',
    passes: 'Passes',
    weight: 'Weight',
    evidenceRequired: 'Evidence required',
    critical: 'critical',
    orBetter: 'or better',
    obsolete: 'Obsolete',
    obsoleteIntro: 'These standards no longer apply to this touchpoint. Their answers are kept as they were written.',
    recheck: 'Re-check: the requirement, threshold or weight changed after this item was answered. Check the answer again, then delete this line.',
    noDimension: 'Other',
    none: '—',
    ratings: { 'very-satisfied': 'very satisfied', satisfied: 'satisfied', neutral: 'neutral', dissatisfied: 'dissatisfied', 'very-dissatisfied': 'very dissatisfied' },
  },
  'zh-cn': {
    title: '检查表',
    intro:
      '每一项勾选一个框：通过、不通过或不适用。测量项在“实测：”后写数值和单位；评价项写 很满意、比较满意、基本满意、不太满意、不满意 之一。不通过的项需要写整改措施、责任人和期限（YYYY-MM-DD）。只在每项的表格下方填写。',
    pass: '通过',
    met: '符合要求',
    fail: '不通过',
    na: '不适用',
    measured: '实测',
    rating: '评价',
    note: '备注',
    evidence: '证据',
    action: '整改措施',
    owner: '责任人',
    due: '期限',
    status: '状态',
    statusChoices: '未完成 / 已完成',
    requirement: '要求',
    method: '检查方法',
    passes: '合格标准',
    weight: '权重',
    evidenceRequired: '所需证据',
    critical: '关键项',
    orBetter: '及以上',
    obsolete: '已不适用',
    obsoleteIntro: '以下标准已不再适用于此接触点，原有答案保留不变。',
    recheck: '需复核：此项作答后，要求、阈值或权重已变更。请重新检查答案，然后删除此行。',
    noDimension: '其他',
    none: '—',
    ratings: { 'very-satisfied': '很满意', satisfied: '比较满意', neutral: '基本满意', dissatisfied: '不太满意', 'very-dissatisfied': '不满意' },
  },
};

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ');

/**
 * A word list's lookup of a text as written: labels and box words repeat in every item of every
 * audit, so each text is folded and looked up once (a bounded memo; null for no word).
 */
function wordsOf<T>(words: ReadonlyMap<string, T>): (text: string) => T | undefined {
  const memo = new Map<string, T | null>();
  return (text) => {
    let found = memo.get(text);
    if (found === undefined) {
      if (memo.size > 10000) memo.clear();
      memo.set(text, (found = words.get(fold(text)) ?? null));
    }
    return found ?? undefined;
  };
}

/** Box words in either language → the result they mean. */
const RESULT_WORDS = new Map<string, Answer['result']>();
for (const w of ['pass', 'passed', 'ok', 'yes', '通过', '合格', '是']) RESULT_WORDS.set(w, 'pass');
for (const w of ['fail', 'failed', 'no', '不通过', '不合格', '否']) RESULT_WORDS.set(w, 'fail');
for (const w of ['n/a', 'n.a.', 'n.a', 'na', 'not applicable', '不适用', '无此项']) RESULT_WORDS.set(w, 'na');

export const resultWord: (text: string) => Answer['result'] | undefined = wordsOf(RESULT_WORDS);

/** Field labels in either language → the answer field. */
const FIELD_WORDS = new Map<string, keyof Answer>();
for (const lang of Object.values(LABELS)) {
  for (const f of ['measured', 'rating', 'note', 'evidence', 'action', 'owner', 'due', 'status'] as const) FIELD_WORDS.set(fold(lang[f]), f);
}
for (const [w, f] of [
  ['result', 'result'],
  ['结果', 'result'],
  ['measurement', 'measured'],
  ['value', 'measured'],
  ['测量值', 'measured'],
  ['评分', 'rating'],
  ['notes', 'note'],
  ['说明', 'note'],
  ['corrective action', 'action'],
  ['整改', 'action'],
  ['due date', 'due'],
  ['截止日期', 'due'],
  ['负责人', 'owner'],
] as const) {
  FIELD_WORDS.set(w, f);
}

export const fieldWord: (text: string) => keyof Answer | undefined = wordsOf(FIELD_WORDS);

/** Rating words in either language, the level IDs and 5…1 → the level. */
const RATING_WORDS = new Map<string, RatingLevel>();
for (const lang of Object.values(LABELS)) for (const [level, word] of Object.entries(lang.ratings)) RATING_WORDS.set(fold(word), level as RatingLevel);
for (const [level, extra] of [
  ['very-satisfied', ['very-satisfied', '5', '非常满意']],
  ['satisfied', ['4']],
  ['neutral', ['3', '一般']],
  ['dissatisfied', ['2']],
  ['very-dissatisfied', ['very-dissatisfied', '1', '很不满意', '非常不满意']],
] as const) {
  for (const w of extra) RATING_WORDS.set(fold(w), level);
}

export const ratingWord: (text: string) => RatingLevel | undefined = wordsOf(RATING_WORDS);

const STATUS_WORDS = new Map<string, 'open' | 'done'>();
for (const w of ['open', 'todo', 'to do', 'in progress', 'ongoing', '未完成', '待整改', '整改中', '进行中']) STATUS_WORDS.set(w, 'open');
for (const w of ['done', 'closed', 'fixed', 'complete', 'completed', '已完成', '已整改', '已关闭', '完成']) STATUS_WORDS.set(w, 'done');

export const statusWord: (text: string) => 'open' | 'done' | undefined = wordsOf(STATUS_WORDS);

/** Whether a depth-2 heading is the obsolete section's, in either language. */
export function isObsoleteHeading(text: string): boolean {
  const t = fold(text);
  return Object.values(LABELS).some((l) => fold(l.obsolete) === t);
}
