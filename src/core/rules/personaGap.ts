import { formatFigure } from '../analysis/format';
import { numberOption } from '../config/config';
import { related } from '../report';
import type { FileRule } from './fileRule';
import { EPSILON, figuresOf, scoreRange } from './journeyFigures';

const ID = 'persona-gap' as const;

/**
 * The same journey remembered very differently by two segments. Each persona's peak-end score is
 * compared with the best one on the journey; a shortfall of at least `gap` × (max − min) (`gap`,
 * default 0.3: 3 points on −5..5) is reported on the lower persona's peak or end, whichever falls
 * further short of the best persona's (the peak on a tie), with the best persona's two moments related.
 */
export const personaGap: FileRule<'persona-gap'> = {
  id: ID,
  severity: 'info',
  summary: 'One persona’s peak-end score is far below another’s on the same journey.',
  check(model, report, config) {
    const a = figuresOf(model);
    if (!a) return;
    const limit = numberOption(config, ID, 'gap', 0.3) * (a.scale.max - a.scale.min);
    const figured = a.personas.filter((p) => p.peakEnd !== undefined);
    // The first persona with the highest peak-end score, so that the choice does not depend on ties.
    const top = figured.reduce<(typeof figured)[number] | undefined>((b, p) => (!b || p.peakEnd! > b.peakEnd! + EPSILON ? p : b), undefined);
    if (!top) return;
    for (const p of figured) {
      if (p === top) continue;
      const difference = top.peakEnd! - p.peakEnd!;
      if (difference <= 0 || difference < limit - EPSILON) continue;
      const at = top.peak!.score - p.peak!.score >= top.end!.score - p.end!.score ? p.peak! : p.end!;
      report.atRange(
        ID,
        scoreRange(model, at.index, p.persona),
        'peakEnd.personaGap',
        {
          persona: p.persona,
          other: top.persona,
          score: formatFigure(p.peakEnd!),
          otherScore: formatFigure(top.peakEnd!),
          difference: formatFigure(difference),
          limit: formatFigure(limit),
        },
        {
          related: [
            related(model.file, scoreRange(model, top.peak!.index, top.persona), 'peakEnd.personaGapRelated', { persona: top.persona, role: { message: 'analysis.role.peak' } }),
            related(model.file, scoreRange(model, top.end!.index, top.persona), 'peakEnd.personaGapRelated', { persona: top.persona, role: { message: 'analysis.role.end' } }),
          ],
        },
      );
    }
  },
};
