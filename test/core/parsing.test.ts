import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig } from '../../src/core';
import { describeFinding } from '../helpers/expectations';

/** Each finding of one file as "rule range messageId args". */
function findings(name: string, text: string): string[] {
  return analyzeFile(`/ws/${name}`, { text }, defaultConfig('/ws')).findings.map((f) => `${describeFinding(f)} ${f.messageId} ${JSON.stringify(f.args)}`);
}

const PERSONAS = 'peakend: 1\nkind: personas\npersonas: [{ id: a, name: A }]\n';

describe('parsing YAML', () => {
  it('reports a second document at its separator, counting every document', () => {
    expect(findings('p.personas.yaml', `${PERSONAS}---\nkind: personas\n---\nx: 1\n`)).toEqual(['yaml-multiple-documents 4:1-4:4 yaml.multipleDocuments {"count":3}']);
    expect(findings('p.personas.yaml', `# c\n---\n${PERSONAS}--- # two\nx: 1\n`)).toEqual(['yaml-multiple-documents 6:1-6:4 yaml.multipleDocuments {"count":2}']);
  });

  it('reports every tag by its written form, and checks the rest of the file', () => {
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas: [{ id: a, name: !!binary aGk= }]\nm: !include x.yaml\nn: !<tag:x> y\n')).toEqual([
      'yaml-unsupported-tag 3:27-3:35 yaml.tag {"tag":"!!binary"}',
      'yaml-unsupported-tag 4:4-4:12 yaml.tag {"tag":"!include"}',
      'yaml-unsupported-tag 5:4-5:12 yaml.tag {"tag":"!<tag:x>"}',
      'schema 4:1-4:2 schema.additionalProperty {"property":"m"}',
      'schema 5:1-5:2 schema.additionalProperty {"property":"n"}',
    ]);
  });

  it('marks a repeated key, a tab and a syntax error, without the library\'s line and column in the text', () => {
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n  - id: a\n    name: A\n    id: b\n')).toEqual(['yaml-duplicate-key 6:5-6:7 yaml.duplicateKey {"key":"id"}']);
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas:\n\t- id: a\n')).toEqual(['yaml-syntax 4:1-4:2 yaml.tab {}']);
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: personas\npersonas: [\n')).toEqual([
      'yaml-syntax 4:1-4:1 yaml.syntax {"detail":"Flow sequence in block collection must be sufficiently indented and end with a ]"}',
    ]);
  });

  it('calls a file without a document empty, and a document that is not a mapping not a Peakend file', () => {
    for (const text of ['', '# only a comment\n\n', '\n']) expect(findings('p.personas.yaml', text)).toEqual(['file-empty 1:1-1:1 file.empty {}']);
    expect(findings('p.personas.yaml', '~\n')).toEqual(['schema 1:1-1:2 yaml.notMapping {}']);
    // "---" alone is a document with nothing in it: empty, as a file without any document.
    expect(findings('p.personas.yaml', '---\n')).toEqual(findings('p.personas.yaml', ''));
    expect(findings('p.personas.yaml', '- a\n- b\n')).toEqual(['schema 1:1-2:4 yaml.notMapping {}']);
  });
});

describe('what a broken file still gets checked for', () => {
  it('after a syntax error: nothing but the syntax (no schema, no scores, no scales)', () => {
    const text = 'peakend: 1\nkind: journey\nid: j\ntitle: t\npersonas: [a]\nscale: { min: 2, max: 1 }\nstages: [{ id: s, title: s, steps: [{ id: x, title: x, emotions: { a: 9 } }] }]\nbad: [\n';
    expect(findings('j.journey.yaml', text)).toEqual(['yaml-syntax 9:1-9:1 yaml.syntax {"detail":"Flow sequence in block collection must be sufficiently indented and end with a ]"}']);
    const model = analyzeFile('/ws/j.journey.yaml', { text }, defaultConfig('/ws'));
    expect(model.def?.id).toBe('j');
    expect(model.journey?.stages.map((s) => s.def.id)).toEqual(['s']);
  });

  it('with an unknown kind: the kind the file name gives, except for the kind property itself', () => {
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: jurney\npersonas: [{ id: a, name: A }]\nextra: 1\n')).toEqual([
      'unknown-kind 2:7-2:13 kind.unknownSuggest {"kind":"jurney","suggestion":"journey"}',
      'schema 4:1-4:6 schema.additionalProperty {"property":"extra"}',
    ]);
    const model = analyzeFile('/ws/p.personas.yaml', { text: 'peakend: 1\nkind: jurney\npersonas: [{ id: a, name: A }]\n' }, defaultConfig('/ws'));
    expect([model.kind, model.kindUnknown, model.personas.map((p) => p.def.id)]).toEqual(['personas', true, ['a']]);
  });

  it('with a kind that is a list, a mapping or empty: what a kind is, at the value, never an empty name', () => {
    const allowed = '{"allowed":"journey, touchpoints, standards, personas, config"}';
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: [personas]\npersonas: [{ id: a, name: A }]\n')).toEqual([`unknown-kind 2:7-2:17 kind.notName ${allowed}`]);
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: { a: b }\npersonas: [{ id: a, name: A }]\n')).toEqual([`unknown-kind 2:7-2:15 kind.notName ${allowed}`]);
    expect(findings('p.personas.yaml', 'peakend: 1\nkind: ""\npersonas: [{ id: a, name: A }]\n')).toEqual([`unknown-kind 2:7-2:9 kind.notName ${allowed}`]);
    const model = analyzeFile('/ws/p.personas.yaml', { text: 'peakend: 1\nkind: [personas]\npersonas: [{ id: a, name: A }]\n' }, defaultConfig('/ws'));
    expect([model.kind, model.kindUnknown]).toEqual(['personas', true]);
  });

  it('with a version that is not a whole number: the schema says so, and the file is checked as version 1', () => {
    expect(findings('p.personas.yaml', 'peakend: 2.5\nkind: personas\npersonas: [{ id: a, name: A }]\n')).toEqual(['schema 1:10-1:13 schema.type {"expected":{"message":"type.integer"},"actual":{"message":"type.number"}}']);
    expect(findings('p.personas.yaml', 'peakend: "1"\nkind: personas\npersonas: [{ id: a, name: A }]\n')).toEqual(['schema 1:10-1:13 schema.type {"expected":{"message":"type.integer"},"actual":{"message":"type.string"}}']);
    const future = analyzeFile('/ws/p.personas.yaml', { text: 'peakend: 2\nkind: personas\npersonas: [{ id: a, name: A }]\nx: 1\n' }, defaultConfig('/ws'));
    expect([future.version, future.findings.map((f) => f.ruleId), future.personas.map((p) => p.def.id)]).toEqual([2, ['unsupported-version'], ['a']]);
    expect(analyzeFile('/ws/p.personas.yaml', { text: PERSONAS }, defaultConfig('/ws')).version).toBe(1);
  });
});
