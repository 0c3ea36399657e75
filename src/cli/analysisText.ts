import { formatFigure, localizeFinding, metricText, renderLabel, terminalSafe, type AnalysisReport, type Language, type MessageId, type Moment, type PersonaPeakEnd } from '../core';

export interface TextOptions {
  lang: Language;
  fileLabel: (file: string) => string;
  color: boolean;
}

/**
 * `peakend analyze` for people at a terminal: per journey each persona's moments and figures, per
 * inventory its cuts, priority list and missing data. User text is put on one line and stripped of
 * control characters, so that a title cannot break the layout or send terminal escape sequences.
 */
export function analysisText(report: AnalysisReport, options: TextOptions): string {
  const { lang, fileLabel } = options;
  const t = (id: MessageId, args: Record<string, string | number> = {}) => oneLine(renderLabel(id, args, lang));
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (options.color ? `\u001b[2m${s}\u001b[22m` : s);
  const SEVERITY_COLORS = { error: 31, warning: 33, info: 36 } as const;
  const paint = (severity: keyof typeof SEVERITY_COLORS, s: string) => (options.color ? `\u001b[${SEVERITY_COLORS[severity]}m${s}\u001b[39m` : s);
  const out: string[] = [];
  // ": " in English, "：" in Chinese.
  const colon = t('analysis.colon');
  const heading = (label: string) => `${label}${colon.trimEnd()}`;
  const named = (title: string | undefined, id: string) => (title !== undefined ? `${oneLine(title)} (${oneLine(id)})` : oneLine(id));
  const moment = (m: Moment | undefined, opposite = false) => {
    if (!m) return '';
    const notes = [...(m.tiedWith.length ? [t('analysis.tied', { steps: m.tiedWith.join(', ') })] : []), ...(opposite ? [t('analysis.tiedOpposite')] : [])];
    const text = t('analysis.moment', { score: formatFigure(m.score), step: m.stepId });
    return notes.length ? t('analysis.momentNotes', { moment: text, notes: notes.join(t('analysis.noteSeparator')) }) : text;
  };
  for (const a of report.journeys) {
    out.push(bold(`${t('analysis.journey')}${colon}${named(a.title, a.journeyId)}`));
    const scale = t('analysis.scale', { min: formatFigure(a.scale.min), max: formatFigure(a.scale.max), neutral: formatFigure(a.scale.neutral) });
    out.push(dim(`${oneLine(fileLabel(a.file))} · ${scale}`));
    if (a.errors) out.push(t('analysis.errors', { count: a.errors }));
    if (!a.personas.length) out.push(`  ${t('analysis.noPersonas')}`);
    for (const p of a.personas) {
      out.push(`  ${personaLine(p)} · ${t('analysis.col.scored')}${colon}${p.scored}`);
      if (!p.scored) {
        out.push(`    ${t('analysis.noScores')}`);
        continue;
      }
      out.push(`    ${t('analysis.col.best')}${colon}${moment(p.best)}`);
      out.push(`    ${t('analysis.col.worst')}${colon}${moment(p.worst)}`);
      out.push(`    ${t('analysis.col.peak')}${colon}${moment(p.peak, p.peakTiedOpposite)}`);
      out.push(`    ${t('analysis.col.end')}${colon}${moment(p.end)}`);
      out.push(`    ${t('analysis.col.peakEnd')}${colon}${formatFigure(p.peakEnd!)} · ${t('analysis.col.average')}${colon}${formatFigure(p.average!)} · ${t('analysis.col.gap')}${colon}${formatFigure(p.gap!)}`);
      const stages = p.stages.filter((s) => s.average !== undefined).map((s) => `${oneLine(s.title ?? s.stageId)} ${formatFigure(s.average!)}`);
      out.push(`    ${t('analysis.stageAverages')}${colon}${stages.join(' · ')}`);
    }
    const measured = a.steps.filter((s) => s.metrics.length);
    if (measured.length) out.push(`  ${heading(t('analysis.metrics'))}`);
    for (const s of measured) {
      const emotion = a.personas.filter((p) => s.scores[p.persona] !== undefined).map((p) => `${oneLine(p.persona)} ${formatFigure(s.scores[p.persona]!)}`);
      out.push(`    ${oneLine(s.stepId)}${colon}${s.metrics.map((m) => oneLine(metricText(m, lang))).join(' · ')} · ${t('analysis.col.emotion')} ${emotion.join(', ')}`);
    }
    if (a.judgements.length) out.push(`  ${heading(t('analysis.judgements'))}`);
    for (const f of a.judgements.map((x) => localizeFinding(x, lang))) {
      const at = t('analysis.line', { line: f.range.start.line + 1, column: f.range.start.character + 1 });
      out.push(`    ${at}  ${paint(f.severity, f.severity.padEnd(7))}  ${oneLine(f.message)}  ${dim(f.ruleId)}`);
    }
    out.push('');
  }
  for (const inv of report.inventories) {
    out.push(bold(`${t('analysis.inventory')}${colon}${named(inv.title, inv.inventoryId)}`));
    out.push(dim(oneLine(fileLabel(inv.file))));
    if (inv.errors) out.push(t('analysis.errors', { count: inv.errors }));
    out.push(t(`analysis.cuts.${inv.cuts.method}`, { importance: formatFigure(inv.cuts.importance), performance: formatFigure(inv.cuts.performance) }));
    if (!inv.points.length) out.push(`  ${t('analysis.noRated')}`);
    else out.push(heading(t('analysis.priority')));
    const byId = new Map(inv.points.map((p) => [p.touchpointId, p]));
    inv.priority.forEach((id, i) => {
      const p = byId.get(id)!;
      const figures = `${t('analysis.col.importance')} ${formatFigure(p.importance)} · ${t('analysis.col.performance')} ${formatFigure(p.performance)} · ${t('analysis.col.ipaGap')} ${formatFigure(p.gap)}`;
      out.push(`  ${i + 1}. ${named(p.name, id)} · ${t(`analysis.quadrant.${p.quadrant}`)} · ${figures}`);
    });
    if (inv.missing.length) {
      out.push(heading(t('analysis.missing')));
      for (const m of inv.missing) {
        const lacks = m.lacks.length === 2 ? t('analysis.lacks.both') : t(`analysis.lacks.${m.lacks[0]!}`);
        out.push(`  ${t('analysis.missingItem', { touchpoint: named(m.name, m.touchpointId), lacks })}`);
      }
    }
    out.push('');
  }
  if (!report.journeys.length && !report.inventories.length) out.push(t('analysis.nothing'), '');
  return out.join('\n');

  function personaLine(p: PersonaPeakEnd): string {
    return named(p.name, p.persona);
  }
}

/** User text on one line, without control characters (ESC would start a terminal escape sequence, U+202E reorder the line). */
function oneLine(s: string): string {
  return terminalSafe(s);
}
