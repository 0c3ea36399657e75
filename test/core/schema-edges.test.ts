import { describe, expect, it } from 'vitest';
import { analyzeFile, defaultConfig } from '../../src/core';
import { describeFinding } from '../helpers/expectations';

/** Each finding as "range messageId: message" (ranges 1-based, as describeFinding writes them). */
function findings(name: string, text: string): string[] {
  return analyzeFile(`/ws/${name}`, { text }, defaultConfig('/ws')).findings.map((f) => `${describeFinding(f)} ${f.messageId}: ${f.message}`);
}

/** A standards file whose one standard is valid, followed by `more` (lines from line 11). */
const standards = (more: string) =>
  `peakend: 1\nkind: standards\nid: std\ntitle: S\nstandards:\n  - id: a\n    title: A\n    requirement: R\n    appliesTo: { channels: [phone] }\n    expect: { type: pass-fail }\n${more}`;

describe('schema findings at the edges', () => {
  it('say once that an empty value is missing, without calling it the text "null"', () => {
    expect(findings('s.standards.yaml', standards('    method:\n'))).toEqual(['schema 11:5-11:11 schema.type: Expected text, found nothing.']);
  });

  it('list the allowed values when none is close', () => {
    expect(findings('s.standards.yaml', standards('    method: zzzzzzzz\n'))).toEqual([
      'schema 11:13-11:21 schema.enum: "zzzzzzzz" is not allowed here. Use one of: observation, mystery-shopping, record-review, survey.',
    ]);
  });

  it('name the type found: a list, a mapping, a whole number, a number', () => {
    expect(findings('s.standards.yaml', standards('    method: survey\n    weight: [1]\n    critical: { a: 1 }\n    dimension: 3\n'))).toEqual([
      'schema 14:16-14:17 schema.type: Expected text, found a whole number.',
      'schema 12:13-12:16 schema.type: Expected a number, found a list.',
      'schema 13:15-13:23 schema.type: Expected true or false, found a mapping.',
    ]);
    expect(findings('s.standards.yaml', standards('    method: survey\n    dimension: 1.5\n'))).toEqual(['schema 12:16-12:19 schema.type: Expected text, found a number.']);
  });

  it('point at the key of an empty value, name a reserved ID, an empty selector and each key not allowed', () => {
    const text = standards('    method: survey\n  - id: CON\n    title:\n    requirement: R\n    method: survey\n    appliesTo: {}\n    expect: { type: pass-fail, unit: x, comparator: "<" }\n');
    expect(findings('s.standards.yaml', text)).toEqual([
      'schema 12:9-12:12 schema.idReserved: "CON" cannot be an ID: it is the name of a Windows device (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in any letter case), and IDs become file names. Choose another ID.',
      'schema 13:5-13:10 schema.type: Expected text, found nothing.',
      'schema 16:16-16:18 schema.minProperties: The mapping needs at least 1 entry.',
      // Two keys of one mapping break the same rule: a finding on each.
      'schema 17:32-17:36 schema.propertyNotAllowed: The property "unit" is not allowed here.',
      'schema 17:41-17:51 schema.propertyNotAllowed: The property "comparator" is not allowed here.',
    ]);
  });

  it('give a key of the wrong form in peakend.yaml the plain pattern message', () => {
    const text = 'peakend: 1\nkind: config\nrules:\n  Weak_Ending: off\n  X: off\n';
    expect(findings('peakend.yaml', text).filter((f) => f.startsWith('schema '))).toEqual([
      'schema 4:3-4:14 schema.pattern: The value "Weak_Ending" does not have the required form.',
      'schema 5:3-5:4 schema.pattern: The value "X" does not have the required form.',
    ]);
  });
});
