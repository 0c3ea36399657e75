import { toLanguage, type Language } from '../core';

/** The message language: --lang, else PEAKEND_LANG, LC_ALL, LC_MESSAGES, LANG (an empty variable counts as unset, as in POSIX). */
export function languageOf(flag: string | undefined, env: Record<string, string | undefined>): Language {
  const locale = [flag, env.PEAKEND_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find(Boolean);
  // "zh_TW.UTF-8" is read as "zh-TW".
  return toLanguage(locale?.replace(/[.@].*$/, '').replace(/_/g, '-'));
}
