import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig, type Finding } from '../../src/core';
import { describeFinding } from '../helpers/expectations';

/** Each finding as "rule range messageId: message", and its fixes as "title → new text @ range". */
function findings(name: string, text: string): string[] {
  return analyzeFile(`/ws/${name}`, { text }, defaultConfig('/ws')).findings.map(show);
}

function show(f: Finding): string {
  const fixes = (f.fixes ?? []).map((x) => ` | ${x.title} → ${x.edits.map((e) => `${JSON.stringify(e.newText)} @ ${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.line + 1}:${e.range.end.character + 1}`).join(', ')}`);
  return `${describeFinding(f)} ${f.severity} ${f.messageId}: ${f.message}${fixes.join('')}`;
}

describe('schema findings', () => {
  it('in a standards file: enums with and without a suggestion, limits, types, required, properties not allowed', () => {
    const text = [
      'peakend: 1',
      'kind: standards',
      'id: std',
      'title: S',
      'standards:',
      '  - id: a',
      '    title: A',
      '    requirement: R',
      '    weight: 0',
      '    appliesTo: { channels: [phone] }',
      '    expect: { type: measure, unit: s, comparator: "=>", threshold: 3 }',
      '    critical: yes',
      '    method: mystery-shoping',
      '  - id: b',
      '    title: ""',
      '    requirement: R',
      '    expect: { type: pass-fail, unit: x }',
      '    evidence: [{ date: 2024-1 }]',
      '',
    ].join('\n');
    expect(findings('s.standards.yaml', text)).toEqual([
      'schema 13:13-13:28 error schema.enumSuggest: "mystery-shoping" is not allowed here. Did you mean "mystery-shopping"? | Change to "mystery-shopping" → "mystery-shopping" @ 13:13-13:28',
      'schema 11:51-11:55 error schema.enumSuggest: "=>" is not allowed here. Did you mean ">="? | Change to ">=" → "\\">=\\"" @ 11:51-11:55',
      'schema 9:13-9:14 error schema.exclusiveMinimum: The value 0 must be greater than 0.',
      'schema 12:15-12:18 error schema.type: Expected true or false, found text.',
      'schema 14:5-18:33 error schema.required: Missing property "appliesTo".',
      'schema 14:5-18:33 error schema.required: Missing property "method".',
      'schema 15:12-15:14 error schema.minLength: The text is empty.',
      'schema 17:32-17:36 error schema.propertyNotAllowed: The property "unit" is not allowed here.',
      // A mapping where a word belongs is a type error, not "[object Object] is not allowed".
      'schema 18:16-18:32 error schema.type: Expected text, found a mapping.',
    ]);
  });

  it('in a journey: ID pattern, duplicates in a list, a misspelt property, dates, minimums', () => {
    const text = [
      'peakend: 1',
      'kind: journey',
      'id: a b',
      'title: T',
      'personas: [p, p]',
      'stages:',
      '  - id: s',
      '    title: S',
      '    tittle: x',
      '    steps:',
      '      - id: st',
      '        title: St',
      '        emotions: { p: 1 }',
      '        evidence:',
      '          - { type: survey, date: 2024-1, sampleSize: -1 }',
      '',
    ].join('\n');
    expect(findings('j.journey.yaml', text)).toEqual([
      'schema 3:5-3:8 error schema.idPattern: "a b" cannot be an ID. An ID starts with a letter or digit and holds only letters (Latin or Chinese), digits, "-" and "_" (at most 64 characters): no spaces, "/", "\\" or ".".',
      'schema 5:15-5:16 error schema.uniqueItems: This item appears twice in the list (items 1 and 2).',
      'schema 9:5-9:11 error schema.additionalPropertySuggest: Unknown property "tittle". Did you mean "title"? | Change to "title" → "title" @ 9:5-9:11',
      'schema 15:13-15:59 error schema.required: Missing property "source".',
      'schema 15:15-15:19 error schema.additionalProperty: Unknown property "type".',
      'schema 15:35-15:41 error schema.datePattern: "2024-1" is not a date. Write it YYYY-MM-DD or YYYY-MM.',
      'schema 15:55-15:57 error schema.minimum: The value -1 is below the minimum 1.',
    ]);
  });

  it('in an inventory: maximum and minimum of scores', () => {
    const text = 'peakend: 1\nkind: touchpoints\nid: inv\ntitle: T\ntouchpoints:\n  - { id: a, name: A, phase: service, channel: phone, type: human, importance: 9, performance: 0 }\n';
    expect(findings('t.touchpoints.yaml', text)).toEqual([
      'schema 6:80-6:81 error schema.maximum: The value 9 is above the maximum 5.',
      'schema 6:96-6:97 error schema.minimum: The value 0 is below the minimum 1.',
    ]);
  });
});

describe('kind and version findings', () => {
  it('suggest a kind, list the kinds, or ask for one', () => {
    expect(findings('x.yaml', 'peakend: 1\nkind: jurney\n')).toEqual([
      'unknown-kind 2:7-2:13 error kind.unknownSuggest: Unknown kind "jurney". Did you mean "journey"? | Change to "journey" → "journey" @ 2:7-2:13',
    ]);
    expect(findings('x.yaml', 'peakend: 1\nkind: zzzzzzzz\n')).toEqual([
      'unknown-kind 2:7-2:15 error kind.unknown: Unknown kind "zzzzzzzz". Use one of: journey, touchpoints, standards, personas, config.',
    ]);
    expect(findings('x.yaml', 'peakend: 1\ntitle: t\n')).toEqual([
      'unknown-kind 1:1-1:1 error kind.missingAny: The file does not declare its kind. Add "kind:" with one of: journey, touchpoints, standards, personas, config.',
    ]);
    // A file named for its kind: the schema reports the missing kind.
    expect(findings('x.personas.yaml', 'peakend: 1\npersonas: [{ id: a, name: A }]\n')).toEqual(['schema 1:1-2:31 error schema.required: Missing property "kind".']);
  });

  it('tell a kind that contradicts the file name, and check the file as the kind it declares', () => {
    expect(findings('x.personas.yaml', 'peakend: 1\nkind: journey\nid: j\n')).toEqual([
      'kind-mismatch 2:7-2:14 error kind.mismatch: The file name says this is a personas file, but it declares kind "journey".',
      'schema 1:1-3:6 error schema.required: Missing property "title".',
      'schema 1:1-3:6 error schema.required: Missing property "personas".',
      'schema 1:1-3:6 error schema.required: Missing property "stages".',
    ]);
  });

  it('refuse a top level that is not a mapping, a newer version (unchecked), and a version that is no whole number', () => {
    expect(findings('x.personas.yaml', '- a\n- b\n')).toEqual([
      'schema 1:1-2:4 error yaml.notMapping: A Peakend file is a mapping at the top level, starting with "peakend: 1" and "kind".',
    ]);
    expect(findings('x.personas.yaml', 'peakend: 3\nkind: personas\nbogus: 1\n')).toEqual([
      'unsupported-version 1:10-1:11 error version.unsupported: This file is written in format version 3; this Peakend reads version 1 and older. Update Peakend to check it.',
    ]);
    expect(findings('x.personas.yaml', 'peakend: 1.5\nkind: personas\npersonas: []\n')).toEqual([
      'schema 1:10-1:13 error schema.type: Expected a whole number, found a number.',
      'schema 3:11-3:13 error schema.minItems: The list needs at least 1 item(s).',
    ]);
  });
});

describe('config findings', () => {
  it('rule names: the pattern, unknown rules with and without a suggestion; scales the wrong way round', () => {
    expect(findings('peakend.yaml', 'peakend: 1\nkind: config\nrules: { Bad_Rule: warning, duplicat-id: error }\nscale: { min: 3, max: 1 }\n')).toEqual([
      'schema 3:10-3:18 error schema.pattern: The value "Bad_Rule" does not have the required form.',
      "invalid-scale 4:8-4:26 error scale.minNotBelowMax: The scale's min (3) must be below its max (1).",
      'unknown-rule 3:10-3:18 warning config.unknownRule: Unknown rule "Bad_Rule".',
      'unknown-rule 3:29-3:40 warning config.unknownRuleSuggest: Unknown rule "duplicat-id". Did you mean "duplicate-id"? | Change to "duplicate-id" → "duplicate-id" @ 3:29-3:40',
    ]);
    expect(findings('peakend.yaml', 'peakend: 1\nkind: config\nscale: { min: 1, max: 3, neutral: 5 }\n')).toEqual([
      'invalid-scale 3:8-3:38 error scale.neutralOutside: The neutral point 5 is outside the scale 1 to 3.',
    ]);
    expect(findings('peakend.yaml', 'peakend: 1\nkind: config\nscale: { min: 1, max: 3, neutral: 3 }\n')).toEqual([]);
    expect(findings('peakend.yaml', 'peakend: 1\nkind: config\nscale: { min: 1, max: 3, neutral: 1 }\n')).toEqual([]);
  });
});
