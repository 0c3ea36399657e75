/**
 * The Mermaid encoders against the real parsers: any Unicode text, placed in every kind of text
 * slot of both diagrams, parses on Mermaid 10.9 and 11.17 and comes back exactly as written (after
 * folding newlines and replacing what cannot be text, see plainText).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mermaidLine, mermaidNumber, mermaidString, quadrantCoordinate } from '../../src/core/render/mermaid';
import { plainText } from '../../src/core/render/text';
import { parseError, quadrantTexts, xyChartTexts, type MermaidVersion } from '../helpers/mermaid';

const VERSIONS: MermaidVersion[] = ['v10', 'v11'];

/** Text people and attackers write: any code point, plus the characters that matter to Mermaid. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'#";:,%<>&`\\[](){}|\n\r\t ¶ßﬂ°%%-->éé中文😀🇨🇳‮א'.split(''), '%%', '#35;', '-->', 'ﬂ°°', '¶ß', 'title', 'style a:#f;'), minLength: 1, maxLength: 12 }).map((s) => s),
);

/** Mermaid's own sample of awkward labels, checked in every slot. */
const FIXED = ['a"b', '#', '#35;', '%%{init: {}}%%', 'x:y;z,w', '<b>bold</b> &amp;', '`md`', '交房 ▲A', '😀 emoji', 'مرحبا RTL', ' padded ', '¶ß', 'ﬂ°°35¶ß', 'style x:#fff;', '\\n', 'line\nbreak'];

function xychart(s: string): string {
  return [
    'xychart-beta',
    `  title ${mermaidString(s)}`,
    `  x-axis ${mermaidString(s)} [${mermaidString(s)}, ${mermaidString(`2 ${s}`)}]`,
    `  y-axis ${mermaidString(s)} -5 --> 5`,
    `  line ${mermaidString(s)} [1, -2]`,
    '',
  ].join('\n');
}
function xychartPointLabel(s: string): string {
  return `xychart-beta\n  x-axis [${mermaidString('a')}, ${mermaidString('b')}]\n  line [1 ${mermaidString(s)}, 2]\n`;
}
function quadrant(s: string): string {
  return [
    'quadrantChart',
    `  title ${mermaidLine(s)}`,
    `  x-axis ${mermaidString(s)} --> ${mermaidString(s)}`,
    `  y-axis ${mermaidString(s)} --> ${mermaidString(s)}`,
    `  quadrant-1 ${mermaidString(s)}`,
    `  ${mermaidString(s)}: [0.25, 0.5]`,
    '',
  ].join('\n');
}

async function checkXy(version: MermaidVersion, s: string) {
  const text = xychart(s);
  expect(await parseError(version, text), text).toBeUndefined();
  const t = await xyChartTexts(version, text);
  const want = plainText(s);
  expect(t.title).toBe(want);
  expect(t.xTitle).toBe(want);
  expect(t.yTitle).toBe(want);
  expect(t.categories).toEqual([want, `2 ${want}`]);
  expect(t.series[0]!.title).toBe(want);
  expect(t.series[0]!.values).toEqual([1, -2]);
}

async function checkPointLabel(s: string) {
  const text = xychartPointLabel(s);
  expect(await parseError('v11', text), text).toBeUndefined();
  expect((await xyChartTexts('v11', text)).series[0]!.labels).toEqual([plainText(s), '']);
}

async function checkQuadrant(version: MermaidVersion, s: string) {
  const text = quadrant(s);
  expect(await parseError(version, text), text).toBeUndefined();
  const t = await quadrantTexts(version, text);
  const want = plainText(s);
  expect(t.title).toBe(want);
  expect(t.axes).toEqual([want, want, want, want]);
  expect(t.quadrants[0]).toBe(want);
  expect(t.points.map((p) => p.text)).toEqual([want]);
}

describe('mermaidString and mermaidLine', () => {
  it('encode the characters that would end, split or comment out a string, and nothing else', () => {
    expect(mermaidString('a"b#c;d:e,f%g<h>i&j`k')).toBe('"a#34;b#35;c#59;d#58;e#44;f#37;g#60;h#62;i#38;j#96;k"');
    expect(mermaidString('交房 ▲A 😀')).toBe('"交房 ▲A 😀"');
    expect(mermaidString('two\nlines\r\nhere')).toBe('"two lines here"');
    expect(mermaidLine(' x ')).toBe('#32;x#32;');
  });

  for (const version of VERSIONS) {
    it(`keep fixed awkward labels intact through Mermaid ${version}`, async () => {
      for (const s of FIXED) {
        await checkXy(version, s);
        await checkQuadrant(version, s);
      }
    });
    it(`keep arbitrary Unicode intact through Mermaid ${version} (xychart and quadrantChart)`, async () => {
      await fc.assert(
        fc.asyncProperty(hostile, async (s) => {
          await checkXy(version, s);
          await checkQuadrant(version, s);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('keep point labels intact through Mermaid 11', async () => {
    for (const s of FIXED) await checkPointLabel(s);
    await fc.assert(fc.asyncProperty(hostile, checkPointLabel), { numRuns: 60 });
  });
});

describe('numbers', () => {
  it('write data values without exponent or negative zero', () => {
    expect(mermaidNumber(-0)).toBe('0');
    expect(mermaidNumber(2.5)).toBe('2.5');
    expect(mermaidNumber(1 / 3)).toBe('0.333');
    expect(mermaidNumber(1e-7)).toBe('0');
  });
  it('write quadrant coordinates the lexer accepts: 0, 1 or 0.x', () => {
    expect([0, 1, 0.5, 0.125, -1, 2, 0.9999, 0.0004].map(quadrantCoordinate)).toEqual(['0', '1', '0.5', '0.125', '0', '1', '1', '0']);
    fc.assert(fc.property(fc.double({ noNaN: true }), (v) => /^(1|0|0\.\d+)$/.test(quadrantCoordinate(v))));
  });
});

describe('the encoders on text with nothing to encode', () => {
  // The replacements as written before the quick return for text without a special character.
  const entity = (c: string) => `#${c.codePointAt(0)};`;
  const reference = (s: string) =>
    plainText(s)
      .replace(/[#"<>&%;:,`\\¶\ufb02]/g, entity)
      .replace(/^\s+|\s+$/gu, (ws) => [...ws].map(entity).join(''));
  const pieces = ['a', '旅程', ' ', '\u3000', '\u00a0', '\t', '\n', '#', '"', ';', ':', ',', '\\', '¶', '\ufb02', '%', '&', '<', '😀', '\ud83d', '-', '1'];

  it('give what the full replacements give', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.string(), (parts, any) => {
        for (const s of [parts.join(''), any]) {
          expect(mermaidLine(s)).toBe(reference(s));
          expect(mermaidString(s)).toBe(`"${reference(s)}"`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
