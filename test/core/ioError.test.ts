import { describe, expect, it } from 'vitest';
import { ioErrorDetail } from '../../src/core/workspace/ioError';
import { analyzeFile, defaultConfig } from '../../src/core';
import { localizeFinding } from '../../src/core/messages/render';

const sysError = (code: string, text: string) => Object.assign(new Error(text), { code });

describe('why a read failed', () => {
  it('names a known error code in words, without the absolute path the system puts in its text', () => {
    expect(ioErrorDetail(sysError('EACCES', "EACCES: permission denied, open '/home/a/x.journey.yaml'"))).toEqual({ message: 'io.permissionDenied' });
    expect(ioErrorDetail(sysError('EPERM', 'EPERM'))).toEqual({ message: 'io.permissionDenied' });
    expect(ioErrorDetail(sysError('ENAMETOOLONG', 'x'))).toEqual({ message: 'io.nameTooLong' });
    expect(ioErrorDetail(sysError('ELOOP', 'x'))).toEqual({ message: 'io.linkLoop' });
  });

  it('keeps the text of anything else, and never reads a code from the prototype', () => {
    expect(ioErrorDetail(sysError('EWEIRD', 'EWEIRD: something'))).toBe('EWEIRD: something');
    expect(ioErrorDetail(sysError('constructor', 'odd'))).toBe('odd');
    expect(ioErrorDetail('plain')).toBe('plain');
  });

  it('is localised in the finding', () => {
    const input = { size: 0, error: ioErrorDetail(sysError('EACCES', 'EACCES: permission denied')) };
    expect(analyzeFile('/ws/a.personas.yaml', input, defaultConfig('/ws')).findings[0]!.message).toBe('The file cannot be read: permission denied');
    const f = analyzeFile('/ws/a.personas.yaml', input, defaultConfig('/ws')).findings[0]!;
    expect(localizeFinding(f, 'zh-cn').message).toContain('没有权限');
  });
});
