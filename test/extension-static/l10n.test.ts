import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('localisation of the extension', () => {
  // Also `t('…')`: modules take vscode.l10n.t as `t` (the pure label modules receive it as a parameter).
  it('translates every string the code passes to vscode.l10n.t', () => {
    const used = new Set<string>();
    for (const file of sources(join(root, 'src/extension'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));
    }
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    const en = json('l10n/bundle.l10n.json');
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((s) => !(s in zh))).toEqual([]);
    expect([...used].filter((s) => !(s in en))).toEqual([]);
    expect(Object.keys(zh).filter((s) => !used.has(s))).toEqual([]);
  });

  it('translates every %key% of package.json', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    expect([...keys].filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(en).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has a Chinese template for every engine message', async () => {
    const { en } = await import('../../src/core/messages/en');
    const { zhCn } = await import('../../src/core/messages/zh-cn');
    for (const [id, text] of Object.entries(en)) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(\|entity)?\}/g)].map((m) => m[0]).sort();
      expect(placeholders(zhCn[id as keyof typeof en]), id).toEqual(placeholders(text));
    }
  });
});
