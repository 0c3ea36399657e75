import { renderMessage, type Finding, type Language } from '../../core';

/** "3 errors, 1 warning in 12 files" (English plurals by hand; other languages from the catalog). */
export function summaryLine(findings: readonly Finding[], fileCount: number, lang: Language = 'en'): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  if (lang !== 'en') {
    return renderMessage(infos ? 'summary.lineInfo' : 'summary.line', { errors, warnings, infos, files: fileCount }, lang);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos) parts.push(plural(infos, 'info'));
  return `${parts.join(', ')} in ${plural(fileCount, 'file')}`;
}
