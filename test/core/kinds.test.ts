import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, DEFAULT_INCLUDE, DOCUMENT_KINDS, KINDS, kindFromFileName, templateFileName } from '../../src/core';

const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { yamlValidation: { fileMatch: string[]; url: string }[] };
};

describe('the table of document kinds', () => {
  it('is what package.json activates on: a workspace holding any file of any kind', () => {
    expect(pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:'))).toEqual([
      'workspaceContains:**/*.journey.yaml',
      'workspaceContains:**/*.journey.yml',
      'workspaceContains:**/*.touchpoints.yaml',
      'workspaceContains:**/*.touchpoints.yml',
      'workspaceContains:**/*.standards.yaml',
      'workspaceContains:**/*.standards.yml',
      'workspaceContains:**/*.personas.yaml',
      'workspaceContains:**/*.personas.yml',
      'workspaceContains:**/peakend.yaml',
      'workspaceContains:**/peakend.yml',
    ]);
    const fromTable = DOCUMENT_KINDS.flatMap((k) => [...KINDS[k].endings.map((e) => `**/*${e}`), ...KINDS[k].names.map((n) => `**/${n}`)]);
    expect(pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:'))).toEqual(fromTable.map((g) => `workspaceContains:${g}`));
  });

  it('is what package.json hands yaml-language-server: each YAML kind its files and its schema', () => {
    const yamlKinds = DOCUMENT_KINDS.filter((k) => KINDS[k].format === 'yaml');
    expect(pkg.contributes.yamlValidation).toEqual(
      yamlKinds.map((k) => ({ fileMatch: [...KINDS[k].endings.map((e) => `*${e}`), ...KINDS[k].names], url: `./schemas/${k}.schema.json` })),
    );
    for (const k of yamlKinds) {
      expect(JSON.parse(readFileSync(resolve(root, `schemas/${k}.schema.json`), 'utf8'))).toEqual(KINDS[k].schema);
    }
    expect(pkg.contributes.yamlValidation[4]).toEqual({ fileMatch: ['peakend.yaml', 'peakend.yml'], url: './schemas/config.schema.json' });
  });

  it('gives the include globs, the config names and new files’ names', () => {
    expect(DEFAULT_INCLUDE).toEqual([
      '**/*.journey.yaml',
      '**/*.journey.yml',
      '**/*.touchpoints.yaml',
      '**/*.touchpoints.yml',
      '**/*.standards.yaml',
      '**/*.standards.yml',
      '**/*.personas.yaml',
      '**/*.personas.yml',
    ]);
    expect(CONFIG_FILE_NAMES).toEqual(['peakend.yaml', 'peakend.yml']);
    expect(templateFileName('journey', '业主')).toBe('业主.journey.yaml');
    expect(templateFileName('standards', 'hotline')).toBe('hotline.standards.yaml');
  });

  it('maps file names to kinds, without letter case, and nothing else', () => {
    expect(kindFromFileName('/w/a/业主.journey.yaml')).toBe('journey');
    expect(kindFromFileName('/w/A.Touchpoints.YML')).toBe('touchpoints');
    expect(kindFromFileName('/w/x.standards.yml')).toBe('standards');
    expect(kindFromFileName('p.personas.yaml')).toBe('personas');
    expect(kindFromFileName('/w/sub/Peakend.yaml')).toBe('config');
    expect(kindFromFileName('/w/peakend.yml')).toBe('config');
    expect(kindFromFileName('/w/x.journey.json')).toBeUndefined();
    expect(kindFromFileName('/w/journey.yaml')).toBeUndefined();
    expect(kindFromFileName('/w/my-peakend.yaml')).toBeUndefined();
    expect(kindFromFileName('/w/x.journey.yaml/readme.md')).toBeUndefined();
  });

  it('is the only place in src/ and scripts/ that spells a kind’s file names', () => {
    const offenders: string[] = [];
    for (const file of sources()) {
      if (file.endsWith('src/core/kinds.ts')) continue;
      const text = readFileSync(file, 'utf8');
      // A file-name pattern or literal: "*.journey.yaml", "{journey,touchpoints}.{yaml,yml}", "'peakend.yml'".
      if (/\*\.(journey|touchpoints|standards|personas)\.|\{journey,|\.\{yaml,yml\}|['"`]peakend\.ya?ml['"`]|ya\?ml/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = resolve(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mjs|js)$/.test(name)) out.push(p);
    }
  };
  walk(resolve(root, 'src'));
  walk(resolve(root, 'scripts'));
  return out;
}
