import type { Finding } from '../../core/finding';

/** "3 errors, 1 warning in 12 files" */
export function summaryLine(findings: readonly Finding[], fileCount: number): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  const infos = count('info');
  if (infos) parts.push(plural(infos, 'info'));
  return `${parts.join(', ')} in ${plural(fileCount, 'file')}`;
}
