import type { Language } from '../messages/render';
import type { AuditScore, ItemStatus } from './score';

/** The words of the score and report Markdown (`peakend audit score|report --format md`, the editor's panels). */
export interface ReportWords {
  outcome: Record<AuditScore['outcome'], string>;
  status: Record<ItemStatus, string>;
  invalidAnswer: string;
  recheck: string;
  yes: string;
  dimensionTable: [string, string, string, string, string, string, string, string];
  itemTable: [string, string, string, string, string, string];
  criticalFailures: string;
  unanswered: string;
  failedWithoutAction: string;
  unknownItems: string;
  /** A list after a label: "Unanswered: a, b". */
  list: (label: string, items: readonly string[]) => string;
  reportTitle: string;
  reportIntro: (audits: number, today: string) => string;
  none: string;
  noOwner: string;
  sections: {
    touchpoints: [string, string[]];
    dimensions: [string, string[]];
    standards: [string, string[]];
    trend: [string, string[]];
    mostFailed: [string, string[]];
    repeatFailures: [string, string[]];
    criticalFailures: [string, string[]];
    openActions: [string, string[]];
  };
}

export const REPORT_WORDS: Record<Language, ReportWords> = {
  en: {
    outcome: { pass: 'PASS', fail: 'FAIL', incomplete: 'INCOMPLETE' },
    status: { pass: 'pass', fail: 'fail', na: 'na', unanswered: 'unanswered' },
    invalidAnswer: ' (invalid answer)',
    recheck: ' (re-check)',
    yes: 'yes',
    dimensionTable: ['Dimension', 'Compliance', 'Passed weight', 'Answered weight', 'Pass', 'Fail', 'N/A', 'Unanswered'],
    itemTable: ['Item', 'Result', 'Weight', 'Critical', 'Measured', 'Action'],
    criticalFailures: 'Critical failures',
    unanswered: 'Unanswered',
    failedWithoutAction: 'Failed without corrective action',
    unknownItems: 'Unknown items',
    list: (label, items) => `${label}: ${items.join(', ')}`,
    reportTitle: 'Audit report',
    reportIntro: (audits, today) => `${audits} audit(s); actions overdue as of ${today}.`,
    none: 'None.',
    noOwner: '(no owner)',
    sections: {
      touchpoints: ['Compliance by touchpoint', ['Touchpoint', 'Name', 'Audits', 'Compliance', 'Weight passed / answered', 'Declared performance', 'Measured performance', 'Gap']],
      dimensions: ['Compliance by dimension', ['Dimension', 'Compliance', 'Weight passed / answered']],
      standards: ['Compliance by standard', ['Standard', 'Pass', 'Fail', 'N/A', 'Unanswered', 'Pass rate']],
      trend: ['Trend by audit date', ['Date', 'Audits', 'Compliance', 'Weight passed / answered']],
      mostFailed: ['Most-failed standards', ['Standard', 'Failures', 'Audits']],
      repeatFailures: ['Repeat failures', ['Touchpoint', 'Standard', 'Consecutive audits']],
      criticalFailures: ['Critical failures', ['Touchpoint', 'Date', 'Site', 'Standard']],
      openActions: ['Open corrective actions by owner', ['Owner', 'Touchpoint', 'Standard', 'Action', 'Due', 'Overdue']],
    },
  },
  'zh-cn': {
    outcome: { pass: '通过', fail: '不通过', incomplete: '未完成' },
    status: { pass: '通过', fail: '不通过', na: '不适用', unanswered: '未作答' },
    invalidAnswer: '（答案无效）',
    recheck: '（需复核）',
    yes: '是',
    dimensionTable: ['维度', '符合率', '通过权重', '作答权重', '通过', '不通过', '不适用', '未作答'],
    itemTable: ['检查项', '结果', '权重', '关键项', '实测', '整改措施'],
    criticalFailures: '未通过的关键项',
    unanswered: '未作答',
    failedWithoutAction: '不通过但无整改措施',
    unknownItems: '未知检查项',
    list: (label, items) => `${label}：${items.join('、')}`,
    reportTitle: '审核报告',
    reportIntro: (audits, today) => `共 ${audits} 次审核；逾期整改截至 ${today}。`,
    none: '无。',
    noOwner: '（无责任人）',
    sections: {
      touchpoints: ['各接触点符合率', ['接触点', '名称', '审核次数', '符合率', '通过 / 作答权重', '声明表现度', '实测表现度', '差距']],
      dimensions: ['各维度符合率', ['维度', '符合率', '通过 / 作答权重']],
      standards: ['各服务标准符合率', ['服务标准', '通过', '不通过', '不适用', '未作答', '通过率']],
      trend: ['按审核日期的趋势', ['日期', '审核次数', '符合率', '通过 / 作答权重']],
      mostFailed: ['不通过最多的服务标准', ['服务标准', '不通过次数', '审核次数']],
      repeatFailures: ['连续不通过', ['接触点', '服务标准', '连续审核日期']],
      criticalFailures: ['未通过的关键项', ['接触点', '日期', '地点', '服务标准']],
      openActions: ['各责任人的未完成整改', ['责任人', '接触点', '服务标准', '整改措施', '期限', '已逾期']],
    },
  },
};
