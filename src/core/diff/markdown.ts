import type { JourneyAnalysis } from '../analysis/types';
import { renderMessage, type Language, type MessageId } from '../messages/render';
import { comparisonCurve } from '../render/comparisonCurve';
import { markdownText } from '../render/markdown';
import { formatNumber } from '../render/text';
import { relative } from '../util/paths';
import type { ReviewChange, DiffLevel } from './review';
import type { JourneyReview } from './reviewDiff';

const ICON: Record<DiffLevel, string> = { breaking: '🔴', warning: '🟠', info: '🔵' };
const LEVEL_WORD: Record<Language, Record<DiffLevel, string>> = {
  en: { breaking: 'breaking', warning: 'warning', info: 'info' },
  'zh-cn': { breaking: '破坏性', warning: '警告', info: '提示' },
};

export interface DiffMarkdownOptions {
  lang: Language;
  cwd: string;
  /** Shown in the heading, e.g. "main…feature". */
  range: string;
}

/** The pull-request comment: one summary line, then the changes by journey, standards and touchpoints, long lists folded. */
export function diffMarkdown(review: JourneyReview, o: DiffMarkdownOptions): string {
  const n = { breaking: 0, warning: 0, info: 0 };
  for (const c of review.changes) n[c.level]++;
  const out: string[] = [];
  const zh = o.lang === 'zh-cn';
  out.push(zh ? `### Peakend 变更评审 · ${markdownText(o.range)}` : `### Peakend review · ${markdownText(o.range)}`);
  out.push('');
  out.push(
    zh
      ? `${ICON.breaking} ${n.breaking} 项破坏性变更 · ${ICON.warning} ${n.warning} 项警告 · ${ICON.info} ${n.info} 条提示`
      : `${ICON.breaking} ${n.breaking} breaking · ${ICON.warning} ${n.warning} warning${n.warning === 1 ? '' : 's'} · ${ICON.info} ${n.info} info`,
  );
  if (!review.changes.length) {
    out.push('', zh ? '没有影响旅程、标准或接触点的变更。' : 'No change to journeys, standards or touchpoints.');
    return out.join('\n') + '\n';
  }
  const groups = new Map<string, ReviewChange[]>();
  for (const c of review.changes) {
    const key = c.scope ? `${c.scope.kind}\u0000${c.scope.id}` : `file\u0000${c.file}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  for (const [key, changes] of groups) {
    const [kind, id] = key.split('\u0000') as [string, string];
    const title =
      kind === 'journey' ? (zh ? `旅程 ${id}` : `Journey ${id}`) : kind === 'standards' ? (zh ? `标准 ${id}` : `Standards ${id}`) : kind === 'touchpoints' ? (zh ? `接触点 ${id}` : `Touchpoints ${id}`) : relative(o.cwd, id);
    out.push('', `#### ${markdownText(title)}`, '');
    const before = kind === 'journey' ? review.journeys.before.get(id) : undefined;
    const after = kind === 'journey' ? review.journeys.after.get(id) : undefined;
    if (before && after && changes.some((c) => c.checkId === 'emotion-changed' || c.checkId.startsWith('peak-end'))) {
      for (const line of curves(before, after, o.lang)) out.push(line);
      out.push('');
    }
    const table = [zh ? '| 级别 | 变更 | 位置 |' : '| Level | Change | Where |', '|---|---|---|'];
    for (const c of changes) {
      const message = o.lang === 'en' ? c.message : renderMessage(c.messageId as MessageId, c.args, o.lang);
      table.push(`| ${ICON[c.level]} ${LEVEL_WORD[o.lang][c.level]} | ${markdownText(message)} | ${markdownText(`${relative(o.cwd, c.file)}:${c.range.start.line + 1}`)} |`);
    }
    // More than a screenful is folded, so that the summary stays the first thing a reviewer reads.
    const folded = changes.length > 10;
    if (folded) out.push('<details>', `<summary>${zh ? `${changes.length} 项变更` : `${changes.length} changes`}</summary>`, '');
    for (const row of table) out.push(row);
    if (folded) out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}

/** The before/after chart and the peak-end figures before → after, per persona. */
function curves(before: JourneyAnalysis, after: JourneyAnalysis, lang: Language): string[] {
  const zh = lang === 'zh-cn';
  const rows = after.personas
    .filter((p) => p.scored > 0)
    .map((p) => {
      const old = before.personas.find((x) => x.persona === p.persona);
      // A persona with scores has every figure on the head side; the base may have none.
      const pair = (a: number | undefined, b: number) => (a === b ? formatNumber(b) : `${a === undefined ? '—' : formatNumber(a)} → ${formatNumber(b)}`);
      type At = { stepId: string; score: number };
      const moment = (a: At | undefined, b: At) => {
        const show = (m: At) => `${m.stepId} (${formatNumber(m.score)})`;
        return a?.stepId === b.stepId && a.score === b.score ? show(b) : `${a ? show(a) : '—'} → ${show(b)}`;
      };
      return `| ${[p.name || p.persona, pair(old?.peakEnd, p.peakEnd!), pair(old?.average, p.average!), moment(old?.peak, p.peak!), moment(old?.end, p.end!)].map(markdownText).join(' | ')} |`;
    });
  return [
    '```mermaid',
    comparisonCurve(before, after, { lang }).trimEnd(),
    '```',
    '',
    zh ? '| 客户画像 | 峰终得分 | 平均分 | 峰值时刻 | 终点 |' : '| Persona | Peak-end | Average | Most intense | End |',
    '|---|---:|---:|---|---|',
    ...rows,
  ];
}
