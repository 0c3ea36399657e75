import { describe, expect, it } from 'vitest';
import { defaultConfig, ModelCache, Workspace } from '../../src/core';

const PERSONAS = 'peakend: 1\nkind: personas\npersonas:\n  - { id: owner, name: 业主 }\n';
const bytes = (s: string) => new TextEncoder().encode(s);

describe('ModelCache', () => {
  it('a file with the same content and settings is analysed once and its model shared', () => {
    const cache = new ModelCache();
    const config = defaultConfig('/ws');
    const a = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { bytes: bytes(PERSONAS) });
    const b = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { bytes: bytes(PERSONAS) });
    expect(b).toBe(a);
    expect(cache.hits).toBe(1);
  });

  it('other content, another path, or other settings: analysed anew', () => {
    const cache = new ModelCache();
    const config = defaultConfig('/ws');
    const a = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { bytes: bytes(PERSONAS) });
    const edited = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { bytes: bytes(PERSONAS.replace('业主', '租户')) });
    expect(edited).not.toBe(a);
    expect(edited.personas[0]!.name).toBe('租户');
    const moved = new Workspace(config, cache).setFile('/ws/q.personas.yaml', { bytes: bytes(PERSONAS) });
    expect(moved.file).toBe('/ws/q.personas.yaml');
    const other = new Workspace({ ...config, maxFileBytes: 10 }, cache).setFile('/ws/q.personas.yaml', { bytes: bytes(PERSONAS) });
    expect(other.findings.map((f) => f.ruleId)).toEqual(['file-too-large']);
    expect(cache.hits).toBe(0);
  });

  it('text and bytes of the same file are not confused', () => {
    const cache = new ModelCache();
    const config = defaultConfig('/ws');
    const a = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { text: PERSONAS });
    const b = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { bytes: bytes(PERSONAS) });
    expect(b).not.toBe(a);
    expect(b.personas).toEqual(a.personas);
  });

  it('a file that could not be read, for the same reason again, is not analysed again; for another reason it is', () => {
    const cache = new ModelCache();
    const config = defaultConfig('/ws');
    const denied = () => ({ size: 0, error: { message: 'io.permissionDenied', args: { path: '/ws/p.personas.yaml' } } });
    const a = new Workspace(config, cache).setFile('/ws/p.personas.yaml', denied());
    const b = new Workspace(config, cache).setFile('/ws/p.personas.yaml', denied());
    expect(b).toBe(a);
    expect(cache.hits).toBe(1);
    const other = new Workspace(config, cache).setFile('/ws/p.personas.yaml', { size: 0, error: 'EIO: i/o error' });
    expect(other).not.toBe(a);
    expect(other.findings.map((f) => f.ruleId)).toEqual(['file-unreadable']);
    expect(cache.hits).toBe(1);
  });
});
