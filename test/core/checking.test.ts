import { describe, expect, it } from 'vitest';
import { analyzeFile, checkPaths, defaultConfig, Workspace } from '../../src/core';
import { makeFinding } from '../../src/core/report';
import { describeFinding } from '../helpers/expectations';
import { memoryHost } from '../helpers/memory';

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: p, name: P }\n';
const JOURNEY = (persona: string, id = 'j') => `peakend: 1\nkind: journey\nid: ${id}\ntitle: t\npersonas: [${persona}]\nstages:\n  - { id: s, title: s, steps: [{ id: a, title: a, emotions: { ${persona}: 0 } }] }\n`;

describe('checking paths', () => {
  it('groups files and folders by workspace and keeps only findings inside what was asked for', async () => {
    const host = memoryHost({
      '/ws/peakend.yaml': 'peakend: 1\nkind: config\n',
      '/ws/p.personas.yaml': PERSONAS,
      '/ws/a/j.journey.yaml': JOURNEY('ghost'),
      '/ws/b/j.journey.yaml': JOURNEY('ghost', 'j2'),
      '/ws/b/k.journey.yaml': JOURNEY('p', 'k'),
      '/other/j.journey.yaml': JOURNEY('p'),
    });
    const r = await checkPaths(host, ['/ws/a', '/ws/b/k.journey.yaml', '/other/j.journey.yaml']);
    expect(r.workspaces).toHaveLength(2);
    expect(r.files).toEqual(['/ws/a/j.journey.yaml', '/ws/b/k.journey.yaml', '/other/j.journey.yaml']);
    expect(r.findings.map((f) => `${f.file} ${describeFinding(f)}`)).toEqual([
      '/ws/a/j.journey.yaml unknown-persona 5:12-5:17',
      // Each journey's one step scores 0: nothing above neutral to remember.
      '/ws/a/j.journey.yaml no-positive-peak 7:70-7:71',
      '/ws/b/k.journey.yaml no-positive-peak 7:66-7:67',
      '/other/j.journey.yaml unknown-persona 5:12-5:13',
      '/other/j.journey.yaml no-positive-peak 7:66-7:67',
    ]);
    // A folder that is the workspace itself: everything in it.
    expect((await checkPaths(host, ['/ws'])).files).toEqual(['/ws/peakend.yaml', '/ws/a/j.journey.yaml', '/ws/b/j.journey.yaml', '/ws/b/k.journey.yaml', '/ws/p.personas.yaml']);
  });
});

describe('findings', () => {
  it('carry related locations and fixes only when there are some', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const bare = makeFinding('unknown-rule', '/f', range, 'config.unknownRule', { rule: 'x' }, { related: [], fixes: [] });
    expect(bare).toEqual({ ruleId: 'unknown-rule', severity: 'warning', message: 'Unknown rule "x".', messageId: 'config.unknownRule', args: { rule: 'x' }, file: '/f', range });
    expect(Object.keys(bare)).not.toContain('related');
    expect(Object.keys(bare)).not.toContain('fixes');
    expect(makeFinding('no-such-rule' as never, '/f', range, 'config.unknownRule', { rule: 'x' }).severity).toBe('error');
  });

  it('count a lone surrogate as the three bytes it is saved as', () => {
    const small = { ...defaultConfig('/ws'), maxFileBytes: 1024 };
    const rule = (text: string) => analyzeFile('/ws/a.journey.yaml', { text }, small).findings[0]!.ruleId;
    // Totals of 1024 bytes pass, 1025 do not: one byte miscounted either way changes the finding.
    const x = (n: number) => `#${'x'.repeat(n - 1)}`;
    expect(rule(`${x(1021)}\ud800`)).toBe('file-empty');
    expect(rule(`${x(1022)}\ud800`)).toBe('file-too-large');
    expect(rule(`${x(1022)}\udc00`)).toBe('file-too-large');
    expect(rule(`${x(1023)}\u007f`)).toBe('file-empty');
    expect(rule(`${x(1023)}\u0080`)).toBe('file-too-large');
    expect(rule(`${x(1022)}\u07ff`)).toBe('file-empty');
    expect(rule(`${x(1022)}\u0800`)).toBe('file-too-large');
    expect(rule(`${x(1020)}\ud800\udc00`)).toBe('file-empty');
    expect(rule(`${x(1020)}\udbff\udfff`)).toBe('file-empty');
    expect(rule(`${x(1021)}\udbff\udfff`)).toBe('file-too-large');
    expect(rule(`${x(1021)}\ud7ff`)).toBe('file-empty');
    expect(rule(`${x(1022)}\ud7ff`)).toBe('file-too-large');
  });

  it('of a buffer drop its BOM before positions are counted', () => {
    const ws = new Workspace(defaultConfig('/ws'));
    ws.setFile('/ws/p.personas.yaml', { text: '\ufeffpeakend: 1\nkind: personas\npersonas:\n  - { id: p, name: P }\nx: 1\n' });
    expect(ws.findings().map(describeFinding)).toEqual(['schema 5:1-5:2']);
    expect(ws.getFile('/ws/p.personas.yaml')!.lines.text.startsWith('peakend')).toBe(true);
  });
});
