import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/core/didYouMean';

const range = { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } };
const change = (id: string, newText: string, preferred: boolean) => ({
  title: `Change to "${id}"`,
  messageId: 'fix.replace',
  args: { id },
  edits: [{ file: '/w/a.journey.yaml', range, newText }],
  ...(preferred ? { preferred: true } : {}),
});

describe('didYouMean', () => {
  it('suggests the closest candidate, with one preferred fix', () => {
    const r = didYouMean('hotlnie', ['hotline', 'website', 'app'], '/w/a.journey.yaml', range);
    expect(r).toEqual({ suggestions: ['hotline'], fixes: [change('hotline', 'hotline', true)], related: [] });
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('zzz', ['hotline'], '/w/a.journey.yaml', range)).toEqual({ suggestions: [], fixes: [], related: [] });
  });

  it('offers several, none preferred, each with where it is defined', () => {
    const at = (id: string) => ({ file: '/w/t.touchpoints.yaml', range, message: id });
    const r = didYouMean('报修热线', ['报修热线1', '报修热线2', '前台'], '/w/a.journey.yaml', range, { limit: 3, locate: at });
    expect(r.suggestions).toEqual(['报修热线1', '报修热线2']);
    expect(r.fixes).toEqual([change('报修热线1', '报修热线1', false), change('报修热线2', '报修热线2', false)]);
    expect(r.related).toEqual([at('报修热线1'), at('报修热线2')]);
  });

  it('takes the candidates as given when told to', () => {
    const r = didYouMean('ownr', ['tenant'], '/w/a.journey.yaml', range, { all: true });
    expect(r.fixes).toEqual([change('tenant', 'tenant', true)]);
  });

  it('quotes a suggestion that is not a plain word in YAML', () => {
    const r = didYouMean('on tme', ['on time: always', 'x'], '/w/a.journey.yaml', range, { all: true });
    expect(r.fixes.map((f) => f.edits[0]!.newText)).toEqual(['"on time: always"', 'x']);
  });
});
