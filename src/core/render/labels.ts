/** The words the charts and tables add around user text, in the two languages Peakend speaks. */
import type { Quadrant } from '../analysis/types';

export type RenderLanguage = 'en' | 'zh-cn';

export interface RenderLabels {
  emotion: string;
  steps: string;
  neutral: string;
  stage: string;
  step: string;
  persona: string;
  markers: string;
  momentOfTruth: string;
  painPoints: string;
  metrics: string;
  best: string;
  worst: string;
  peak: string;
  end: string;
  peakEnd: string;
  average: string;
  gap: string;
  scored: string;
  notScored: string;
  tied: string;
  tiedOpposite: string;
  legend: string;
  stepsTable: string;
  figuresTable: string;
  importance: string;
  performance: string;
  low: string;
  high: string;
  quadrant: string;
  priority: string;
  touchpoint: string;
  phase: string;
  cuts: string;
  missingData: string;
  lacks: string;
  noMissing: string;
  quadrants: Record<Quadrant, string>;
  chart: string;
  interpolated: string;
}

const EN: RenderLabels = {
  emotion: 'Emotion',
  steps: 'Steps',
  neutral: 'neutral',
  stage: 'Stage',
  step: 'Step',
  persona: 'Persona',
  markers: 'Markers',
  momentOfTruth: 'Moment of truth',
  painPoints: 'Pain points',
  metrics: 'Measured',
  best: 'Best',
  worst: 'Worst',
  peak: 'Peak',
  end: 'End',
  peakEnd: 'Peak-end',
  average: 'Average',
  gap: 'Gap',
  scored: 'Scored steps',
  notScored: 'no scores',
  tied: 'tied with',
  tiedOpposite: 'as intense at the opposite sign',
  legend: '▲ best · ▼ worst · ● end',
  stepsTable: 'Steps',
  figuresTable: 'Peak-end figures',
  importance: 'Importance',
  performance: 'Performance',
  low: 'low',
  high: 'high',
  quadrant: 'Quadrant',
  priority: 'Priority',
  touchpoint: 'Touchpoint',
  phase: 'Phase',
  cuts: 'Cuts',
  missingData: 'Missing data',
  lacks: 'lacks',
  noMissing: 'Every touchpoint has both numbers.',
  quadrants: {
    'concentrate-here': 'Concentrate here',
    'keep-up-the-good-work': 'Keep up the good work',
    'low-priority': 'Low priority',
    'possible-overkill': 'Possible overkill',
  },
  chart: 'Chart',
  interpolated: 'Between scored steps the line is drawn straight; unscored cells show “–”.',
};

const ZH: RenderLabels = {
  emotion: '情绪',
  steps: '步骤',
  neutral: '中性',
  stage: '阶段',
  step: '步骤',
  persona: '用户角色',
  markers: '标记',
  momentOfTruth: '关键时刻',
  painPoints: '痛点',
  metrics: '实测',
  best: '最好',
  worst: '最差',
  peak: '峰值',
  end: '终点',
  peakEnd: '峰终值',
  average: '平均',
  gap: '差值',
  scored: '有评分的步骤',
  notScored: '无评分',
  tied: '并列',
  tiedOpposite: '相反方向同样强烈',
  legend: '▲ 最好 · ▼ 最差 · ● 终点',
  stepsTable: '步骤',
  figuresTable: '峰终数据',
  importance: '重要性',
  performance: '表现',
  low: '低',
  high: '高',
  quadrant: '象限',
  priority: '优先级',
  touchpoint: '触点',
  phase: '阶段',
  cuts: '分界',
  missingData: '缺少数据',
  lacks: '缺少',
  noMissing: '每个触点都有两项数值。',
  quadrants: {
    'concentrate-here': '重点改进',
    'keep-up-the-good-work': '继续保持',
    'low-priority': '低优先级',
    'possible-overkill': '可能过度投入',
  },
  chart: '图表',
  interpolated: '未评分的步骤之间以直线连接；表中未评分处显示“–”。',
};

export function renderLabels(lang: RenderLanguage = 'en'): RenderLabels {
  return lang === 'zh-cn' ? ZH : EN;
}
