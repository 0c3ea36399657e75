import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, isValidId } from '../../src/core';

const dir = resolve(__dirname, '../../schemas');
const schemas = Object.fromEntries(readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));

describe('schemas', () => {
  it('share identical common definitions, so one concept means one thing in every file', () => {
    const seen = new Map<string, string>();
    for (const [file, s] of Object.entries(schemas)) {
      for (const [name, def] of Object.entries(s.definitions ?? {})) {
        const text = JSON.stringify(def);
        if (!seen.has(name)) seen.set(name, text);
        else expect(text, `${file} definitions.${name}`).toBe(seen.get(name));
      }
    }
    expect(seen.has('id')).toBe(true);
  });

  it('use the engine\'s ID pattern', () => {
    for (const s of Object.values(schemas)) if (s.definitions?.id) expect(s.definitions.id.pattern).toBe(ID_PATTERN);
  });

  it('describe every property, so hovers have text', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [k, v] of Object.entries((n.properties as Record<string, Record<string, unknown>>) ?? {})) {
        if (!v.description && !v.$ref && !(v.allOf as unknown[] | undefined)?.length) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      for (const [k, v] of Object.entries((n.definitions as Record<string, unknown>) ?? {})) walk(v, `${path}#${k}`);
      if (n.items) walk(n.items, `${path}[]`);
    };
    for (const [file, s] of Object.entries(schemas)) walk(s, file);
    expect(missing).toEqual([]);
  });
});

describe('IDs', () => {
  it('accept Latin and Chinese slugs and refuse anything that could leave a folder', () => {
    for (const ok of ['repair-visit', 'service_hotline', '报修', 'A1', '交房-2026']) expect(isValidId(ok), ok).toBe(true);
    for (const bad of ['../x', 'a/b', 'a\\b', '.hidden', 'a.b', '', '-lead', 'with space', 'x'.repeat(65)]) expect(isValidId(bad), bad).toBe(false);
  });

  it('refuse Windows device names in any letter case, in the engine and in every schema alike', () => {
    const devices = ['CON', 'con', 'Con', 'PRN', 'prn', 'AUX', 'aux', 'NUL', 'nul', 'COM0', 'COM1', 'com9', 'LPT1', 'lPt9'];
    const fine = ['CONSOLE', 'con-room', 'nul1', 'COM10', 'LPT', 'COM', 'auxiliary', 'a-con', '控制台'];
    const re = new RegExp(ID_PATTERN, 'u');
    for (const id of devices) expect([isValidId(id), re.test(id)], id).toEqual([false, false]);
    for (const id of fine) expect([isValidId(id), re.test(id)], id).toEqual([true, true]);
  });
});
