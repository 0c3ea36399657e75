import { toLanguage, type Language } from '../core';

/**
 * The message language: --lang, else PEAKEND_LANG, LC_ALL, LC_MESSAGES, LANG (an empty variable counts
 * as unset, as in POSIX). toLanguage reads POSIX locales such as "zh_CN.UTF-8" as they are.
 */
export function languageOf(flag: string | undefined, env: Record<string, string | undefined>): Language {
  return toLanguage([flag, env.PEAKEND_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find(Boolean));
}
