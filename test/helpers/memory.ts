import type { Finding, Host, Range, TextEdit } from '../../src/core';
import { openWorkspace } from '../../src/core';

const encoder = new TextEncoder();

/** A host over in-memory files, keyed by absolute path. */
export function memoryHost(files: Record<string, string | Uint8Array>): Host {
  const bytes = (p: string) => {
    const v = files[p];
    return typeof v === 'string' ? encoder.encode(v) : v;
  };
  return {
    async readFile(p, maxBytes) {
      const b = bytes(p);
      if (!b) throw new Error(`ENOENT: ${p}`);
      return b.length > maxBytes ? { tooLarge: b.length } : { bytes: b };
    },
    async stat(p) {
      const b = bytes(p);
      if (b) return { type: 'file', size: b.length };
      const prefix = p.endsWith('/') ? p : p + '/';
      return Object.keys(files).some((f) => f.startsWith(prefix)) ? { type: 'directory', size: 0 } : undefined;
    },
    async readDirectory(p) {
      const prefix = p.endsWith('/') ? p : p + '/';
      const names = new Map<string, 'file' | 'directory'>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const [head, ...rest] = f.slice(prefix.length).split('/');
        names.set(head!, rest.length ? 'directory' : 'file');
      }
      return [...names].map(([name, type]) => ({ name, type }));
    },
  };
}

/**
 * Removes ⟦ ⟧ markers from a source text and returns the ranges they enclosed, so that a test's
 * expected positions are written into its fixture where a reader can see them.
 */
export function marked(source: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  const open: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (const ch of source) {
    if (ch === '⟦') open.push({ line, character });
    else if (ch === '⟧') ranges.push({ start: open.pop()!, end: { line, character } });
    else {
      text += ch;
      if (ch === '\n') (line++, (character = 0));
      else character += ch.length;
    }
  }
  return { text, ranges };
}

/** Loads a workspace of in-memory files under /ws and returns its findings. */
export async function check(files: Record<string, string>, config = 'peakend: 1\nkind: config\n'): Promise<Finding[]> {
  const all: Record<string, string> = { '/ws/peakend.yaml': config };
  for (const [name, text] of Object.entries(files)) all[`/ws/${name}`] = text;
  const { workspace } = await openWorkspace(memoryHost(all), '/ws');
  return workspace.findings();
}

/** Applies text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0) + c;
  const sorted = [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character));
  let out = text;
  for (const e of sorted) {
    const s = offset(e.range.start.line, e.range.start.character);
    const t = offset(e.range.end.line, e.range.end.character);
    out = out.slice(0, s) + e.newText + out.slice(t);
  }
  return out;
}
