import type { Fix } from '../finding';
import { fix, related } from '../report';
import type { Step } from '../model/types';
import { journeySteps } from '../model/walk';
import type { FileRule } from './fileRule';
import { isValidId } from '../model/ids';
import { yamlScalar } from '../yaml/scalar';

/** Each step scores every persona the journey covers; the fix inserts the neutral score. */
export const missingPersonaScore: FileRule<'missing-persona-score'> = {
  id: 'missing-persona-score',
  severity: 'warning',
  summary: 'A journey step has no emotion score for one of the journey’s personas.',
  check(model, report) {
    const j = model.journey;
    if (!j || j.personas.length === 0) return;
    const personasAt = j.personas[0]!.range;
    const personas = j.personas.map((p) => p.id).join(', ');
    for (const { step } of journeySteps(j)) {
      // Without an emotions mapping the schema already reports the missing property.
      if (!step.emotionsKey) continue;
      const scored = step.emotions.length > FEW_SCORES ? new Set(step.emotions.map((e) => e.persona)) : undefined;
      for (const persona of j.personas) {
        if (isScored(step, persona.id, scored)) continue;
        const insert = insertScore(model.file, step, persona.id, j.scale.neutral);
        report.atRange('missing-persona-score', step.emotionsKey, 'emotion.missingScore', { step: step.def.id, persona: persona.id }, {
          related: [related(model.file, personasAt, 'emotion.missingScoreRelated', { personas })],
          fixes: insert ? [insert] : [],
        });
      }
    }
  },
};

/** Scores a step has up to which a search is quicker than a set made for it (one per step of every journey). */
const FEW_SCORES = 8;

function isScored(step: Step, persona: string, scored: ReadonlySet<string> | undefined): boolean {
  if (scored) return scored.has(persona);
  for (const e of step.emotions) if (e.persona === persona) return true;
  return false;
}

function insertScore(file: string, step: Step, persona: string, neutral: number): Fix | undefined {
  const at = step.scoreInsert;
  // A persona that breaks the ID pattern is never written as a key; a valid one is quoted where needed ("123").
  if (!at || !isValidId(persona)) return undefined;
  const entry = `${yamlScalar(persona)}: ${neutral}`;
  const newText = at.style === 'block' ? `\n${at.indent}${entry}` : at.empty ? entry : `, ${entry}`;
  return fix('fix.addScore', { persona }, [{ file, range: { start: at.position, end: at.position }, newText }]);
}
